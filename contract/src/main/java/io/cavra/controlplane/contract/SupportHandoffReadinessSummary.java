package io.cavra.controlplane.contract;

import java.util.List;
import java.util.Map;

/**
 * The summary of a {@code support_handoff_readiness} response: the readiness of support and
 * customer-success handoff. Immutable; construction validates in the reference's order (states,
 * counts, the secret guard over the free-text fields, then {@code tenant_id}), with paths below
 * {@code payload.summary}.
 *
 * <p>{@code extensions} holds keys this version does not know, read from a newer or private
 * producer; they are guarded, kept in order and written after the contract's keys. Builders leave
 * it empty. Use {@link Summary#builder(Operation)} to build one from wire-form values with the
 * reference's defaults.
 */
public record SupportHandoffReadinessSummary(
    String tenantId,
    ReadinessState supportStatus,
    ReadinessState customerSuccessStatus,
    ReadinessState escalationStatus,
    ReadinessState healthReviewStatus,
    ReadinessState dashboardStatus,
    String supportTier,
    String handoffScope,
    List<String> blockers,
    boolean privateValidationRequired,
    Map<String, Object> extensions)
    implements Summary {
  /** The fixed boundary text written as {@code handoff_boundary}. */
  public static final String BOUNDARY =
      "support queues, customer-success notes, customer health records, escalation connectors, and"
          + " dashboard systems remain private service responsibilities";

  static final List<String> KEYS = SummaryBuilder.wireKeys(Operation.SUPPORT_HANDOFF_READINESS);
  private static final String P = "payload.summary.";

  public SupportHandoffReadinessSummary {
    WireMaps.required(supportStatus, P + "support_status");
    WireMaps.required(customerSuccessStatus, P + "customer_success_status");
    WireMaps.required(escalationStatus, P + "escalation_status");
    WireMaps.required(healthReviewStatus, P + "health_review_status");
    WireMaps.required(dashboardStatus, P + "dashboard_status");
    supportTier = Checks.text(supportTier, P + "support_tier");
    handoffScope = Checks.text(handoffScope, P + "handoff_scope");
    blockers = Checks.textList(blockers, P + "blockers");
    extensions = WireMaps.extensions(extensions, KEYS);
    Checks.guard(
        WireMaps.ordered(
            "support_tier", supportTier, "handoff_scope", handoffScope, "blockers", blockers),
        "payload.summary");
    Checks.guard(extensions, "payload.summary");
    tenantId = Checks.identifier(tenantId, "tenant_id", P + "tenant_id");
  }
}
