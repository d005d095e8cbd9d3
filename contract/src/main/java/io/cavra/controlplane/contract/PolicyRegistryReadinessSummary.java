package io.cavra.controlplane.contract;

import java.util.List;
import java.util.Map;

/**
 * The summary of a {@code policy_registry_readiness} response: the readiness of the hosted policy
 * registry for a tenant. Immutable; construction validates in the reference's order (states,
 * counts, the secret guard over the free-text fields, then {@code tenant_id}), with paths below
 * {@code payload.summary}.
 *
 * <p>{@code extensions} holds keys this version does not know, read from a newer or private
 * producer; they are guarded, kept in order and written after the contract's keys. Builders leave
 * it empty. Use {@link Summary#builder(Operation)} to build one from wire-form values with the
 * reference's defaults.
 */
public record PolicyRegistryReadinessSummary(
    String tenantId,
    ReadinessState readinessStatus,
    ReadinessState catalogStatus,
    String latestCatalogVersion,
    long policyPackCount,
    String checkedAt,
    List<String> blockers,
    boolean privateValidationRequired,
    Map<String, Object> extensions)
    implements Summary {
  /** The fixed boundary text written as {@code registry_boundary}. */
  public static final String BOUNDARY =
      "hosted registry availability, artifact delivery, and tenant catalog validation are private"
          + " service responsibilities";

  static final List<String> KEYS = SummaryBuilder.wireKeys(Operation.POLICY_REGISTRY_READINESS);
  private static final String P = "payload.summary.";

  public PolicyRegistryReadinessSummary {
    WireMaps.required(readinessStatus, P + "readiness_status");
    WireMaps.required(catalogStatus, P + "catalog_status");
    latestCatalogVersion = Checks.optionalText(latestCatalogVersion, P + "latest_catalog_version");
    if (policyPackCount < 0) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE,
          P + "policy_pack_count",
          "policy_pack_count must be greater than or equal to 0");
    }
    checkedAt = Checks.optionalText(checkedAt, P + "checked_at");
    blockers = Checks.textList(blockers, P + "blockers");
    extensions = WireMaps.extensions(extensions, KEYS);
    Checks.guard(
        WireMaps.ordered(
            "latest_catalog_version",
            latestCatalogVersion,
            "checked_at",
            checkedAt,
            "blockers",
            blockers),
        "payload.summary");
    Checks.guard(extensions, "payload.summary");
    tenantId = Checks.identifier(tenantId, "tenant_id", P + "tenant_id");
  }
}
