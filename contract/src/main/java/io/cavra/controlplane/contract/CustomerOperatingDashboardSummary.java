package io.cavra.controlplane.contract;

import java.util.List;
import java.util.Map;

/**
 * The summary of a {@code customer_operating_dashboard} response: the readiness of a customer's
 * operating dashboard. Immutable; construction validates in the reference's order (states, counts,
 * the secret guard over the free-text fields, then {@code tenant_id}), with paths below {@code
 * payload.summary}.
 *
 * <p>{@code extensions} holds keys this version does not know, read from a newer or private
 * producer; they are guarded, kept in order and written after the contract's keys. Builders leave
 * it empty. Use {@link Summary#builder(Operation)} to build one from wire-form values with the
 * reference's defaults.
 */
public record CustomerOperatingDashboardSummary(
    String tenantId,
    ReadinessState dashboardStatus,
    ReadinessState billingStatus,
    ReadinessState licenseServiceStatus,
    ReadinessState supportHandoffStatus,
    ReadinessState customerSuccessStatus,
    ReadinessState escalationStatus,
    ReadinessState releaseCloseoutStatus,
    String latestDashboardAt,
    String dashboardScope,
    List<String> blockers,
    boolean privateValidationRequired,
    Map<String, Object> extensions)
    implements Summary {
  /** The fixed boundary text written as {@code dashboard_boundary}. */
  public static final String BOUNDARY =
      "customer operating dashboards, provider telemetry, support systems, and customer records"
          + " remain private service responsibilities";

  static final List<String> KEYS = SummaryBuilder.wireKeys(Operation.CUSTOMER_OPERATING_DASHBOARD);
  private static final String P = "payload.summary.";

  public CustomerOperatingDashboardSummary {
    WireMaps.required(dashboardStatus, P + "dashboard_status");
    WireMaps.required(billingStatus, P + "billing_status");
    WireMaps.required(licenseServiceStatus, P + "license_service_status");
    WireMaps.required(supportHandoffStatus, P + "support_handoff_status");
    WireMaps.required(customerSuccessStatus, P + "customer_success_status");
    WireMaps.required(escalationStatus, P + "escalation_status");
    WireMaps.required(releaseCloseoutStatus, P + "release_closeout_status");
    latestDashboardAt = Checks.optionalText(latestDashboardAt, P + "latest_dashboard_at");
    dashboardScope = Checks.text(dashboardScope, P + "dashboard_scope");
    blockers = Checks.textList(blockers, P + "blockers");
    extensions = WireMaps.extensions(extensions, KEYS);
    Checks.guard(
        WireMaps.ordered(
            "latest_dashboard_at",
            latestDashboardAt,
            "dashboard_scope",
            dashboardScope,
            "blockers",
            blockers),
        "payload.summary");
    Checks.guard(extensions, "payload.summary");
    tenantId = Checks.identifier(tenantId, "tenant_id", P + "tenant_id");
  }
}
