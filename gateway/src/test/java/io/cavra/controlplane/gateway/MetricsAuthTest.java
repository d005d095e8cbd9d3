package io.cavra.controlplane.gateway;

import static io.cavra.controlplane.gateway.ProblemsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} behind an API key when asked; the probes stay open. */
class MetricsAuthTest {
  @TempDir Path dir;

  @Test
  void withMetricsAuthTheMetricsNeedAKeyAndTheProbesDoNot() {
    Path keys = dir.resolve("keys.jsonl");
    String scraper =
        "Bearer " + ApiKeys.add(keys, "prometheus", Set.of("*"), Set.of("tenant_status")).reveal();
    try (TestGateway gateway =
        TestGateway.start(dir, config -> config.withKeyFile(keys).withMetricsAuthenticated(true))) {
      HttpResponse<String> anonymous = gateway.get("/metrics");
      HttpResponse<String> wrong =
          gateway.get("/metrics", "Authorization", "Bearer " + ApiKeys.KEY_PREFIX + "nope");
      HttpResponse<String> keyed = gateway.get("/metrics", "Authorization", scraper);

      assertProblem(anonymous, ProblemType.UNAUTHORIZED);
      assertThat(anonymous.body()).doesNotContain("cavra_gateway_");
      assertProblem(wrong, ProblemType.UNAUTHORIZED);
      assertThat(keyed.statusCode()).isEqualTo(200);
      assertThat(keyed.body()).contains("cavra_gateway_requests_in_flight");
      assertThat(gateway.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(gateway.get("/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void metricsAuthWithoutAKeyFileStopsTheStart() {
    assertThatThrownBy(
            () ->
                Gateway.start(
                    GatewayConfig.defaults()
                        .withPort(0)
                        .withAuditSink(AuditSink.none())
                        .withMetricsAuthenticated(true)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("--metrics-auth needs --key-store: the metrics are then read with an API key");
  }

  @Test
  void byDefaultTheMetricsAreOpen() {
    try (TestGateway gateway = TestGateway.start(dir)) {
      assertThat(gateway.get("/metrics").statusCode()).isEqualTo(200);
    }
  }
}
