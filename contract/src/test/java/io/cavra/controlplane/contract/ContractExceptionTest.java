package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * One notation for locations: the reference's dotted form in texts, a path rooted at $ elsewhere.
 */
class ContractExceptionTest {
  @Test
  void pathIsTheReferenceLocationRootedAtTheDocument() {
    assertThat(ContractException.rooted("payload.policy_refs[0]"))
        .isEqualTo("$.payload.policy_refs[0]");
    assertThat(ContractException.rooted("tenant_id")).isEqualTo("$.tenant_id");
    assertThat(ContractException.rooted("payload.<redacted>")).isEqualTo("$.payload.<redacted>");
    assertThat(ContractException.rooted("[2].token")).isEqualTo("$[2].token");
  }

  @Test
  void rootPathsAndTextPositionsStayAsTheyAre() {
    assertThat(ContractException.rooted("$")).isEqualTo("$");
    assertThat(ContractException.rooted("$.a[0]")).isEqualTo("$.a[0]");
    assertThat(ContractException.rooted("line 1, column 19")).isEqualTo("line 1, column 19");
    assertThat(ContractException.rooted("column 4")).isEqualTo("column 4");
    assertThat(ContractException.rooted("--label-json team")).isEqualTo("--label-json team");
  }

  @Test
  void builderErrorKeepsTheReferenceFormInItsMessageAndGivesTheRootedPath() {
    assertThatThrownBy(
            () ->
                ControlPlaneRequest.builder(Operation.EVIDENCE_EXPORT)
                    .tenantId("tenant-demo")
                    .set("evidence_refs", java.util.List.of("s-1"))
                    .set("export_format", "pdf")
                    .build())
        .isInstanceOfSatisfying(
            ContractException.class,
            e -> {
              assertThat(e.location()).isEqualTo("payload.export_format");
              assertThat(e.path()).isEqualTo("$.payload.export_format");
              assertThat(e)
                  .hasToString("invalid_value at $.payload.export_format: " + e.getMessage());
            });
  }
}
