package com.example.cavra.tenantstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cavra.controlplane.conformance.Fixtures;
import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.ResponsePayload;
import io.cavra.controlplane.contract.ResponseStatus;
import io.cavra.controlplane.contract.adapter.Caller;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapterProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantStateAdapterTest {
  private static final ControlPlaneAdapter ADAPTER = create(Map.of("state-file", "tenants.json"));

  private static ControlPlaneAdapter create(Map<String, String> settings) {
    try {
      return new TenantStateAdapterProvider().create(settings);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> summary(ControlPlaneResponse response) {
    return ((ResponsePayload.SummaryReport) response.payload()).summary().toMap();
  }

  private static ControlPlaneRequest forTenant(Operation operation, String tenantId) {
    ControlPlaneRequest request = Fixtures.request(operation);
    return new ControlPlaneRequest(tenantId, request.requestedBy(), request.correlationId(), true, request.payload());
  }

  @Test
  void answersAKnownTenantFromTheStateFile() throws Exception {
    ControlPlaneResponse response = ADAPTER.handle(Fixtures.request(Operation.POLICY_REGISTRY_READINESS), Caller.ANONYMOUS);

    assertThat(response.status()).isEqualTo(ResponseStatus.ACCEPTED);
    assertThat(summary(response)).containsEntry("tenant_id", "tenant-demo")
        .containsEntry("readiness_status", "ready")
        .containsEntry("catalog_status", "degraded")
        .containsEntry("policy_pack_count", 4L)
        .containsEntry("blockers", List.of("starter-policy-2 awaits approval"))
        .containsEntry("private_validation_required", false);
  }

  @Test
  void answersAnUnknownTenantWithUnknownStatesAndABlocker() throws Exception {
    ControlPlaneResponse response = ADAPTER.handle(forTenant(Operation.SUPPORT_HANDOFF_READINESS, "tenant-new"),
        Caller.ANONYMOUS);

    assertThat(response.status()).isEqualTo(ResponseStatus.ACCEPTED);
    assertThat(summary(response)).containsEntry("tenant_id", "tenant-new")
        .containsEntry("support_status", "unknown")
        .containsEntry("dashboard_status", "unknown")
        .containsEntry("blockers", List.of(TenantStateAdapter.NO_STATE_BLOCKER))
        .containsEntry("private_validation_required", true);
  }

  @Test
  void entitlementForAnUnknownTenantIsUnknownThroughout() throws Exception {
    Map<String, Object> summary = summary(ADAPTER.handle(forTenant(Operation.ENTITLEMENT_STATUS, "tenant-new"),
        Caller.ANONYMOUS));

    assertThat(summary).containsEntry("entitlement_status", "unknown").containsEntry("subscription_plan", "unknown")
        .containsEntry("license_status", "unknown");
  }

  @Test
  void declaresExactlyTheSixOperationsItAnswers() {
    assertThat(ADAPTER.capabilities()).containsExactlyInAnyOrder(Operation.ENTITLEMENT_STATUS,
        Operation.POLICY_REGISTRY_READINESS, Operation.TENANT_AUDIT_STORE_OPERATING,
        Operation.CUSTOMER_OPERATING_DASHBOARD, Operation.SUPPORT_HANDOFF_READINESS,
        Operation.SAAS_OPERATING_AUTOMATION);
  }

  @Test
  void answersEveryOtherOperationWithTheContractsUnavailableAnswer() throws Exception {
    for (ControlPlaneRequest request : Fixtures.ALL_OPERATIONS) {
      if (!ADAPTER.capabilities().contains(request.operation())) {
        assertThat(ADAPTER.handle(request, Caller.ANONYMOUS)).as(request.operation().wireName())
            .isEqualTo(ControlPlaneAdapter.unavailableAnswer(request));
      }
    }
  }

  @Test
  void isFoundByNameThroughTheServiceLoader() {
    assertThat(ControlPlaneAdapterProvider.named("tenant-state", getClass().getClassLoader()))
        .isInstanceOf(TenantStateAdapterProvider.class);
  }

  @Test
  void refusesMissingAndUnknownSettings() {
    assertThatThrownBy(() -> new TenantStateAdapterProvider().create(Map.of()))
        .isInstanceOf(ContractException.class)
        .hasMessage("the tenant-state adapter needs the setting state-file=<path of the tenant state file>");
    assertThatThrownBy(() -> new TenantStateAdapterProvider().create(Map.of("state-file", "tenants.json", "mode", "x")))
        .isInstanceOf(ContractException.class)
        .hasMessage("the tenant-state adapter has no setting mode; its only setting is state-file");
    assertThatThrownBy(() -> new TenantStateAdapterProvider().create(Map.of("state-file", "no-such-file.json")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void refusesStateForAnOperationItDoesNotAnswer() {
    byte[] state = """
        {"tenants": {"tenant-demo": {"evidence_export": {}}}}""".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> TenantStateAdapter.fromJson(state)).isInstanceOf(ContractException.class)
        .hasMessage("tenants.tenant-demo.evidence_export is not an operation this adapter answers");
  }

  @Test
  void refusesStateWithAStateOutsideItsSet() {
    byte[] state = """
        {"tenants": {"tenant-demo": {"policy_registry_readiness": {"readiness_status": "green", "catalog_status": "ready"}}}}"""
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> TenantStateAdapter.fromJson(state)).isInstanceOf(ContractException.class)
        .satisfies(e -> assertThat(((ContractException) e).code()).isEqualTo(ErrorCode.INVALID_VALUE));
  }

  @Test
  void refusesStateHoldingCredentialMaterial() {
    String token = "gh" + "p_" + "abcdefghijklmnopqrstuvwxyz0123456789";
    byte[] state = ("{\"tenants\": {\"tenant-demo\": {\"support_handoff_readiness\": {\"support_status\": \"ready\","
        + " \"customer_success_status\": \"ready\", \"escalation_status\": \"ready\", \"health_review_status\": \"ready\","
        + " \"dashboard_status\": \"ready\", \"blockers\": [\"call " + token + "\"]}}}}").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> TenantStateAdapter.fromJson(state)).isInstanceOf(ContractException.class)
        .hasMessageNotContaining(token)
        .satisfies(e -> assertThat(((ContractException) e).code()).isEqualTo(ErrorCode.SENSITIVE_VALUE));
  }
}
