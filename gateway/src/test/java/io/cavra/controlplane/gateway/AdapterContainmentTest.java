package io.cavra.controlplane.gateway;

import static io.cavra.controlplane.gateway.ProblemsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A misbehaving adapter is contained: its answer is withheld, and none of its payload leaks. */
class AdapterContainmentTest {
  @TempDir Path dir;

  @BeforeEach
  void reset() {
    MisbehavingAdapter.reset();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "wrong-correlation, bad_gateway, correlation_mismatch",
    "other-tenant, bad_gateway, tenant_mismatch",
    "wrong-operation, bad_gateway, operation_mismatch",
    "secret-in-summary, bad_gateway, ",
    "throws, bad_gateway, ",
    "null, bad_gateway, answer",
  })
  void aFailingAnswerIsWithheldWithA502(String mode, String code, String check) {
    try (TestGateway gateway =
        TestGateway.start(dir, config -> TestGateway.adapter(config, mode))) {
      ControlPlaneRequest request =
          ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_READINESS)
              .tenantId("tenant-demo")
              .build();

      HttpResponse<String> response =
          gateway.post("/v1/control-plane", ContractJson.toJson(request));

      Map<String, Object> problem =
          assertProblem(response, ProblemType.fromCode(code).orElseThrow());
      assertThat(problem).containsEntry("correlation_id", request.correlationId());
      if (check != null) {
        assertThat(problem.get("detail").toString()).endsWith("(" + check + ")");
        assertThat(gateway.logs()).contains("answer withheld").contains(request.correlationId());
      } else {
        assertThat(problem).containsEntry("detail", "the adapter failed to answer");
        assertThat(gateway.logs()).contains("failed (operation policy_registry_readiness");
      }
      assertNothingLeaked(gateway, response);
      assertThat(gateway.auditLines())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .containsEntry("correlation_id", request.correlationId())
                      .containsEntry("outcome", code)
                      .containsEntry("status", 502L));
    }
  }

  @Test
  void anAdapterThatThrowsIsLoggedWithoutItsMessage() {
    try (TestGateway gateway =
        TestGateway.start(dir, config -> TestGateway.adapter(config, "throws"))) {
      gateway.post("/v1/control-plane", TestGateway.tenantStatus("tenant-demo"));

      assertThat(gateway.logs())
          .contains("java.lang.IllegalStateException")
          .doesNotContain("exploded");
    }
  }

  @Test
  void aSlowAdapterTimesOutWithA502AndTheGatewayStaysResponsive() {
    try (TestGateway gateway =
        TestGateway.start(
            dir,
            config ->
                TestGateway.adapter(config, "slow")
                    .withAdapter(
                        MisbehavingAdapter.NAME, Map.of("mode", "slow", "delay-ms", "30000"))
                    .withAdapterTimeout(Duration.ofMillis(300)))) {
      HttpResponse<String> response =
          gateway.post("/v1/control-plane", TestGateway.tenantStatus("tenant-demo"));

      Map<String, Object> problem = assertProblem(response, ProblemType.ADAPTER_TIMEOUT);
      assertThat(problem).containsEntry("detail", "the adapter did not answer within 0.3 s");
      assertThat(gateway.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(gateway.logs()).contains("timed out");
    }
  }

  @Test
  void anHonestAdapterIsAnswered() {
    try (TestGateway gateway =
        TestGateway.start(dir, config -> TestGateway.adapter(config, "honest"))) {
      HttpResponse<String> response =
          gateway.post("/v1/control-plane", TestGateway.tenantStatus("tenant-demo"));

      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theAdaptersCapabilitiesAreListed() {
    try (TestGateway gateway =
        TestGateway.start(dir, config -> TestGateway.adapter(config, "honest"))) {
      @SuppressWarnings("unchecked")
      java.util.List<Map<String, Object>> operations =
          (java.util.List<Map<String, Object>>)
              TestGateway.json(gateway.get("/v1/operations").body()).get("operations");
      for (Map<String, Object> operation : operations) {
        assertThat(operation)
            .containsEntry(
                "implemented_by_adapter",
                operation.get("name").equals(Operation.POLICY_REGISTRY_READINESS.wireName()));
      }
    }
  }

  @Test
  void anAdapterThatFailsToStartStopsTheGatewayFromStarting() {
    assertThatThrownBy(
            () -> TestGateway.start(dir, config -> TestGateway.adapter(config, "fail-to-start")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("adapter misbehaving: this adapter refuses to start");
  }

  @Test
  void anUnknownAdapterStopsTheGatewayFromStarting() {
    assertThatThrownBy(() -> TestGateway.start(dir, config -> config.withAdapter("nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown adapter; known adapters: ")
        .hasMessageContaining("community")
        .hasMessageContaining("misbehaving");
  }

  static void assertNothingLeaked(TestGateway gateway, HttpResponse<String> response) {
    String canary = MisbehavingAdapter.canary();
    assertThat(response.body()).doesNotContain(canary).doesNotContain("exploded");
    assertThat(gateway.audit()).doesNotContain(canary);
    assertThat(gateway.logs()).doesNotContain(canary);
  }
}
