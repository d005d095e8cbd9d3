package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cavra.controlplane.contract.secret.SecretGuard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsAreLoopbackCommunityWithoutAuthentication() {
    GatewayConfig config = GatewayConfig.defaults();

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8787);
    assertThat(config.adapterName()).isEqualTo("community");
    assertThat(config.adapterSettings()).isEmpty();
    assertThat(config.keyFile()).isEmpty();
    assertThat(config.maxBodyBytes()).isEqualTo(1 << 20);
    assertThat(config.maxDepth()).isEqualTo(64);
    assertThat(config.maxHeaderBytes()).isEqualTo(8192);
    assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxConcurrentRequests()).isEqualTo(256);
    assertThat(config.adapterThreads()).isEqualTo(64);
    assertThat(config.adapterTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.rateLimitPerSecond()).isEqualTo(100.0);
    assertThat(config.rateLimitBurst()).isEqualTo(200);
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.auditSink()).isSameAs(AuditSink.stdout());
    assertThat(config.secretGuard()).isSameAs(SecretGuard.defaults());
  }

  @Test
  void withMethodsReturnCopies() {
    GatewayConfig base = GatewayConfig.defaults();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("b", "2");
    settings.put("a", "1");

    GatewayConfig changed = base.withHost("localhost").withPort(0).withAdapter("acme", settings);
    settings.put("c", "3");

    assertThat(base.host()).isEqualTo("127.0.0.1");
    assertThat(changed.host()).isEqualTo("localhost");
    assertThat(changed.port()).isZero();
    assertThat(changed.adapterSettings()).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
    assertThat(changed.toString()).isEqualTo("GatewayConfig[localhost:0, adapter=acme, auth=off]");
  }

  @Test
  void invalidValuesAreRefused() {
    GatewayConfig config = GatewayConfig.defaults();

    assertThatThrownBy(() -> config.withPort(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withMaxBodyBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withAdapterTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withRateLimit(-1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withHost(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withKeyFile(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("keyFile");
  }

  @Test
  void aNonLoopbackAddressWithoutAKeyFileIsRefused() {
    GatewayConfig config = GatewayConfig.defaults().withHost("0.0.0.0").withPort(0);

    assertThatThrownBy(() -> Gateway.start(config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("refusing to listen on 0.0.0.0 without a key file");
  }

  @Test
  void aNonLoopbackAddressWithAKeyFileButPlainHttpIsRefusedUnlessBehindAProxy() {
    Path keys = dir.resolve("keys.jsonl");
    ApiKeys.add(keys, "ops", Set.of("*"), Set.of("*"));

    assertThatThrownBy(
            () ->
                Gateway.start(
                    GatewayConfig.defaults()
                        .withHost("0.0.0.0")
                        .withPort(0)
                        .withKeyFile(keys)
                        .withAuditSink(AuditSink.none())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "refusing to serve plain HTTP on 0.0.0.0: API keys would cross the network in"
                + " cleartext; serve HTTPS with --tls-cert and --tls-key (or --tls-keystore), or"
                + " say --behind-proxy when a TLS-terminating proxy sits in front");
    try (Gateway gateway =
        Gateway.start(
            GatewayConfig.defaults()
                .withHost("0.0.0.0")
                .withPort(0)
                .withKeyFile(keys)
                .withBehindProxy(true)
                .withAuditSink(AuditSink.none()))) {
      assertThat(gateway.port()).isPositive();
      assertThat(gateway.uri().toString()).isEqualTo("http://0.0.0.0:" + gateway.port() + "/");
    }
  }

  @Test
  void loopbackWithoutAKeyFileSaysAuthenticationIsOff() {
    assertThat(
            startupMessages(GatewayConfig.defaults().withPort(0).withAuditSink(AuditSink.none())))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("authentication is OFF (no key file; allowed on loopback only)"));
  }

  @Test
  void aKeyFileWithOneKeyIsCountedInTheSingular() {
    Path keys = dir.resolve("one-key.jsonl");
    ApiKeys.add(keys, "ops", Set.of("*"), Set.of("*")).destroy();

    assertThat(
            startupMessages(
                GatewayConfig.defaults()
                    .withPort(0)
                    .withKeyFile(keys)
                    .withAuditSink(AuditSink.none())))
        .anySatisfy(m -> assertThat(m).endsWith("; authentication on (1 key)"));
  }

  /** What the gateway logs while it starts with {@code config}; it is stopped again. */
  private static List<String> startupMessages(GatewayConfig config) {
    Logger logger = Logger.getLogger("io.cavra.controlplane.gateway");
    List<String> messages = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            messages.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    Level level = logger.getLevel();
    logger.setLevel(Level.FINE);
    try (Gateway gateway = Gateway.start(config)) {
      assertThat(gateway.isReady()).isTrue();
    } finally {
      logger.setLevel(level);
      logger.removeHandler(handler);
    }
    return messages;
  }

  @Test
  void aMissingKeyFileStopsTheStart() {
    assertThatThrownBy(
            () ->
                Gateway.start(
                    GatewayConfig.defaults().withPort(0).withKeyFile(dir.resolve("none"))))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageStartingWith("cannot read key file");
  }

  @Test
  void aBusyPortStopsTheStartSayingSoAndSuggestingAnotherPort() {
    try (Gateway first =
        Gateway.start(GatewayConfig.defaults().withPort(0).withAuditSink(AuditSink.none()))) {
      assertThatThrownBy(
              () ->
                  Gateway.start(
                      GatewayConfig.defaults()
                          .withPort(first.port())
                          .withAuditSink(AuditSink.none())))
          .isInstanceOf(java.io.UncheckedIOException.class)
          .hasMessage(
              "cannot listen on 127.0.0.1:"
                  + first.port()
                  + ": the address is already in use;"
                  + " stop what listens there or choose another port with --port")
          .satisfies(
              e -> assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain(".java"));
    }
  }
}
