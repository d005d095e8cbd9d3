package io.cavra.controlplane.gateway;

import static io.cavra.controlplane.gateway.ProblemsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graceful shutdown: readiness drops, new work is refused, work in flight finishes. */
class ShutdownTest {
  @TempDir Path dir;

  @BeforeEach
  void reset() {
    MisbehavingAdapter.reset();
  }

  @Test
  void anInFlightRequestCompletesWhileReadyzIs503() throws Exception {
    TestGateway gateway =
        TestGateway.start(
            dir,
            config ->
                config
                    .withAdapter(MisbehavingAdapter.NAME, Map.of("mode", "blocked"))
                    .withShutdownTimeout(Duration.ofSeconds(30)));
    CompletableFuture<HttpResponse<String>> inFlight =
        gateway.client.sendAsync(
            HttpRequest.newBuilder(gateway.uri("/v1/control-plane"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestGateway.tenantStatus("tenant-demo")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(MisbehavingAdapter.ENTERED.tryAcquire(30, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(gateway::close);
    HttpResponse<String> ready = awaitStatus(gateway, "/readyz", 503);

    assertProblem(ready, ProblemType.SHUTTING_DOWN);
    assertThat(gateway.gateway.isReady()).isFalse();
    assertThat(gateway.get("/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> refused =
        gateway.post("/v1/control-plane", TestGateway.tenantStatus("tenant-late"));
    assertProblem(refused, ProblemType.SHUTTING_DOWN);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(closing).isNotDone();
    assertThat(inFlight).isNotDone();

    MisbehavingAdapter.RELEASE.release();

    assertThat(inFlight.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    closing.get(30, TimeUnit.SECONDS);
    assertThat(gateway.gateway.awaitShutdown(Duration.ofSeconds(1))).isTrue();
    assertThatThrownBy(() -> gateway.get("/healthz")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void theDrainStopsWaitingAfterTheShutdownTimeout() throws Exception {
    TestGateway gateway =
        TestGateway.start(
            dir,
            config ->
                config
                    .withAdapter(MisbehavingAdapter.NAME, Map.of("mode", "blocked"))
                    .withShutdownTimeout(Duration.ofMillis(200)));
    CompletableFuture<HttpResponse<String>> stuck =
        gateway.client.sendAsync(
            HttpRequest.newBuilder(gateway.uri("/v1/control-plane"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestGateway.tenantStatus("tenant-demo")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(MisbehavingAdapter.ENTERED.tryAcquire(30, TimeUnit.SECONDS)).isTrue();

    gateway.close();

    assertThat(gateway.gateway.awaitShutdown(Duration.ofSeconds(1))).isTrue();
    assertThat(gateway.logs()).contains("stopping with 1 requests still in flight");
    stuck.handle((response, failure) -> null).get(30, TimeUnit.SECONDS);
  }

  @Test
  void closeIsIdempotent() {
    TestGateway gateway = TestGateway.start(dir);

    gateway.close();
    gateway.close();

    assertThat(gateway.gateway.isReady()).isFalse();
  }

  private static HttpResponse<String> awaitStatus(TestGateway gateway, String path, int status)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      HttpResponse<String> response = gateway.get(path);
      if (response.statusCode() == status || System.nanoTime() > deadline) {
        return response;
      }
      Thread.sleep(10);
    }
  }
}
