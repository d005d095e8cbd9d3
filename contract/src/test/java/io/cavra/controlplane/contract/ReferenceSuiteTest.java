package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The assertions of the Python reference's public tests (wire-spec §6.1 to §6.4), one Java test
 * each, asserted on the serialized form as the reference does.
 */
class ReferenceSuiteTest {

  @SuppressWarnings("unchecked")
  static Map<String, Object> payload(Map<String, Object> envelope) {
    return (Map<String, Object>) envelope.get("payload");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> summary(ControlPlaneResponse response) {
    return (Map<String, Object>) payload(response.toMap()).get("summary");
  }

  static ControlPlaneRequest request(Operation operation, String requestedBy) {
    return ControlPlaneRequest.builder(operation)
        .tenantId("tenant-demo")
        .requestedBy(requestedBy)
        .build();
  }

  @Nested
  class InitialContract {
    @Test
    void contractDescriptionNamesEveryOperationAndDeniesPrivateParts() {
      Map<String, Object> description = ContractDescription.toMap();
      assertThat(description.get("schema_version"))
          .isEqualTo("cavra.saas_control_plane.contract.v1");
      @SuppressWarnings("unchecked")
      Map<String, Object> boundary =
          (Map<String, Object>) description.get("public_repository_boundary");
      assertThat(boundary.get("contains_saas_backend")).isEqualTo(false);
      assertThat(boundary.get("contains_license_service")).isEqualTo(false);
      @SuppressWarnings("unchecked")
      List<String> names =
          ((List<Map<String, Object>>) description.get("operations"))
              .stream()
                  .map(operation -> (String) operation.get("name"))
                  .collect(Collectors.toList());
      assertThat(names)
          .contains(
              "evidence_export",
              "entitlement_status",
              "tenant_onboarding",
              "policy_registry_readiness",
              "tenant_audit_store_operating",
              "customer_operating_dashboard",
              "support_handoff_readiness",
              "saas_operating_automation");
    }

    @Test
    void tenantStatusRequestCarriesDefaultCapabilities() {
      Map<String, Object> serialized = request(Operation.TENANT_STATUS, "console").toMap();
      assertThat(serialized.get("schema_version")).isEqualTo("cavra.saas_control_plane.request.v1");
      assertThat(serialized.get("operation")).isEqualTo("tenant_status");
      assertThat(serialized.get("private_implementation_required")).isEqualTo(true);
      assertThat(payload(serialized).get("requested_capabilities"))
          .isEqualTo(List.of("license", "policy_registry", "evidence_export"));
    }

    @Test
    void licenseValidationRequestCarriesTheCommunityReport() {
      ControlPlaneRequest request =
          ControlPlaneRequest.builder(Operation.LICENSE_VALIDATION)
              .tenantId("tenant-demo")
              .requestedBy("cli")
              .report(LicenseValidationReport.communityDefault())
              .build();
      @SuppressWarnings("unchecked")
      Map<String, Object> report =
          (Map<String, Object>) payload(request.toMap()).get("local_validation_report");
      assertThat(report.get("edition")).isEqualTo("community");
      assertThat(report.get("valid")).isEqualTo(true);
      assertThat(payload(request.toMap()).get("requested_checks"))
          .isEqualTo(List.of("signature", "revocation", "subscription_status"));
    }

    @Test
    void policyLookupWithoutReferencesFails() {
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                      .tenantId("tenant-demo")
                      .policyRefs()
                      .build())
          .isInstanceOf(ContractException.class)
          .hasMessageContaining("policy_refs");
    }

    @Test
    void evidenceExportRejectsPdf() {
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.EVIDENCE_EXPORT)
                      .tenantId("tenant-demo")
                      .evidenceRefs("session-123")
                      .exportFormat("pdf")
                      .build())
          .isInstanceOf(ContractException.class)
          .hasMessageContaining("export_format");
    }

    @Test
    void secretFilterRejectsTheReferenceVectors() {
      for (Map<String, Object> payload :
          List.<Map<String, Object>>of(
              Map.of("client_secret", "placeholder"),
              Map.of("nested", Map.of("token", "placeholder")),
              Map.of("value", FakeTokens.github()))) {
        assertThatThrownBy(
                () ->
                    io.cavra.controlplane.contract.secret.SecretGuard.defaults()
                        .check(payload, "payload"))
            .isInstanceOf(ContractException.class);
      }
    }

    @Test
    void genericUnavailableResponseAnswersEvidenceExport() {
      ControlPlaneRequest request =
          ControlPlaneRequest.builder(Operation.EVIDENCE_EXPORT)
              .tenantId("tenant-demo")
              .requestedBy("console")
              .evidenceRefs("session-123")
              .build();
      Map<String, Object> response = ControlPlaneResponse.unavailable(request).toMap();
      assertThat(response.get("operation")).isEqualTo("evidence_export");
      assertThat(response.get("status")).isEqualTo("requires_private_service");
      assertThat(response.get("correlation_id")).isEqualTo(request.correlationId());
      assertThat(response.get("private_implementation_required")).isEqualTo(true);
    }
  }

  @Nested
  class EntitlementOnboardingAndRegistryReadiness {
    @Test
    void entitlementRequestCarriesFeaturesAndFixedChecks() {
      Map<String, Object> serialized =
          ControlPlaneRequest.builder(Operation.ENTITLEMENT_STATUS)
              .tenantId("tenant-demo")
              .requestedBy("console")
              .featureNames("sso", "audit_export")
              .build()
              .toMap();
      assertThat(serialized.get("operation")).isEqualTo("entitlement_status");
      assertThat(serialized.get("private_implementation_required")).isEqualTo(true);
      assertThat(payload(serialized).get("feature_names"))
          .isEqualTo(List.of("sso", "audit_export"));
      assertThat(payload(serialized).get("requested_checks"))
          .isEqualTo(List.of("subscription_status", "license_status", "feature_grants"));
    }

    @Test
    void entitlementResponseEchoesTheSummary() {
      ControlPlaneRequest request =
          ControlPlaneRequest.builder(Operation.ENTITLEMENT_STATUS)
              .tenantId("tenant-demo")
              .featureNames("sso")
              .build();
      Summary summary =
          Summary.builder(Operation.ENTITLEMENT_STATUS)
              .set("tenant_id", "tenant-demo")
              .set("entitlement_status", "trial")
              .set("subscription_plan", "enterprise-trial")
              .set("license_status", "valid")
              .set("enabled_features", List.of("sso"))
              .set("locked_features", List.of("ai_remediation"))
              .set("expires_at", "2026-07-02T00:00:00Z")
              .build();
      ControlPlaneResponse response = ControlPlaneResponse.forSummary(request, summary);
      assertThat(response.toMap().get("operation")).isEqualTo("entitlement_status");
      assertThat(response.toMap().get("status")).isEqualTo("requires_private_service");
      assertThat(summary(response).get("entitlement_status")).isEqualTo("trial");
      assertThat(summary(response).get("enabled_features")).isEqualTo(List.of("sso"));
      assertThat(summary(response).get("locked_features")).isEqualTo(List.of("ai_remediation"));
      assertThat(payload(response.toMap()).get("private_modules_required"))
          .isEqualTo(
              List.of(
                  "billing integration",
                  "license service",
                  "subscription status",
                  "feature entitlement registry"));
    }

    @Test
    void entitlementSummaryRejectsUnknownState() {
      assertThatThrownBy(
              () ->
                  Summary.builder(Operation.ENTITLEMENT_STATUS)
                      .set("tenant_id", "tenant-demo")
                      .set("entitlement_status", "granted")
                      .set("subscription_plan", "p")
                      .set("license_status", "valid")
                      .build())
          .hasMessageContaining("entitlement_status");
    }

    @Test
    void onboardingRequestKeepsOrganizationAndDefaults() {
      Map<String, Object> serialized =
          ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
              .tenantId("tenant-demo")
              .requestedBy("sales-engineering")
              .organizationName("Demo Organization")
              .contact("commercial_owner", "owner@example.invalid")
              .build()
              .toMap();
      assertThat(serialized.get("operation")).isEqualTo("tenant_onboarding");
      assertThat(serialized.get("private_implementation_required")).isEqualTo(true);
      assertThat(payload(serialized).get("organization_name")).isEqualTo("Demo Organization");
      assertThat(payload(serialized).get("deployment_model")).isEqualTo("hosted_saas");
      assertThat(payload(serialized).get("requirements"))
          .isEqualTo(
              List.of(
                  "identity_provider",
                  "license_validation",
                  "policy_registry",
                  "audit_store",
                  "support_owner"));
    }

    @Test
    void onboardingRejectsUnknownDeploymentModel() {
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
                      .tenantId("tenant-demo")
                      .organizationName("Demo")
                      .deploymentModel("public_demo")
                      .build())
          .hasMessageContaining("deployment_model");
    }

    @Test
    void onboardingRejectsSensitiveContact() {
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
                      .tenantId("tenant-demo")
                      .organizationName("Demo")
                      .contact("api_token", "placeholder")
                      .build())
          .hasMessageContaining("sensitive field");
    }

    @Test
    void registryReadinessRequestCarriesRefsScopeAndDefaultChecks() {
      Map<String, Object> serialized =
          ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_READINESS)
              .tenantId("tenant-demo")
              .requestedBy("console")
              .policyPackRefs("starter-policy-1", "starter-policy-2")
              .catalogScope("tenant-default")
              .build()
              .toMap();
      assertThat(serialized.get("operation")).isEqualTo("policy_registry_readiness");
      assertThat(payload(serialized).get("policy_pack_refs"))
          .isEqualTo(List.of("starter-policy-1", "starter-policy-2"));
      assertThat(payload(serialized).get("catalog_scope")).isEqualTo("tenant-default");
      assertThat(payload(serialized).get("required_checks"))
          .isEqualTo(
              List.of(
                  "service_availability",
                  "catalog_freshness",
                  "policy_pack_versions",
                  "artifact_integrity",
                  "entitlement_scope",
                  "approval_state"));
    }

    @Test
    void registryReadinessRejectsEmptyChecks() {
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_READINESS)
                      .tenantId("tenant-demo")
                      .requiredChecks()
                      .build())
          .hasMessageContaining("required_checks");
    }

    @Test
    void registryReadinessRejectsTokenInScope() {
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_READINESS)
                      .tenantId("tenant-demo")
                      .catalogScope(FakeTokens.github())
                      .build())
          .hasMessageContaining("sensitive value");
    }

    @Test
    void registryReadinessResponseEchoesTheSummary() {
      ControlPlaneRequest request = request(Operation.POLICY_REGISTRY_READINESS, "console");
      Summary summary =
          Summary.builder(Operation.POLICY_REGISTRY_READINESS)
              .set("tenant_id", "tenant-demo")
              .set("readiness_status", "degraded")
              .set("catalog_status", "ready")
              .set("latest_catalog_version", "catalog-2026.06.02")
              .set("policy_pack_count", 12)
              .set("checked_at", "2026-06-02T00:00:00Z")
              .set("blockers", List.of("approval workflow pending"))
              .build();
      ControlPlaneResponse response = ControlPlaneResponse.forSummary(request, summary);
      assertThat(response.toMap().get("status")).isEqualTo("requires_private_service");
      assertThat(summary(response))
          .containsEntry("readiness_status", "degraded")
          .containsEntry("catalog_status", "ready")
          .containsEntry("latest_catalog_version", "catalog-2026.06.02")
          .containsEntry("policy_pack_count", 12L)
          .containsEntry("checked_at", "2026-06-02T00:00:00Z")
          .containsEntry("blockers", List.of("approval workflow pending"));
      assertThat(payload(response.toMap()).get("private_modules_required"))
          .isEqualTo(
              List.of(
                  "hosted policy registry service",
                  "policy-pack artifact store",
                  "feature entitlement registry",
                  "approval workflow",
                  "rollout telemetry"));
    }

    @Test
    void registryReadinessSummaryRejectsUnknownState() {
      assertThatThrownBy(() -> readiness().set("readiness_status", "published").build())
          .hasMessageContaining("readiness_status");
    }

    @Test
    void registryReadinessSummaryRejectsNegativeCount() {
      assertThatThrownBy(() -> readiness().set("policy_pack_count", -1).build())
          .hasMessageContaining("policy_pack_count");
    }

    @Test
    void onboardingUnavailableResponseListsPrivateModules() {
      ControlPlaneRequest request =
          ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
              .tenantId("tenant-demo")
              .organizationName("Demo Organization")
              .build();
      Map<String, Object> response = ControlPlaneResponse.onboardingUnavailable(request).toMap();
      assertThat(response.get("operation")).isEqualTo("tenant_onboarding");
      assertThat(response.get("status")).isEqualTo("requires_private_service");
      assertThat(payload(response).get("private_modules_required"))
          .isEqualTo(
              List.of(
                  "identity onboarding",
                  "license service",
                  "policy registry",
                  "audit store",
                  "support ownership"));
    }

    private SummaryBuilder readiness() {
      return Summary.builder(Operation.POLICY_REGISTRY_READINESS)
          .set("tenant_id", "tenant-demo")
          .set("readiness_status", "ready")
          .set("catalog_status", "ready");
    }
  }

  @Nested
  class TenantAuditStore {
    @Test
    void auditRequestEchoesFieldsAndDefaultChecks() {
      Map<String, Object> serialized =
          ControlPlaneRequest.builder(Operation.TENANT_AUDIT_STORE_OPERATING)
              .tenantId("tenant-demo")
              .requestedBy("console")
              .retentionProfile("standard-365")
              .evidenceWindow("last-24h")
              .build()
              .toMap();
      assertThat(serialized.get("operation")).isEqualTo("tenant_audit_store_operating");
      assertThat(payload(serialized))
          .containsEntry("retention_profile", "standard-365")
          .containsEntry("evidence_window", "last-24h")
          .containsEntry(
              "required_checks",
              List.of(
                  "store_health",
                  "retention_posture",
                  "evidence_freshness",
                  "export_readiness",
                  "immutable_storage",
                  "dashboard_visibility"));
    }

    @Test
    void auditRejectsEmptyChecks() {
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.TENANT_AUDIT_STORE_OPERATING)
                      .tenantId("tenant-demo")
                      .requiredChecks()
                      .build())
          .hasMessageContaining("required_checks");
    }

    @Test
    void auditRejectsTokenInRetentionProfile() {
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.TENANT_AUDIT_STORE_OPERATING)
                      .tenantId("tenant-demo")
                      .retentionProfile(FakeTokens.github())
                      .build())
          .hasMessageContaining("sensitive value");
    }

    @Test
    void auditResponseEchoesTheSummary() {
      ControlPlaneResponse response =
          ControlPlaneResponse.forSummary(
              request(Operation.TENANT_AUDIT_STORE_OPERATING, "console"), audit().build());
      assertThat(summary(response))
          .containsEntry("health_status", "ready")
          .containsEntry("retention_status", "degraded")
          .containsEntry("evidence_freshness_status", "ready")
          .containsEntry("export_status", "blocked")
          .containsEntry("supported_export_formats", List.of("json", "zip"))
          .containsEntry("blockers", List.of("export connector approval pending"));
      assertThat(payload(response.toMap()).get("private_modules_required"))
          .isEqualTo(
              List.of(
                  "tenant audit store",
                  "retention enforcement",
                  "evidence freshness monitor",
                  "export connector service",
                  "operating dashboard"));
    }

    @Test
    void auditSummaryRejectsUnknownState() {
      assertThatThrownBy(() -> audit().set("health_status", "healthy").build())
          .hasMessageContaining("health_status");
    }

    @Test
    void auditSummaryRejectsAnotherOperationsRequest() {
      assertThatThrownBy(
              () ->
                  ControlPlaneResponse.forSummary(
                      request(Operation.POLICY_REGISTRY_READINESS, "console"), audit().build()))
          .hasMessageContaining("tenant_audit_store_operating");
    }

    private SummaryBuilder audit() {
      return Summary.builder(Operation.TENANT_AUDIT_STORE_OPERATING)
          .set("tenant_id", "tenant-demo")
          .set("health_status", "ready")
          .set("retention_status", "degraded")
          .set("evidence_freshness_status", "ready")
          .set("export_status", "blocked")
          .set("latest_evidence_at", "2026-06-02T00:00:00Z")
          .set("retention_profile", "standard-365")
          .set("supported_export_formats", List.of("json", "zip"))
          .set("blockers", List.of("export connector approval pending"));
    }
  }

  @Nested
  class DashboardSupportAndAutomation {
    @Test
    void dashboardRequestEchoesFieldsAndDefaultChecks() {
      Map<String, Object> serialized =
          ControlPlaneRequest.builder(Operation.CUSTOMER_OPERATING_DASHBOARD)
              .tenantId("tenant-demo")
              .dashboardScope("hosted-saas-operations")
              .evidenceWindow("last-7d")
              .build()
              .toMap();
      assertThat(payload(serialized))
          .containsEntry("dashboard_scope", "hosted-saas-operations")
          .containsEntry("evidence_window", "last-7d")
          .containsEntry(
              "required_checks",
              List.of(
                  "dashboard_visibility",
                  "billing_observability",
                  "license_service_telemetry",
                  "support_handoff",
                  "customer_success_health",
                  "escalation_readiness",
                  "release_acceptance"));
    }

    @Test
    void dashboardRejectsEmptyChecksAndTokenInScope() {
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.CUSTOMER_OPERATING_DASHBOARD)
                      .tenantId("tenant-demo")
                      .requiredChecks()
                      .build())
          .hasMessageContaining("required_checks");
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.CUSTOMER_OPERATING_DASHBOARD)
                      .tenantId("tenant-demo")
                      .dashboardScope(FakeTokens.github())
                      .build())
          .hasMessageContaining("sensitive value");
    }

    @Test
    void dashboardResponseEchoesTheSummary() {
      ControlPlaneResponse response =
          ControlPlaneResponse.forSummary(
              request(Operation.CUSTOMER_OPERATING_DASHBOARD, "console"), dashboard().build());
      assertThat(summary(response))
          .containsEntry("dashboard_status", "ready")
          .containsEntry("license_service_status", "degraded")
          .containsEntry("escalation_status", "blocked")
          .containsEntry("blockers", List.of("escalation route approval pending"));
      assertThat((List<?>) payload(response.toMap()).get("private_modules_required")).hasSize(7);
    }

    @Test
    void dashboardSummaryRejectsUnknownStateAndAnotherOperationsRequest() {
      assertThatThrownBy(() -> dashboard().set("dashboard_status", "visible").build())
          .hasMessageContaining("dashboard_status");
      assertThatThrownBy(
              () ->
                  ControlPlaneResponse.forSummary(
                      request(Operation.TENANT_AUDIT_STORE_OPERATING, "console"),
                      dashboard().build()))
          .hasMessageContaining("customer_operating_dashboard");
    }

    @Test
    void supportRequestResponseAndFailures() {
      Map<String, Object> serialized =
          ControlPlaneRequest.builder(Operation.SUPPORT_HANDOFF_READINESS)
              .tenantId("tenant-demo")
              .handoffScope("hosted-saas-support")
              .supportTier("enterprise")
              .build()
              .toMap();
      assertThat(payload(serialized))
          .containsEntry("handoff_scope", "hosted-saas-support")
          .containsEntry("support_tier", "enterprise")
          .containsEntry(
              "required_checks",
              List.of(
                  "support_owner_assignment",
                  "customer_success_owner_assignment",
                  "escalation_routing",
                  "customer_health_review",
                  "handoff_dashboard",
                  "release_owner_acceptance"));
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.SUPPORT_HANDOFF_READINESS)
                      .tenantId("tenant-demo")
                      .requiredChecks()
                      .build())
          .hasMessageContaining("required_checks");
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.SUPPORT_HANDOFF_READINESS)
                      .tenantId("tenant-demo")
                      .handoffScope(FakeTokens.slack())
                      .build())
          .hasMessageContaining("sensitive value");

      ControlPlaneResponse response =
          ControlPlaneResponse.forSummary(
              request(Operation.SUPPORT_HANDOFF_READINESS, "console"), support().build());
      assertThat(summary(response))
          .containsEntry("support_status", "ready")
          .containsEntry("escalation_status", "degraded")
          .containsEntry("dashboard_status", "blocked")
          .containsEntry("blockers", List.of("handoff dashboard approval pending"));
      assertThat((List<?>) payload(response.toMap()).get("private_modules_required")).hasSize(6);
      assertThatThrownBy(() -> support().set("support_status", "assigned").build())
          .hasMessageContaining("support_status");
      assertThatThrownBy(
              () ->
                  ControlPlaneResponse.forSummary(
                      request(Operation.TENANT_AUDIT_STORE_OPERATING, "console"),
                      support().build()))
          .hasMessageContaining("support_handoff_readiness");
    }

    @Test
    void automationRequestResponseAndFailures() {
      Map<String, Object> serialized =
          ControlPlaneRequest.builder(Operation.SAAS_OPERATING_AUTOMATION)
              .tenantId("tenant-demo")
              .automationScope("trial-to-paid-customer-scale")
              .automationCadence("daily")
              .build()
              .toMap();
      assertThat(payload(serialized))
          .containsEntry("automation_scope", "trial-to-paid-customer-scale")
          .containsEntry("automation_cadence", "daily")
          .containsEntry("required_checks", RequestPayload.SAAS_OPERATING_AUTOMATION_CHECKS);
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.SAAS_OPERATING_AUTOMATION)
                      .tenantId("tenant-demo")
                      .requiredChecks()
                      .build())
          .hasMessageContaining("required_checks");
      assertThatThrownBy(
              () ->
                  ControlPlaneRequest.builder(Operation.SAAS_OPERATING_AUTOMATION)
                      .tenantId("tenant-demo")
                      .automationCadence(FakeTokens.github())
                      .build())
          .hasMessageContaining("sensitive value");

      ControlPlaneResponse response =
          ControlPlaneResponse.forSummary(
              request(Operation.SAAS_OPERATING_AUTOMATION, "console"), automation().build());
      assertThat(summary(response))
          .containsEntry("automation_status", "scheduled")
          .containsEntry("license_telemetry_status", "automated")
          .containsEntry("escalation_drill_status", "blocked")
          .containsEntry("blockers", List.of("escalation drill owner pending"));
      assertThat((List<?>) payload(response.toMap()).get("private_modules_required")).hasSize(7);
      assertThatThrownBy(() -> automation().set("automation_status", "running").build())
          .hasMessageContaining("automation_status");
      assertThatThrownBy(
              () ->
                  ControlPlaneResponse.forSummary(
                      request(Operation.CUSTOMER_OPERATING_DASHBOARD, "console"),
                      automation().build()))
          .hasMessageContaining("saas_operating_automation");
    }

    private SummaryBuilder dashboard() {
      SummaryBuilder builder =
          Summary.builder(Operation.CUSTOMER_OPERATING_DASHBOARD).set("tenant_id", "tenant-demo");
      String[] names = {
        "dashboard_status",
        "billing_status",
        "license_service_status",
        "support_handoff_status",
        "customer_success_status",
        "escalation_status",
        "release_closeout_status"
      };
      String[] states = {"ready", "ready", "degraded", "ready", "ready", "blocked", "ready"};
      for (int i = 0; i < names.length; i++) {
        builder.set(names[i], states[i]);
      }
      return builder
          .set("latest_dashboard_at", "2026-06-02T00:00:00Z")
          .set("dashboard_scope", "hosted-saas-operations")
          .set("blockers", List.of("escalation route approval pending"));
    }

    private SummaryBuilder support() {
      return Summary.builder(Operation.SUPPORT_HANDOFF_READINESS)
          .set("tenant_id", "tenant-demo")
          .set("support_status", "ready")
          .set("customer_success_status", "ready")
          .set("escalation_status", "degraded")
          .set("health_review_status", "ready")
          .set("dashboard_status", "blocked")
          .set("support_tier", "enterprise")
          .set("handoff_scope", "hosted-saas-support")
          .set("blockers", List.of("handoff dashboard approval pending"));
    }

    private SummaryBuilder automation() {
      SummaryBuilder builder =
          Summary.builder(Operation.SAAS_OPERATING_AUTOMATION).set("tenant_id", "tenant-demo");
      String[] names = {
        "automation_status",
        "billing_monitoring_status",
        "license_telemetry_status",
        "support_followup_status",
        "customer_success_review_status",
        "dashboard_refresh_status",
        "escalation_drill_status",
        "closeout_retry_status"
      };
      String[] states = {
        "scheduled", "enabled", "automated", "ready", "scheduled", "automated", "blocked", "enabled"
      };
      for (int i = 0; i < names.length; i++) {
        builder.set(names[i], states[i]);
      }
      return builder.set("blockers", List.of("escalation drill owner pending"));
    }
  }
}
