package io.cavra.controlplane.contract;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed payload of a request envelope, one record per {@link Operation}. Records are immutable
 * and validate themselves with the reference's payload pre-checks, in the reference's order and
 * with its texts; identifier checks and the secret guard over the whole payload run when the
 * payload is placed in a {@link ControlPlaneRequest}.
 *
 * <p>Fixed strings (boundaries, fixed check lists) are not components: they are part of the
 * contract and always written, see {@link #toMap()}.
 */
// Sealed without a permits list: the permitted records are the ones nested here.
public sealed interface RequestPayload {

  /**
   * The checks a SaaS operating automation request (and the worker handoff) asks for by default.
   */
  List<String> SAAS_OPERATING_AUTOMATION_CHECKS =
      List.of(
          "billing_monitoring",
          "license_telemetry_sync",
          "support_followup",
          "customer_success_review",
          "dashboard_refresh",
          "escalation_drill",
          "closeout_retry");

  /** The operation this payload belongs to: the one whose declaration names this record. */
  default Operation operation() {
    return DeclaredRecords.operation((Record) this);
  }

  /**
   * The serialized form, keys in wire order; an unmodifiable map like the reference's {@code
   * to_dict()}. Written from the operation's declaration: the components in order (enums by their
   * wire names), then the fixed texts.
   */
  default Map<String, Object> toMap() {
    return DeclaredRecords.write(this);
  }

  /** {@code entitlement_status}: feature names to check. */
  record EntitlementStatus(List<String> featureNames) implements RequestPayload {
    public static final List<String> REQUESTED_CHECKS =
        List.of("subscription_status", "license_status", "feature_grants");
    public static final String BOUNDARY =
        "public request shape only; billing and license validation are private";

    public EntitlementStatus {
      featureNames = Checks.textList(featureNames, "payload.feature_names");
    }
  }

  /**
   * {@code tenant_onboarding}: tenant activation metadata.
   *
   * <p>{@code contacts} maps contact roles to any JSON value, as the reference accepts: strings
   * ({@code "owner@example.invalid"}), and objects, arrays, numbers, booleans and null at any depth
   * ({@code {"escalation": ["ops@example.invalid"], "owners": {"primary": "ops"}}}). It is guarded
   * here, as the reference guards it when building: a finding's {@linkplain
   * ContractException#location() location} is its JSON path ({@code
   * payload.contacts.owners.primary.password}) and its message the reference's text, whose path has
   * no {@code contacts.} segment ({@code sensitive field is not allowed in public SaaS contract
   * payload: payload.owners.primary.password}).
   *
   * @param contacts an immutable, order-preserving map of JSON values (see {@link
   *     RequestBuilder#contacts(Map)}); {@code null} is empty
   */
  record TenantOnboarding(
      String organizationName,
      DeploymentModel deploymentModel,
      String region,
      List<String> requirements,
      Map<String, Object> contacts)
      implements RequestPayload {
    public static final List<String> DEFAULT_REQUIREMENTS =
        List.of(
            "identity_provider",
            "license_validation",
            "policy_registry",
            "audit_store",
            "support_owner");
    public static final String BOUNDARY =
        "public request shape only; tenant provisioning implementation is private";

    public TenantOnboarding {
      Objects.requireNonNull(deploymentModel, "deploymentModel");
      organizationName =
          Checks.pythonStrip(Checks.text(organizationName, "payload.organization_name"));
      if (organizationName.isEmpty()) {
        throw ContractException.of(
            ErrorCode.EMPTY_VALUE,
            "payload.organization_name",
            "organization_name must not be empty");
      }
      requirements =
          Checks.nonEmptyTextList(
              requirements,
              "payload.requirements",
              "requirements must include at least one onboarding requirement");
      contacts = Checks.jsonMap(contacts, "payload.contacts", 2);
      Checks.guard(contacts, "payload.contacts", "payload");
      region = Checks.pythonStrip(Checks.text(region, "payload.region"));
    }

    /** The contact for {@code role} if its value is a string: the common case. */
    public Optional<String> contactText(String role) {
      Object value = contacts.get(Objects.requireNonNull(role, "role"));
      return value instanceof String ? Optional.of((String) value) : Optional.empty();
    }
  }

  /** {@code tenant_status}: the capabilities whose status is asked for (may be empty). */
  record TenantStatus(List<String> requestedCapabilities) implements RequestPayload {
    public static final List<String> DEFAULT_CAPABILITIES =
        List.of("license", "policy_registry", "evidence_export");
    public static final String BOUNDARY = "status lookup contract only";

    public TenantStatus {
      requestedCapabilities =
          Checks.textList(requestedCapabilities, "payload.requested_capabilities");
    }
  }

  /** {@code license_validation}: a local report handed over for private validation. */
  record LicenseValidation(LicenseValidationReport localValidationReport)
      implements RequestPayload {
    public static final List<String> REQUESTED_CHECKS =
        List.of("signature", "revocation", "subscription_status");
    public static final String BOUNDARY =
        "real validation is performed by private SaaS or Enterprise services";

    public LicenseValidation {
      if (localValidationReport == null) {
        throw ContractException.of(
            ErrorCode.MISSING_FIELD, LicenseValidationReport.PATH, "report is required");
      }
    }
  }

  /** {@code policy_registry_readiness}: readiness checks of the hosted policy registry. */
  record PolicyRegistryReadiness(
      List<String> policyPackRefs, String catalogScope, List<String> requiredChecks)
      implements RequestPayload {
    public static final List<String> DEFAULT_CHECKS =
        List.of(
            "service_availability",
            "catalog_freshness",
            "policy_pack_versions",
            "artifact_integrity",
            "entitlement_scope",
            "approval_state");
    public static final String BOUNDARY =
        "public request shape only; hosted policy registry operation is private";

    public PolicyRegistryReadiness {
      policyPackRefs = Checks.textList(policyPackRefs, "payload.policy_pack_refs");
      catalogScope = Checks.text(catalogScope, "payload.catalog_scope");
      requiredChecks =
          Checks.nonEmptyTextList(
              requiredChecks,
              "payload.required_checks",
              "required_checks must include at least one policy registry readiness check");
      Checks.guard(
          WireMaps.ordered("policy_pack_refs", policyPackRefs, "catalog_scope", catalogScope),
          "payload");
    }
  }

  /**
   * {@code policy_registry_lookup}: policies to resolve, with public labels.
   *
   * <p>{@code labels} maps label keys to any JSON value, as the reference accepts: strings, and
   * objects, arrays, numbers, booleans and null at any depth. The reference guards labels when it
   * serializes the request; this library guards them when the request is constructed (README
   * deviation 4), with the reference's paths ({@code payload.labels.team.owner.password}).
   *
   * @param labels an immutable, order-preserving map of JSON values (see {@link
   *     RequestBuilder#labels(Map)}); {@code null} is empty
   */
  record PolicyRegistryLookup(List<String> policyRefs, Map<String, Object> labels)
      implements RequestPayload {
    public static final String BOUNDARY =
        "public request shape only; hosted registry implementation is private";

    public PolicyRegistryLookup {
      policyRefs =
          Checks.nonEmptyTextList(
              policyRefs,
              "payload.policy_refs",
              "policy_refs must include at least one policy reference");
      labels = Checks.jsonMap(labels, "payload.labels", 2);
    }

    /** The label {@code key} if its value is a string: the common case. */
    public Optional<String> labelText(String key) {
      Object value = labels.get(Objects.requireNonNull(key, "key"));
      return value instanceof String ? Optional.of((String) value) : Optional.empty();
    }
  }

  /** {@code tenant_audit_store_operating}: operating checks of the tenant audit store. */
  record TenantAuditStoreOperating(
      String retentionProfile, String evidenceWindow, List<String> requiredChecks)
      implements RequestPayload {
    public static final List<String> DEFAULT_CHECKS =
        List.of(
            "store_health",
            "retention_posture",
            "evidence_freshness",
            "export_readiness",
            "immutable_storage",
            "dashboard_visibility");
    public static final String BOUNDARY =
        "public request shape only; tenant audit-store operation is private";

    public TenantAuditStoreOperating {
      retentionProfile = Checks.text(retentionProfile, "payload.retention_profile");
      evidenceWindow = Checks.text(evidenceWindow, "payload.evidence_window");
      requiredChecks =
          Checks.nonEmptyTextList(
              requiredChecks,
              "payload.required_checks",
              "required_checks must include at least one tenant audit-store operating check");
      Checks.guard(
          WireMaps.ordered(
              "retention_profile", retentionProfile, "evidence_window", evidenceWindow),
          "payload");
    }
  }

  /** {@code customer_operating_dashboard}: operating dashboard checks. */
  record CustomerOperatingDashboard(
      String dashboardScope, String evidenceWindow, List<String> requiredChecks)
      implements RequestPayload {
    public static final List<String> DEFAULT_CHECKS =
        List.of(
            "dashboard_visibility",
            "billing_observability",
            "license_service_telemetry",
            "support_handoff",
            "customer_success_health",
            "escalation_readiness",
            "release_acceptance");
    public static final String BOUNDARY =
        "public request shape only; customer operating dashboards are private";

    public CustomerOperatingDashboard {
      dashboardScope = Checks.text(dashboardScope, "payload.dashboard_scope");
      evidenceWindow = Checks.text(evidenceWindow, "payload.evidence_window");
      requiredChecks =
          Checks.nonEmptyTextList(
              requiredChecks,
              "payload.required_checks",
              "required_checks must include at least one customer operating dashboard check");
      Checks.guard(
          WireMaps.ordered("dashboard_scope", dashboardScope, "evidence_window", evidenceWindow),
          "payload");
    }
  }

  /** {@code support_handoff_readiness}: support and customer-success handoff checks. */
  record SupportHandoffReadiness(
      String handoffScope, String supportTier, List<String> requiredChecks)
      implements RequestPayload {
    public static final List<String> DEFAULT_CHECKS =
        List.of(
            "support_owner_assignment",
            "customer_success_owner_assignment",
            "escalation_routing",
            "customer_health_review",
            "handoff_dashboard",
            "release_owner_acceptance");
    public static final String BOUNDARY =
        "public request shape only; support and customer-success handoff is private";

    public SupportHandoffReadiness {
      handoffScope = Checks.text(handoffScope, "payload.handoff_scope");
      supportTier = Checks.text(supportTier, "payload.support_tier");
      requiredChecks =
          Checks.nonEmptyTextList(
              requiredChecks,
              "payload.required_checks",
              "required_checks must include at least one support handoff readiness check");
      Checks.guard(
          WireMaps.ordered("handoff_scope", handoffScope, "support_tier", supportTier), "payload");
    }
  }

  /** {@code saas_operating_automation}: recurring operating automation checks. */
  record SaasOperatingAutomation(
      String automationScope, String automationCadence, List<String> requiredChecks)
      implements RequestPayload {
    public static final String BOUNDARY =
        "public request shape only; SaaS operating automation execution is private";

    public SaasOperatingAutomation {
      automationScope = Checks.text(automationScope, "payload.automation_scope");
      automationCadence = Checks.text(automationCadence, "payload.automation_cadence");
      requiredChecks =
          Checks.nonEmptyTextList(
              requiredChecks,
              "payload.required_checks",
              "required_checks must include at least one SaaS operating automation check");
      Checks.guard(
          WireMaps.ordered(
              "automation_scope", automationScope, "automation_cadence", automationCadence),
          "payload");
    }
  }

  /**
   * {@code evidence_export}: evidence to export, in which format, under which retention profile.
   */
  record EvidenceExport(
      List<String> evidenceRefs, ExportFormat exportFormat, String retentionProfile)
      implements RequestPayload {
    public static final String BOUNDARY =
        "public request shape only; storage and delivery implementation is private";

    public EvidenceExport {
      Objects.requireNonNull(exportFormat, "exportFormat");
      evidenceRefs =
          Checks.nonEmptyTextList(
              evidenceRefs,
              "payload.evidence_refs",
              "evidence_refs must include at least one evidence reference");
      retentionProfile = Checks.text(retentionProfile, "payload.retention_profile");
    }
  }

  /**
   * {@code saas_operating_automation_worker_handoff}. <b>Provisional</b>: key order from the
   * reference's documentation; the empty-list checks and the early secret check over {@code
   * deployment_environment} and {@code worker_targets} follow the other builders by analogy.
   * Targets are not required to be a subset of the checks (unknown in the reference).
   */
  record WorkerHandoff(
      String deploymentEnvironment,
      WorkerMode workerMode,
      List<String> requiredChecks,
      List<String> workerTargets)
      implements RequestPayload {
    public static final String BOUNDARY =
        "public request shape only; SaaS automation worker execution is private";

    public WorkerHandoff {
      Objects.requireNonNull(workerMode, "workerMode");
      deploymentEnvironment = Checks.text(deploymentEnvironment, "payload.deployment_environment");
      requiredChecks =
          Checks.nonEmptyTextList(
              requiredChecks,
              "payload.required_checks",
              "required_checks must include at least one SaaS operating automation check");
      workerTargets =
          Checks.nonEmptyTextList(
              workerTargets,
              "payload.worker_targets",
              "worker_targets must include at least one SaaS operating automation worker target");
      Checks.guard(
          WireMaps.ordered(
              "deployment_environment", deploymentEnvironment, "worker_targets", workerTargets),
          "payload");
    }
  }
}
