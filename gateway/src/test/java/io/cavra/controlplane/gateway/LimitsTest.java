package io.cavra.controlplane.gateway;

import static io.cavra.controlplane.gateway.ProblemsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Body size, nesting, concurrency, rate and idle limits. */
class LimitsTest {
  @TempDir Path dir;

  @BeforeEach
  void reset() {
    MisbehavingAdapter.reset();
  }

  @Test
  void aDeclaredBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
    try (TestGateway gateway = TestGateway.start(dir, config -> config.withMaxBodyBytes(1024));
        Socket socket = new Socket("127.0.0.1", gateway.gateway.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/control-plane HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 10000000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer =
          new String(socket.getInputStream().readNBytes(600), StandardCharsets.ISO_8859_1);

      assertThat(answer).startsWith("HTTP/1.1 413 ").contains("\"code\":\"too_large\"");
    }
  }

  @Test
  void aStreamedBodyOverTheLimitIs413() {
    try (TestGateway gateway =
        TestGateway.start(dir, config -> config.withMaxBodyBytes(1024).withRateLimit(0, 1))) {
      byte[] chunk = " ".repeat(512).getBytes(StandardCharsets.US_ASCII);
      HttpRequest.BodyPublisher unknownLength =
          HttpRequest.BodyPublishers.fromPublisher(
              HttpRequest.BodyPublishers.ofByteArrays(List.of(chunk, chunk, chunk, chunk)));
      HttpResponse<String> response =
          gateway.send(
              HttpRequest.newBuilder(gateway.uri("/v1/validate"))
                  .header("Content-Type", "application/json")
                  .POST(unknownLength)
                  .build());

      Map<String, Object> problem = assertProblem(response, ProblemType.TOO_LARGE);
      assertThat(problem).containsEntry("detail", "input exceeds 1024 bytes");
    }
  }

  @Test
  void everyStreamedBodyOverTheLimitGetsItsAnswer() {
    // The gateway answers 413 while the client is still sending. Closing the connection with the
    // rest of the body unread lets a reset overtake the answer: before the gateway read the rest,
    // about 1 in 60 of these came back as "header parser received no bytes".
    try (TestGateway gateway =
        TestGateway.start(dir, config -> config.withMaxBodyBytes(1024).withRateLimit(0, 1))) {
      byte[] chunk = " ".repeat(512).getBytes(StandardCharsets.US_ASCII);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        HttpRequest.BodyPublisher unknownLength =
            HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArrays(List.of(chunk, chunk, chunk, chunk)));
        statuses.add(
            gateway
                .send(
                    HttpRequest.newBuilder(gateway.uri("/v1/validate"))
                        .header("Content-Type", "application/json")
                        .POST(unknownLength)
                        .build())
                .statusCode());
      }

      assertThat(statuses).hasSize(300).containsOnly(413);
    }
  }

  @Test
  void everyRefusalOfALargeBodyBeforeReadingItGetsItsAnswer() {
    // 401 is decided from the headers alone. Closing with 64 KB unread lost about 1 in 10 answers.
    Path keys = dir.resolve("keys.jsonl");
    ApiKeys.add(keys, "client", Set.of("*"), Set.of("*"));
    try (TestGateway gateway =
        TestGateway.start(dir, config -> config.withKeyFile(keys).withAuthFailureLimit(0, 1))) {
      String body = "{\"a\":\"" + "x".repeat(64_000) + "\"}";
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        statuses.add(gateway.post("/v1/control-plane", body).statusCode());
      }

      assertThat(statuses).hasSize(150).containsOnly(401);
    }
  }

  @Test
  void aStreamedBodyIsReadOnlyUpToTheSwallowLimitAfterItsAnswer() throws Exception {
    try (TestGateway gateway = TestGateway.start(dir, config -> config.withMaxBodyBytes(1024));
        Socket socket = new Socket("127.0.0.1", gateway.gateway.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk =
          ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      long sent = 0;
      // A body that never ends: the gateway must stop reading it and close the connection.
      try {
        while (sent < 64L * Exchange.SWALLOW_BYTES) {
          out.write(chunk);
          sent += 0x10000;
        }
      } catch (java.io.IOException closedByTheGateway) {
        // expected: the gateway closed the connection
      }

      assertThat(sent)
          .isGreaterThan(Exchange.SWALLOW_BYTES / 2)
          .isLessThan(8 * Exchange.SWALLOW_BYTES);
    }
  }

  @Test
  void aBodyAtTheLimitIsRead() {
    try (TestGateway gateway = TestGateway.start(dir, config -> config.withMaxBodyBytes(1024))) {
      String body = TestGateway.tenantStatus("tenant-demo");
      body = body + " ".repeat(1024 - body.getBytes(StandardCharsets.UTF_8).length);

      assertThat(gateway.post("/v1/control-plane", body).statusCode()).isEqualTo(200);
      assertProblem(gateway.post("/v1/control-plane", body + " "), ProblemType.TOO_LARGE);
    }
  }

  @Test
  void nestingDeeperThanTheLimitIsTooDeep() {
    try (TestGateway gateway = TestGateway.start(dir, config -> config.withMaxDepth(4))) {
      assertProblem(gateway.post("/v1/control-plane", "[[[[[1]]]]]"), ProblemType.TOO_DEEP);
      assertThat(gateway.post("/v1/validate", "{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}").body())
          .contains("\"code\":\"too_deep\"");
    }
  }

  @Test
  void requestsPastTheConcurrencyBoundAre503WithRetryAfter() throws Exception {
    try (TestGateway gateway =
        TestGateway.start(
            dir, config -> TestGateway.adapter(config, "blocked").withMaxConcurrentRequests(2))) {
      List<CompletableFuture<HttpResponse<String>>> blocked = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        blocked.add(
            gateway.client.sendAsync(
                post(gateway, TestGateway.tenantStatus("tenant-" + i)),
                HttpResponse.BodyHandlers.ofString()));
      }
      assertThat(MisbehavingAdapter.ENTERED.tryAcquire(2, 30, TimeUnit.SECONDS)).isTrue();

      HttpResponse<String> refused =
          gateway.post("/v1/control-plane", TestGateway.tenantStatus("tenant-3"));
      String metrics = gateway.get("/metrics").body();

      assertProblem(refused, ProblemType.OVERLOADED);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(metrics).contains("cavra_gateway_requests_in_flight 2.0");
      assertThat(gateway.get("/healthz").statusCode()).isEqualTo(200);
      MisbehavingAdapter.RELEASE.release(2);
      for (CompletableFuture<HttpResponse<String>> call : blocked) {
        assertThat(call.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
      assertThat(gateway.post("/v1/validate", TestGateway.tenantStatus("t")).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void aKeyPastItsRateLimitIs429WithRetryAfter() {
    Path keys = dir.resolve("keys.jsonl");
    String key = "Bearer " + ApiKeys.add(keys, "slow-client", Set.of("*"), Set.of("*")).reveal();
    String other = "Bearer " + ApiKeys.add(keys, "other-client", Set.of("*"), Set.of("*")).reveal();
    try (TestGateway gateway =
        TestGateway.start(dir, config -> config.withKeyFile(keys).withRateLimit(0.01, 2))) {
      String body = TestGateway.tenantStatus("tenant-demo");
      assertThat(gateway.post("/v1/control-plane", body, "Authorization", key).statusCode())
          .isEqualTo(200);
      assertThat(gateway.post("/v1/control-plane", body, "Authorization", key).statusCode())
          .isEqualTo(200);

      HttpResponse<String> limited = gateway.post("/v1/control-plane", body, "Authorization", key);

      assertProblem(limited, ProblemType.RATE_LIMITED);
      assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
          .isPositive();
      assertThat(limited.headers().firstValue("Connection")).hasValue("close");
      assertThat(gateway.post("/v1/control-plane", body, "Authorization", other).statusCode())
          .isEqualTo(200);
      assertThat(gateway.auditLines())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .containsEntry("key_id", "slow-client")
                      .containsEntry("outcome", "rate_limited")
                      .containsEntry("status", 429L));
    }
  }

  @Test
  void aRefusalSentBeforeTheBodyIsReadClosesTheConnection() {
    Path keys = dir.resolve("keys.jsonl");
    ApiKeys.add(keys, "client", Set.of("*"), Set.of("*"));
    // The gateway waits for the body to read and drop it; the idle timeout ends the wait.
    try (TestGateway gateway =
        TestGateway.start(
            dir, config -> config.withKeyFile(keys).withIdleTimeout(Duration.ofMillis(500)))) {
      // The body never comes: the 401 must not leave the client thinking the connection is
      // reusable.
      String answer =
          gateway.raw(
              ("POST /v1/control-plane HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      + "Content-Length: 64\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));

      assertThat(answer).startsWith("HTTP/1.1 401 ");
      assertThat(answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT))
          .contains("\r\nconnection: close");
    }
  }

  @Test
  void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (TestGateway gateway =
            TestGateway.start(dir, config -> config.withIdleTimeout(Duration.ofMillis(300)));
        Socket socket = new Socket("127.0.0.1", gateway.gateway.port())) {
      socket.setSoTimeout(20_000);
      socket
          .getOutputStream()
          .write("POST /v1/validate HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();

      byte[] rest = in.readAllBytes();

      assertThat(new String(rest, StandardCharsets.ISO_8859_1)).doesNotContain("200 OK");
    }
  }

  private static HttpRequest post(TestGateway gateway, String body) {
    return HttpRequest.newBuilder(gateway.uri("/v1/control-plane"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
