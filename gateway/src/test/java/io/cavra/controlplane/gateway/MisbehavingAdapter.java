package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.Summary;
import io.cavra.controlplane.contract.adapter.Caller;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapterProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * A test adapter, found by ServiceLoader as {@code misbehaving}, whose setting {@code mode} picks
 * how it answers: {@code honest}, {@code wrong-correlation}, {@code other-tenant}, {@code
 * wrong-operation}, {@code secret-in-summary}, {@code marker-in-summary}, {@code throws}, {@code
 * null}, {@code slow} (setting {@code delay-ms}) or {@code blocked} (until {@link #RELEASE}).
 */
final class MisbehavingAdapter implements ControlPlaneAdapter {
  static final String NAME = "misbehaving";

  /** Released once each time {@link #handle} is entered. */
  static final Semaphore ENTERED = new Semaphore(0);

  /** Blocked calls wait for a permit here. */
  static final Semaphore RELEASE = new Semaphore(0);

  /** The callers seen, in order. */
  static final ConcurrentLinkedQueue<Caller> CALLERS = new ConcurrentLinkedQueue<>();

  /** Text the default guard lets through, for tests of a stricter gateway guard. */
  static final String MARKER = "internal-marker-7f3a";

  private final String mode;
  private final long delayMillis;

  MisbehavingAdapter(String mode, long delayMillis) {
    this.mode = mode;
    this.delayMillis = delayMillis;
  }

  /** A credential-shaped canary, assembled at run time so no committed file holds one. */
  static String canary() {
    return "gh" + "p_" + "1".repeat(36);
  }

  static void reset() {
    ENTERED.drainPermits();
    RELEASE.drainPermits();
    CALLERS.clear();
  }

  @Override
  public Set<Operation> capabilities() {
    return Set.of(Operation.POLICY_REGISTRY_READINESS);
  }

  @Override
  public void close() {}

  @Override
  public ControlPlaneResponse handle(ControlPlaneRequest request, Caller caller) throws Exception {
    CALLERS.add(caller);
    ENTERED.release();
    switch (mode) {
      case "honest":
        return ControlPlaneAdapter.unavailableAnswer(request);
      case "wrong-correlation":
        return ControlPlaneAdapter.unavailableAnswer(
            copy(request, request.tenantId(), "wrong-" + request.correlationId()));
      case "other-tenant":
        return ControlPlaneAdapter.unavailableAnswer(
            copy(request, "tenant-other", request.correlationId()));
      case "wrong-operation":
        ControlPlaneRequest other =
            ControlPlaneRequest.builder(
                    request.operation() == Operation.TENANT_STATUS
                        ? Operation.ENTITLEMENT_STATUS
                        : Operation.TENANT_STATUS)
                .tenantId(request.tenantId())
                .correlationId(request.correlationId())
                .build();
        return ControlPlaneResponse.unavailable(other);
      case "secret-in-summary":
        return summaryAnswer(request, canary());
      case "marker-in-summary":
        return summaryAnswer(request, "blocked by " + MARKER);
      case "throws":
        throw new IllegalStateException("adapter exploded near " + canary());
      case "null":
        return null;
      case "slow":
        Thread.sleep(delayMillis);
        return ControlPlaneAdapter.unavailableAnswer(request);
      case "blocked":
        RELEASE.acquire();
        return ControlPlaneAdapter.unavailableAnswer(request);
      default:
        throw new AssertionError(mode);
    }
  }

  private static ControlPlaneResponse summaryAnswer(ControlPlaneRequest request, String blocker) {
    Summary summary =
        Summary.builder(Operation.POLICY_REGISTRY_READINESS)
            .set("tenant_id", request.tenantId())
            .set("readiness_status", "degraded")
            .set("catalog_status", "ready")
            .set("blockers", List.of(blocker))
            .build();
    return ControlPlaneResponse.forSummary(request, summary);
  }

  private static ControlPlaneRequest copy(
      ControlPlaneRequest request, String tenantId, String correlationId) {
    return new ControlPlaneRequest(
        tenantId,
        request.requestedBy(),
        correlationId,
        request.privateImplementationRequired(),
        request.payload());
  }

  /** Registers the adapter as {@value #NAME}. */
  public static final class Provider implements ControlPlaneAdapterProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public ControlPlaneAdapter create(Map<String, String> settings) {
      String mode = settings.getOrDefault("mode", "honest");
      if (mode.equals("fail-to-start")) {
        throw ContractException.of(
            ErrorCode.INVALID_VALUE, "mode", "this adapter refuses to start");
      }
      return new MisbehavingAdapter(mode, Long.parseLong(settings.getOrDefault("delay-ms", "0")));
    }
  }
}
