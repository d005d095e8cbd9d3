package io.cavra.controlplane.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.adapter.CommunityAdapter;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Community adapter behind a gateway passes the kit over HTTP, with and without a declaration.
 */
class CommunityAdapterOverHttpTest {

  @Test
  void communityAdapterPassesOverHttpWithoutACapabilityDeclaration() {
    try (FakeGateway gateway = FakeGateway.serving(new CommunityAdapter())) {
      ConformanceReport report =
          ConformanceRunner.http(
                  gateway.base(), Optional.empty(), ConformanceRunner.DEFAULT_TIMEOUT)
              .run();

      assertThat(report.failures()).isEmpty();
      assertThat(report.passed()).isTrue();
      assertThat(report.results()).hasSize(ConformanceVectors.load().cases().size());
      assertThat(report.capabilities()).isEmpty();
    }
  }

  @Test
  void communityAdapterPassesOverHttpDeclaringNoCapability() {
    try (FakeGateway gateway = FakeGateway.serving(new CommunityAdapter())) {
      ConformanceReport report =
          ConformanceRunner.http(
                  gateway.base(), Optional.of("test-key"), ConformanceRunner.DEFAULT_TIMEOUT)
              .withCapabilities(Set.of())
              .run();

      assertThat(report.failures()).isEmpty();
      assertThat(report.capabilities()).contains(Set.of());
      assertThat(report.summaryText()).contains("Capabilities: none declared", "Verdict: PASS");
    }
  }
}
