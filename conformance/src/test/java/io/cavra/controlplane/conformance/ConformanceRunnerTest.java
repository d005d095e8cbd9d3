package io.cavra.controlplane.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cavra.controlplane.contract.adapter.CommunityAdapter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConformanceRunnerTest {

  @Test
  void httpRunnerPostsJsonWithTheBearerKeyToTheControlPlaneEndpoint() {
    try (FakeGateway gateway = FakeGateway.serving(new CommunityAdapter())) {
      URI base = URI.create(gateway.base() + "/");
      CaseResult result =
          ConformanceRunner.http(base, Optional.of("k-123"), Duration.ofSeconds(5))
              .run(TestReports.testCase("tenant_status: defaults"));

      assertThat(result.outcome()).isEqualTo(CaseResult.Outcome.PASSED);
      assertThat(gateway.lastHeaders())
          .containsEntry("Authorization", List.of("Bearer k-123"))
          .containsEntry("Content-type", List.of("application/json"));
      assertThat(gateway.lastHeaders().get("User-agent"))
          .singleElement()
          .asString()
          .startsWith("cavra-conformance-kit/");
    }
  }

  @Test
  void httpRunnerSendsNoAuthorizationWithoutAKey() {
    try (FakeGateway gateway = FakeGateway.serving(new CommunityAdapter())) {
      ConformanceRunner.http(gateway.base(), Optional.empty(), Duration.ofSeconds(5))
          .run(TestReports.testCase("tenant_status: defaults"));

      assertThat(gateway.lastHeaders()).doesNotContainKey("Authorization");
    }
  }

  @Test
  void endpointIsBelowTheBasePath() {
    assertThat(HttpTarget.endpoint(URI.create("https://cp.example.com/tenant-a//")))
        .isEqualTo(URI.create("https://cp.example.com/tenant-a/v1/control-plane"));
    assertThat(HttpTarget.endpoint(URI.create("http://127.0.0.1:8787")))
        .isEqualTo(URI.create("http://127.0.0.1:8787/v1/control-plane"));
  }

  @Test
  void httpRunnerRefusesOtherSchemesAndNonPositiveTimeouts() {
    assertThatThrownBy(
            () ->
                ConformanceRunner.http(
                    URI.create("ftp://host"), Optional.empty(), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base must be an http or https URL");
    assertThatThrownBy(
            () ->
                ConformanceRunner.http(URI.create("http://host"), Optional.empty(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive");
  }

  @Test
  void bearerKeyWithALineEndIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(
            () ->
                ConformanceRunner.http(
                    URI.create("http://host"), Optional.of("k-secret\n"), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bearerKey must not be empty or hold white space or control characters");
  }

  @Test
  void inProcessRunnerTakesTheAdaptersOwnCapabilities() {
    assertThatThrownBy(
            () -> ConformanceRunner.inProcess(new CommunityAdapter()).withCapabilities(Set.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("an in-process runner uses the adapter's own capabilities()");
  }

  @Test
  void knownFailingEntriesNeedAKnownCaseAndAReason() {
    ConformanceRunner runner = ConformanceRunner.inProcess(new CommunityAdapter());

    assertThatThrownBy(() -> runner.withKnownFailing(Map.of("tenant_status: default", "typo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("known-failing list names no case of this kit: tenant_status: default");
    assertThatThrownBy(() -> runner.withKnownFailing(Map.of("tenant_status: defaults", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("known-failing case needs a reason: tenant_status: defaults");
    assertThat(runner.withKnownFailing(Map.of("tenant_status: defaults", "x")).knownFailing())
        .containsExactly(Map.entry("tenant_status: defaults", "x"));
  }

  @Test
  void runsEveryCaseInVectorOrder() {
    ConformanceReport report = ConformanceRunner.inProcess(new CommunityAdapter()).run();

    assertThat(report.results())
        .extracting(CaseResult::testCase)
        .containsExactlyElementsOf(ConformanceVectors.load().cases());
    assertThat(report.passed()).isTrue();
  }
}
