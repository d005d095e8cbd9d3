package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ErrorCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code scan} findings as they are found, so that output never has to be held in memory:
 * the JSON and SARIF documents are opened before the first finding and closed after the last.
 */
abstract class ScanReport {
  /** Where the tool and its rules are documented. */
  static final String INFORMATION_URI = "https://github.com/Huzefaaa2/cavra";

  /** The default base of each rule's help URI; the rule id is its fragment. */
  static final String HELP_URI_BASE = INFORMATION_URI + "/blob/main/docs/secret-rules.md";

  /** The counts of a run, for the closing summary. */
  record Summary(
      long files,
      long documents,
      long invalidDocuments,
      long findings,
      long suppressed,
      long skipped) {}

  final PrintWriter out;

  ScanReport(PrintWriter out) {
    this.out = out;
  }

  static ScanReport of(
      ScanCommand.Format format,
      PrintWriter out,
      List<GuardScanner.Rule> rules,
      Path sourceRoot,
      String helpUriBase) {
    switch (format) {
      case json:
        return new Json(out);
      case sarif:
        return new Sarif(out, rules, sourceRoot, helpUriBase);
      default:
        return new Text(out);
    }
  }

  abstract void start();

  abstract void finding(ScanFinding finding);

  abstract void end(Summary summary);

  /** Whether the summary line may go to standard output (only for text). */
  boolean summaryOnStdout() {
    return false;
  }

  static final class Text extends ScanReport {
    Text(PrintWriter out) {
      super(out);
    }

    @Override
    void start() {}

    /** {@code file:line:column: code[ at path] (rule id, fingerprint f)}. */
    @Override
    void finding(ScanFinding finding) {
      ScanFinding.Region region = finding.region();
      out.print(
          finding.source().display()
              + ":"
              + region.startLine()
              + ":"
              + region.startColumn()
              + ": "
              + finding.code().wireName()
              + (finding.path() != null ? " at " + finding.path() : "")
              + " (rule "
              + finding.ruleId()
              + ", fingerprint "
              + finding.fingerprint()
              + ")\n");
    }

    @Override
    void end(Summary summary) {}

    @Override
    boolean summaryOnStdout() {
      return true;
    }
  }

  static final class Json extends ScanReport {
    private boolean first = true;

    Json(PrintWriter out) {
      super(out);
    }

    @Override
    void start() {
      out.print("{\"findings\":[");
    }

    @Override
    void finding(ScanFinding finding) {
      ScanFinding.Region region = finding.region();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", finding.source().display());
      entry.put("line", region.startLine());
      entry.put("column", region.startColumn());
      entry.put("end_line", region.endLine());
      entry.put("end_column", region.endColumn());
      if (finding.path() != null) {
        entry.put("path", finding.path());
      }
      entry.put("code", finding.code().wireName());
      entry.put("rule_id", finding.ruleId());
      entry.put("fingerprint", finding.fingerprint());
      out.print((first ? "\n" : ",\n") + ContractJson.toJson(entry, false));
      first = false;
    }

    @Override
    void end(Summary summary) {
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("files", summary.files());
      counts.put("documents", summary.documents());
      counts.put("invalid_documents", summary.invalidDocuments());
      counts.put("findings", summary.findings());
      counts.put("suppressed", summary.suppressed());
      counts.put("skipped_binary_files", summary.skipped());
      out.print(
          (first ? "" : "\n") + "],\"summary\":" + ContractJson.toJson(counts, false) + "}\n");
    }
  }

  /**
   * SARIF 2.1.0, one run, as code-scanning services ingest it: every rule with its descriptions,
   * help (text and Markdown), help URI, tags and {@code security-severity}; every result with a
   * region, a URI relative to {@code %SRCROOT%} (or an absolute {@code file:} URI outside the
   * source root) and a partial fingerprint.
   */
  static final class Sarif extends ScanReport {
    static final String SRCROOT = "%SRCROOT%";

    private final List<GuardScanner.Rule> rules;
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final Path sourceRoot;
    private final String helpUriBase;
    private boolean first = true;

    Sarif(PrintWriter out, List<GuardScanner.Rule> rules, Path sourceRoot, String helpUriBase) {
      super(out);
      this.rules = rules;
      this.sourceRoot = sourceRoot;
      this.helpUriBase = helpUriBase;
      for (int i = 0; i < rules.size(); i++) {
        ruleIndex.put(rules.get(i).id(), i);
      }
    }

    @Override
    void start() {
      Map<String, Object> driver = new LinkedHashMap<>();
      driver.put("name", "cavra-cp");
      driver.put("version", CavraCp.Version.version());
      driver.put("informationUri", INFORMATION_URI);
      driver.put("rules", rules.stream().map(this::rule).toList());
      String tool = ContractJson.toJson(Map.of("driver", driver), false);
      out.print(
          "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{"
              + "\"tool\":"
              + tool
              + ",\"columnKind\":\"utf16CodeUnits\",\"results\":[");
    }

    private Map<String, Object> rule(GuardScanner.Rule rule) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", rule.id());
      entry.put("shortDescription", Map.of("text", sentence(rule.description())));
      entry.put("fullDescription", Map.of("text", rule.fullDescription()));
      Map<String, Object> help = new LinkedHashMap<>();
      help.put("text", helpText(rule));
      help.put("markdown", helpMarkdown(rule));
      entry.put("help", help);
      entry.put("helpUri", helpUriBase + "#" + rule.id());
      entry.put("defaultConfiguration", Map.of("level", "error"));
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put(
          "tags",
          List.of(
              "security", "secret", rule.valueRule() ? "credential-format" : "credential-field"));
      properties.put("precision", rule.valueRule() ? "high" : "medium");
      properties.put("problem.severity", "error");
      properties.put("security-severity", rule.valueRule() ? "9.0" : "7.5");
      entry.put("properties", properties);
      return entry;
    }

    /** The help a code-scanning alert shows, as plain text. */
    static String helpText(GuardScanner.Rule rule) {
      return rule.fullDescription()
          + "\n\nHow to fix: "
          + rule.remediation()
          + "\n\n"
          + COMMON_TEXT;
    }

    /** The same help as Markdown. */
    static String helpMarkdown(GuardScanner.Rule rule) {
      return "## "
          + rule.description()
          + " (`"
          + rule.id()
          + "`)\n\n"
          + rule.fullDescription()
          + "\n\n### How to fix\n\n"
          + rule.remediation()
          + "\n\n"
          + COMMON_MARKDOWN;
    }

    private static final String COMMON_TEXT =
        "Once the credential is revoked or rotated, remove it from the file (and from"
            + " version-control history if it was committed). If the finding is not a credential,"
            + " put cavra-cp:allow in a comment on its line, or add its fingerprint to the"
            + " .cavra-cp-ignore file. cavra-cp never shows the value it found.";

    private static final String COMMON_MARKDOWN =
        "Once the credential is revoked or rotated, remove it from the file (and from"
            + " version-control history if it was committed). If the finding is not a credential,"
            + " put `cavra-cp:allow` in a comment on its line, or add its fingerprint to the"
            + " `.cavra-cp-ignore` file.\n\n"
            + "`cavra-cp` never shows the value it found.";

    private static String sentence(String text) {
      return text.endsWith(".") ? text : text + ".";
    }

    @Override
    void finding(ScanFinding finding) {
      Map<String, Object> location = new LinkedHashMap<>();
      SourceFile source = finding.source();
      if (source.uri() != null) {
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("uri", source.uri());
        if (source.relative()) {
          artifact.put("uriBaseId", SRCROOT);
        }
        ScanFinding.Region r = finding.region();
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", r.startLine());
        region.put("startColumn", r.startColumn());
        region.put("endLine", r.endLine());
        region.put("endColumn", r.endColumn());
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact);
        physical.put("region", region);
        location.put("physicalLocation", physical);
      }
      if (finding.path() != null) {
        Map<String, Object> logical = new LinkedHashMap<>();
        logical.put("fullyQualifiedName", finding.path());
        logical.put("kind", "member");
        location.put("logicalLocations", List.of(logical));
      }
      GuardScanner.Rule rule = rules.get(ruleIndex.get(finding.ruleId()));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("ruleId", finding.ruleId());
      result.put("ruleIndex", ruleIndex.get(finding.ruleId()));
      result.put("level", "error");
      result.put("message", Map.of("text", message(finding, rule)));
      result.put("locations", List.of(location));
      result.put(
          "partialFingerprints", Map.of(Suppressions.SARIF_FINGERPRINT, finding.fingerprint()));
      result.put("properties", Map.of("code", finding.code().wireName()));
      out.print((first ? "\n" : ",\n") + ContractJson.toJson(result, false));
      first = false;
    }

    private static String message(ScanFinding finding, GuardScanner.Rule rule) {
      String what =
          finding.code() == ErrorCode.SENSITIVE_FIELD
              ? "A field named as a credential holds a value"
              : "Credential material";
      return what
          + (finding.path() != null ? " at '" + finding.path() + "'" : "")
          + ": "
          + sentence(rule.description())
          + " The value is not shown.";
    }

    @Override
    void end(Summary summary) {
      Map<String, Object> base = Map.of(SRCROOT, Map.of("uri", rootUri(sourceRoot)));
      out.print(
          (first ? "" : "\n")
              + "],\"originalUriBaseIds\":"
              + ContractJson.toJson(base, false)
              + "}]}\n");
    }

    /** The source root as an absolute {@code file:} URI ending in '/'. */
    static String rootUri(Path root) {
      String uri = root.toUri().toString();
      return uri.endsWith("/") ? uri : uri + "/";
    }
  }
}
