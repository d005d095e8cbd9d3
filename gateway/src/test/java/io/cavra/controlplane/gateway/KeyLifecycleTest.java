package io.cavra.controlplane.gateway;

import static io.cavra.controlplane.gateway.ProblemsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys added, revoked and expired take effect without a restart; a broken key file changes nothing.
 */
class KeyLifecycleTest {
  @TempDir Path dir;
  private TestGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private Path keys() {
    return dir.resolve("keys.jsonl");
  }

  private int status(String key) {
    return gateway
        .post(
            "/v1/control-plane",
            TestGateway.tenantStatus("tenant-demo"),
            "Authorization",
            "Bearer " + key)
        .statusCode();
  }

  private static void await(Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.get() && System.nanoTime() - deadline < 0) {
      Thread.sleep(25);
    }
    assertThat(condition.get()).isTrue();
  }

  @Test
  void aKeyAddedWhileRunningIsAcceptedAndARevokedOneRefusedWithoutARestart() throws Exception {
    String first = ApiKeys.add(keys(), "first", Set.of("*"), Set.of("*")).reveal();
    gateway =
        TestGateway.start(
            dir,
            config ->
                config
                    .withKeyFile(keys())
                    .withKeyFileCheckInterval(Duration.ofMillis(50))
                    .withAuthFailureLimit(0, 1));
    String second = ApiKeys.add(keys(), "second", Set.of("*"), Set.of("*")).reveal();

    await(() -> status(second) == 200);
    assertThat(ApiKeys.revoke(keys(), "first")).isTrue();
    await(() -> status(first) == 401);

    assertThat(status(second)).isEqualTo(200);
    assertThat(ApiKeys.load(keys()).entries())
        .extracting(ApiKeys.Entry::keyId)
        .containsExactly("second");
    assertThat(gateway.audit())
        .contains("\"key_id\":\"second\"")
        .doesNotContain(second)
        .doesNotContain(first);
    assertThat(gateway.logs())
        .contains("key file reloaded: 2 keys in force", "key file reloaded: 1 keys in force");
  }

  @Test
  void revokeKeepsCommentsAndOtherLinesAndSaysWhetherTheIdWasThere() throws Exception {
    Files.writeString(keys(), "# ops keys\n", StandardCharsets.UTF_8);
    ApiKeys.add(keys(), "a", Set.of("*"), Set.of("*"));
    ApiKeys.add(keys(), "b", Set.of("tenant-demo"), Set.of("tenant_status"));

    assertThat(ApiKeys.revoke(keys(), "a")).isTrue();
    assertThat(ApiKeys.revoke(keys(), "a")).isFalse();

    String text = Files.readString(keys());
    assertThat(text)
        .startsWith("# ops keys\n{\"key_id\":\"b\"")
        .endsWith("\n")
        .doesNotContain("\"key_id\":\"a\"");
  }

  @Test
  void anExpiredKeyIsRefused() {
    GeneratedKey expired =
        ApiKeys.add(keys(), "old", Set.of("*"), Set.of("*"), Instant.now().minusSeconds(5));
    GeneratedKey current =
        ApiKeys.add(keys(), "new", Set.of("*"), Set.of("*"), Instant.now().plusSeconds(3600));
    gateway = TestGateway.start(dir, config -> config.withKeyFile(keys()));

    assertProblem(
        gateway.post(
            "/v1/control-plane",
            TestGateway.tenantStatus("tenant-demo"),
            "Authorization",
            "Bearer " + expired.reveal()),
        ProblemType.UNAUTHORIZED);
    assertThat(status(current.reveal())).isEqualTo(200);
  }

  @Test
  void aKeyExpiresAtItsTimeAndNotBefore() {
    Instant at = Instant.parse("2027-01-31T00:00:00Z");
    GeneratedKey key = ApiKeys.add(keys(), "k", Set.of("*"), Set.of("*"), at);
    ApiKeys loaded = ApiKeys.load(keys());

    assertThat(loaded.entries().get(0).expiresAt()).isEqualTo(at);
    assertThat(loaded.authenticate(key.reveal(), at.minusSeconds(1))).isPresent();
    assertThat(loaded.authenticate(key.reveal(), at)).isEmpty();
  }

  @Test
  void aKeyFileThatNoLongerParsesKeepsTheKeysInForceAndIsLoggedWithoutItsText() throws Exception {
    String key = ApiKeys.add(keys(), "kept", Set.of("*"), Set.of("*")).reveal();
    gateway =
        TestGateway.start(
            dir,
            config -> config.withKeyFile(keys()).withKeyFileCheckInterval(Duration.ofMillis(50)));
    String canary = MisbehavingAdapter.canary();

    Files.writeString(keys(), "{\"key_id\":\"" + canary + "\"\n", StandardCharsets.UTF_8);
    await(() -> gateway.logs().contains("key file not reloaded"));

    assertThat(status(key)).isEqualTo(200);
    assertThat(gateway.logs())
        .contains("the 1 keys in force stay: key file " + keys() + " line 1: not a JSON object")
        .doesNotContain(canary);
  }

  @Test
  void withoutChecksReloadKeysPutsAnAddedKeyInForce() {
    ApiKeys.add(keys(), "first", Set.of("*"), Set.of("*"));
    gateway =
        TestGateway.start(
            dir,
            config ->
                config
                    .withKeyFile(keys())
                    .withKeyFileCheckInterval(Duration.ZERO)
                    .withAuthFailureLimit(0, 1));
    String added = ApiKeys.add(keys(), "added", Set.of("*"), Set.of("*")).reveal();
    assertThat(status(added)).isEqualTo(401);

    assertThat(gateway.gateway.reloadKeys()).isTrue();

    assertThat(status(added)).isEqualTo(200);
  }

  @Test
  void sighupReloadsTheKeyFileOfARunningProcess() throws Exception {
    ApiKeys.add(keys(), "first", Set.of("*"), Set.of("*"));
    try (GatewayProcess process =
        GatewayProcess.start(
            dir,
            "--port",
            "0",
            "--key-store",
            keys().toString(),
            "--key-store-check",
            "0",
            "--audit-log",
            "none")) {
      String added = ApiKeys.add(keys(), "added", Set.of("*"), Set.of("*")).reveal();
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(process.uri + "v1/control-plane"))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + added)
              .POST(HttpRequest.BodyPublishers.ofString(TestGateway.tenantStatus("tenant-demo")))
              .build();
      assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(401);

      process.signal("HUP");
      await(() -> process.err().contains("key file reloaded: 2 keys in force"));

      assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      assertThat(process.terminate()).isZero();
      assertThat(process.err()).doesNotContain(added);
    }
  }
}
