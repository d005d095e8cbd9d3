package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  static final String TOKEN = Cli.FAKE_GITHUB_TOKEN;

  @TempDir Path dir;

  Path sample() throws Exception {
    return Cli.write(
        dir,
        "events.jsonl",
        """
        {"a": {"api_token": "x"}}
        {"b": ["fine", "%s"]}
        {"c": 1}
        not json
        """
            .formatted(TOKEN));
  }

  @Test
  void cleanDocumentHasNoFindings() {
    Cli.Result result = Cli.runWithStdin("{\"tenant_id\": \"tenant-demo\"}", "scan");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("scanned 1 file: 0 findings\n");
  }

  @Test
  void oneFindingInOneFileIsCountedInTheSingular() {
    Cli.Result result = Cli.runWithStdin("{\"note\": \"" + Cli.FAKE_GITHUB_TOKEN + "\"}", "scan");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(result.out()).endsWith("scanned 1 file: 1 finding\n");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void textFormatReportsFileLineColumnPathRuleAndFingerprintButNeverTheValue() throws Exception {
    Path file = sample();

    Cli.Result result = Cli.run("scan", "--jsonl", file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(result.out().lines()).hasSize(3);
    assertThat(result.out().lines().toList().get(0))
        .matches(
            java.util.regex.Pattern.quote(
                    file + ":1:21: sensitive_field at $.a.api_token (rule key-token, fingerprint ")
                + "[0-9a-f]{32}\\)");
    assertThat(result.out().lines().toList().get(1))
        .startsWith(
            file + ":2:16: sensitive_value at $.b[1] (rule github-pat-classic, fingerprint ");
    assertThat(result.out().lines().toList().get(2))
        .isEqualTo("scanned 1 file: 2 findings, 1 not valid");
    assertThat(result.err())
        .isEqualTo("error: invalid_json at " + file + ":4:column 1: input is not valid JSON\n");
    assertThat(result.all()).doesNotContain(TOKEN);
  }

  @Test
  void jsonFormatIsOneJsonDocumentWithRegionsFingerprintsAndSummary() throws Exception {
    Path file = sample();

    Cli.Result result = Cli.run("scan", "--jsonl", "--format", "json", file.toString());

    Map<?, ?> report = parse(result.out());
    List<?> findings = (List<?>) report.get("findings");
    assertThat(findings).hasSize(2);
    assertThat(map(findings.get(1)))
        .containsEntry("line", 2L)
        .containsEntry("column", 16L)
        .containsEntry("end_line", 2L)
        .containsEntry("end_column", 58L)
        .containsEntry("path", "$.b[1]")
        .containsEntry("code", "sensitive_value")
        .containsEntry("rule_id", "github-pat-classic");
    assertThat((String) map(findings.get(1)).get("fingerprint")).matches("[0-9a-f]{32}");
    assertThat(map(report.get("summary")))
        .containsEntry("files", 1L)
        .containsEntry("documents", 4L)
        .containsEntry("findings", 2L)
        .containsEntry("invalid_documents", 1L)
        .containsEntry("suppressed", 0L);
    assertThat(result.err()).contains("scanned 1 file: 2 findings, 1 not valid");
    assertThat(result.all()).doesNotContain(TOKEN);
  }

  @Test
  void prettyPrintedJsonFindingIsPlacedAtItsValue() throws Exception {
    Cli.write(
        dir,
        "config.json",
        "{\n  \"service\": {\n    \"note\": \"rotate %s soon\"\n  }\n}\n".formatted(TOKEN));

    Map<String, Object> finding =
        onlyFinding(Cli.run("scan", "--format", "json", dir.resolve("config.json").toString()));

    assertThat(finding)
        .containsEntry("line", 3L)
        .containsEntry("column", 13L)
        .containsEntry("end_line", 3L)
        .containsEntry("end_column", 13L + TOKEN.length() + 14)
        .containsEntry("path", "$.service.note");
  }

  @Test
  void sarifIsVersion210WithRelativeUrisRegionsAndFingerprints() throws Exception {
    sample();

    Cli.Result result =
        Cli.run(
            "scan",
            "--jsonl",
            "--format",
            "sarif",
            "--source-root",
            dir.toString(),
            dir.resolve("events.jsonl").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    Map<?, ?> run = (Map<?, ?>) ((List<?>) parse(result.out()).get("runs")).get(0);
    assertThat(
            ((Map<?, ?>) ((Map<?, ?>) run.get("originalUriBaseIds")).get("%SRCROOT%")).get("uri"))
        .isEqualTo(dir.toUri().toString());
    assertThat(run.get("columnKind")).isEqualTo("utf16CodeUnits");
    List<?> results = (List<?>) run.get("results");
    assertThat(results).hasSize(2);
    Map<?, ?> second = (Map<?, ?>) results.get(1);
    assertThat(second.get("ruleId")).isEqualTo("github-pat-classic");
    Map<?, ?> physical =
        (Map<?, ?>)
            ((Map<?, ?>) ((List<?>) second.get("locations")).get(0)).get("physicalLocation");
    assertThat((Map<?, ?>) physical.get("artifactLocation"))
        .isEqualTo(Map.of("uri", "events.jsonl", "uriBaseId", "%SRCROOT%"));
    assertThat((Map<?, ?>) physical.get("region"))
        .isEqualTo(Map.of("startLine", 2L, "startColumn", 16L, "endLine", 2L, "endColumn", 58L));
    assertThat((String) ((Map<?, ?>) second.get("partialFingerprints")).get("cavraFinding/v1"))
        .matches("[0-9a-f]{32}");
    assertThat(result.all()).doesNotContain(TOKEN);
  }

  @Test
  void sarifNamesAFileOutsideTheSourceRootByItsFileUri() throws Exception {
    Path file = Cli.write(dir, "a.json", "{\"k\": \"" + TOKEN + "\"}");
    Path root = Files.createDirectory(dir.resolve("repo"));

    Map<?, ?> result =
        firstSarifResult(
            Cli.run(
                "scan", "--format", "sarif", "--source-root", root.toString(), file.toString()));

    Map<?, ?> physical =
        (Map<?, ?>)
            ((Map<?, ?>) ((List<?>) result.get("locations")).get(0)).get("physicalLocation");
    assertThat((Map<?, ?>) physical.get("artifactLocation"))
        .isEqualTo(Map.of("uri", file.toUri().toString()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void sarifRulesCarryWhatGithubRequires() {
    Cli.Result result = Cli.runWithStdin("{}", "scan", "--format", "sarif");

    Map<?, ?> run = (Map<?, ?>) ((List<?>) parse(result.out()).get("runs")).get(0);
    List<?> rules =
        (List<?>) ((Map<?, ?>) ((Map<?, ?>) run.get("tool")).get("driver")).get("rules");
    assertThat(rules).hasSize(GuardScanner.defaults().rules().size());
    for (Object item : rules) {
      Map<?, ?> rule = (Map<?, ?>) item;
      assertThat(((Map<?, ?>) rule.get("shortDescription")).get("text")).asString().endsWith(".");
      assertThat(((Map<?, ?>) rule.get("fullDescription")).get("text")).asString().isNotBlank();
      Map<?, ?> help = (Map<?, ?>) rule.get("help");
      assertThat(help.get("text")).asString().contains("How to fix: ");
      assertThat(help.get("markdown")).asString().contains("### How to fix");
      assertThat(rule.get("helpUri"))
          .asString()
          .startsWith("https://")
          .endsWith("#" + rule.get("id"));
      Map<?, ?> properties = (Map<?, ?>) rule.get("properties");
      assertThat((List<Object>) properties.get("tags")).contains("security", "secret");
      assertThat(Double.parseDouble((String) properties.get("security-severity")))
          .isBetween(7.0, 10.0);
    }
  }

  @Test
  void sarifWithoutFindingsHasAnEmptyResultsArray() {
    Cli.Result result = Cli.runWithStdin("{}", "scan", "--format", "sarif");

    assertThat(result.exitCode()).isZero();
    assertThat(
            (List<?>)
                ((Map<?, ?>) ((List<?>) parse(result.out()).get("runs")).get(0)).get("results"))
        .isEmpty();
  }

  @Test
  void standardInputNamedByStdinNameGetsThatFilesUri() {
    Cli.Result result =
        Cli.runWithStdin(
            "{\"k\": \"" + TOKEN + "\"}",
            "scan",
            "--format",
            "sarif",
            "--source-root",
            dir.toString(),
            "--stdin-name",
            dir.resolve("conf/app.json").toString());

    Map<?, ?> result0 = firstSarifResult(result);
    Map<?, ?> physical =
        (Map<?, ?>)
            ((Map<?, ?>) ((List<?>) result0.get("locations")).get(0)).get("physicalLocation");
    assertThat(((Map<?, ?>) physical.get("artifactLocation")).get("uri"))
        .isEqualTo("conf/app.json");
  }

  @Test
  void documentThatIsNotJsonOnStandardInputIsInvalidInput() {
    Cli.Result result = Cli.runWithStdin("{", "scan");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("error: invalid_json at <stdin>:line 1, column ");
  }

  @Test
  void jsonFileThatDoesNotParseIsScannedAsTextWithANote() throws Exception {
    Path file =
        Cli.write(
            dir, "tsconfig.json", "{\n  // build settings\n  \"token\": \"" + TOKEN + "\",\n}\n");

    Cli.Result result = Cli.run("scan", file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(result.err())
        .startsWith(
            "note: "
                + file
                + " is not valid JSON (invalid_json at line 2, column 3): scanned as text");
    assertThat(result.out())
        .contains(file + ":3:13: sensitive_value (rule github-pat-classic")
        .contains(file + ":3:13: sensitive_field at $.token (rule key-token");
  }

  @Test
  void envFileIsScannedLineByLineWithKeyAndValueRules() throws Exception {
    Path file =
        Cli.write(
            dir,
            ".env",
            """
            # database
            export DB_PASSWORD="correct horse"
            API_URL=https://api.example.invalid
            EMPTY_SECRET=
            PLACEHOLDER_TOKEN=${CI_TOKEN}
            GITHUB_TOKEN=%s # personal
            """
                .formatted(TOKEN));

    Cli.Result result = Cli.run("scan", file.toString());

    assertThat(result.out().lines()).hasSize(4);
    assertThat(result.out())
        .contains(file + ":2:21: sensitive_field at $.DB_PASSWORD (rule key-password")
        .contains(file + ":6:14: sensitive_value (rule github-pat-classic")
        .contains(file + ":6:14: sensitive_field at $.GITHUB_TOKEN (rule key-token")
        .contains("scanned 1 file: 3 findings");
    assertThat(result.all()).doesNotContain(TOKEN).doesNotContain("correct horse");
  }

  @Test
  void yamlFindingsHaveTheirPathLineAndColumn() throws Exception {
    Path file =
        Cli.write(
            dir,
            "values.yaml",
            """
            spring:
              datasource:
                url: jdbc:postgresql://db/app
                password: s3cr3t-value
            workers:
              - name: a
                token: %s
            ---
            limits:
              max_tokens: 4096
            """
                .formatted(TOKEN));

    Cli.Result result = Cli.run("scan", "--format", "json", file.toString());

    List<?> findings = (List<?>) parse(result.out()).get("findings");
    assertThat(findings).hasSize(3);
    assertThat(map(findings.get(0)))
        .containsEntry("path", "$.spring.datasource.password")
        .containsEntry("line", 4L)
        .containsEntry("column", 15L)
        .containsEntry("end_column", 27L);
    assertThat(map(findings.get(2)))
        .containsEntry("path", "$.workers[0].token")
        .containsEntry("rule_id", "github-pat-classic")
        .containsEntry("line", 7L)
        .containsEntry("column", 12L);
    assertThat(result.all()).doesNotContain(TOKEN).doesNotContain("s3cr3t-value");
  }

  @Test
  void namesThatAreNotIdentifiersAreBracketedAndStillPlaced() throws Exception {
    Path yaml =
        Cli.write(
            dir,
            "deployment.yaml",
            """
            metadata:
              annotations:
                example.com/api-token: %s
              example:
                com/api-token: ok
            """
                .formatted(TOKEN));
    Path json =
        Cli.write(
            dir,
            "flat.json",
            "{\"a\": {\"b\": {\"password\": \"first-value\"}},\n"
                + " \"a.b\": {\"password\": \"second-value\"}}\n");

    List<?> fromYaml =
        (List<?>) parse(Cli.run("scan", "--format", "json", yaml.toString()).out()).get("findings");
    List<?> fromJson =
        (List<?>) parse(Cli.run("scan", "--format", "json", json.toString()).out()).get("findings");

    assertThat(fromYaml)
        .map(f -> map(f).get("path"))
        .contains("$.metadata.annotations['example.com/api-token']")
        .doesNotContain("$.metadata.example.com/api-token");
    assertThat(map(fromYaml.get(0))).containsEntry("line", 3L).containsEntry("column", 28L);
    assertThat(fromJson)
        .map(f -> List.of(map(f).get("path"), map(f).get("line")))
        .containsExactly(List.of("$.a.b.password", 1L), List.of("$['a.b'].password", 2L));
  }

  @Test
  void yamlThatDoesNotParseIsScannedAsTextWithANote() throws Exception {
    Path file = Cli.write(dir, "chart.yaml", "token: {{ .Values.token }\npassword: hunter-two\n");

    Cli.Result result = Cli.run("scan", file.toString());

    assertThat(result.err()).startsWith("note: " + file + " is not valid YAML (line ");
    assertThat(result.out())
        .contains(file + ":2:11: sensitive_field at $.password (rule key-password");
  }

  @Test
  void logLinesAreScannedForCredentialsAndKeyValuePairs() throws Exception {
    Path file =
        Cli.write(
            dir,
            "app.log",
            """
            2026-11-27T01:39:36Z INFO request ok user=bob
            2026-11-27T01:39:37Z WARN retry password=hunter-two attempt=2
            2026-11-27T01:39:38Z DEBUG cloned with %s as the credential
            """
                .formatted(TOKEN));

    Cli.Result result = Cli.run("scan", file.toString());

    assertThat(result.out().lines())
        .containsExactly(
            result.out().lines().toList().get(0),
            result.out().lines().toList().get(1),
            "scanned 1 file: 2 findings");
    assertThat(result.out())
        .contains(file + ":2:42: sensitive_field at $.password (rule key-password")
        .contains(file + ":3:40: sensitive_value (rule github-pat-classic");
    assertThat(result.all()).doesNotContain(TOKEN).doesNotContain("hunter-two");
  }

  @Test
  void valueAfterASpacedSeparatorRunsToTheEndOfTheLineAndOneWithoutEndsAtASpace() throws Exception {
    Path file =
        Cli.write(
            dir, "app.properties", "db.password = two words # old\nlog: password=one attempt=2\n");

    List<?> findings =
        (List<?>) parse(Cli.run("scan", "--format", "json", file.toString()).out()).get("findings");

    assertThat(map(findings.get(0)))
        .containsEntry("path", "$['db.password']")
        .containsEntry("line", 1L)
        .containsEntry("column", 15L)
        .containsEntry("end_column", 24L);
    assertThat(map(findings.get(1)))
        .containsEntry("path", "$.password")
        .containsEntry("line", 2L)
        .containsEntry("column", 15L)
        .containsEntry("end_column", 18L);
  }

  @Test
  void folderIsScannedRecursivelyWithIncludeAndExcludeGlobs() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(tree.resolve("config/prod"));
    Files.createDirectories(tree.resolve("build"));
    Files.createDirectories(tree.resolve(".git"));
    String secret = "{\"token\": \"" + TOKEN + "\"}\n";
    Cli.write(tree.resolve("config/prod"), "app.json", secret);
    Cli.write(tree.resolve("config"), "notes.txt", "token=" + TOKEN + "\n");
    Cli.write(tree.resolve("build"), "out.json", secret);
    Cli.write(tree.resolve(".git"), "config", secret);
    Files.write(tree.resolve("config/blob.bin"), new byte[] {'t', 'o', 'k', 0, 1, 2});

    Cli.Result all = Cli.run("scan", "--format", "json", tree.toString());
    Cli.Result some =
        Cli.run(
            "scan",
            "--format",
            "json",
            "--exclude",
            "build",
            "--include",
            "*.json",
            tree.toString());

    assertThat(files(all))
        .containsExactly(
            tree.resolve("build/out.json").toString(), tree.resolve("build/out.json").toString(),
            tree.resolve("config/notes.txt").toString(),
                tree.resolve("config/notes.txt").toString(),
            tree.resolve("config/prod/app.json").toString(),
                tree.resolve("config/prod/app.json").toString());
    assertThat(map(parse(all.out()).get("summary")))
        .containsEntry("files", 4L)
        .containsEntry("skipped_binary_files", 1L);
    assertThat(files(some)).containsOnly(tree.resolve("config/prod/app.json").toString());
  }

  @Test
  void pathGlobMatchesBelowTheFolderGiven() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(tree.resolve("config/prod"));
    Cli.write(tree.resolve("config/prod"), "app.json", "{\"token\": \"x\"}");
    Cli.write(tree.resolve("config"), "app.json", "{\"token\": \"x\"}");

    Cli.Result result =
        Cli.run("scan", "--format", "json", "--include", "config/prod/**", tree.toString());

    assertThat(files(result)).containsOnly(tree.resolve("config/prod/app.json").toString());
  }

  @Test
  void baselineHidesFindingsThatWereThereBefore() throws Exception {
    Path file = Cli.write(dir, "app.json", "{\"old_token\": \"a\"}");
    Path baseline =
        Cli.write(dir, "baseline.json", Cli.run("scan", "--format", "json", file.toString()).out());
    Cli.write(dir, "app.json", "{\"old_token\": \"a\", \"new_token\": \"b\"}");

    Cli.Result result = Cli.run("scan", "--baseline", baseline.toString(), file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(result.out())
        .contains("at $.new_token")
        .doesNotContain("at $.old_token")
        .contains("scanned 1 file: 1 finding, 1 suppressed");
  }

  @Test
  void sarifReportServesAsABaselineToo() throws Exception {
    Path file = Cli.write(dir, "app.json", "{\"old_token\": \"a\"}");
    Path baseline =
        Cli.write(
            dir, "baseline.sarif", Cli.run("scan", "--format", "sarif", file.toString()).out());

    Cli.Result result = Cli.run("scan", "--baseline", baseline.toString(), file.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("scanned 1 file: 0 findings, 1 suppressed\n");
  }

  @Test
  void baselineThatIsNotAReportIsRefusedWithItsLocation() throws Exception {
    Path baseline =
        Cli.write(dir, "baseline.json", "{\"findings\": [{\"fingerprint\": \"nope\"}]}");

    Cli.Result result = Cli.run("scan", "--baseline", baseline.toString(), "-");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "error: invalid_value at "
                + baseline
                + ":$.findings[0].fingerprint: expected a fingerprint of 32 lower-case hex digits"
                + " at $.findings[0].fingerprint\n");
  }

  @Test
  void ignoreFileHidesFindingsByFingerprint() throws Exception {
    Path file = Cli.write(dir, "app.json", "{\"a_token\": \"a\", \"b_token\": \"b\"}");
    Map<String, Object> first =
        map(
            ((List<?>)
                    parse(Cli.run("scan", "--format", "json", file.toString()).out())
                        .get("findings"))
                .get(0));
    Path ignore =
        Cli.write(
            dir,
            "ignore",
            "# reviewed: test fixture\n" + first.get("fingerprint") + "  # a_token\n\n");

    Cli.Result result = Cli.run("scan", "--ignore-file", ignore.toString(), file.toString());

    assertThat(result.out())
        .doesNotContain("$.a_token")
        .contains("$.b_token")
        .contains("1 suppressed");
  }

  @Test
  void ignoreFileLineThatIsNotAFingerprintIsRefusedWithItsLine() throws Exception {
    Path ignore =
        Cli.write(
            dir, "ignore", "# ok\n" + "0".repeat(32) + "\n" + "config/app.json:key-token:3\n");

    Cli.Result result = Cli.run("scan", "--ignore-file", ignore.toString(), "-");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .startsWith(
            "error: invalid_value at " + ignore + ":line 3: an ignore line is a fingerprint");
  }

  @Test
  void allowCommentOnALineHidesItsFindings() throws Exception {
    Path file =
        Cli.write(
            dir,
            "settings.env",
            """
            TEST_TOKEN=fixture-value # cavra-cp:allow
            LEGACY_TOKEN=fixture-value # gitleaks:allow
            REAL_TOKEN=other-value
            """);

    Cli.Result result = Cli.run("scan", file.toString());

    assertThat(result.out())
        .contains("$.REAL_TOKEN")
        .doesNotContain("$.TEST_TOKEN")
        .doesNotContain("$.LEGACY_TOKEN")
        .contains("scanned 1 file: 1 finding, 2 suppressed");
  }

  @Test
  void fingerprintOfAKeyFindingInAnEnvFileSurvivesMovingTheLine() throws Exception {
    Path file = Cli.write(dir, ".env", "DB_PASSWORD=x\n");
    String before =
        onlyFinding(Cli.run("scan", "--format", "json", file.toString()))
            .get("fingerprint")
            .toString();
    Cli.write(dir, ".env", "# moved\nOTHER=1\nDB_PASSWORD=x\n");
    String after =
        onlyFinding(Cli.run("scan", "--format", "json", file.toString()))
            .get("fingerprint")
            .toString();

    assertThat(after).isEqualTo(before);
  }

  @Test
  void typeOptionReadsAnyFileAsTheKindGiven() throws Exception {
    Path file = Cli.write(dir, "settings.conf", "{\"token\": \"x\"}\n");

    assertThat(Cli.run("scan", "--type", "text", file.toString()).out())
        .contains("sensitive_field at $.token");
    assertThat(Cli.run("scan", "--type", "yaml", file.toString()).out())
        .contains("sensitive_field at $.token");
  }

  @Test
  void redactIsAcceptedAndValuesStayHidden() throws Exception {
    Path file = Cli.write(dir, "a.txt", "use " + TOKEN + "\n");

    Cli.Result result = Cli.run("scan", "--redact", file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(result.all()).doesNotContain(TOKEN);
  }

  @Test
  void findingsOutrankInvalidDocumentsAndIoErrorsOutrankFindings() throws Exception {
    Path file = sample();

    assertThat(Cli.run("scan", "--jsonl", file.toString()).exitCode())
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(
            Cli.run("scan", "--jsonl", file.toString(), dir.resolve("absent").toString())
                .exitCode())
        .isEqualTo(ExitCodes.IO_ERROR);
  }

  @Test
  void unknownFormatIsAUsageError() {
    Cli.Result result = Cli.run("scan", "--format", "xml");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith(
            "error: usage: invalid value for option '--format'; expected one of: text, json,"
                + " sarif");
  }

  @Test
  void sarifUriIsRelativeToTheSourceRootAndEncodesSpaces() {
    Path root = Path.of("/repo");
    assertThat(SourceFile.uri(Path.of("/repo/dir name/a b.json"), root))
        .isEqualTo("dir%20name/a%20b.json");
    assertThat(SourceFile.uri(Path.of("/repo/c:d.json"), root)).isEqualTo("c%3Ad.json");
    assertThat(SourceFile.uri(Path.of("/elsewhere/a.json"), root))
        .isEqualTo("file:///elsewhere/a.json");
  }

  @Test
  void rulesFileAddsAnOrganisationsRule() throws Exception {
    Path rules =
        Cli.write(
            dir,
            "rules.json",
            "{\"rules\":[{\"id\":\"acme-token\",\"description\":\"ACME internal token\","
                + "\"target\":\"value\",\"regex\":\"acme_[a-z0-9]{32}\",\"keywords\":[\"acme_\"]}]}");
    String token = "acme_" + "0123456789abcdef".repeat(2);
    Path doc = Cli.write(dir, "doc.json", "{\"note\":\"" + token + "\"}");

    Cli.Result without = Cli.run("scan", doc.toString());
    Cli.Result with = Cli.run("scan", "--rules", rules.toString(), doc.toString());

    assertThat(without.exitCode()).isZero();
    assertThat(with.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(with.out())
        .contains("sensitive_value at $.note (rule acme-token")
        .doesNotContain(token);
  }

  @Test
  void missingRulesFileIsAnIoError() {
    Cli.Result result = Cli.run("scan", "--rules", dir.resolve("absent.json").toString(), "-");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
  }

  static Map<?, ?> parse(String json) {
    return (Map<?, ?>)
        ContractJson.defaults()
            .withMaxBytes(64 << 20)
            .parseTree(json.getBytes(StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  static Map<String, Object> onlyFinding(Cli.Result result) {
    List<?> findings = (List<?>) parse(result.out()).get("findings");
    assertThat(findings).hasSize(1);
    return map(findings.get(0));
  }

  static Map<?, ?> firstSarifResult(Cli.Result result) {
    Map<?, ?> run = (Map<?, ?>) ((List<?>) parse(result.out()).get("runs")).get(0);
    return (Map<?, ?>) ((List<?>) run.get("results")).get(0);
  }

  static List<String> files(Cli.Result result) {
    return ((List<?>) parse(result.out()).get("findings"))
        .stream().map(f -> (String) map(f).get("file")).toList();
  }
}
