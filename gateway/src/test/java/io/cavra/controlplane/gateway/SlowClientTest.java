package io.cavra.controlplane.gateway;

import static io.cavra.controlplane.gateway.ProblemsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and greedy clients: a body that trickles past its deadline, one key (or address) holding
 * every slot, readiness under overload, and failed authentications and keyless traffic throttled.
 */
class SlowClientTest {
  @TempDir Path dir;
  private final List<Socket> sockets = new ArrayList<>();
  private TestGateway gateway;

  @AfterEach
  void close() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  /**
   * Opens a connection from {@code local} and sends the headers of a POST whose body never comes.
   */
  private Socket stalledPost(String local, String authorization) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
    socket.connect(new InetSocketAddress("127.0.0.1", gateway.gateway.port()), 10_000);
    socket.setSoTimeout(30_000);
    sockets.add(socket);
    String head =
        "POST /v1/control-plane HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
            + "Content-Length: 500\r\n\r\n{";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  /** Waits until the gateway counts {@code n} requests in flight. */
  private void awaitInFlight(int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (gateway.gateway.inFlight() < n && System.nanoTime() - deadline < 0) {
      Thread.sleep(10);
    }
    assertThat(gateway.gateway.inFlight()).isEqualTo(n);
  }

  private static String answer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void aBodyTricklingPastItsDeadlineIs408AndFreesItsSlot() throws Exception {
    gateway =
        TestGateway.start(
            dir,
            config ->
                config
                    .withBodyTimeout(Duration.ofMillis(800))
                    .withIdleTimeout(Duration.ofSeconds(30)));
    Socket socket = stalledPost("127.0.0.1", null);
    awaitInFlight(1);
    OutputStream out = socket.getOutputStream();
    long start = System.nanoTime();
    // One byte every 100 ms never trips the idle timeout; only the body deadline ends it.
    for (int i = 0; i < 8; i++) {
      out.write(' ');
      out.flush();
      Thread.sleep(100);
    }

    String answer = answer(socket);

    assertThat(answer)
        .startsWith("HTTP/1.1 408 ")
        .contains("\"code\":\"request_timeout\"")
        .contains("Connection: close");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    awaitInFlight(0);
    assertThat(gateway.auditLines())
        .anySatisfy(line -> assertThat(line).containsEntry("outcome", "request_timeout"));
  }

  @Test
  void oneKeyCannotTakeTheSlotsOfAnother() throws Exception {
    Path keys = dir.resolve("keys.jsonl");
    String greedy = "Bearer " + ApiKeys.add(keys, "greedy", Set.of("*"), Set.of("*")).reveal();
    String other = "Bearer " + ApiKeys.add(keys, "other", Set.of("*"), Set.of("*")).reveal();
    gateway =
        TestGateway.start(
            dir,
            config ->
                config
                    .withKeyFile(keys)
                    .withMaxConcurrentRequests(8)
                    .withMaxConcurrentPerClient(2));
    stalledPost("127.0.0.1", greedy);
    stalledPost("127.0.0.1", greedy);
    awaitInFlight(2);

    HttpResponse<String> third =
        gateway.post(
            "/v1/control-plane", TestGateway.tenantStatus("tenant-demo"), "Authorization", greedy);
    HttpResponse<String> others =
        gateway.post(
            "/v1/control-plane", TestGateway.tenantStatus("tenant-demo"), "Authorization", other);

    assertThat(assertProblem(third, ProblemType.OVERLOADED))
        .containsEntry("detail", "this API key has too many requests in flight; retry later");
    assertThat(others.statusCode()).as(others.body()).isEqualTo(200);
  }

  @Test
  void withoutKeysOneAddressCannotTakeTheSlotsOfAnother() throws Exception {
    gateway =
        TestGateway.start(
            dir, config -> config.withMaxConcurrentRequests(8).withMaxConcurrentPerClient(2));
    stalledPost("127.0.0.2", null);
    stalledPost("127.0.0.2", null);
    awaitInFlight(2);
    Socket third = stalledPost("127.0.0.2", null);

    HttpResponse<String> fromElsewhere =
        gateway.post("/v1/control-plane", TestGateway.tenantStatus("tenant-demo"));

    assertThat(answer(third))
        .startsWith("HTTP/1.1 503 ")
        .contains("this address has too many requests in flight; retry later");
    assertThat(fromElsewhere.statusCode()).as(fromElsewhere.body()).isEqualTo(200);
  }

  @Test
  void readinessReportsOverloadWhileHealthStaysUp() throws Exception {
    gateway =
        TestGateway.start(
            dir, config -> config.withMaxConcurrentRequests(2).withMaxConcurrentPerClient(2));
    assertThat(gateway.get("/readyz").statusCode()).isEqualTo(200);
    stalledPost("127.0.0.1", null);
    stalledPost("127.0.0.1", null);
    awaitInFlight(2);

    assertProblem(gateway.get("/readyz"), ProblemType.OVERLOADED);
    assertThat(gateway.get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void failedAuthenticationsAreThrottledPerAddressButValidKeysPass() {
    Path keys = dir.resolve("keys.jsonl");
    String valid = "Bearer " + ApiKeys.add(keys, "valid", Set.of("*"), Set.of("*")).reveal();
    gateway =
        TestGateway.start(dir, config -> config.withKeyFile(keys).withAuthFailureLimit(0.01, 3));
    String body = TestGateway.tenantStatus("tenant-demo");
    for (int i = 0; i < 3; i++) {
      assertProblem(
          gateway.post(
              "/v1/control-plane", body, "Authorization", "Bearer " + ApiKeys.KEY_PREFIX + i),
          ProblemType.UNAUTHORIZED);
    }

    HttpResponse<String> throttled =
        gateway.post("/v1/control-plane", body, "Authorization", "Bearer wrong");
    HttpResponse<String> noKey = gateway.post("/v1/control-plane", body);
    HttpResponse<String> withKey = gateway.post("/v1/control-plane", body, "Authorization", valid);

    assertThat(assertProblem(throttled, ProblemType.RATE_LIMITED))
        .containsEntry("detail", "too many failed authentications from this address; retry later");
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertProblem(noKey, ProblemType.RATE_LIMITED);
    assertThat(withKey.statusCode()).isEqualTo(200);
  }

  @Test
  void withoutKeysEachAddressIsRateLimited() {
    gateway = TestGateway.start(dir, config -> config.withRateLimit(0.01, 2));
    String body = TestGateway.tenantStatus("tenant-demo");
    assertThat(gateway.post("/v1/control-plane", body).statusCode()).isEqualTo(200);
    assertThat(gateway.post("/v1/control-plane", body).statusCode()).isEqualTo(200);

    HttpResponse<String> third = gateway.post("/v1/control-plane", body);

    assertThat(assertProblem(third, ProblemType.RATE_LIMITED))
        .containsEntry("detail", "this address's rate limit is exhausted; retry later");
  }
}
