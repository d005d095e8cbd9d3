package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void noArgumentsGiveTheDefaults() {
    GatewayConfig config = Main.parse();

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8787);
    assertThat(config.adapterName()).isEqualTo("community");
  }

  @Test
  void everyOptionSetsItsValue() {
    GatewayConfig config =
        Main.parse(
            "--host",
            "0.0.0.0",
            "--port",
            "9000",
            "--adapter",
            "acme",
            "--adapter-setting",
            "state-file=/var/lib/acme.json",
            "--adapter-setting",
            "mode=a=b",
            "--key-store",
            "keys.jsonl",
            "--audit-log",
            "audit.jsonl",
            "--max-body-bytes",
            "2048",
            "--max-concurrent",
            "7",
            "--adapter-timeout",
            "2.5",
            "--rate-limit",
            "5/9");

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.adapterName()).isEqualTo("acme");
    assertThat(config.adapterSettings())
        .containsExactly(Map.entry("state-file", "/var/lib/acme.json"), Map.entry("mode", "a=b"));
    assertThat(config.keyFile()).hasValue(Path.of("keys.jsonl"));
    assertThat(config.auditSink().path()).hasValue(Path.of("audit.jsonl"));
    assertThat(config.maxBodyBytes()).isEqualTo(2048);
    assertThat(config.maxConcurrentRequests()).isEqualTo(7);
    assertThat(config.adapterTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.rateLimitPerSecond()).isEqualTo(5.0);
    assertThat(config.rateLimitBurst()).isEqualTo(9);
  }

  @Test
  void auditLogNamesStdoutAndNone() {
    assertThat(Main.parse("--audit-log", "none").auditSink()).isSameAs(AuditSink.none());
    assertThat(Main.parse("--audit-log", "stdout").auditSink()).isSameAs(AuditSink.stdout());
  }

  @Test
  void helpReturnsNull() {
    assertThat(Main.parse("--help")).isNull();
  }

  @Test
  void usageErrorsAreNamed() {
    assertThatThrownBy(() -> Main.parse("--port")).hasMessage("--port needs a value");
    assertThatThrownBy(() -> Main.parse("--port", "x")).hasMessage("--port takes a whole number");
    assertThatThrownBy(() -> Main.parse("--colour", "red")).hasMessage("unknown option --colour");
    assertThatThrownBy(() -> Main.parse("--adapter-setting", "novalue"))
        .hasMessage("--adapter-setting takes KEY=VALUE");
    assertThatThrownBy(() -> Main.parse("stray")).hasMessage("unexpected argument stray");
  }

  @Test
  void theRenamedKeyFileOptionPointsToTheKeyStore() {
    assertThatThrownBy(() -> Main.parse("--key-file", "keys.jsonl"))
        .hasMessage("unknown option --key-file: it is now --key-store");
    assertThatThrownBy(() -> Main.parse("--key-file-check", "1"))
        .hasMessage("unknown option --key-file-check: it is now --key-store-check");
  }
}
