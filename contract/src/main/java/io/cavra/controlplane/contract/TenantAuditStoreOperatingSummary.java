package io.cavra.controlplane.contract;

import java.util.List;
import java.util.Map;

/**
 * The summary of a {@code tenant_audit_store_operating} response: the operating status of a
 * tenant's audit store. Immutable; construction validates in the reference's order (states, counts,
 * the secret guard over the free-text fields, then {@code tenant_id}), with paths below {@code
 * payload.summary}.
 *
 * <p>{@code extensions} holds keys this version does not know, read from a newer or private
 * producer; they are guarded, kept in order and written after the contract's keys. Builders leave
 * it empty. Use {@link Summary#builder(Operation)} to build one from wire-form values with the
 * reference's defaults.
 */
public record TenantAuditStoreOperatingSummary(
    String tenantId,
    ReadinessState healthStatus,
    ReadinessState retentionStatus,
    ReadinessState evidenceFreshnessStatus,
    ReadinessState exportStatus,
    String latestEvidenceAt,
    String retentionProfile,
    List<String> supportedExportFormats,
    List<String> blockers,
    boolean privateValidationRequired,
    Map<String, Object> extensions)
    implements Summary {
  /** The fixed boundary text written as {@code audit_store_boundary}. */
  public static final String BOUNDARY =
      "tenant archive storage, retention enforcement, export connectors, and customer evidence"
          + " remain private service responsibilities";

  static final List<String> KEYS = SummaryBuilder.wireKeys(Operation.TENANT_AUDIT_STORE_OPERATING);
  private static final String P = "payload.summary.";

  public TenantAuditStoreOperatingSummary {
    WireMaps.required(healthStatus, P + "health_status");
    WireMaps.required(retentionStatus, P + "retention_status");
    WireMaps.required(evidenceFreshnessStatus, P + "evidence_freshness_status");
    WireMaps.required(exportStatus, P + "export_status");
    latestEvidenceAt = Checks.optionalText(latestEvidenceAt, P + "latest_evidence_at");
    retentionProfile = Checks.text(retentionProfile, P + "retention_profile");
    supportedExportFormats =
        Checks.textList(supportedExportFormats, P + "supported_export_formats");
    blockers = Checks.textList(blockers, P + "blockers");
    extensions = WireMaps.extensions(extensions, KEYS);
    Checks.guard(
        WireMaps.ordered(
            "latest_evidence_at",
            latestEvidenceAt,
            "retention_profile",
            retentionProfile,
            "supported_export_formats",
            supportedExportFormats,
            "blockers",
            blockers),
        "payload.summary");
    Checks.guard(extensions, "payload.summary");
    tenantId = Checks.identifier(tenantId, "tenant_id", P + "tenant_id");
  }
}
