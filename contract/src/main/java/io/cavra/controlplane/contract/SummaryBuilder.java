package io.cavra.controlplane.contract;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Summary} from wire-form values (strings for states), with the reference's
 * defaults and its validation order: states in field order, then counts, then the secret guard over
 * free-text fields, then {@code tenant_id}. Not thread-safe.
 *
 * <pre>{@code
 * Summary summary = Summary.builder(Operation.POLICY_REGISTRY_READINESS)
 *     .set("tenant_id", "tenant-demo")
 *     .set("readiness_status", "degraded")
 *     .set("catalog_status", "ready")
 *     .set("blockers", List.of("approval workflow pending"))
 *     .build();
 * }</pre>
 */
public final class SummaryBuilder {
  private static final Map<Operation, List<SummaryField>> FIELDS = fieldTable();

  private final Operation operation;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Object> extensions = new LinkedHashMap<>();

  SummaryBuilder(Operation operation) {
    if (!operation.hasSummary()) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE,
          "operation",
          operation.wireName() + " has no summary; its responses are unavailable responses");
    }
    this.operation = operation;
  }

  /** The fields of {@code operation}'s summary in wire order, {@code tenant_id} first. */
  public static List<SummaryField> fields(Operation operation) {
    List<SummaryField> fields = FIELDS.get(operation);
    if (fields == null) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE, "operation", operation.wireName() + " has no summary");
    }
    return fields;
  }

  /** The fields of this builder's summary. */
  public List<SummaryField> fields() {
    return fields(operation);
  }

  /**
   * Sets a field by its wire name: states and text take a {@code String} ({@code null} clears an
   * optional one), lists a {@code List} of strings, counts an integral {@code Number}, booleans a
   * {@code Boolean}.
   *
   * @throws ContractException {@code unknown_field} for a name the summary does not have, {@code
   *     invalid_type} for a value of the wrong kind
   */
  public SummaryBuilder set(String name, Object value) {
    SummaryField field = field(name);
    values.put(name, coerce(field, value));
    return this;
  }

  /** Adds a key this version of the contract does not define; it is guarded like every value. */
  public SummaryBuilder extension(String key, Object value) {
    for (SummaryField field : fields()) {
      if (field.name().equals(key)) {
        throw ContractException.of(
            ErrorCode.INVALID_VALUE, key, key + " is a contract field, not an extension");
      }
    }
    extensions.put(
        key, JsonValues.copy(value, JsonPaths.member("payload.summary", Checks.keyInPath(key)), 3));
    return this;
  }

  /** Whether a field of this name was set. */
  public boolean isSet(String name) {
    return values.containsKey(name);
  }

  /** Validates and builds the summary. */
  public Summary build() {
    return switch (operation) {
      case ENTITLEMENT_STATUS ->
          new EntitlementStatusSummary(
              text("tenant_id"),
              state(EntitlementState.class, "entitlement_status"),
              text("subscription_plan"),
              text("license_status"),
              list("enabled_features"),
              list("locked_features"),
              text("expires_at"),
              bool("private_validation_required"),
              extensions);
      case POLICY_REGISTRY_READINESS ->
          new PolicyRegistryReadinessSummary(
              text("tenant_id"),
              state(ReadinessState.class, "readiness_status"),
              state(ReadinessState.class, "catalog_status"),
              text("latest_catalog_version"),
              count("policy_pack_count"),
              text("checked_at"),
              list("blockers"),
              bool("private_validation_required"),
              extensions);
      case TENANT_AUDIT_STORE_OPERATING ->
          new TenantAuditStoreOperatingSummary(
              text("tenant_id"),
              state(ReadinessState.class, "health_status"),
              state(ReadinessState.class, "retention_status"),
              state(ReadinessState.class, "evidence_freshness_status"),
              state(ReadinessState.class, "export_status"),
              text("latest_evidence_at"),
              text("retention_profile"),
              list("supported_export_formats"),
              list("blockers"),
              bool("private_validation_required"),
              extensions);
      case CUSTOMER_OPERATING_DASHBOARD ->
          new CustomerOperatingDashboardSummary(
              text("tenant_id"),
              state(ReadinessState.class, "dashboard_status"),
              state(ReadinessState.class, "billing_status"),
              state(ReadinessState.class, "license_service_status"),
              state(ReadinessState.class, "support_handoff_status"),
              state(ReadinessState.class, "customer_success_status"),
              state(ReadinessState.class, "escalation_status"),
              state(ReadinessState.class, "release_closeout_status"),
              text("latest_dashboard_at"),
              text("dashboard_scope"),
              list("blockers"),
              bool("private_validation_required"),
              extensions);
      case SUPPORT_HANDOFF_READINESS ->
          new SupportHandoffReadinessSummary(
              text("tenant_id"),
              state(ReadinessState.class, "support_status"),
              state(ReadinessState.class, "customer_success_status"),
              state(ReadinessState.class, "escalation_status"),
              state(ReadinessState.class, "health_review_status"),
              state(ReadinessState.class, "dashboard_status"),
              text("support_tier"),
              text("handoff_scope"),
              list("blockers"),
              bool("private_validation_required"),
              extensions);
      case SAAS_OPERATING_AUTOMATION ->
          new SaasOperatingAutomationSummary(
              text("tenant_id"),
              state(AutomationState.class, "automation_status"),
              state(AutomationState.class, "billing_monitoring_status"),
              state(AutomationState.class, "license_telemetry_status"),
              state(AutomationState.class, "support_followup_status"),
              state(AutomationState.class, "customer_success_review_status"),
              state(AutomationState.class, "dashboard_refresh_status"),
              state(AutomationState.class, "escalation_drill_status"),
              state(AutomationState.class, "closeout_retry_status"),
              text("automation_scope"),
              text("automation_cadence"),
              list("blockers"),
              bool("private_validation_required"),
              extensions);
      case SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF ->
          new WorkerHandoffSummary(
              text("tenant_id"),
              state(HandoffStatus.class, "handoff_status"),
              text("deployment_environment"),
              text("scheduler_ref"),
              text("evidence_sink_ref"),
              text("retry_policy_ref"),
              text("worker_owner"),
              state(WorkerMode.class, "worker_mode"),
              list("required_checks"),
              list("worker_targets"),
              list("blockers"),
              bool("private_validation_required"),
              extensions);
      case TENANT_ONBOARDING,
          TENANT_STATUS,
          LICENSE_VALIDATION,
          POLICY_REGISTRY_LOOKUP,
          EVIDENCE_EXPORT ->
          throw new IllegalStateException(operation.wireName() + " responses have no summary");
    };
  }

  private SummaryField field(String name) {
    for (SummaryField field : fields()) {
      if (field.name().equals(name)) {
        return field;
      }
    }
    String shown = name == null ? "null" : Checks.keyInPath(name);
    throw ContractException.of(
        ErrorCode.UNKNOWN_FIELD,
        JsonPaths.member("", shown),
        operation.wireName() + " summaries have no field " + shown);
  }

  private Object value(String name) {
    return values.containsKey(name) ? values.get(name) : field(name).defaultValue();
  }

  private String text(String name) {
    return (String) value(name);
  }

  @SuppressWarnings("unchecked")
  private List<String> list(String name) {
    return (List<String>) value(name);
  }

  private long count(String name) {
    return (Long) value(name);
  }

  private boolean bool(String name) {
    return (Boolean) value(name);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <E extends Enum<E> & WireValue> E state(Class<E> type, String name) {
    String location = "payload.summary." + name;
    String value = text(name);
    if (value == null) {
      throw ContractException.of(ErrorCode.MISSING_FIELD, location, name + " is required");
    }
    return WireEnums.parse(type, value, name, location);
  }

  private static Object coerce(SummaryField field, Object value) {
    String name = field.name();
    return switch (field.kind()) {
      case STATE, TEXT, OPTIONAL_TEXT -> {
        if (value instanceof String || (value == null && field.kind() != SummaryField.Kind.TEXT)) {
          yield value;
        }
        throw ContractException.of(ErrorCode.INVALID_TYPE, name, name + " must be a string");
      }
      case TEXT_LIST -> {
        if (value instanceof List) {
          yield Collections.unmodifiableList(new ArrayList<>((List<?>) value));
        }
        throw ContractException.of(
            ErrorCode.INVALID_TYPE, name, name + " must be a list of strings");
      }
      case COUNT -> {
        if (value instanceof Long
            || value instanceof Integer
            || value instanceof Short
            || value instanceof Byte) {
          yield ((Number) value).longValue();
        }
        if (value instanceof BigInteger) {
          if (((BigInteger) value).bitLength() < 64) {
            yield ((BigInteger) value).longValue();
          }
          throw ContractException.of(ErrorCode.INVALID_VALUE, name, name + " is too large");
        }
        throw ContractException.of(ErrorCode.INVALID_TYPE, name, name + " must be a whole number");
      }
      case BOOLEAN -> {
        if (value instanceof Boolean) {
          yield value;
        }
        throw ContractException.of(ErrorCode.INVALID_TYPE, name, name + " must be true or false");
      }
    };
  }

  private static Map<Operation, List<SummaryField>> fieldTable() {
    Map<Operation, List<SummaryField>> table = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      if (operation.hasSummary()) {
        table.put(operation, operation.summaryResponse().fields());
      }
    }
    for (Map.Entry<Operation, List<SummaryField>> entry : table.entrySet()) {
      List<SummaryField> fields = new ArrayList<>();
      fields.add(new SummaryField("tenant_id", SummaryField.Kind.TEXT, true, null, null));
      fields.addAll(entry.getValue());
      fields.add(
          new SummaryField(
              "private_validation_required", SummaryField.Kind.BOOLEAN, false, true, null));
      entry.setValue(List.copyOf(fields));
    }
    return Collections.unmodifiableMap(table);
  }
}
