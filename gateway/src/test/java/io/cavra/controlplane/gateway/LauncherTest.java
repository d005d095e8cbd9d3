package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared launcher: one option model with the configuration's defaults, and a process that stops
 * cleanly.
 */
class LauncherTest {
  @TempDir Path dir;

  @Test
  void theOptionDefaultsAreTheConfigurationDefaults() {
    GatewayConfig defaults = GatewayConfig.defaults();
    Map<String, String> shown = new java.util.LinkedHashMap<>();
    for (Launcher.Option option : Launcher.options()) {
      shown.put(option.name(), option.defaultValue());
    }

    assertThat(shown)
        .containsEntry("--host", defaults.host())
        .containsEntry("--port", Integer.toString(defaults.port()))
        .containsEntry("--adapter", defaults.adapterName())
        .containsEntry("--max-body-bytes", Integer.toString(defaults.maxBodyBytes()))
        .containsEntry("--max-concurrent", Integer.toString(defaults.maxConcurrentRequests()))
        .containsEntry("--adapter-timeout", "10")
        .containsEntry("--rate-limit", "100/200");
    GatewayConfig parsed = Launcher.configure(Map.of(), false);
    assertThat(parsed.toString()).isEqualTo(defaults.toString());
    assertThat(parsed.rateLimitBurst()).isEqualTo(defaults.rateLimitBurst());
  }

  @Test
  void everyOptionIsUnderstoodWithTheValueItShows() {
    for (Launcher.Option option : Launcher.options()) {
      if (option.defaultValue() != null) {
        Map<String, List<String>> values = new java.util.HashMap<>();
        values.put("--audit-log", List.of(dir.resolve("audit.jsonl").toString()));
        values.put(option.name(), List.of(option.defaultValue()));
        Launcher.configure(values, false);
      }
    }
    AuditSink rotating =
        Launcher.configure(
                Map.of(
                    "--audit-log",
                    List.of("a.jsonl"),
                    "--audit-max-bytes",
                    List.of("4096"),
                    "--audit-keep",
                    List.of("3")),
                false)
            .auditSink();
    assertThat(rotating.maxFileBytes()).isEqualTo(4096);
    assertThat(rotating.keepFiles()).isEqualTo(3);
    assertThat(
            Launcher.configure(
                    Map.of("--audit-log", List.of("a.jsonl"), "--audit-max-bytes", List.of("0")),
                    false)
                .auditSink()
                .maxFileBytes())
        .isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> Launcher.configure(Map.of("--audit-keep", List.of("3")), false))
        .hasMessage("--audit-max-bytes and --audit-keep need --audit-log FILE");
    assertThatThrownBy(() -> Launcher.configure(Map.of("--colour", List.of("red")), false))
        .hasMessage("unknown option --colour");
    assertThatThrownBy(() -> Launcher.configure(Map.of("--port", List.of("1", "2")), false))
        .hasMessage("--port may be given once");
    assertThatThrownBy(() -> Launcher.configure(Map.of("--max-concurrent", List.of("0")), false))
        .hasMessage("--max-concurrent must be at least 1");
    assertThatThrownBy(() -> Launcher.configure(Map.of("--port", List.of("70000")), false))
        .hasMessage("--port must be 0 to 65535");
  }

  @Test
  void auditLinesGoToStandardOutputUnlessItIsATerminal() {
    assertThat(Launcher.configure(Map.of(), false).auditSink()).isSameAs(AuditSink.stdout());
    assertThat(Launcher.configure(Map.of(), true).auditSink()).isSameAs(AuditSink.none());
    assertThat(Launcher.configure(Map.of("--audit-log", List.of("stderr")), true).auditSink())
        .isSameAs(AuditSink.stderr());
    assertThat(Launcher.configure(Map.of("--audit-log", List.of("stdout")), true).auditSink())
        .isSameAs(AuditSink.stdout());
  }

  @Test
  void sigtermDrainsAndExitsZeroWithOneStartLineAndTheDrainMessages() throws Exception {
    try (GatewayProcess gateway = GatewayProcess.start(dir, "--port", "0")) {
      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(gateway.uri.resolve("/readyz")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);

      int status = gateway.terminate();

      assertThat(status).as(gateway.err()).isZero();
      List<String> lines = List.of(gateway.err().split("\n"));
      assertThat(lines.get(0))
          .isEqualTo(
              "cavra-gateway: serving "
                  + gateway.uri
                  + " with the community adapter (authentication off: loopback only; audit to"
                  + " standard output)");
      assertThat(lines).hasSize(3);
      assertThat(lines.get(1))
          .endsWith(
              " INFO io.cavra.controlplane.gateway: draining 0 requests in flight (up to 30 s)");
      assertThat(lines.get(2)).endsWith(" INFO io.cavra.controlplane.gateway: stopped");
      assertThat(gateway.err()).doesNotContain("Started oejs").doesNotContain("jetty-12");
      assertThat(gateway.out()).as("probes are not audited, and logs never go to stdout").isEmpty();
    }
  }
}
