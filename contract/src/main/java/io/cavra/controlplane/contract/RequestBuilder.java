package io.cavra.controlplane.contract;

import io.cavra.controlplane.contract.RequestParameter.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link ControlPlaneRequest} for one operation with the reference builder's parameters,
 * defaults, validation order and error texts. Not thread-safe; {@link #build()} may be called more
 * than once (each call without an explicit correlation id generates a new one, as the reference
 * does per request).
 *
 * <pre>{@code
 * ControlPlaneRequest request = ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
 *     .tenantId("tenant-demo")
 *     .requestedBy("console")
 *     .policyRefs("starter-policy-1")
 *     .label("team", "governance")
 *     .build();
 * }</pre>
 *
 * <p>Parameters can also be set by their snake_case names with {@link #set(String, Object)}, which
 * is how tools map command-line options or JSON objects onto the builder; {@link #parameters()}
 * lists them.
 */
public final class RequestBuilder {
  private static final String DEFAULT_REQUESTED_BY = "community";
  private static final Map<Operation, List<RequestParameter>> PARAMETERS = parameterTable();

  private final Operation operation;
  private final Map<String, Object> values = new LinkedHashMap<>();

  RequestBuilder(Operation operation) {
    this.operation = operation;
  }

  /** The parameters of {@code operation}'s builder, common ones first. */
  public static List<RequestParameter> parameters(Operation operation) {
    return PARAMETERS.get(Objects.requireNonNull(operation, "operation"));
  }

  /** The parameters of this builder's operation. */
  public List<RequestParameter> parameters() {
    return parameters(operation);
  }

  /** The operation this builder builds. */
  public Operation operation() {
    return operation;
  }

  /**
   * Sets a parameter by its snake_case name. Text takes a {@code String}; lists a {@code List} of
   * strings; maps ({@code contacts}, {@code labels}) a {@code Map} of string to any JSON value (see
   * {@link #labels(Map)}); the license report a {@link LicenseValidationReport} or its JSON object
   * form as a {@code Map}. {@code null} restores the default.
   *
   * @throws ContractException {@code unknown_field} for a name the operation does not have, {@code
   *     invalid_type} for a value of the wrong kind
   */
  public RequestBuilder set(String name, Object value) {
    RequestParameter parameter = parameter(name);
    if (value == null) {
      values.remove(name);
      return this;
    }
    values.put(name, coerce(parameter, value));
    return this;
  }

  /** Whether a parameter of this name was set (and not restored to its default). */
  public boolean isSet(String name) {
    return values.containsKey(name);
  }

  public RequestBuilder tenantId(String tenantId) {
    return set("tenant_id", tenantId);
  }

  /** Default: {@code community}. */
  public RequestBuilder requestedBy(String requestedBy) {
    return set("requested_by", requestedBy);
  }

  /** Default: {@code saas-} + 12 lower-case hex digits from a secure random source. */
  public RequestBuilder correlationId(String correlationId) {
    return set("correlation_id", correlationId);
  }

  public RequestBuilder capabilities(String... capabilities) {
    return set("capabilities", List.of(capabilities));
  }

  public RequestBuilder featureNames(String... featureNames) {
    return set("feature_names", List.of(featureNames));
  }

  public RequestBuilder organizationName(String organizationName) {
    return set("organization_name", organizationName);
  }

  public RequestBuilder deploymentModel(String deploymentModel) {
    return set("deployment_model", deploymentModel);
  }

  public RequestBuilder deploymentModel(DeploymentModel deploymentModel) {
    return set("deployment_model", deploymentModel.wireName());
  }

  public RequestBuilder region(String region) {
    return set("region", region);
  }

  public RequestBuilder requirements(String... requirements) {
    return set("requirements", List.of(requirements));
  }

  /**
   * The contacts: contact roles mapped to JSON values, as {@link #labels(Map)} describes; order
   * kept. Guarded when built, with the reference's message (see {@link
   * RequestPayload.TenantOnboarding}).
   */
  public RequestBuilder contacts(Map<String, ?> contacts) {
    return set("contacts", contacts);
  }

  /** Adds one contact whose value is a string (the common case), keeping insertion order. */
  public RequestBuilder contact(String role, String address) {
    return putEntry("contacts", role, Objects.requireNonNull(address, "address"));
  }

  /**
   * Adds one contact whose value is any JSON value ({@code null} is JSON null), keeping insertion
   * order.
   */
  public RequestBuilder contact(String role, Object value) {
    return putEntry("contacts", role, value);
  }

  public RequestBuilder report(LicenseValidationReport report) {
    return set("report", report);
  }

  public RequestBuilder policyRefs(String... policyRefs) {
    return set("policy_refs", List.of(policyRefs));
  }

  /**
   * The labels, in order. Values are any JSON values: {@code String}, {@code Boolean}, {@code
   * null}, integral numbers ({@code Integer}, {@code Long}, {@code BigInteger}), other numbers
   * ({@code Double}, {@code Float}, {@code BigDecimal}; finite, written as Python writes the
   * nearest double), and {@code List}s and {@code Map}s of these with string keys, at most 64
   * levels deep from the envelope's root. The request keeps an immutable deep copy.
   */
  public RequestBuilder labels(Map<String, ?> labels) {
    return set("labels", labels);
  }

  /** Adds one label whose value is a string (the common case), keeping insertion order. */
  public RequestBuilder label(String key, String value) {
    return putEntry("labels", key, Objects.requireNonNull(value, "value"));
  }

  /**
   * Adds one label whose value is any JSON value, as {@link #labels(Map)} describes ({@code null}
   * is JSON null), keeping insertion order.
   */
  public RequestBuilder label(String key, Object value) {
    return putEntry("labels", key, value);
  }

  public RequestBuilder policyPackRefs(String... policyPackRefs) {
    return set("policy_pack_refs", List.of(policyPackRefs));
  }

  public RequestBuilder catalogScope(String catalogScope) {
    return set("catalog_scope", catalogScope);
  }

  public RequestBuilder requiredChecks(String... requiredChecks) {
    return set("required_checks", List.of(requiredChecks));
  }

  public RequestBuilder retentionProfile(String retentionProfile) {
    return set("retention_profile", retentionProfile);
  }

  public RequestBuilder evidenceWindow(String evidenceWindow) {
    return set("evidence_window", evidenceWindow);
  }

  public RequestBuilder dashboardScope(String dashboardScope) {
    return set("dashboard_scope", dashboardScope);
  }

  public RequestBuilder handoffScope(String handoffScope) {
    return set("handoff_scope", handoffScope);
  }

  public RequestBuilder supportTier(String supportTier) {
    return set("support_tier", supportTier);
  }

  public RequestBuilder automationScope(String automationScope) {
    return set("automation_scope", automationScope);
  }

  public RequestBuilder automationCadence(String automationCadence) {
    return set("automation_cadence", automationCadence);
  }

  public RequestBuilder evidenceRefs(String... evidenceRefs) {
    return set("evidence_refs", List.of(evidenceRefs));
  }

  public RequestBuilder exportFormat(String exportFormat) {
    return set("export_format", exportFormat);
  }

  public RequestBuilder exportFormat(ExportFormat exportFormat) {
    return set("export_format", exportFormat.wireName());
  }

  public RequestBuilder deploymentEnvironment(String deploymentEnvironment) {
    return set("deployment_environment", deploymentEnvironment);
  }

  public RequestBuilder workerMode(String workerMode) {
    return set("worker_mode", workerMode);
  }

  public RequestBuilder workerMode(WorkerMode workerMode) {
    return set("worker_mode", workerMode.wireName());
  }

  public RequestBuilder workerTargets(String... workerTargets) {
    return set("worker_targets", List.of(workerTargets));
  }

  /**
   * Validates in the reference's order (the operation's pre-checks, then {@code tenant_id}, then
   * {@code requested_by}, then the secret guard over the whole payload) and builds the request.
   *
   * @throws ContractException with the reference's text where it has one
   */
  public ControlPlaneRequest build() {
    RequestPayload payload = payload();
    String correlationId = (String) values.get("correlation_id");
    return new ControlPlaneRequest(
        (String) values.get("tenant_id"),
        text("requested_by"),
        correlationId == null ? ControlPlaneRequest.newCorrelationId() : correlationId,
        true,
        payload);
  }

  private RequestPayload payload() {
    DeclaredRecords.Argument[] arguments = DeclaredRecords.arguments(operation);
    Object[] values = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      values[i] = argument(arguments[i].parameter(), arguments[i].key());
    }
    return DeclaredRecords.payload(operation, values);
  }

  /** A parameter's value (or default) as its payload record takes it. */
  private Object argument(RequestParameter parameter, String key) {
    String name = parameter.name();
    return switch (parameter.kind()) {
      case TEXT ->
          parameter.states() == null
              ? text(name)
              : WireEnums.parseDeclared(
                  parameter.states(), text(name), name, JsonPaths.member("payload", key));
      case TEXT_LIST -> list(name);
      case JSON_MAP -> map(name);
      case LICENSE_REPORT -> values.get(name);
    };
  }

  private String text(String name) {
    Object value = values.containsKey(name) ? values.get(name) : parameter(name).defaultValue();
    return (String) value;
  }

  @SuppressWarnings("unchecked")
  private List<String> list(String name) {
    Object value = values.containsKey(name) ? values.get(name) : parameter(name).defaultValue();
    // A required list that was never given reads as empty, so the reference's "must include" text
    // applies.
    return value == null ? List.of() : (List<String>) value;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(String name) {
    Object value = values.get(name);
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  /** The value set for {@code name}, or null if it is not set. */
  Object get(String name) {
    return values.get(name);
  }

  @SuppressWarnings("unchecked")
  RequestBuilder putEntry(String name, String key, Object value) {
    parameter(name);
    Map<String, Object> map =
        new LinkedHashMap<>((Map<String, Object>) values.getOrDefault(name, Map.of()));
    map.put(Objects.requireNonNull(key, "key"), value);
    values.put(name, Collections.unmodifiableMap(map));
    return this;
  }

  private RequestParameter parameter(String name) {
    for (RequestParameter parameter : parameters()) {
      if (parameter.name().equals(name)) {
        return parameter;
      }
    }
    String shown = name == null ? "null" : Checks.keyInPath(name);
    throw ContractException.of(
        ErrorCode.UNKNOWN_FIELD,
        JsonPaths.member("", shown),
        operation.wireName() + " requests have no parameter " + shown);
  }

  private static Object coerce(RequestParameter parameter, Object value) {
    String name = parameter.name();
    return switch (parameter.kind()) {
      case TEXT -> {
        if (value instanceof String) {
          yield value;
        }
        throw ContractException.of(ErrorCode.INVALID_TYPE, name, name + " must be a string");
      }
      case TEXT_LIST -> {
        if (value instanceof List) {
          // Element checks happen in the payload, where the element's JSON path is known.
          yield Collections.unmodifiableList(new ArrayList<>((List<?>) value));
        }
        throw ContractException.of(
            ErrorCode.INVALID_TYPE, name, name + " must be a list of strings");
      }
      case JSON_MAP -> {
        if (value instanceof Map) {
          // The payload makes the deep copy and checks it, where each value's JSON path is known.
          yield Collections.unmodifiableMap(new LinkedHashMap<>((Map<?, ?>) value));
        }
        throw ContractException.of(ErrorCode.INVALID_TYPE, name, name + " must be an object");
      }
      case LICENSE_REPORT -> {
        if (value instanceof LicenseValidationReport) {
          yield value;
        }
        if (value instanceof Map) {
          yield TreeReader.licenseReport(value, LicenseValidationReport.PATH);
        }
        throw ContractException.of(
            ErrorCode.INVALID_TYPE, name, name + " must be a license validation report");
      }
    };
  }

  private static Map<Operation, List<RequestParameter>> parameterTable() {
    Map<Operation, List<RequestParameter>> table = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      List<RequestParameter> list = new ArrayList<>();
      list.add(new RequestParameter("tenant_id", Kind.TEXT, true, null));
      list.add(new RequestParameter("requested_by", Kind.TEXT, false, DEFAULT_REQUESTED_BY));
      list.add(new RequestParameter("correlation_id", Kind.TEXT, false, null));
      list.addAll(operation.requestParameters());
      table.put(operation, List.copyOf(list));
    }
    return Collections.unmodifiableMap(table);
  }
}
