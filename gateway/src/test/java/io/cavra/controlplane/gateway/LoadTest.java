package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.Operation;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load test on loopback: {@value #CONNECTIONS} concurrent clients send {@code POST
 * /v1/control-plane} for a fixed time (10 s by default, {@code -Dcavra.load.seconds=20} for the
 * issue's 20 s) and every answer must be a 200 that answers its request. It asserts correctness
 * under load, never timings; the throughput figures come from {@code LoadRun}.
 */
class LoadTest {
  static final int CONNECTIONS = 200;

  @TempDir Path dir;

  @Test
  void twoHundredConcurrentClientsGetOnlyCorrectAnswers() throws Exception {
    long seconds = Long.getLong("cavra.load.seconds", 10);
    // One client address here: its per-address rate and concurrency caps are lifted for the run.
    try (TestGateway gateway =
        TestGateway.start(
            dir,
            config ->
                config
                    .withRateLimit(0, 1)
                    .withMaxConcurrentPerClient(GatewayConfig.DEFAULT_MAX_CONCURRENT_REQUESTS))) {
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newFixedThreadPool(8))
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
      long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      AtomicLong answered = new AtomicLong();
      Map<String, Long> errors = new ConcurrentHashMap<>();
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CONNECTIONS; c++) {
        String tenant = "tenant-" + (c % 7);
        running.add(
            clients.submit(
                () -> {
                  while (System.nanoTime() < deadline) {
                    ControlPlaneRequest request =
                        ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_READINESS)
                            .tenantId(tenant)
                            .build();
                    try {
                      HttpResponse<String> response =
                          client.send(
                              HttpRequest.newBuilder(gateway.uri("/v1/control-plane"))
                                  .timeout(Duration.ofSeconds(60))
                                  .header("Content-Type", "application/json")
                                  .POST(
                                      HttpRequest.BodyPublishers.ofString(
                                          ContractJson.toJson(request)))
                                  .build(),
                              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                      if (response.statusCode() != 200) {
                        errors.merge("status " + response.statusCode(), 1L, Long::sum);
                        continue;
                      }
                      ControlPlaneResponse answer =
                          ContractJson.defaults()
                              .parseResponse(
                                  response.body().getBytes(StandardCharsets.UTF_8), request);
                      assertThat(answer.operation()).isEqualTo(Operation.POLICY_REGISTRY_READINESS);
                      answered.incrementAndGet();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    } catch (Exception | AssertionError e) {
                      errors.merge(e.getClass().getName(), 1L, Long::sum);
                    }
                  }
                }));
      }
      for (Future<?> future : running) {
        future.get();
      }
      clients.shutdown();

      System.out.printf(
          "load: %d clients, %d s, %d answers (%.0f/s), errors %s%n",
          CONNECTIONS, seconds, answered.get(), answered.get() / (double) seconds, errors);
      assertThat(errors).isEmpty();
      assertThat(answered.get()).isPositive();
      assertThat(gateway.get("/metrics").body()).contains("cavra_gateway_requests_in_flight 0.0");
    }
  }
}
