package io.cavra.controlplane.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.Operation;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void allOperationsHoldsOneDefaultRequestPerOperationInContractOrder() {
    assertThat(Fixtures.ALL_OPERATIONS)
        .extracting(ControlPlaneRequest::operation)
        .containsExactly(Operation.values());
    assertThat(Fixtures.allOperations())
        .allSatisfy(r -> assertThat(r.tenantId()).isEqualTo(Fixtures.TENANT));
    assertThat(Fixtures.MINIMAL.operation()).isEqualTo(Operation.ENTITLEMENT_STATUS);
    assertThat(Fixtures.MINIMAL.correlationId())
        .isEqualTo("conformance:entitlement_status:defaults");
  }

  @Test
  void withSecretIsRefusedAndFreshEachTime() {
    String first = Fixtures.withSecret();

    assertThat(first).isNotEqualTo(Fixtures.withSecret());
    assertThatThrownBy(() -> ContractJson.defaults().parseRequest(first))
        .isInstanceOf(ContractException.class)
        .satisfies(
            e -> assertThat(((ContractException) e).code()).isEqualTo(ErrorCode.SENSITIVE_VALUE))
        .hasMessageNotContaining(
            first.substring(
                first.indexOf("\"tenant_id\":\"") + 13, first.indexOf("\"tenant_id\":\"") + 40));
  }
}
