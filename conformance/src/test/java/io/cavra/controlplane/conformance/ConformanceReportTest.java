package io.cavra.controlplane.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.adapter.Caller;
import io.cavra.controlplane.contract.adapter.CommunityAdapter;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ConformanceReportTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T09:30:00.123Z"), ZoneOffset.UTC);

  /** Answers tenant_status for another tenant; everything else as the Community adapter. */
  static final class TenantStatusLeak implements ControlPlaneAdapter {
    @Override
    public ControlPlaneResponse handle(ControlPlaneRequest request, Caller caller) {
      if (request.operation() == Operation.TENANT_STATUS) {
        request =
            new ControlPlaneRequest(
                "tenant-other",
                request.requestedBy(),
                request.correlationId(),
                true,
                request.payload());
      }
      return ControlPlaneAdapter.unavailableAnswer(request);
    }

    @Override
    public Set<Operation> capabilities() {
      return EnumSet.noneOf(Operation.class);
    }
  }

  private static ConformanceReport failingReport() {
    return ConformanceRunner.inProcess(new TenantStatusLeak())
        .withClock(CLOCK)
        .withKnownFailing(Map.of("tenant_status: custom", "tenant routing is being rewritten"))
        .run();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  private static Document xml(String text) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void listedCasesThatFailDoNotFailTheRunButOthersDo() {
    ConformanceReport report = failingReport();

    assertThat(report.passed()).isFalse();
    assertThat(report.failures())
        .extracting(r -> r.testCase().displayName())
        .containsExactly("tenant_status: defaults");
    assertThat(TestReports.result(report, "tenant_status: custom").outcome())
        .isEqualTo(CaseResult.Outcome.KNOWN_FAILING);
  }

  @Test
  void summaryCountsPerOperationAndNamesEachFailuresInvariants() {
    String summary = failingReport().summaryText();

    assertThat(summary)
        .contains(
            "Target:       " + TenantStatusLeak.class.getName() + " (in-process)\n",
            "Capabilities: none declared\n",
            "Date:         2026-11-27T09:30:00Z\n",
            String.format("%-42s %6d %6d %13d\n", "tenant_status", 2, 1, 1),
            String.format("%-42s %6d %6d %13d\n", "total", 103, 1, 1),
            "  tenant_status: defaults (the builder's defaults) broke 2 invariants:\n"
                + "    [same-tenant] payload.tenant_id names another tenant than tenant-demo\n"
                + "    [unavailable-for-undeclared] tenant_status is not a declared capability, so"
                + " the answer must be exactly the contract's unavailable answer; it differs at"
                + " payload.tenant_id\n",
            "Known failing:\n  tenant_status: custom: tenant routing is being rewritten"
                + " [same-tenant unavailable-for-undeclared]\n",
            "Verdict: FAIL (104 of 105 cases pass or fail as known)\n");
  }

  @Test
  void junitXmlHasOneTestcasePerCaseWithFailuresAndSkips() throws Exception {
    Document document = xml(failingReport().junitXml());

    Element suite = document.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("tests")).isEqualTo("105");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-27T09:30:00Z");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(105);
    Element failure = (Element) document.getElementsByTagName("failure").item(0);
    assertThat(((Element) failure.getParentNode()).getAttribute("name"))
        .isEqualTo("tenant_status: defaults");
    assertThat(((Element) failure.getParentNode()).getAttribute("classname"))
        .isEqualTo("conformance.tenant_status");
    assertThat(failure.getAttribute("type")).isEqualTo("same-tenant unavailable-for-undeclared");
    assertThat(failure.getAttribute("message"))
        .isEqualTo("[same-tenant] payload.tenant_id names another tenant than tenant-demo");
    Element skipped = (Element) document.getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message"))
        .isEqualTo("known failing: tenant routing is being rewritten");
  }

  @Test
  void certificationRecordNamesKitVectorsTargetAndVerdict() {
    ConformanceReport report = failingReport();

    @SuppressWarnings("unchecked")
    Map<String, Object> record =
        (Map<String, Object>)
            ContractJson.defaults()
                .parseTree(report.certificationJson().getBytes(StandardCharsets.UTF_8));

    assertThat(record.keySet())
        .containsExactly(
            "record",
            "kit",
            "target",
            "date",
            "capabilities",
            "cases",
            "results",
            "failures",
            "known_failing",
            "verdict");
    assertThat(record.get("record")).isEqualTo(ConformanceReport.RECORD_VERSION);
    assertThat(map(record.get("kit")))
        .containsEntry("name", ConformanceReport.KIT_NAME)
        .containsEntry("vectors", "v1")
        .containsEntry("vectors_sha256", ConformanceVectors.load().sha256());
    assertThat(map(record.get("target")))
        .containsEntry("kind", "in-process")
        .containsEntry("name", TenantStatusLeak.class.getName());
    assertThat(record.get("date")).isEqualTo("2026-11-27T09:30:00Z");
    assertThat(record.get("capabilities")).isEqualTo(List.of());
    assertThat(record.get("cases")).isEqualTo(105L);
    assertThat(list(record.get("results")))
        .hasSize(13)
        .element(3)
        .isEqualTo(
            Map.of(
                "operation",
                "tenant_status",
                "cases",
                4L,
                "passed",
                2L,
                "failed",
                1L,
                "known_failing",
                1L));
    assertThat(list(record.get("failures")))
        .containsExactly(
            Map.of(
                "case",
                "tenant_status: defaults",
                "outcome",
                "failed",
                "invariants",
                List.of("same-tenant", "unavailable-for-undeclared"),
                "messages",
                List.of(
                    "[same-tenant] payload.tenant_id names another tenant than tenant-demo",
                    "[unavailable-for-undeclared] tenant_status is not a declared capability, so"
                        + " the answer must be exactly the contract's unavailable answer; it"
                        + " differs at payload.tenant_id")));
    assertThat(list(record.get("known_failing")))
        .containsExactly(
            Map.of(
                "case",
                "tenant_status: custom",
                "reason",
                "tenant routing is being rewritten",
                "outcome",
                "known_failing"));
    assertThat(record.get("verdict")).isEqualTo("fail");
  }

  @Test
  void capabilitiesAreRecordedInContractOrderOrAsNullWhenNotDeclared() throws Exception {
    try (FakeGateway gateway = FakeGateway.serving(new CommunityAdapter())) {
      ConformanceRunner runner =
          ConformanceRunner.http(
                  gateway.base(), Optional.empty(), ConformanceRunner.DEFAULT_TIMEOUT)
              .withClock(CLOCK);
      ConformanceCase one = TestReports.testCase("envelope: not-json");

      ConformanceReport undeclared = runner.report(List.of(runner.run(one)));
      ConformanceReport declared =
          runner
              .withCapabilities(EnumSet.of(Operation.EVIDENCE_EXPORT, Operation.ENTITLEMENT_STATUS))
              .report(List.of(runner.run(one)));

      assertThat(undeclared.certificationJson()).contains("\"capabilities\": null");
      assertThat(undeclared.summaryText()).contains("Capabilities: not declared");
      assertThat(declared.certificationJson())
          .contains(
              "\"capabilities\": [\n    \"entitlement_status\",\n    \"evidence_export\"\n  ]");
      assertThat(declared.target()).isEqualTo(gateway.base().toString());
      assertThat(declared.targetKind()).isEqualTo("http");
    }
  }

  @Test
  void xmlEscapesMarkupAndDropsCharactersXmlCannotCarry() {
    assertThat(ConformanceReport.xml("a<b>&\"c'\u0001\t"))
        .isEqualTo("a&lt;b&gt;&amp;&quot;c&apos;\uFFFD\t");
  }
}
