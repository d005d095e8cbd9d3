package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Canonical requests for tests, taken from the conformance vectors so that adapters, our own
 * modules and the kit agree on them. Every constant is immutable.
 */
public final class Fixtures {
  /** The tenant of the fixtures and of most vectors. */
  public static final String TENANT = "tenant-demo";

  /**
   * The smallest valid request: {@code entitlement_status} with the builder's defaults for {@value
   * #TENANT}.
   */
  public static final ControlPlaneRequest MINIMAL;

  /** One valid request per operation, with the builder's defaults, in the contract's order. */
  public static final List<ControlPlaneRequest> ALL_OPERATIONS;

  static {
    List<ControlPlaneRequest> all = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      all.add(request(operation));
    }
    ALL_OPERATIONS = List.copyOf(all);
    MINIMAL = ALL_OPERATIONS.get(0);
  }

  private Fixtures() {}

  /** The {@code <operation>: defaults} vector's request. */
  public static ControlPlaneRequest request(Operation operation) {
    ConformanceCase c =
        ConformanceVectors.load()
            .find(operation.wireName() + ": defaults")
            .orElseThrow(() -> new IllegalStateException("no defaults vector for " + operation));
    return ContractJson.defaults()
        .parseRequest(c.requestTemplate().getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #ALL_OPERATIONS} as a stream, for parameterized tests. */
  public static Stream<ControlPlaneRequest> allOperations() {
    return ALL_OPERATIONS.stream();
  }

  /**
   * A request body that must be refused: {@link #MINIMAL} with a freshly generated GitHub-shaped
   * token as its tenant id. The token is new on every call, so a test can check it never comes
   * back.
   */
  public static String withSecret() {
    return Canaries.fresh(new SecureRandom())
        .plant(
            ConformanceVectors.load()
                .find("envelope: canary-in-tenant-id")
                .orElseThrow()
                .requestTemplate());
  }
}
