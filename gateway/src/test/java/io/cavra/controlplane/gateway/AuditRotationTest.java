package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file sink rotates by size and keeps a bounded number of files. */
class AuditRotationTest {
  @TempDir Path dir;

  @Test
  void aFileSinkRotatesAtItsSizeAndKeepsOnlyItsCountOfFiles() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    try (AuditSink.Log log = AuditSink.file(file).withRotation(2048, 2).open()) {
      for (int i = 0; i < 200; i++) {
        log.write(String.format("{\"n\":%04d,\"pad\":\"%s\"}", i, "x".repeat(80)));
      }
    }

    assertThat(file).exists();
    assertThat(dir.resolve("audit.jsonl.1")).exists();
    assertThat(dir.resolve("audit.jsonl.2")).exists();
    assertThat(dir.resolve("audit.jsonl.3")).doesNotExist();
    List<String> lines = new ArrayList<>();
    for (Path part : List.of(dir.resolve("audit.jsonl.2"), dir.resolve("audit.jsonl.1"), file)) {
      assertThat(Files.size(part)).isLessThanOrEqualTo(2048);
      lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
    }
    assertThat(lines.get(lines.size() - 1)).startsWith("{\"n\":0199,");
    for (int i = 1; i < lines.size(); i++) {
      int previous = Integer.parseInt(lines.get(i - 1).substring(5, 9));
      assertThat(Integer.parseInt(lines.get(i).substring(5, 9))).isEqualTo(previous + 1);
    }
  }

  @Test
  void aGatewayAuditTrailStaysWithinItsBound() throws Exception {
    Path file = dir.resolve("gateway-audit.jsonl");
    try (Gateway gateway =
        Gateway.start(
            GatewayConfig.defaults()
                .withPort(0)
                .withAuditSink(AuditSink.file(file).withRotation(4096, 2)))) {
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      for (int i = 0; i < 60; i++) {
        client.send(
            java.net.http.HttpRequest.newBuilder(gateway.uri().resolve("/v1/operations")).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
      }
    }

    long total = 0;
    try (var files = Files.list(dir)) {
      for (Path part :
          files.filter(p -> p.getFileName().toString().startsWith("gateway-audit")).toList()) {
        assertThat(Files.size(part)).isLessThanOrEqualTo(4096);
        total += Files.size(part);
      }
    }
    assertThat(total).isLessThanOrEqualTo(3 * 4096);
    assertThat(dir.resolve("gateway-audit.jsonl.2")).exists();
  }
}
