package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request ids: taken from X-Request-Id or traceparent when valid, else made; in the answer, the
 * problem and the audit line.
 */
class RequestIdTest {
  @TempDir static Path dir;
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(dir);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static Map<String, Object> lastAuditLine() {
    var lines = gateway.auditLines();
    return lines.get(lines.size() - 1);
  }

  @Test
  void aValidRequestIdIsReturnedInTheHeaderTheProblemAndTheAuditLine() {
    HttpResponse<String> response =
        gateway.post("/v1/control-plane", "{", "X-Request-Id", "build-42.step:7_a");

    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("build-42.step:7_a");
    assertThat(TestGateway.json(response.body())).containsEntry("request_id", "build-42.step:7_a");
    assertThat(lastAuditLine()).containsEntry("request_id", "build-42.step:7_a");
  }

  @Test
  void aSuccessfulAnswerCarriesAMadeRequestIdThatTheAuditLineNames() {
    HttpResponse<String> response =
        gateway.post("/v1/control-plane", TestGateway.tenantStatus("tenant-demo"));

    String id = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(id).matches("req-[0-9a-f]{16}");
    assertThat(lastAuditLine()).containsEntry("request_id", id);
  }

  @Test
  void anInvalidRequestIdIsReplacedAndNeverEchoed() {
    String canary = MisbehavingAdapter.canary();
    for (String bad : new String[] {"has space", "-leading", "x".repeat(129), canary + "\u00e9"}) {
      HttpResponse<String> response = gateway.post("/v1/control-plane", "{", "X-Request-Id", bad);

      assertThat(response.headers().firstValue("X-Request-Id").orElseThrow())
          .as(bad)
          .matches("req-[0-9a-f]{16}");
      assertThat(response.body()).doesNotContain(bad);
      assertThat(gateway.audit()).doesNotContain(bad);
    }
  }

  @Test
  void aCredentialSentAsTheRequestIdIsReplacedAndNeverEchoed() {
    String key =
        ApiKeys.add(
                dir.resolve("pasted-keys.jsonl"),
                "pasted",
                java.util.Set.of("*"),
                java.util.Set.of("*"))
            .reveal();
    String canary = MisbehavingAdapter.canary();
    for (String credential : new String[] {key, canary}) {
      HttpResponse<String> response =
          gateway.post("/v1/control-plane", "{", "X-Request-Id", credential);

      assertThat(response.headers().firstValue("X-Request-Id").orElseThrow())
          .matches("req-[0-9a-f]{16}");
      assertThat(response.body()).doesNotContain(credential);
      assertThat(gateway.audit()).doesNotContain(credential);
    }
  }

  @Test
  void aTraceparentsTraceIdIsTheRequestIdWhenNoRequestIdIsSent() {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    HttpResponse<String> response =
        gateway.get("/v1/operations", "traceparent", "00-" + trace + "-00f067aa0ba902b7-01");
    HttpResponse<String> zero =
        gateway.get(
            "/v1/operations", "traceparent", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01");
    HttpResponse<String> upper =
        gateway.get(
            "/v1/operations", "traceparent", "00-" + trace.toUpperCase() + "-00f067aa0ba902b7-01");

    assertThat(response.headers().firstValue("X-Request-Id")).hasValue(trace);
    assertThat(zero.headers().firstValue("X-Request-Id").orElseThrow()).startsWith("req-");
    assertThat(upper.headers().firstValue("X-Request-Id").orElseThrow()).startsWith("req-");
  }
}
