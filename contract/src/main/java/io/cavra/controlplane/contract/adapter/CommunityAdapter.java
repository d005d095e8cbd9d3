package io.cavra.controlplane.contract.adapter;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.ErrorCode;
import java.util.Map;

/**
 * The Community edition's adapter: it implements no operation, and answers each one as the contract
 * defines for a deployment without a private service — the onboarding unavailable response for
 * {@code tenant_onboarding}, the generic {@code requires_private_service} response for everything
 * else. Stateless and thread-safe.
 */
public final class CommunityAdapter implements ControlPlaneAdapter {
  /** The adapter's name. */
  public static final String NAME = "community";

  @Override
  public ControlPlaneResponse handle(ControlPlaneRequest request, Caller caller) {
    return ControlPlaneAdapter.unavailableAnswer(request);
  }

  /** Registers {@link CommunityAdapter} under {@value #NAME}; it takes no settings. */
  public static final class Provider implements ControlPlaneAdapterProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "answers every operation with the contract's requires_private_service response";
    }

    @Override
    public ControlPlaneAdapter create(Map<String, String> settings) {
      if (!settings.isEmpty()) {
        throw ContractException.of(
            ErrorCode.UNKNOWN_FIELD, "adapter-setting", "the community adapter takes no settings");
      }
      return new CommunityAdapter();
    }
  }
}
