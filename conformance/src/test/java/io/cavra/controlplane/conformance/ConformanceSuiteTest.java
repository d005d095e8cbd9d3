package io.cavra.controlplane.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.adapter.Caller;
import io.cavra.controlplane.contract.adapter.CommunityAdapter;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** What a build sees when an adapter's test class extends {@link ConformanceSuite}. */
class ConformanceSuiteTest {
  private static final int CASES = ConformanceVectors.load().cases().size();

  static Path reports;

  /** Answers every operation for another tenant. */
  static final class CrossTenantAdapter implements ControlPlaneAdapter {
    @Override
    public ControlPlaneResponse handle(ControlPlaneRequest request, Caller caller) {
      return ControlPlaneAdapter.unavailableAnswer(
          new ControlPlaneRequest(
              "tenant-other",
              request.requestedBy(),
              request.correlationId(),
              true,
              request.payload()));
    }
  }

  static class CommunitySuite extends ConformanceSuite {
    @Override
    protected ControlPlaneAdapter adapter() {
      return new CommunityAdapter();
    }
  }

  static class CrossTenantSuite extends ConformanceSuite {
    @Override
    protected ControlPlaneAdapter adapter() {
      return new CrossTenantAdapter();
    }

    @Override
    protected Map<String, String> knownFailing() {
      return Map.of("tenant_status: defaults", "tenant routing is being rewritten");
    }
  }

  static class StaleListSuite extends CommunitySuite {
    @Override
    protected Map<String, String> knownFailing() {
      return Map.of("tenant_status: defaults", "was broken once");
    }
  }

  static class MisspelledListSuite extends CommunitySuite {
    @Override
    protected Map<String, String> knownFailing() {
      return Map.of("tenant_status: default", "typo");
    }
  }

  static class ReportingSuite extends CommunitySuite {
    @Override
    protected Optional<Path> reportDirectory() {
      return Optional.of(reports);
    }
  }

  private static Events tests(Class<?> suite) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(suite))
        .execute()
        .testEvents();
  }

  @Test
  void emitsOneDynamicTestPerVectorNamedByOperationAndCase() {
    Events events = tests(CommunitySuite.class);

    events.assertStatistics(stats -> stats.started(CASES).succeeded(CASES).failed(0).aborted(0));
    assertThat(events.started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
        .contains(
            "entitlement_status: defaults",
            "envelope: canary-in-tenant-id",
            "saas_operating_automation_worker_handoff: custom");
  }

  @Test
  void failuresNameTheBrokenInvariantAndKnownFailingCasesAreSkipped() {
    Events events = tests(CrossTenantSuite.class);

    long accepted =
        ConformanceVectors.load().cases().stream()
            .filter(c -> c.verdict() == ConformanceCase.Verdict.ACCEPTED)
            .count();
    events.assertStatistics(stats -> stats.started(CASES).aborted(1).failed(accepted - 1));
    events
        .assertThatEvents()
        .haveAtLeastOne(
            event(
                test(),
                displayName("entitlement_status: defaults"),
                finishedWithFailure(
                    message(
                        m ->
                            m.contains(
                                "[same-tenant] payload.tenant_id names another tenant than"
                                    + " tenant-demo")))));
    assertThat(events.aborted().stream().map(e -> e.getTestDescriptor().getDisplayName()))
        .containsExactly("tenant_status: defaults");
  }

  @Test
  void knownFailingCaseThatPassesFailsTheBuild() {
    Events events = tests(StaleListSuite.class);

    events.assertStatistics(stats -> stats.failed(1).succeeded(CASES - 1));
    events
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test(),
                displayName("tenant_status: defaults"),
                finishedWithFailure(
                    message(
                        m ->
                            m.contains(
                                "listed as known failing (was broken once) but every invariant"
                                    + " holds")))));
  }

  @Test
  void knownFailingListNamingNoCaseIsRefused() {
    var results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(MisspelledListSuite.class))
            .execute();

    results
        .containerEvents()
        .assertThatEvents()
        .haveAtLeastOne(
            event(
                finishedWithFailure(
                    message(
                        "known-failing list names no case of this kit: tenant_status: default"))));
  }

  @Test
  void writesTheSummaryJunitXmlAndCertificationRecordWhenAsked(@TempDir Path directory)
      throws Exception {
    reports = directory.resolve("conformance");

    tests(ReportingSuite.class);

    assertThat(Files.readString(reports.resolve("conformance-summary.txt")))
        .contains("Verdict: PASS");
    assertThat(Files.readString(reports.resolve("conformance-junit.xml")))
        .contains("tests=\"" + CASES + "\"");
    assertThat(Files.readString(reports.resolve("conformance-certification.json")))
        .contains(
            "\"verdict\": \"pass\"", "\"name\": \"" + CommunityAdapter.class.getName() + "\"");
  }
}
