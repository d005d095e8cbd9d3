package io.cavra.controlplane.contract;

import java.util.List;
import java.util.Map;

/**
 * The summary of a {@code entitlement_status} response: the entitlement state of a tenant:
 * subscription plan, license status and feature grants. Immutable; construction validates in the
 * reference's order (states, counts, the secret guard over the free-text fields, then {@code
 * tenant_id}), with paths below {@code payload.summary}.
 *
 * <p>{@code extensions} holds keys this version does not know, read from a newer or private
 * producer; they are guarded, kept in order and written after the contract's keys. Builders leave
 * it empty. Use {@link Summary#builder(Operation)} to build one from wire-form values with the
 * reference's defaults.
 */
public record EntitlementStatusSummary(
    String tenantId,
    EntitlementState entitlementStatus,
    String subscriptionPlan,
    String licenseStatus,
    List<String> enabledFeatures,
    List<String> lockedFeatures,
    String expiresAt,
    boolean privateValidationRequired,
    Map<String, Object> extensions)
    implements Summary {
  /** The fixed boundary text written as {@code billing_boundary}. */
  public static final String BOUNDARY =
      "billing and subscription verification are private service responsibilities";

  static final List<String> KEYS = SummaryBuilder.wireKeys(Operation.ENTITLEMENT_STATUS);
  private static final String P = "payload.summary.";

  public EntitlementStatusSummary {
    WireMaps.required(entitlementStatus, P + "entitlement_status");
    subscriptionPlan = Checks.text(subscriptionPlan, P + "subscription_plan");
    licenseStatus = Checks.text(licenseStatus, P + "license_status");
    enabledFeatures = Checks.textList(enabledFeatures, P + "enabled_features");
    lockedFeatures = Checks.textList(lockedFeatures, P + "locked_features");
    expiresAt = Checks.optionalText(expiresAt, P + "expires_at");
    extensions = WireMaps.extensions(extensions, KEYS);
    Checks.guard(
        WireMaps.ordered(
            "subscription_plan",
            subscriptionPlan,
            "license_status",
            licenseStatus,
            "enabled_features",
            enabledFeatures,
            "locked_features",
            lockedFeatures,
            "expires_at",
            expiresAt),
        "payload.summary");
    Checks.guard(extensions, "payload.summary");
    tenantId = Checks.identifier(tenantId, "tenant_id", P + "tenant_id");
  }
}
