package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  @TempDir
  Path dir;

  Path sample() throws Exception {
    return Cli.write(dir, "events.jsonl", """
        {"a": {"api_token": "x"}}
        {"b": ["fine", "%s"]}
        {"c": 1}
        not json
        """.formatted(Cli.FAKE_GITHUB_TOKEN));
  }

  @Test
  void cleanDocumentHasNoFindings() {
    Cli.Result result = Cli.runWithStdin("{\"tenant_id\": \"tenant-demo\"}", "scan");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("scanned 1 document: 0 findings\n");
  }

  @Test
  void oneFindingInOneDocumentIsCountedInTheSingular() {
    Cli.Result result = Cli.runWithStdin("{\"api_token\": \"x-1\"}", "scan");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(result.out()).endsWith("scanned 1 document: 1 finding\n");
  }

  @Test
  void textFormatReportsFileLinePathAndRuleButNeverTheValue() throws Exception {
    Path file = sample();

    Cli.Result result = Cli.run("scan", "--jsonl", file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(result.out().lines()).containsExactly(
        file + ":1: sensitive_field at $.a.api_token (rule key-token)",
        file + ":2: sensitive_value at $.b[1] (rule github-pat-classic)",
        "scanned 4 lines: 2 findings, 1 not JSON");
    assertThat(result.err()).isEqualTo("error: invalid_json at " + file + ":4:column 1: input is not valid JSON\n");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void jsonFormatIsOneJsonDocumentWithFindingsAndSummary() throws Exception {
    Path file = sample();

    Cli.Result result = Cli.run("scan", "--jsonl", "--format", "json", file.toString());

    Map<?, ?> report = (Map<?, ?>) ContractJson.defaults().parseTree(result.out().getBytes(StandardCharsets.UTF_8));
    List<?> findings = (List<?>) report.get("findings");
    assertThat(findings).hasSize(2);
    assertThat(map(findings.get(1))).containsEntry("line", 2L).containsEntry("path", "$.b[1]")
        .containsEntry("code", "sensitive_value").containsEntry("rule_id", "github-pat-classic");
    assertThat(map(report.get("summary"))).containsEntry("documents", 4L).containsEntry("findings", 2L)
        .containsEntry("invalid_documents", 1L);
    assertThat(result.err()).contains("scanned 4 lines: 2 findings, 1 not JSON");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void sarifOutputIsVersion210WithRulesResultsAndLocations() throws Exception {
    Path file = sample();

    Cli.Result result = Cli.run("scan", "--jsonl", "--format", "sarif", file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    Map<?, ?> sarif = (Map<?, ?>) ContractJson.defaults().parseTree(result.out().getBytes(StandardCharsets.UTF_8));
    assertThat(sarif.get("version")).isEqualTo("2.1.0");
    Map<?, ?> run = (Map<?, ?>) ((List<?>) sarif.get("runs")).get(0);
    Map<?, ?> driver = (Map<?, ?>) ((Map<?, ?>) run.get("tool")).get("driver");
    assertThat(driver.get("name")).isEqualTo("cavra-cp");
    assertThat((List<?>) driver.get("rules")).isNotEmpty();
    List<?> results = (List<?>) run.get("results");
    assertThat(results).hasSize(2);
    Map<?, ?> second = (Map<?, ?>) results.get(1);
    assertThat(second.get("ruleId")).isEqualTo("github-pat-classic");
    Map<?, ?> location = (Map<?, ?>) ((List<?>) second.get("locations")).get(0);
    Map<?, ?> physical = (Map<?, ?>) location.get("physicalLocation");
    assertThat(((Map<?, ?>) physical.get("artifactLocation")).get("uri")).isEqualTo(file.toString());
    assertThat(((Map<?, ?>) physical.get("region")).get("startLine")).isEqualTo(2L);
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void sarifWithoutFindingsHasAnEmptyResultsArray() {
    Cli.Result result = Cli.runWithStdin("{}", "scan", "--format", "sarif");

    assertThat(result.exitCode()).isZero();
    Map<?, ?> sarif = (Map<?, ?>) ContractJson.defaults().parseTree(result.out().getBytes(StandardCharsets.UTF_8));
    assertThat((List<?>) ((Map<?, ?>) ((List<?>) sarif.get("runs")).get(0)).get("results")).isEmpty();
  }

  @Test
  void documentThatIsNotJsonIsInvalidInput() {
    Cli.Result result = Cli.runWithStdin("{", "scan");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("error: invalid_json at <stdin>:line 1, column ");
  }

  @Test
  void findingsOutrankInvalidDocumentsAndIoErrorsOutrankFindings() throws Exception {
    Path file = sample();

    assertThat(Cli.run("scan", "--jsonl", file.toString()).exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(Cli.run("scan", "--jsonl", file.toString(), dir.resolve("absent").toString()).exitCode())
        .isEqualTo(ExitCodes.IO_ERROR);
  }

  @Test
  void unknownFormatIsAUsageError() {
    Cli.Result result = Cli.run("scan", "--format", "xml");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: usage: invalid value for option '--format'; expected one of: text, json, sarif");
  }

  @Test
  void sarifUriEncodesSpaces() {
    assertThat(ScanReport.Sarif.uri("dir name/a b.json")).isEqualTo("dir%20name/a%20b.json");
  }

  @Test
  void rulesFileAddsAnOrganisationsRule() throws Exception {
    Path rules = Cli.write(dir, "rules.json", "{\"rules\":[{\"id\":\"acme-token\",\"description\":\"ACME internal token\","
        + "\"target\":\"value\",\"regex\":\"acme_[a-z0-9]{32}\",\"keywords\":[\"acme_\"]}]}");
    String token = "acme_" + "0123456789abcdef".repeat(2);
    Path doc = Cli.write(dir, "doc.json", "{\"note\":\"" + token + "\"}");

    Cli.Result without = Cli.run("scan", doc.toString());
    Cli.Result with = Cli.run("scan", "--rules", rules.toString(), doc.toString());

    assertThat(without.exitCode()).isZero();
    assertThat(with.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(with.out()).contains("sensitive_value at $.note (rule acme-token)").doesNotContain(token);
  }

  @Test
  void missingRulesFileIsAnIoError() {
    Cli.Result result = Cli.run("scan", "--rules", dir.resolve("absent.json").toString(), "-");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
  }
}
