package io.cavra.controlplane.contract.adapter;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Creates {@link ControlPlaneAdapter}s by name; registered with {@link ServiceLoader} under {@code
 * META-INF/services/io.cavra.controlplane.contract.adapter.ControlPlaneAdapterProvider} (or {@code
 * provides … with …} in a module descriptor).
 *
 * <pre>{@code
 * public final class AcmeAdapterProvider implements ControlPlaneAdapterProvider {
 *   public String name() { return "acme"; }
 *   public ControlPlaneAdapter create(Map<String, String> settings) {
 *     return new AcmeAdapter(Path.of(settings.getOrDefault("state-file", "tenants.json")));
 *   }
 * }
 * }</pre>
 */
public interface ControlPlaneAdapterProvider {

  /** The adapter's name, e.g. {@code community}; lower-case letters, digits and dashes. */
  String name();

  /** A one-line description shown by tools that list adapters. */
  default String description() {
    return name();
  }

  /**
   * Creates the adapter. {@code settings} come from the host's configuration (for the gateway,
   * {@code --adapter-setting KEY=VALUE}); unknown keys should be refused with a clear message.
   */
  ControlPlaneAdapter create(Map<String, String> settings) throws Exception;

  /** Every provider visible to {@code loader}, the built-in {@code community} one included. */
  static List<ControlPlaneAdapterProvider> all(ClassLoader loader) {
    List<ControlPlaneAdapterProvider> providers = new ArrayList<>();
    for (ControlPlaneAdapterProvider provider :
        ServiceLoader.load(ControlPlaneAdapterProvider.class, loader)) {
      providers.add(provider);
    }
    if (providers.stream().noneMatch(p -> p.name().equals(CommunityAdapter.NAME))) {
      providers.add(0, new CommunityAdapter.Provider());
    }
    return List.copyOf(providers);
  }

  /**
   * The provider called {@code name}.
   *
   * @throws ContractException {@code invalid_value} at {@code adapter} naming the known adapters
   */
  static ControlPlaneAdapterProvider named(String name, ClassLoader loader) {
    List<ControlPlaneAdapterProvider> providers = all(loader);
    for (ControlPlaneAdapterProvider provider : providers) {
      if (provider.name().equals(name)) {
        return provider;
      }
    }
    List<String> names = new ArrayList<>();
    providers.forEach(p -> names.add(p.name()));
    throw ContractException.of(
        ErrorCode.INVALID_VALUE,
        "adapter",
        "unknown adapter; known adapters: " + String.join(", ", names));
  }
}
