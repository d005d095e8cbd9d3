package io.cavra.controlplane.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a local (Community) license check, handed to a private service for real validation
 * by a {@code license_validation} request. Immutable.
 *
 * <p>Serialized keys, in order: {@code status}, {@code edition}, {@code license_id}, {@code valid},
 * {@code message}, {@code private_validation_required}, {@code enabled_features}, {@code
 * locked_features}.
 */
public record LicenseValidationReport(
    LicenseStatus status,
    LicenseEdition edition,
    String licenseId,
    boolean valid,
    String message,
    boolean privateValidationRequired,
    List<String> enabledFeatures,
    List<String> lockedFeatures) {

  static final String PATH = "payload.local_validation_report";

  public LicenseValidationReport {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(edition, "edition");
    licenseId = Checks.text(licenseId, PATH + ".license_id");
    message = Checks.text(message, PATH + ".message");
    enabledFeatures = Checks.textList(enabledFeatures, PATH + ".enabled_features");
    lockedFeatures = Checks.textList(lockedFeatures, PATH + ".locked_features");
  }

  /**
   * The report of the default Community license: license id {@code community}, no features, status
   * {@code valid}, no private validation required.
   */
  public static LicenseValidationReport communityDefault() {
    return local(LicenseStatus.VALID, LicenseEdition.COMMUNITY, "community", List.of());
  }

  /**
   * A report filled the way the reference's local license client fills it: {@code valid} exactly
   * when the status is valid; features enabled when valid and locked otherwise; private validation
   * required for every edition but Community; the reference's message per case.
   */
  public static LicenseValidationReport local(
      LicenseStatus status, LicenseEdition edition, String licenseId, List<String> features) {
    boolean valid = status == LicenseStatus.VALID;
    return new LicenseValidationReport(
        status,
        edition,
        licenseId,
        valid,
        localMessage(status, edition),
        edition != LicenseEdition.COMMUNITY,
        valid ? features : List.of(),
        valid ? List.of() : features);
  }

  private static String localMessage(LicenseStatus status, LicenseEdition edition) {
    switch (status) {
      case VALID:
        return edition == LicenseEdition.COMMUNITY
            ? "CAVRA Community is valid and does not require a license key for local or self-hosted"
                + " use."
            : "Local validation accepted the public entitlement shape. Real commercial entitlement,"
                + " signature, revocation, managed service, billing, and tenant checks require"
                + " the private CAVRA Managed or entitlement service.";
      case EXPIRED:
        return "License is expired.";
      case UNSUPPORTED:
        return "License payload is unsupported by the public CAVRA Community client.";
      case REVOKED:
      case SUSPENDED:
        return "License is " + status.wireName() + "; private validation is required before use.";
      default:
        return "License payload is invalid.";
    }
  }

  /** The reference's {@code to_dict()}: an ordered, unmodifiable map. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("status", status.wireName());
    map.put("edition", edition.wireName());
    map.put("license_id", licenseId);
    map.put("valid", valid);
    map.put("message", message);
    map.put("private_validation_required", privateValidationRequired);
    map.put("enabled_features", enabledFeatures);
    map.put("locked_features", lockedFeatures);
    return java.util.Collections.unmodifiableMap(map);
  }
}
