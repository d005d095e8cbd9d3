package io.cavra.controlplane.contract;

import java.util.List;
import java.util.Map;

/**
 * A request builder for one operation: it has that operation's parameters and no others, so that
 * setting a parameter the operation does not take does not compile. Start one from {@link
 * ControlPlaneRequest}, e.g. {@link ControlPlaneRequest#tenantStatus()}; each method sets the
 * parameter of the same snake_case name as {@link RequestBuilder} does, with the same defaults,
 * validation order and errors. Not thread-safe.
 *
 * <pre>{@code
 * ControlPlaneRequest request = ControlPlaneRequest.policyRegistryReadiness()
 *     .tenantId("tenant-demo")
 *     .policyPackRefs("starter-policy-1")
 *     .build();
 * }</pre>
 *
 * <p>Tools that work from the parameter table keep {@link ControlPlaneRequest#builder(Operation)}
 * and {@link RequestBuilder#set(String, Object)}.
 *
 * @param <B> the operation's own builder type
 * @since 0.2
 */
public abstract class TypedRequestBuilder<B extends TypedRequestBuilder<B>> {
  private final RequestBuilder untyped;

  TypedRequestBuilder(Operation operation) {
    this.untyped = new RequestBuilder(operation);
  }

  @SuppressWarnings("unchecked")
  B with(String name, Object value) {
    untyped.set(name, value);
    return (B) this;
  }

  @SuppressWarnings("unchecked")
  B entry(String name, String key, Object value) {
    untyped.putEntry(name, key, value);
    return (B) this;
  }

  /** The operation this builder builds. */
  public Operation operation() {
    return untyped.operation();
  }

  /** Required. */
  public B tenantId(String tenantId) {
    return with("tenant_id", tenantId);
  }

  /** Default: {@code community}. */
  public B requestedBy(String requestedBy) {
    return with("requested_by", requestedBy);
  }

  /** Default: {@code saas-} + 12 lower-case hex digits from a secure random source. */
  public B correlationId(String correlationId) {
    return with("correlation_id", correlationId);
  }

  /**
   * Validates in the reference's order and builds the request, as {@link RequestBuilder#build()}.
   *
   * @throws ContractException with the reference's text where it has one
   */
  public ControlPlaneRequest build() {
    return untyped.build();
  }

  /** An untyped builder for the same operation holding the same values. */
  public RequestBuilder untyped() {
    RequestBuilder copy = new RequestBuilder(untyped.operation());
    for (RequestParameter parameter : untyped.parameters()) {
      if (untyped.isSet(parameter.name())) {
        copy.set(parameter.name(), untyped.get(parameter.name()));
      }
    }
    return copy;
  }

  /**
   * {@code entitlement_status} (see {@link RequestBuilder#parameters(Operation)} for the defaults).
   */
  public static final class EntitlementStatus extends TypedRequestBuilder<EntitlementStatus> {
    EntitlementStatus() {
      super(Operation.ENTITLEMENT_STATUS);
    }

    public EntitlementStatus featureNames(String... featureNames) {
      return super.with("feature_names", List.of(featureNames));
    }
  }

  /**
   * {@code tenant_onboarding} (see {@link RequestBuilder#parameters(Operation)} for the defaults).
   */
  public static final class TenantOnboarding extends TypedRequestBuilder<TenantOnboarding> {
    TenantOnboarding() {
      super(Operation.TENANT_ONBOARDING);
    }

    public TenantOnboarding organizationName(String organizationName) {
      return super.with("organization_name", organizationName);
    }

    public TenantOnboarding deploymentModel(String deploymentModel) {
      return super.with("deployment_model", deploymentModel);
    }

    public TenantOnboarding deploymentModel(DeploymentModel deploymentModel) {
      return super.with("deployment_model", deploymentModel.wireName());
    }

    public TenantOnboarding region(String region) {
      return super.with("region", region);
    }

    public TenantOnboarding requirements(String... requirements) {
      return super.with("requirements", List.of(requirements));
    }

    /** Any JSON values below string keys, in order; see {@link RequestBuilder#labels(Map)}. */
    public TenantOnboarding contacts(Map<String, ?> contacts) {
      return super.with("contacts", contacts);
    }

    /** Adds one entry whose value is any JSON value ({@code null} is JSON null), keeping order. */
    public TenantOnboarding contact(String key, Object value) {
      return super.entry("contacts", key, value);
    }
  }

  /** {@code tenant_status} (see {@link RequestBuilder#parameters(Operation)} for the defaults). */
  public static final class TenantStatus extends TypedRequestBuilder<TenantStatus> {
    TenantStatus() {
      super(Operation.TENANT_STATUS);
    }

    public TenantStatus capabilities(String... capabilities) {
      return super.with("capabilities", List.of(capabilities));
    }
  }

  /**
   * {@code license_validation} (see {@link RequestBuilder#parameters(Operation)} for the defaults).
   */
  public static final class LicenseValidation extends TypedRequestBuilder<LicenseValidation> {
    LicenseValidation() {
      super(Operation.LICENSE_VALIDATION);
    }

    /** Required. */
    public LicenseValidation report(LicenseValidationReport report) {
      return super.with("report", report);
    }
  }

  /**
   * {@code policy_registry_readiness} (see {@link RequestBuilder#parameters(Operation)} for the
   * defaults).
   */
  public static final class PolicyRegistryReadiness
      extends TypedRequestBuilder<PolicyRegistryReadiness> {
    PolicyRegistryReadiness() {
      super(Operation.POLICY_REGISTRY_READINESS);
    }

    public PolicyRegistryReadiness policyPackRefs(String... policyPackRefs) {
      return super.with("policy_pack_refs", List.of(policyPackRefs));
    }

    public PolicyRegistryReadiness catalogScope(String catalogScope) {
      return super.with("catalog_scope", catalogScope);
    }

    public PolicyRegistryReadiness requiredChecks(String... requiredChecks) {
      return super.with("required_checks", List.of(requiredChecks));
    }
  }

  /**
   * {@code policy_registry_lookup} (see {@link RequestBuilder#parameters(Operation)} for the
   * defaults).
   */
  public static final class PolicyRegistryLookup extends TypedRequestBuilder<PolicyRegistryLookup> {
    PolicyRegistryLookup() {
      super(Operation.POLICY_REGISTRY_LOOKUP);
    }

    public PolicyRegistryLookup policyRefs(String... policyRefs) {
      return super.with("policy_refs", List.of(policyRefs));
    }

    /** Any JSON values below string keys, in order; see {@link RequestBuilder#labels(Map)}. */
    public PolicyRegistryLookup labels(Map<String, ?> labels) {
      return super.with("labels", labels);
    }

    /** Adds one entry whose value is any JSON value ({@code null} is JSON null), keeping order. */
    public PolicyRegistryLookup label(String key, Object value) {
      return super.entry("labels", key, value);
    }
  }

  /**
   * {@code tenant_audit_store_operating} (see {@link RequestBuilder#parameters(Operation)} for the
   * defaults).
   */
  public static final class TenantAuditStoreOperating
      extends TypedRequestBuilder<TenantAuditStoreOperating> {
    TenantAuditStoreOperating() {
      super(Operation.TENANT_AUDIT_STORE_OPERATING);
    }

    public TenantAuditStoreOperating retentionProfile(String retentionProfile) {
      return super.with("retention_profile", retentionProfile);
    }

    public TenantAuditStoreOperating evidenceWindow(String evidenceWindow) {
      return super.with("evidence_window", evidenceWindow);
    }

    public TenantAuditStoreOperating requiredChecks(String... requiredChecks) {
      return super.with("required_checks", List.of(requiredChecks));
    }
  }

  /**
   * {@code customer_operating_dashboard} (see {@link RequestBuilder#parameters(Operation)} for the
   * defaults).
   */
  public static final class CustomerOperatingDashboard
      extends TypedRequestBuilder<CustomerOperatingDashboard> {
    CustomerOperatingDashboard() {
      super(Operation.CUSTOMER_OPERATING_DASHBOARD);
    }

    public CustomerOperatingDashboard dashboardScope(String dashboardScope) {
      return super.with("dashboard_scope", dashboardScope);
    }

    public CustomerOperatingDashboard evidenceWindow(String evidenceWindow) {
      return super.with("evidence_window", evidenceWindow);
    }

    public CustomerOperatingDashboard requiredChecks(String... requiredChecks) {
      return super.with("required_checks", List.of(requiredChecks));
    }
  }

  /**
   * {@code support_handoff_readiness} (see {@link RequestBuilder#parameters(Operation)} for the
   * defaults).
   */
  public static final class SupportHandoffReadiness
      extends TypedRequestBuilder<SupportHandoffReadiness> {
    SupportHandoffReadiness() {
      super(Operation.SUPPORT_HANDOFF_READINESS);
    }

    public SupportHandoffReadiness handoffScope(String handoffScope) {
      return super.with("handoff_scope", handoffScope);
    }

    public SupportHandoffReadiness supportTier(String supportTier) {
      return super.with("support_tier", supportTier);
    }

    public SupportHandoffReadiness requiredChecks(String... requiredChecks) {
      return super.with("required_checks", List.of(requiredChecks));
    }
  }

  /**
   * {@code saas_operating_automation} (see {@link RequestBuilder#parameters(Operation)} for the
   * defaults).
   */
  public static final class SaasOperatingAutomation
      extends TypedRequestBuilder<SaasOperatingAutomation> {
    SaasOperatingAutomation() {
      super(Operation.SAAS_OPERATING_AUTOMATION);
    }

    public SaasOperatingAutomation automationScope(String automationScope) {
      return super.with("automation_scope", automationScope);
    }

    public SaasOperatingAutomation automationCadence(String automationCadence) {
      return super.with("automation_cadence", automationCadence);
    }

    public SaasOperatingAutomation requiredChecks(String... requiredChecks) {
      return super.with("required_checks", List.of(requiredChecks));
    }
  }

  /**
   * {@code evidence_export} (see {@link RequestBuilder#parameters(Operation)} for the defaults).
   */
  public static final class EvidenceExport extends TypedRequestBuilder<EvidenceExport> {
    EvidenceExport() {
      super(Operation.EVIDENCE_EXPORT);
    }

    public EvidenceExport evidenceRefs(String... evidenceRefs) {
      return super.with("evidence_refs", List.of(evidenceRefs));
    }

    public EvidenceExport exportFormat(String exportFormat) {
      return super.with("export_format", exportFormat);
    }

    public EvidenceExport exportFormat(ExportFormat exportFormat) {
      return super.with("export_format", exportFormat.wireName());
    }

    public EvidenceExport retentionProfile(String retentionProfile) {
      return super.with("retention_profile", retentionProfile);
    }
  }

  /**
   * {@code saas_operating_automation_worker_handoff} (see {@link
   * RequestBuilder#parameters(Operation)} for the defaults).
   */
  public static final class WorkerHandoff extends TypedRequestBuilder<WorkerHandoff> {
    WorkerHandoff() {
      super(Operation.SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF);
    }

    public WorkerHandoff deploymentEnvironment(String deploymentEnvironment) {
      return super.with("deployment_environment", deploymentEnvironment);
    }

    public WorkerHandoff workerMode(String workerMode) {
      return super.with("worker_mode", workerMode);
    }

    public WorkerHandoff workerMode(WorkerMode workerMode) {
      return super.with("worker_mode", workerMode.wireName());
    }

    public WorkerHandoff requiredChecks(String... requiredChecks) {
      return super.with("required_checks", List.of(requiredChecks));
    }

    public WorkerHandoff workerTargets(String... workerTargets) {
      return super.with("worker_targets", List.of(workerTargets));
    }
  }
}
