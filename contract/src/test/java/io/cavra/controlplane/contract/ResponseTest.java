package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Response builders and the answer check, including our tenant cross-check. */
class ResponseTest {
  private final ControlPlaneRequest request =
      ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_READINESS)
          .tenantId("tenant-demo")
          .correlationId("saas-0123456789ab")
          .build();

  private SummaryBuilder readiness(String tenant) {
    return Summary.builder(Operation.POLICY_REGISTRY_READINESS)
        .set("tenant_id", tenant)
        .set("readiness_status", "ready")
        .set("catalog_status", "ready");
  }

  @Test
  void summaryForAnotherTenantIsRefusedAsATenantMismatch() {
    ContractException error =
        catchThrowableOfType(
            ContractException.class,
            () -> ControlPlaneResponse.forSummary(request, readiness("tenant-other").build()));
    assertThat(error.code()).isEqualTo(ErrorCode.TENANT_MISMATCH);
    assertThat(error.location()).isEqualTo("payload.summary.tenant_id");
  }

  @Test
  void statusOverrideIsKept() {
    assertThat(
            ControlPlaneResponse.forSummary(
                    request, readiness("tenant-demo").build(), ResponseStatus.ACCEPTED)
                .toMap()
                .get("status"))
        .isEqualTo("accepted");
  }

  @Test
  void parsedResponseIsCheckedAgainstItsRequest() {
    ControlPlaneResponse response =
        ControlPlaneResponse.forSummary(request, readiness("tenant-demo").build());
    byte[] bytes = ContractJson.toJsonBytes(response);
    assertThat(ContractJson.defaults().parseResponse(bytes, request)).isEqualTo(response);

    ControlPlaneRequest other =
        ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_READINESS)
            .tenantId("tenant-demo")
            .correlationId("saas-ffffffffffff")
            .build();
    assertThat(
            catchThrowableOfType(
                    ContractException.class,
                    () -> ContractJson.defaults().parseResponse(bytes, other))
                .code())
        .isEqualTo(ErrorCode.CORRELATION_MISMATCH);

    ControlPlaneRequest otherTenant =
        ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_READINESS)
            .tenantId("tenant-other")
            .correlationId("saas-0123456789ab")
            .build();
    assertThat(
            catchThrowableOfType(
                    ContractException.class,
                    () -> ContractJson.defaults().parseResponse(bytes, otherTenant))
                .code())
        .isEqualTo(ErrorCode.TENANT_MISMATCH);

    ControlPlaneRequest otherOperation =
        ControlPlaneRequest.builder(Operation.TENANT_STATUS)
            .tenantId("tenant-demo")
            .correlationId("saas-0123456789ab")
            .build();
    assertThat(
            catchThrowableOfType(
                    ContractException.class,
                    () -> ContractJson.defaults().parseResponse(bytes, otherOperation))
                .code())
        .isEqualTo(ErrorCode.OPERATION_MISMATCH);
  }

  @Test
  void onboardingUnavailableRefusesOtherOperationsWithTheReferenceText() {
    ContractException error =
        catchThrowableOfType(
            ContractException.class, () -> ControlPlaneResponse.onboardingUnavailable(request));
    assertThat(error.code()).isEqualTo(ErrorCode.OPERATION_MISMATCH);
    assertThat(error.getMessage())
        .isEqualTo("tenant onboarding response requires a tenant_onboarding request");
  }

  @Test
  void summaryExtensionsAreGuardedKeptInOrderAndWrittenLast() {
    Summary summary =
        readiness("tenant-demo").extension("region_hint", "eu").extension("zone_count", 3).build();
    ControlPlaneResponse response = ControlPlaneResponse.forSummary(request, summary);
    String json = ContractJson.toJson(response);
    assertThat(json)
        .contains(
            "\"registry_boundary\":\""
                + PolicyRegistryReadinessSummary.BOUNDARY
                + "\",\"region_hint\":\"eu\",\"zone_count\":3}");
    assertThat(ContractJson.defaults().parseResponse(json)).isEqualTo(response);
    ContractException error =
        catchThrowableOfType(
            ContractException.class,
            () -> readiness("tenant-demo").extension("refresh_token", "abc").build());
    assertThat(error.code()).isEqualTo(ErrorCode.SENSITIVE_FIELD);
    assertThat(error.location()).isEqualTo("payload.summary.refresh_token");
  }

  @Test
  void summaryErrorsUseTheirFullPathInTheResponse() {
    ContractException error =
        catchThrowableOfType(
            ContractException.class,
            () -> readiness("tenant-demo").set("blockers", List.of(FakeTokens.github())).build());
    assertThat(error.location()).isEqualTo("payload.summary.blockers[0]");
    assertThat(error.getMessage()).doesNotContain(FakeTokens.github());
  }

  @Test
  void workerHandoffSummaryAppliesCallerDefaults() {
    ControlPlaneRequest handoff =
        ControlPlaneRequest.builder(Operation.SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF)
            .tenantId("tenant-demo")
            .workerMode("shadow")
            .workerTargets("billing_monitoring", "support_followup")
            .build();
    Summary summary =
        Summary.builder(Operation.SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF)
            .set("tenant_id", "tenant-demo")
            .set("handoff_status", "requires_private_service")
            .set("worker_mode", "shadow")
            .set("worker_targets", List.of("billing_monitoring", "support_followup"))
            .build();
    @SuppressWarnings("unchecked")
    Map<String, Object> map =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ControlPlaneResponse.forSummary(handoff, summary).toMap().get("payload"))
                .get("summary");
    assertThat(map)
        .containsEntry("scheduler_ref", "scheduler-pending")
        .containsEntry("evidence_sink_ref", "evidence-sink-pending")
        .containsEntry("retry_policy_ref", "retry-policy-pending")
        .containsEntry("worker_owner", "operations-owner")
        .containsEntry("worker_targets", List.of("billing_monitoring", "support_followup"));
  }
}
