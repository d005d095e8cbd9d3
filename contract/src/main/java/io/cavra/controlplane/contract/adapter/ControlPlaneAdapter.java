package io.cavra.controlplane.contract.adapter;

import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.Operation;
import java.util.Set;

/**
 * A private (or the Community) implementation of the control plane: given a parsed, validated and
 * guarded request and the caller's identity, it returns the response. This is the one interface an
 * Enterprise team implements; a private adapter depends on the {@code contract} module only.
 *
 * <p>Hosts such as the reference gateway find adapters by name through {@link
 * ControlPlaneAdapterProvider} and {@link java.util.ServiceLoader}, and they enforce the contract
 * on both sides: requests are validated before {@link #handle} sees them, and every response is
 * checked (same operation, correlation id and tenant, valid shape, no secret material) before it
 * leaves. Implementations must be thread-safe.
 */
public interface ControlPlaneAdapter extends AutoCloseable {

  /**
   * Answers {@code request}. For an operation outside {@link #capabilities()} the contract's answer
   * is {@link ControlPlaneResponse#unavailable} (or {@link
   * ControlPlaneResponse#onboardingUnavailable} for tenant onboarding).
   *
   * @throws Exception any failure; hosts turn it into a "bad gateway" answer without its message
   */
  ControlPlaneResponse handle(ControlPlaneRequest request, Caller caller) throws Exception;

  /**
   * The operations this adapter answers with its own data (its capability declaration). For every
   * other operation it must answer with the contract's unavailable response. Default: none.
   */
  default Set<Operation> capabilities() {
    return Set.of();
  }

  /** Releases resources; the default does nothing. */
  @Override
  default void close() throws Exception {}

  /**
   * The answer a deployment without a private service gives for {@code request}: the onboarding
   * unavailable response for {@code tenant_onboarding}, the generic unavailable response otherwise.
   */
  static ControlPlaneResponse unavailableAnswer(ControlPlaneRequest request) {
    return request.operation() == Operation.TENANT_ONBOARDING
        ? ControlPlaneResponse.onboardingUnavailable(request)
        : ControlPlaneResponse.unavailable(request);
  }
}
