package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.conformance.ConformanceReport;
import io.cavra.controlplane.conformance.ConformanceRunner;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway passes the conformance kit over HTTP, as any private service must. */
class ConformanceTest {
  @TempDir Path dir;

  @Test
  void theCommunityGatewayPassesTheKitWithoutAuthentication() {
    try (TestGateway gateway = TestGateway.start(dir)) {
      ConformanceReport report =
          ConformanceRunner.http(
                  gateway.gateway.uri(), Optional.empty(), ConformanceRunner.DEFAULT_TIMEOUT)
              .run();

      assertThat(report.passed()).as(report.summaryText()).isTrue();
    }
  }

  @Test
  void theGatewayPassesTheKitWithAKey() {
    Path keys = dir.resolve("keys.jsonl");
    String key = ApiKeys.add(keys, "conformance", Set.of("*"), Set.of("*")).reveal();
    try (TestGateway gateway = TestGateway.start(dir, config -> config.withKeyFile(keys))) {
      ConformanceReport report =
          ConformanceRunner.http(
                  gateway.gateway.uri(), Optional.of(key), ConformanceRunner.DEFAULT_TIMEOUT)
              .run();

      assertThat(report.passed()).as(report.summaryText()).isTrue();
      assertThat(report.summaryText()).doesNotContain(key);
      assertThat(gateway.audit()).doesNotContain(key);
    }
  }
}
