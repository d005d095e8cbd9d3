package io.cavra.controlplane.contract;

import io.cavra.controlplane.contract.internal.WireMap;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;

/**
 * A request envelope: which operation a tenant asks a private control plane to perform, with the
 * operation's typed payload. Immutable and always valid: construction strips and checks the
 * identifiers and runs the secret guard over the whole payload, so every instance can be
 * serialized.
 *
 * <p>Serialized keys, in order: {@code schema_version}, {@code operation}, {@code tenant_id},
 * {@code requested_by}, {@code correlation_id}, {@code private_implementation_required}, {@code
 * payload}. Build one with {@link #builder(Operation)}; parse one with {@link ContractJson}.
 *
 * @param tenantId the tenant, stripped of surrounding white space
 * @param requestedBy who asks (a user, a console, a CLI), stripped
 * @param correlationId ties the response to this request
 * @param privateImplementationRequired always {@code true} from builders
 * @param payload the operation's payload; {@link #operation()} is its operation
 */
public record ControlPlaneRequest(
    String tenantId,
    String requestedBy,
    String correlationId,
    boolean privateImplementationRequired,
    RequestPayload payload)
    implements Envelope {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  public ControlPlaneRequest {
    if (payload == null) {
      throw ContractException.of(ErrorCode.MISSING_FIELD, "payload", "payload is required");
    }
    tenantId = Checks.identifier(tenantId, "tenant_id");
    requestedBy = Checks.identifier(requestedBy, "requested_by");
    correlationId = checkCorrelationId(correlationId);
    Checks.guard(payload.toMap(), "payload");
  }

  /** Starts a builder for {@code operation} with the reference's defaults. */
  public static RequestBuilder builder(Operation operation) {
    return new RequestBuilder(Objects.requireNonNull(operation, "operation"));
  }

  /**
   * A builder for {@code entitlement_status} requests with that operation's parameters only.
   *
   * @since 0.2
   */
  public static TypedRequestBuilder.EntitlementStatus entitlementStatus() {
    return new TypedRequestBuilder.EntitlementStatus();
  }

  /**
   * A builder for {@code tenant_onboarding} requests with that operation's parameters only.
   *
   * @since 0.2
   */
  public static TypedRequestBuilder.TenantOnboarding tenantOnboarding() {
    return new TypedRequestBuilder.TenantOnboarding();
  }

  /**
   * A builder for {@code tenant_status} requests with that operation's parameters only.
   *
   * @since 0.2
   */
  public static TypedRequestBuilder.TenantStatus tenantStatus() {
    return new TypedRequestBuilder.TenantStatus();
  }

  /**
   * A builder for {@code license_validation} requests with that operation's parameters only.
   *
   * @since 0.2
   */
  public static TypedRequestBuilder.LicenseValidation licenseValidation() {
    return new TypedRequestBuilder.LicenseValidation();
  }

  /**
   * A builder for {@code policy_registry_readiness} requests with that operation's parameters only.
   *
   * @since 0.2
   */
  public static TypedRequestBuilder.PolicyRegistryReadiness policyRegistryReadiness() {
    return new TypedRequestBuilder.PolicyRegistryReadiness();
  }

  /**
   * A builder for {@code policy_registry_lookup} requests with that operation's parameters only.
   *
   * @since 0.2
   */
  public static TypedRequestBuilder.PolicyRegistryLookup policyRegistryLookup() {
    return new TypedRequestBuilder.PolicyRegistryLookup();
  }

  /**
   * A builder for {@code tenant_audit_store_operating} requests with that operation's parameters
   * only.
   *
   * @since 0.2
   */
  public static TypedRequestBuilder.TenantAuditStoreOperating tenantAuditStoreOperating() {
    return new TypedRequestBuilder.TenantAuditStoreOperating();
  }

  /**
   * A builder for {@code customer_operating_dashboard} requests with that operation's parameters
   * only.
   *
   * @since 0.2
   */
  public static TypedRequestBuilder.CustomerOperatingDashboard customerOperatingDashboard() {
    return new TypedRequestBuilder.CustomerOperatingDashboard();
  }

  /**
   * A builder for {@code support_handoff_readiness} requests with that operation's parameters only.
   *
   * @since 0.2
   */
  public static TypedRequestBuilder.SupportHandoffReadiness supportHandoffReadiness() {
    return new TypedRequestBuilder.SupportHandoffReadiness();
  }

  /**
   * A builder for {@code saas_operating_automation} requests with that operation's parameters only.
   *
   * @since 0.2
   */
  public static TypedRequestBuilder.SaasOperatingAutomation saasOperatingAutomation() {
    return new TypedRequestBuilder.SaasOperatingAutomation();
  }

  /**
   * A builder for {@code evidence_export} requests with that operation's parameters only.
   *
   * @since 0.2
   */
  public static TypedRequestBuilder.EvidenceExport evidenceExport() {
    return new TypedRequestBuilder.EvidenceExport();
  }

  /**
   * A builder for {@code saas_operating_automation_worker_handoff} requests with that operation's
   * parameters only.
   *
   * @since 0.2
   */
  public static TypedRequestBuilder.WorkerHandoff saasOperatingAutomationWorkerHandoff() {
    return new TypedRequestBuilder.WorkerHandoff();
  }

  /** The operation, taken from the payload. */
  public Operation operation() {
    return payload.operation();
  }

  /** Always {@link SchemaVersion#REQUEST}. */
  public SchemaVersion schemaVersion() {
    return SchemaVersion.REQUEST;
  }

  /** The reference's {@code to_dict()}: an ordered, unmodifiable map in wire order. */
  public Map<String, Object> toMap() {
    return WireMap.of(
        "schema_version", SchemaVersion.REQUEST.wireName(),
        "operation", operation().wireName(),
        "tenant_id", tenantId,
        "requested_by", requestedBy,
        "correlation_id", correlationId,
        "private_implementation_required", privateImplementationRequired,
        "payload", payload.toMap());
  }

  /**
   * A fresh correlation id: {@code saas-} and 12 lower-case hex digits from a secure random source.
   */
  public static String newCorrelationId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    char[] id = {'s', 'a', 'a', 's', '-', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < bytes.length; i++) {
      id[5 + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      id[6 + 2 * i] = HEX[bytes[i] & 0xf];
    }
    return new String(id);
  }

  /**
   * Correlation ids are opaque, but they travel in logs and headers, so they are restricted to
   * 1–128 characters of {@code [A-Za-z0-9._:-]} starting with a letter or digit, and guarded.
   */
  static String checkCorrelationId(String correlationId) {
    if (correlationId == null) {
      throw ContractException.of(
          ErrorCode.MISSING_FIELD, "correlation_id", "correlation_id is required");
    }
    if (!isCorrelationId(correlationId)) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE,
          "correlation_id",
          "correlation_id must be 1 to 128 characters of letters, digits, '.', '_', ':' or '-',"
              + " starting with a letter or digit");
    }
    Checks.guard(correlationId, "correlation_id");
    return correlationId;
  }

  /** {@code [A-Za-z0-9][A-Za-z0-9._:-]{0,127}}, without a regex: this runs for every envelope. */
  private static boolean isCorrelationId(String id) {
    int n = id.length();
    if (n == 0 || n > 128) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && (i == 0 || (c != '.' && c != '_' && c != ':' && c != '-'))) {
        return false;
      }
    }
    return true;
  }
}
