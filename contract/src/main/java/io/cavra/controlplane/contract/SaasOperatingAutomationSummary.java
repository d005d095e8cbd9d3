package io.cavra.controlplane.contract;

import java.util.List;
import java.util.Map;

/**
 * The summary of a {@code saas_operating_automation} response: the readiness of SaaS operating
 * automation. Immutable; construction validates in the reference's order (states, counts, the
 * secret guard over the free-text fields, then {@code tenant_id}), with paths below {@code
 * payload.summary}.
 *
 * <p>{@code extensions} holds keys this version does not know, read from a newer or private
 * producer; they are guarded, kept in order and written after the contract's keys. Builders leave
 * it empty. Use {@link Summary#builder(Operation)} to build one from wire-form values with the
 * reference's defaults.
 */
public record SaasOperatingAutomationSummary(
    String tenantId,
    AutomationState automationStatus,
    AutomationState billingMonitoringStatus,
    AutomationState licenseTelemetryStatus,
    AutomationState supportFollowupStatus,
    AutomationState customerSuccessReviewStatus,
    AutomationState dashboardRefreshStatus,
    AutomationState escalationDrillStatus,
    AutomationState closeoutRetryStatus,
    String automationScope,
    String automationCadence,
    List<String> blockers,
    boolean privateValidationRequired,
    Map<String, Object> extensions)
    implements Summary {
  /** The fixed boundary text written as {@code automation_boundary}. */
  public static final String BOUNDARY =
      "billing systems, license telemetry, support workflows, customer-success records, dashboard"
          + " refresh jobs, escalation drills, closeout retries, and scheduler execution remain"
          + " private service responsibilities";

  static final List<String> KEYS = SummaryBuilder.wireKeys(Operation.SAAS_OPERATING_AUTOMATION);
  private static final String P = "payload.summary.";

  public SaasOperatingAutomationSummary {
    WireMaps.required(automationStatus, P + "automation_status");
    WireMaps.required(billingMonitoringStatus, P + "billing_monitoring_status");
    WireMaps.required(licenseTelemetryStatus, P + "license_telemetry_status");
    WireMaps.required(supportFollowupStatus, P + "support_followup_status");
    WireMaps.required(customerSuccessReviewStatus, P + "customer_success_review_status");
    WireMaps.required(dashboardRefreshStatus, P + "dashboard_refresh_status");
    WireMaps.required(escalationDrillStatus, P + "escalation_drill_status");
    WireMaps.required(closeoutRetryStatus, P + "closeout_retry_status");
    automationScope = Checks.text(automationScope, P + "automation_scope");
    automationCadence = Checks.text(automationCadence, P + "automation_cadence");
    blockers = Checks.textList(blockers, P + "blockers");
    extensions = WireMaps.extensions(extensions, KEYS);
    Checks.guard(
        WireMaps.ordered(
            "automation_scope",
            automationScope,
            "automation_cadence",
            automationCadence,
            "blockers",
            blockers),
        "payload.summary");
    Checks.guard(extensions, "payload.summary");
    tenantId = Checks.identifier(tenantId, "tenant_id", P + "tenant_id");
  }
}
