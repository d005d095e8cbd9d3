package io.cavra.controlplane.contract;

import io.cavra.controlplane.contract.RequestParameter.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations a private control plane performs, in the reference's declaration order, with their
 * wire names and the texts of the contract description.
 *
 * <p>Each constant is the operation's declaration: its wire name, its description texts, the keys
 * of its request payload on the wire, its request builder's parameters with kinds and defaults,
 * and, for an operation that answers with a summary, the summary response's fixed texts, boundary
 * and fields. The builders, the reader and the contract description read them from here.
 *
 * <p>{@link #SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF} is <b>provisional</b>: the reference
 * published its callers and documentation but not its source, so its payload, summary, messages and
 * position are inferred (see {@link #isProvisional()} and the README).
 */
public enum Operation implements WireValue {
  ENTITLEMENT_STATUS(
      "entitlement_status",
      "tenant identifier and optional feature names",
      "subscription, license, and feature entitlement summary",
      RequestPayload.EntitlementStatus.class,
      ReadOrder.FIXED_KEYS_FIRST,
      List.of(
          key("feature_names"),
          fixed("requested_checks", RequestPayload.EntitlementStatus.REQUESTED_CHECKS),
          fixed("entitlement_boundary", RequestPayload.EntitlementStatus.BOUNDARY)),
      List.of(list("feature_names", List.of())),
      new SummaryResponse(
          EntitlementStatusSummary.class,
          "entitlement status response requires an entitlement_status request",
          "Entitlement status requires private billing, subscription, and license-service"
              + " validation.",
          List.of(
              "billing integration",
              "license service",
              "subscription status",
              "feature entitlement registry"),
          "See docs/architecture/entitlement-status-contract.md",
          "billing_boundary",
          EntitlementStatusSummary.BOUNDARY,
          List.of(
              new SummaryField(
                  "entitlement_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  EntitlementState.class),
              new SummaryField("subscription_plan", SummaryField.Kind.TEXT, true, null, null),
              new SummaryField("license_status", SummaryField.Kind.TEXT, true, null, null),
              new SummaryField(
                  "enabled_features", SummaryField.Kind.TEXT_LIST, false, List.of(), null),
              new SummaryField(
                  "locked_features", SummaryField.Kind.TEXT_LIST, false, List.of(), null),
              new SummaryField("expires_at", SummaryField.Kind.OPTIONAL_TEXT, false, null, null)))),
  TENANT_ONBOARDING(
      "tenant_onboarding",
      "tenant activation metadata, deployment model, contacts, and readiness requirements",
      "tenant activation state, blockers, and private service handoff status",
      RequestPayload.TenantOnboarding.class,
      ReadOrder.FIXED_KEYS_FIRST,
      List.of(
          stripped("organization_name"),
          key("deployment_model"),
          stripped("region"),
          key("requirements"),
          key("contacts"),
          fixed("activation_boundary", RequestPayload.TenantOnboarding.BOUNDARY)),
      List.of(
          new RequestParameter("organization_name", Kind.TEXT, true, null),
          state("deployment_model", DeploymentModel.HOSTED_SAAS),
          text("region", "tenant-selected"),
          list("requirements", RequestPayload.TenantOnboarding.DEFAULT_REQUIREMENTS),
          new RequestParameter("contacts", Kind.JSON_MAP, false, Map.of())),
      null),
  TENANT_STATUS(
      "tenant_status",
      "tenant identifier and requested capabilities",
      "tenant entitlement and service availability summary",
      RequestPayload.TenantStatus.class,
      ReadOrder.FIXED_KEYS_FIRST,
      List.of(
          key("requested_capabilities", "capabilities"),
          fixed("public_client_boundary", RequestPayload.TenantStatus.BOUNDARY)),
      List.of(list("capabilities", RequestPayload.TenantStatus.DEFAULT_CAPABILITIES)),
      null),
  LICENSE_VALIDATION(
      "license_validation",
      "local validation report and requested server checks",
      "validated entitlement and feature grant summary",
      RequestPayload.LicenseValidation.class,
      ReadOrder.FIXED_KEYS_FIRST,
      List.of(
          key("local_validation_report", "report"),
          fixed("requested_checks", RequestPayload.LicenseValidation.REQUESTED_CHECKS),
          fixed("server_boundary", RequestPayload.LicenseValidation.BOUNDARY)),
      List.of(new RequestParameter("report", Kind.LICENSE_REPORT, true, null)),
      null),
  POLICY_REGISTRY_READINESS(
      "policy_registry_readiness",
      "tenant identifier, catalog scope, policy-pack references, and readiness checks",
      "hosted registry availability, catalog freshness, version state, blockers, and private"
          + " service handoff status",
      RequestPayload.PolicyRegistryReadiness.class,
      ReadOrder.RECORD_FIRST,
      List.of(
          key("policy_pack_refs"),
          key("catalog_scope"),
          key("required_checks"),
          fixed("readiness_boundary", RequestPayload.PolicyRegistryReadiness.BOUNDARY)),
      List.of(
          list("policy_pack_refs", List.of()),
          text("catalog_scope", "tenant-default"),
          list("required_checks", RequestPayload.PolicyRegistryReadiness.DEFAULT_CHECKS)),
      new SummaryResponse(
          PolicyRegistryReadinessSummary.class,
          "policy registry readiness response requires a policy_registry_readiness request",
          "Hosted policy registry readiness requires private registry, artifact, entitlement, and"
              + " rollout validation.",
          List.of(
              "hosted policy registry service",
              "policy-pack artifact store",
              "feature entitlement registry",
              "approval workflow",
              "rollout telemetry"),
          "See docs/architecture/hosted-policy-registry-readiness-contract.md",
          "registry_boundary",
          PolicyRegistryReadinessSummary.BOUNDARY,
          List.of(
              new SummaryField(
                  "readiness_status", SummaryField.Kind.STATE, true, null, ReadinessState.class),
              new SummaryField(
                  "catalog_status", SummaryField.Kind.STATE, true, null, ReadinessState.class),
              new SummaryField(
                  "latest_catalog_version", SummaryField.Kind.OPTIONAL_TEXT, false, null, null),
              new SummaryField("policy_pack_count", SummaryField.Kind.COUNT, false, 0L, null),
              new SummaryField("checked_at", SummaryField.Kind.OPTIONAL_TEXT, false, null, null),
              new SummaryField("blockers", SummaryField.Kind.TEXT_LIST, false, List.of(), null)))),
  POLICY_REGISTRY_LOOKUP(
      "policy_registry_lookup",
      "policy references and public labels",
      "policy metadata and downloadable artifact references",
      RequestPayload.PolicyRegistryLookup.class,
      ReadOrder.RECORD_FIRST,
      List.of(
          key("policy_refs"),
          key("labels"),
          fixed("resolution_boundary", RequestPayload.PolicyRegistryLookup.BOUNDARY)),
      List.of(
          new RequestParameter("policy_refs", Kind.TEXT_LIST, true, null),
          new RequestParameter("labels", Kind.JSON_MAP, false, Map.of())),
      null),
  TENANT_AUDIT_STORE_OPERATING(
      "tenant_audit_store_operating",
      "tenant identifier, retention profile, evidence window, and operating checks",
      "audit-store health, retention posture, evidence freshness, export readiness, blockers, and"
          + " private service handoff status",
      RequestPayload.TenantAuditStoreOperating.class,
      ReadOrder.RECORD_FIRST,
      List.of(
          key("retention_profile"),
          key("evidence_window"),
          key("required_checks"),
          fixed("operating_boundary", RequestPayload.TenantAuditStoreOperating.BOUNDARY)),
      List.of(
          text("retention_profile", "tenant-default"),
          text("evidence_window", "last-24h"),
          list("required_checks", RequestPayload.TenantAuditStoreOperating.DEFAULT_CHECKS)),
      new SummaryResponse(
          TenantAuditStoreOperatingSummary.class,
          "tenant audit-store operating response requires a tenant_audit_store_operating request",
          "Tenant audit-store operating status requires private archive, retention, evidence,"
              + " export, and dashboard validation.",
          List.of(
              "tenant audit store",
              "retention enforcement",
              "evidence freshness monitor",
              "export connector service",
              "operating dashboard"),
          "See docs/architecture/tenant-audit-store-operating-contract.md",
          "audit_store_boundary",
          TenantAuditStoreOperatingSummary.BOUNDARY,
          List.of(
              new SummaryField(
                  "health_status", SummaryField.Kind.STATE, true, null, ReadinessState.class),
              new SummaryField(
                  "retention_status", SummaryField.Kind.STATE, true, null, ReadinessState.class),
              new SummaryField(
                  "evidence_freshness_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  ReadinessState.class),
              new SummaryField(
                  "export_status", SummaryField.Kind.STATE, true, null, ReadinessState.class),
              new SummaryField(
                  "latest_evidence_at", SummaryField.Kind.OPTIONAL_TEXT, false, null, null),
              new SummaryField(
                  "retention_profile", SummaryField.Kind.TEXT, false, "tenant-default", null),
              new SummaryField(
                  "supported_export_formats", SummaryField.Kind.TEXT_LIST, false, List.of(), null),
              new SummaryField("blockers", SummaryField.Kind.TEXT_LIST, false, List.of(), null)))),
  CUSTOMER_OPERATING_DASHBOARD(
      "customer_operating_dashboard",
      "tenant identifier, dashboard scope, evidence window, and operating dashboard checks",
      "customer operating dashboard readiness across billing, license service, support, customer"
          + " success, escalation, and release closeout",
      RequestPayload.CustomerOperatingDashboard.class,
      ReadOrder.RECORD_FIRST,
      List.of(
          key("dashboard_scope"),
          key("evidence_window"),
          key("required_checks"),
          fixed("dashboard_boundary", RequestPayload.CustomerOperatingDashboard.BOUNDARY)),
      List.of(
          text("dashboard_scope", "tenant-operating"),
          text("evidence_window", "last-24h"),
          list("required_checks", RequestPayload.CustomerOperatingDashboard.DEFAULT_CHECKS)),
      new SummaryResponse(
          CustomerOperatingDashboardSummary.class,
          "customer operating dashboard response requires a customer_operating_dashboard request",
          "Customer operating dashboard status requires private billing, license-service, support,"
              + " customer-success, escalation, and release closeout validation.",
          List.of(
              "billing observability",
              "license-service telemetry",
              "support handoff",
              "customer-success health",
              "escalation routing",
              "release closeout",
              "operating dashboard"),
          "See docs/architecture/customer-operating-dashboard-support-handoff-contract.md",
          "dashboard_boundary",
          CustomerOperatingDashboardSummary.BOUNDARY,
          List.of(
              new SummaryField(
                  "dashboard_status", SummaryField.Kind.STATE, true, null, ReadinessState.class),
              new SummaryField(
                  "billing_status", SummaryField.Kind.STATE, true, null, ReadinessState.class),
              new SummaryField(
                  "license_service_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  ReadinessState.class),
              new SummaryField(
                  "support_handoff_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  ReadinessState.class),
              new SummaryField(
                  "customer_success_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  ReadinessState.class),
              new SummaryField(
                  "escalation_status", SummaryField.Kind.STATE, true, null, ReadinessState.class),
              new SummaryField(
                  "release_closeout_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  ReadinessState.class),
              new SummaryField(
                  "latest_dashboard_at", SummaryField.Kind.OPTIONAL_TEXT, false, null, null),
              new SummaryField(
                  "dashboard_scope", SummaryField.Kind.TEXT, false, "tenant-operating", null),
              new SummaryField("blockers", SummaryField.Kind.TEXT_LIST, false, List.of(), null)))),
  SUPPORT_HANDOFF_READINESS(
      "support_handoff_readiness",
      "tenant identifier, handoff scope, support tier, and support handoff checks",
      "support, customer-success, escalation, health review, dashboard, and release owner"
          + " readiness",
      RequestPayload.SupportHandoffReadiness.class,
      ReadOrder.RECORD_FIRST,
      List.of(
          key("handoff_scope"),
          key("support_tier"),
          key("required_checks"),
          fixed("handoff_boundary", RequestPayload.SupportHandoffReadiness.BOUNDARY)),
      List.of(
          text("handoff_scope", "hosted-saas-support"),
          text("support_tier", "enterprise"),
          list("required_checks", RequestPayload.SupportHandoffReadiness.DEFAULT_CHECKS)),
      new SummaryResponse(
          SupportHandoffReadinessSummary.class,
          "support handoff readiness response requires a support_handoff_readiness request",
          "Support handoff readiness requires private support, customer-success, escalation,"
              + " health-review, and dashboard validation.",
          List.of(
              "support ownership",
              "customer-success ownership",
              "escalation routing",
              "customer health review",
              "handoff dashboard",
              "release owner acceptance"),
          "See docs/architecture/customer-operating-dashboard-support-handoff-contract.md",
          "handoff_boundary",
          SupportHandoffReadinessSummary.BOUNDARY,
          List.of(
              new SummaryField(
                  "support_status", SummaryField.Kind.STATE, true, null, ReadinessState.class),
              new SummaryField(
                  "customer_success_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  ReadinessState.class),
              new SummaryField(
                  "escalation_status", SummaryField.Kind.STATE, true, null, ReadinessState.class),
              new SummaryField(
                  "health_review_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  ReadinessState.class),
              new SummaryField(
                  "dashboard_status", SummaryField.Kind.STATE, true, null, ReadinessState.class),
              new SummaryField("support_tier", SummaryField.Kind.TEXT, false, "enterprise", null),
              new SummaryField(
                  "handoff_scope", SummaryField.Kind.TEXT, false, "hosted-saas-support", null),
              new SummaryField("blockers", SummaryField.Kind.TEXT_LIST, false, List.of(), null)))),
  SAAS_OPERATING_AUTOMATION(
      "saas_operating_automation",
      "tenant identifier, automation scope, automation cadence, and operating automation checks",
      "billing monitoring, license telemetry, support follow-up, customer-success review, dashboard"
          + " refresh, escalation drill, and closeout retry readiness",
      RequestPayload.SaasOperatingAutomation.class,
      ReadOrder.RECORD_FIRST,
      List.of(
          key("automation_scope"),
          key("automation_cadence"),
          key("required_checks"),
          fixed("automation_boundary", RequestPayload.SaasOperatingAutomation.BOUNDARY)),
      List.of(
          text("automation_scope", "trial-to-paid-customer-scale"),
          text("automation_cadence", "daily"),
          list("required_checks", RequestPayload.SAAS_OPERATING_AUTOMATION_CHECKS)),
      new SummaryResponse(
          SaasOperatingAutomationSummary.class,
          "SaaS operating automation response requires a saas_operating_automation request",
          "SaaS operating automation requires private billing monitoring, license telemetry,"
              + " support, customer-success, dashboard, escalation, closeout retry, and scheduler"
              + " validation.",
          List.of(
              "billing monitoring",
              "license telemetry sync",
              "support follow-up",
              "customer-success review",
              "dashboard refresh automation",
              "escalation drill scheduler",
              "closeout retry automation"),
          "See docs/architecture/saas-operating-automation-contract.md",
          "automation_boundary",
          SaasOperatingAutomationSummary.BOUNDARY,
          List.of(
              new SummaryField(
                  "automation_status", SummaryField.Kind.STATE, true, null, AutomationState.class),
              new SummaryField(
                  "billing_monitoring_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  AutomationState.class),
              new SummaryField(
                  "license_telemetry_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  AutomationState.class),
              new SummaryField(
                  "support_followup_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  AutomationState.class),
              new SummaryField(
                  "customer_success_review_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  AutomationState.class),
              new SummaryField(
                  "dashboard_refresh_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  AutomationState.class),
              new SummaryField(
                  "escalation_drill_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  AutomationState.class),
              new SummaryField(
                  "closeout_retry_status",
                  SummaryField.Kind.STATE,
                  true,
                  null,
                  AutomationState.class),
              new SummaryField(
                  "automation_scope",
                  SummaryField.Kind.TEXT,
                  false,
                  "trial-to-paid-customer-scale",
                  null),
              new SummaryField("automation_cadence", SummaryField.Kind.TEXT, false, "daily", null),
              new SummaryField("blockers", SummaryField.Kind.TEXT_LIST, false, List.of(), null)))),
  EVIDENCE_EXPORT(
      "evidence_export",
      "evidence references, format, and retention profile",
      "export job status and governed artifact references",
      RequestPayload.EvidenceExport.class,
      ReadOrder.RECORD_FIRST,
      List.of(
          key("evidence_refs"),
          key("export_format"),
          key("retention_profile"),
          fixed("export_boundary", RequestPayload.EvidenceExport.BOUNDARY)),
      List.of(
          new RequestParameter("evidence_refs", Kind.TEXT_LIST, true, null),
          state("export_format", ExportFormat.JSON),
          text("retention_profile", "tenant-default")),
      null),
  /**
   * Provisional: inferred from the reference's callers and docs; every guess is listed in the
   * README.
   */
  SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF(
      "saas_operating_automation_worker_handoff",
      "tenant identifier, deployment environment, worker mode, required checks, and worker targets",
      "worker handoff status, scheduler, evidence-sink, and retry-policy references, worker owner,"
          + " worker mode, worker targets, and blockers",
      RequestPayload.WorkerHandoff.class,
      ReadOrder.RECORD_FIRST,
      List.of(
          key("deployment_environment"),
          key("worker_mode"),
          key("required_checks"),
          key("worker_targets"),
          fixed("handoff_boundary", RequestPayload.WorkerHandoff.BOUNDARY)),
      List.of(
          text("deployment_environment", "production"),
          state("worker_mode", WorkerMode.DRY_RUN),
          list("required_checks", RequestPayload.SAAS_OPERATING_AUTOMATION_CHECKS),
          list("worker_targets", RequestPayload.SAAS_OPERATING_AUTOMATION_CHECKS)),
      new SummaryResponse(
          WorkerHandoffSummary.class,
          "SaaS operating automation worker handoff response requires a"
              + " saas_operating_automation_worker_handoff request",
          "SaaS operating automation worker handoff requires private scheduler, worker runtime,"
              + " retry, and evidence-sink validation.",
          List.of(
              "automation scheduler",
              "worker runtime",
              "retry policy service",
              "evidence sink",
              "operations ownership"),
          "See docs/architecture/saas-operating-automation-worker-handoff.md",
          "handoff_boundary",
          WorkerHandoffSummary.BOUNDARY,
          List.of(
              new SummaryField(
                  "handoff_status", SummaryField.Kind.STATE, true, null, HandoffStatus.class),
              new SummaryField(
                  "deployment_environment", SummaryField.Kind.TEXT, false, "production", null),
              new SummaryField(
                  "scheduler_ref", SummaryField.Kind.TEXT, false, "scheduler-pending", null),
              new SummaryField(
                  "evidence_sink_ref",
                  SummaryField.Kind.TEXT,
                  false,
                  "evidence-sink-pending",
                  null),
              new SummaryField(
                  "retry_policy_ref", SummaryField.Kind.TEXT, false, "retry-policy-pending", null),
              new SummaryField(
                  "worker_owner", SummaryField.Kind.TEXT, false, "operations-owner", null),
              new SummaryField(
                  "worker_mode", SummaryField.Kind.STATE, true, null, WorkerMode.class),
              new SummaryField(
                  "required_checks",
                  SummaryField.Kind.TEXT_LIST,
                  false,
                  RequestPayload.SAAS_OPERATING_AUTOMATION_CHECKS,
                  null),
              new SummaryField(
                  "worker_targets",
                  SummaryField.Kind.TEXT_LIST,
                  false,
                  RequestPayload.SAAS_OPERATING_AUTOMATION_CHECKS,
                  null),
              new SummaryField("blockers", SummaryField.Kind.TEXT_LIST, false, List.of(), null))));

  /**
   * What a summary response says besides its summary: the fixed texts of the reference, the
   * summary's boundary key and text, and the summary's own fields with kinds and defaults, in wire
   * order (without {@code tenant_id} and {@code private_validation_required}, which every summary
   * has).
   *
   * @param type the summary's record, which the summary builder and reader construct through its
   *     canonical constructor: {@code tenant_id}, the fields in this order, {@code
   *     private_validation_required}, then the extensions
   */
  record SummaryResponse(
      Class<? extends Summary> type,
      String mismatchMessage,
      String message,
      List<String> privateModulesRequired,
      String nextStep,
      String boundaryKey,
      String boundary,
      List<SummaryField> fields) {}

  /**
   * One key of a request payload on the wire: either a builder parameter's value or a fixed text of
   * the contract.
   *
   * @param key the wire key
   * @param parameter the builder parameter whose value it carries; {@code null} for a fixed key
   * @param fixedValue the contract's value of a fixed key; {@code null} otherwise
   * @param stripped whether the payload strips the value of surrounding white space, so that a
   *     parsed value must already be stripped
   */
  record RequestKey(String key, String parameter, Object fixedValue, boolean stripped) {
    boolean isFixed() {
      return parameter == null;
    }
  }

  /**
   * When the reader compares a request payload's fixed keys: before the record is built from the
   * parameters, or after. The reference does one or the other per operation, and the first failing
   * check decides the error.
   */
  enum ReadOrder {
    FIXED_KEYS_FIRST,
    RECORD_FIRST
  }

  private final String wireName;
  private final String requestDescription;
  private final String responseDescription;
  private final Class<? extends RequestPayload> payloadType;
  private final ReadOrder readOrder;
  private final List<RequestKey> requestPayload;
  private final List<String> requestKeys;
  private final List<RequestParameter> requestParameters;
  private final SummaryResponse summaryResponse;

  Operation(
      String wireName,
      String requestDescription,
      String responseDescription,
      Class<? extends RequestPayload> payloadType,
      ReadOrder readOrder,
      List<RequestKey> requestPayload,
      List<RequestParameter> requestParameters,
      SummaryResponse summaryResponse) {
    this.wireName = wireName;
    this.requestDescription = requestDescription;
    this.responseDescription = responseDescription;
    this.payloadType = payloadType;
    this.readOrder = readOrder;
    this.requestPayload = requestPayload;
    this.requestKeys = requestPayload.stream().map(RequestKey::key).toList();
    this.requestParameters = requestParameters;
    this.summaryResponse = summaryResponse;
  }

  /** The keys of this operation's request payload on the wire, in order, fixed texts included. */
  List<String> requestKeys() {
    return requestKeys;
  }

  /**
   * The request payload on the wire, key by key in order: the parameters' keys (in the order of
   * {@link #requestParameters()}), then the fixed keys.
   */
  List<RequestKey> requestPayload() {
    return requestPayload;
  }

  /** The record this operation's request payload is, built through its canonical constructor. */
  Class<? extends RequestPayload> payloadType() {
    return payloadType;
  }

  /** When the reader compares the fixed keys of this operation's request payload. */
  ReadOrder readOrder() {
    return readOrder;
  }

  /**
   * The request builder's parameters of this operation, after the common ones ({@code tenant_id},
   * {@code requested_by}, {@code correlation_id}), in the reference's order with kinds and
   * defaults.
   */
  List<RequestParameter> requestParameters() {
    return requestParameters;
  }

  private static RequestParameter text(String name, String defaultValue) {
    return new RequestParameter(name, Kind.TEXT, false, defaultValue);
  }

  private static RequestParameter list(String name, List<String> defaultValue) {
    return new RequestParameter(name, Kind.TEXT_LIST, false, defaultValue);
  }

  private static <E extends Enum<E> & WireValue> RequestParameter state(String name, E value) {
    return new RequestParameter(
        name, Kind.TEXT, false, value.wireName(), value.getDeclaringClass());
  }

  private static RequestKey key(String key) {
    return new RequestKey(key, key, null, false);
  }

  private static RequestKey key(String key, String parameter) {
    return new RequestKey(key, parameter, null, false);
  }

  private static RequestKey stripped(String key) {
    return new RequestKey(key, key, null, true);
  }

  private static RequestKey fixed(String key, Object value) {
    return new RequestKey(key, null, value, false);
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** What the request carries, as written in the contract description. */
  public String requestDescription() {
    return requestDescription;
  }

  /** What the response carries, as written in the contract description. */
  public String responseDescription() {
    return responseDescription;
  }

  /** Whether the operation answers with a typed summary (and so has a summary response builder). */
  public boolean hasSummary() {
    return summaryResponse != null;
  }

  /** Whether the shape is inferred rather than taken from published reference source. */
  public boolean isProvisional() {
    return this == SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF;
  }

  /** The operation whose wire name is {@code wireName}, matched exactly. */
  public static Optional<Operation> fromWireName(String wireName) {
    for (Operation operation : values()) {
      if (operation.wireName.equals(wireName)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }

  SummaryResponse summaryResponse() {
    if (summaryResponse == null) {
      throw new IllegalStateException(wireName + " has no summary response");
    }
    return summaryResponse;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
