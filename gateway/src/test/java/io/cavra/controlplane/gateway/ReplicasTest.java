package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three gateway processes on loopback behind Debian's HAProxy: keys rotated on every replica
 * through the shared key file, rate limits per replica, and one replica drained without a failed
 * request. Skipped without {@code /usr/sbin/haproxy}, except on CI ({@code CI=true}), which
 * installs it and where it fails instead.
 */
class ReplicasTest {
  static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

  @TempDir Path dir;
  private final List<GatewayProcess> replicas = new ArrayList<>();
  private Process haproxy;
  private URI front;
  private Path keys;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @BeforeEach
  void start() throws Exception {
    boolean installed = Files.isExecutable(HAPROXY);
    if (!installed && "true".equals(System.getenv("CI"))) {
      fail("CI=true but " + HAPROXY + " is missing: .ci/run installs the haproxy package");
    }
    assumeTrue(installed, "haproxy is not installed");
  }

  /** Starts three replicas with {@code options} behind HAProxy. */
  private void cluster(String... options) throws Exception {
    keys = dir.resolve("keys.jsonl");
    if (!Files.exists(keys)) {
      ApiKeys.add(keys, "boot", Set.of("*"), Set.of("*"));
    }
    StringBuilder servers = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--port",
                  "0",
                  "--key-store",
                  keys.toString(),
                  "--key-store-check",
                  "0.2",
                  "--behind-proxy",
                  "--audit-log",
                  dir.resolve("audit-" + i + ".jsonl").toString()));
      args.addAll(List.of(options));
      GatewayProcess replica = GatewayProcess.start(dir, args.toArray(String[]::new));
      replicas.add(replica);
      // A first answer from each, so that the proxy's first checks do not meet a cold JVM.
      await(() -> status(replica.uri.resolve("/readyz"), null) == 200);
      servers
          .append("  server g")
          .append(i)
          .append(" 127.0.0.1:")
          .append(replica.uri.getPort())
          .append(" check\n");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path config =
        Files.writeString(
            dir.resolve("haproxy.cfg"),
            String.join(
                "\n",
                "global",
                "  maxconn 512",
                "defaults",
                "  mode http",
                "  timeout connect 2s",
                "  timeout client 30s",
                "  timeout server 30s",
                "  timeout check 5s",
                "  retries 3",
                "  option redispatch 1",
                "  option http-buffer-request",
                "  retry-on conn-failure empty-response response-timeout 503",
                "frontend front",
                "  bind 127.0.0.1:" + port,
                "  http-request set-header Forwarded for=%[src]",
                "  default_backend gateways",
                "backend gateways",
                "  balance roundrobin",
                "  option httpchk GET /readyz",
                "  http-check expect status 200",
                "  default-server inter 200ms fall 1 rise 1",
                servers.toString()),
            StandardCharsets.UTF_8);
    haproxy =
        new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("haproxy.log").toFile())
            .start();
    front = URI.create("http://127.0.0.1:" + port + "/");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (status(front.resolve("/readyz"), null) != 200 && System.nanoTime() - deadline < 0) {
      Thread.sleep(50);
    }
    assertThat(status(front.resolve("/readyz"), null))
        .as("HAProxy in front: %s", Files.readString(dir.resolve("haproxy.log")))
        .isEqualTo(200);
    // All three servers up: three answers in a row from distinct replicas are not observable, so
    // wait for the checks.
    Thread.sleep(1000);
  }

  @AfterEach
  void stop() throws Exception {
    if (haproxy != null) {
      haproxy.destroy();
      haproxy.waitFor(10, TimeUnit.SECONDS);
    }
    for (GatewayProcess replica : replicas) {
      if (replica.process.isAlive()) {
        replica.terminate();
      }
      replica.close();
    }
  }

  private int status(URI uri, String key) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
      if (uri.getPath().startsWith("/v1/")) {
        request
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(TestGateway.tenantStatus("tenant-demo")));
      }
      if (key != null) {
        request.header("Authorization", "Bearer " + key);
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void await(Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.get() && System.nanoTime() - deadline < 0) {
      Thread.sleep(50);
    }
    assertThat(condition.get()).isTrue();
  }

  @Test
  void aKeyAddedAndRevokedInTheSharedFileTakesEffectOnEveryReplica() throws Exception {
    cluster();
    String rotated = ApiKeys.add(keys, "rotated", Set.of("*"), Set.of("*")).reveal();

    for (GatewayProcess replica : replicas) {
      await(() -> status(replica.uri.resolve("/v1/control-plane"), rotated) == 200);
    }
    for (int i = 0; i < 9; i++) {
      assertThat(status(front.resolve("/v1/control-plane"), rotated)).isEqualTo(200);
    }
    assertThat(ApiKeys.revoke(keys, "rotated")).isTrue();
    for (GatewayProcess replica : replicas) {
      await(() -> status(replica.uri.resolve("/v1/control-plane"), rotated) == 401);
    }
    for (int i = 0; i < 6; i++) {
      assertThat(status(front.resolve("/v1/control-plane"), rotated)).isEqualTo(401);
    }
    for (int i = 1; i <= 3; i++) {
      assertThat(Files.readString(dir.resolve("audit-" + i + ".jsonl")))
          .contains("\"key_id\":\"rotated\"")
          .doesNotContain(rotated);
    }
  }

  @Test
  void rateLimitsArePerReplica() throws Exception {
    String key =
        ApiKeys.add(dir.resolve("keys.jsonl"), "metered", Set.of("*"), Set.of("*")).reveal();
    cluster("--rate-limit", "0.01/2");

    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    for (int i = 0; i < 9; i++) {
      statuses.merge(status(front.resolve("/v1/control-plane"), key), 1, Integer::sum);
    }

    // Each replica keeps its own bucket of 2: three replicas let 6 of the key's 9 requests through.
    assertThat(statuses).containsEntry(200, 6).containsEntry(429, 3);
  }

  @Test
  void aReplicaDrainsBehindTheProxyWithoutAFailedRequest() throws Exception {
    String key =
        ApiKeys.add(dir.resolve("keys.jsonl"), "steady", Set.of("*"), Set.of("*")).reveal();
    cluster("--rate-limit", "0");
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger ok = new AtomicInteger();
    Map<Integer, Integer> failures = new ConcurrentHashMap<>();
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                while (running.get()) {
                  int status = status(front.resolve("/v1/control-plane"), key);
                  if (status == 200) {
                    ok.incrementAndGet();
                  } else {
                    failures.merge(status, 1, Integer::sum);
                  }
                }
              },
              "replica-client-" + t);
      thread.start();
      clients.add(thread);
    }
    Thread.sleep(1500);
    int before = ok.get();

    GatewayProcess drained = replicas.get(1);
    int exit = drained.terminate();
    Thread.sleep(1500);
    running.set(false);
    for (Thread thread : clients) {
      thread.join(30_000);
    }

    assertThat(exit).as(drained.err()).isZero();
    assertThat(drained.err()).contains("draining").contains("stopped");
    assertThat(failures).as("answers other than 200 while a replica drained").isEmpty();
    assertThat(before).isPositive();
    assertThat(ok.get()).isGreaterThan(before);
  }
}
