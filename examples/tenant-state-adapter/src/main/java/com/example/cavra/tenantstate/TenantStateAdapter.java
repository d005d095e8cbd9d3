package com.example.cavra.tenantstate;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.ResponseStatus;
import io.cavra.controlplane.contract.Summary;
import io.cavra.controlplane.contract.SummaryBuilder;
import io.cavra.controlplane.contract.SummaryField;
import io.cavra.controlplane.contract.adapter.Caller;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A private control-plane adapter that answers six readiness and status operations from a tenant
 * state file, and declares the others unsupported. Immutable and thread-safe: the file is read and
 * validated once, when the adapter is created.
 *
 * <p>The state file maps tenants to the summary fields of each operation, by their wire names:
 *
 * <pre>{@code
 * {"tenants": {"tenant-demo": {
 *     "policy_registry_readiness": {"readiness_status": "ready", "catalog_status": "degraded",
 *                                   "blockers": ["starter-policy-2 awaits approval"]},
 *     "entitlement_status": {...}}}}
 * }</pre>
 *
 * <p>Answers:
 * <ul>
 *   <li>a declared operation for a tenant in the file: its summary, status {@code accepted};
 *   <li>a declared operation for a tenant not in the file (or without that operation's section): a
 *       summary whose states are all {@code unknown}, with the blocker {@value #NO_STATE_BLOCKER}
 *       where the summary has blockers, status {@code accepted}. The adapter still owns the
 *       operation; it just knows nothing about the tenant, and says so without failing the caller;
 *   <li>any other operation: the contract's unavailable answer.
 * </ul>
 */
public final class TenantStateAdapter implements ControlPlaneAdapter {
  /** The operations this adapter answers with data. */
  public static final Set<Operation> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
      Operation.ENTITLEMENT_STATUS,
      Operation.POLICY_REGISTRY_READINESS,
      Operation.TENANT_AUDIT_STORE_OPERATING,
      Operation.CUSTOMER_OPERATING_DASHBOARD,
      Operation.SUPPORT_HANDOFF_READINESS,
      Operation.SAAS_OPERATING_AUTOMATION));

  /** The blocker of a summary for a tenant the state file does not know. */
  public static final String NO_STATE_BLOCKER = "no state is recorded for this tenant";

  private final Map<String, Map<Operation, Map<String, Object>>> tenants;

  private TenantStateAdapter(Map<String, Map<Operation, Map<String, Object>>> tenants) {
    this.tenants = tenants;
  }

  /**
   * Reads and validates a state file: every section must name a declared operation, every field
   * must be one of that summary's fields with a value of its kind, and the contract's secret guard
   * must accept every value.
   *
   * @throws IOException if the file cannot be read
   * @throws ContractException if the file is not valid state
   */
  public static TenantStateAdapter fromFile(Path stateFile) throws IOException {
    return fromJson(Files.readAllBytes(stateFile));
  }

  /** {@link #fromFile} for state already in memory. */
  public static TenantStateAdapter fromJson(byte[] state) {
    Map<String, Object> root = object(ContractJson.defaults().parseTree(state), "$");
    Map<String, Map<Operation, Map<String, Object>>> tenants = new HashMap<>();
    for (Map.Entry<String, Object> tenant : object(root.get("tenants"), "tenants").entrySet()) {
      Map<Operation, Map<String, Object>> sections = new EnumMap<>(Operation.class);
      for (Map.Entry<String, Object> section : object(tenant.getValue(), "tenants." + tenant.getKey()).entrySet()) {
        String where = "tenants." + tenant.getKey() + "." + section.getKey();
        Operation operation = Operation.fromWireName(section.getKey())
            .filter(CAPABILITIES::contains)
            .orElseThrow(() -> ContractException.of(ErrorCode.UNKNOWN_FIELD, where,
                where + " is not an operation this adapter answers"));
        Map<String, Object> fields = object(section.getValue(), where);
        summary(operation, tenant.getKey(), fields);   // validates now rather than on a request
        sections.put(operation, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
      }
      tenants.put(tenant.getKey(), Collections.unmodifiableMap(sections));
    }
    return new TenantStateAdapter(Map.copyOf(tenants));
  }

  @Override
  public Set<Operation> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ControlPlaneResponse handle(ControlPlaneRequest request, Caller caller) {
    Operation operation = request.operation();
    if (!CAPABILITIES.contains(operation)) {
      return ControlPlaneAdapter.unavailableAnswer(request);
    }
    Map<String, Object> fields = tenants.getOrDefault(request.tenantId(), Map.of()).get(operation);
    Summary summary = fields != null
        ? summary(operation, request.tenantId(), fields)
        : unknown(operation, request.tenantId());
    return ControlPlaneResponse.forSummary(request, summary, ResponseStatus.ACCEPTED);
  }

  private static Summary summary(Operation operation, String tenantId, Map<String, Object> fields) {
    SummaryBuilder builder = Summary.builder(operation).set("tenant_id", tenantId);
    fields.forEach(builder::set);
    return builder.build();
  }

  /** Every state {@code unknown}, every required text {@code unknown}, and the no-state blocker. */
  private static Summary unknown(Operation operation, String tenantId) {
    SummaryBuilder builder = Summary.builder(operation).set("tenant_id", tenantId);
    for (SummaryField field : SummaryBuilder.fields(operation)) {
      if (field.kind() == SummaryField.Kind.STATE
          || (field.kind() == SummaryField.Kind.TEXT && field.required() && !field.name().equals("tenant_id"))) {
        builder.set(field.name(), "unknown");
      } else if (field.name().equals("blockers")) {
        builder.set("blockers", List.of(NO_STATE_BLOCKER));
      }
    }
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String where) {
    if (value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw ContractException.of(ErrorCode.INVALID_TYPE, where, where + " must be an object");
  }
}
