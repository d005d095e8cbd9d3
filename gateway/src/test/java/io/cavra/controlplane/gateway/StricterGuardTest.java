package io.cavra.controlplane.gateway;

import static io.cavra.controlplane.gateway.ProblemsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.secret.SecretGuard;
import io.cavra.controlplane.contract.secret.SecretRule;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's own guard runs over what it sends even though the contract guarded it already: with
 * an organisation rule the contract does not know, the gateway still catches the text.
 */
class StricterGuardTest {
  static final SecretGuard STRICTER =
      SecretGuard.builder()
          .addRule(
              SecretRule.value(
                  "org-internal-marker",
                  "an internal marker that must not leave the company",
                  "internal-marker-[0-9a-f]{4}",
                  "internal-marker-"))
          .build();

  @TempDir Path dir;

  @BeforeEach
  void reset() {
    MisbehavingAdapter.reset();
  }

  @Test
  void anAnswerTheContractAllowedIsWithheldByTheGatewaysGuard() {
    try (TestGateway gateway =
        TestGateway.start(
            dir,
            config -> TestGateway.adapter(config, "marker-in-summary").withSecretGuard(STRICTER))) {
      ControlPlaneRequest request =
          ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_READINESS)
              .tenantId("tenant-demo")
              .build();

      HttpResponse<String> response =
          gateway.post("/v1/control-plane", ContractJson.toJson(request));

      Map<String, Object> problem = assertProblem(response, ProblemType.BAD_GATEWAY);
      assertThat(problem)
          .containsEntry(
              "detail",
              "the adapter's answer was withheld because it failed the gateway's checks"
                  + " (sensitive_value)");
      assertThat(response.body()).doesNotContain(MisbehavingAdapter.MARKER);
      assertThat(gateway.audit()).doesNotContain(MisbehavingAdapter.MARKER);
      assertThat(gateway.logs())
          .contains("secret guard rule org-internal-marker at $.payload.summary.blockers[0]")
          .doesNotContain(MisbehavingAdapter.MARKER);
    }
  }

  @Test
  void theSameAnswerPassesWithTheDefaultGuard() {
    try (TestGateway gateway =
        TestGateway.start(dir, config -> TestGateway.adapter(config, "marker-in-summary"))) {
      HttpResponse<String> response =
          gateway.post(
              "/v1/control-plane",
              TestGateway.request(Operation.POLICY_REGISTRY_READINESS, "tenant-demo"));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains(MisbehavingAdapter.MARKER);
    }
  }

  @Test
  void aRequestTheContractAllowedIsRefusedByTheGatewaysGuard() {
    try (TestGateway gateway =
        TestGateway.start(
            dir, config -> TestGateway.adapter(config, "honest").withSecretGuard(STRICTER))) {
      String body = EndpointsTest.lookup().replace("REF", MisbehavingAdapter.MARKER);

      HttpResponse<String> response = gateway.post("/v1/control-plane", body);

      Map<String, Object> problem = assertProblem(response, ProblemType.SENSITIVE_VALUE);
      assertThat(problem)
          .containsEntry("rule_id", "org-internal-marker")
          .containsEntry("path", "$.payload.policy_refs[0]")
          .containsEntry("correlation_id", "c-1");
      assertThat(response.body()).doesNotContain(MisbehavingAdapter.MARKER);
      assertThat(MisbehavingAdapter.CALLERS).isEmpty();
    }
  }

  @Test
  void validateAndBuildUseTheGatewaysGuard() {
    try (TestGateway gateway = TestGateway.start(dir, config -> config.withSecretGuard(STRICTER))) {
      String body = EndpointsTest.lookup().replace("REF", MisbehavingAdapter.MARKER);

      HttpResponse<String> validated = gateway.post("/v1/validate", body);
      HttpResponse<String> built =
          gateway.post(
              "/v1/build/policy_registry_lookup",
              "{\"tenant_id\":\"t\",\"policy_refs\":[\"" + MisbehavingAdapter.MARKER + "\"]}");

      assertThat(validated.body())
          .contains("\"valid\":false")
          .contains("\"rule_id\":\"org-internal-marker\"")
          .doesNotContain(MisbehavingAdapter.MARKER);
      assertThat(assertProblem(built, ProblemType.SENSITIVE_VALUE))
          .containsEntry("rule_id", "org-internal-marker");
      assertThat(built.body()).doesNotContain(MisbehavingAdapter.MARKER);
    }
  }
}
