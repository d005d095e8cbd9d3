package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractJson;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code scan} findings as they are found, so that output never has to be held in memory:
 * the JSON and SARIF documents are opened before the first finding and closed after the last.
 */
abstract class ScanReport {
  final PrintWriter out;

  ScanReport(PrintWriter out) {
    this.out = out;
  }

  static ScanReport of(ScanCommand.Format format, PrintWriter out, List<GuardScanner.Rule> rules) {
    switch (format) {
      case json:
        return new Json(out);
      case sarif:
        return new Sarif(out, rules);
      default:
        return new Text(out);
    }
  }

  abstract void start();

  /** {@code line} is 0 when the document is not a JSON Lines line. */
  abstract void finding(String file, boolean stdin, long line, GuardScanner.Finding finding);

  abstract void end(long documents, long invalidDocuments, long findings);

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

    @Override
    void finding(String file, boolean stdin, long line, GuardScanner.Finding finding) {
      out.print(file + (line > 0 ? ":" + line : "") + ": " + finding.code().wireName() + " at " + finding.path()
          + " (rule " + finding.ruleId() + ")\n");
    }

    @Override
    void end(long documents, long invalidDocuments, long findings) {}

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
    void finding(String file, boolean stdin, long line, GuardScanner.Finding finding) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", file);
      if (line > 0) {
        entry.put("line", line);
      }
      entry.put("path", finding.path());
      entry.put("code", finding.code().wireName());
      entry.put("rule_id", finding.ruleId());
      out.print((first ? "\n" : ",\n") + ContractJson.toJson(entry, false));
      first = false;
    }

    @Override
    void end(long documents, long invalidDocuments, long findings) {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("documents", documents);
      summary.put("invalid_documents", invalidDocuments);
      summary.put("findings", findings);
      out.print((first ? "" : "\n") + "],\"summary\":" + ContractJson.toJson(summary, false) + "}\n");
    }
  }

  /** SARIF 2.1.0, one run, with the guard's rules in the tool driver. */
  static final class Sarif extends ScanReport {
    private final List<GuardScanner.Rule> rules;
    private boolean first = true;

    Sarif(PrintWriter out, List<GuardScanner.Rule> rules) {
      super(out);
      this.rules = rules;
    }

    @Override
    void start() {
      Map<String, Object> driver = new LinkedHashMap<>();
      driver.put("name", "cavra-cp");
      driver.put("version", CavraCp.Version.version());
      driver.put("informationUri", "https://github.com/Huzefaaa2/cavra");
      driver.put("rules", rules.stream().map(rule -> {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", rule.id());
        entry.put("shortDescription", Map.of("text", rule.description()));
        entry.put("defaultConfiguration", Map.of("level", "error"));
        return entry;
      }).toList());
      String tool = ContractJson.toJson(Map.of("driver", driver), false);
      out.print("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{"
          + "\"tool\":" + tool + ",\"columnKind\":\"unicodeCodePoints\",\"results\":[");
    }

    @Override
    void finding(String file, boolean stdin, long line, GuardScanner.Finding finding) {
      Map<String, Object> location = new LinkedHashMap<>();
      if (!stdin) {
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri(file)));
        if (line > 0) {
          physical.put("region", Map.of("startLine", line));
        }
        location.put("physicalLocation", physical);
      }
      Map<String, Object> logical = new LinkedHashMap<>();
      logical.put("fullyQualifiedName", finding.path());
      logical.put("kind", "member");
      location.put("logicalLocations", List.of(logical));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("ruleId", finding.ruleId());
      result.put("level", "error");
      result.put("message", Map.of("text",
          finding.code().wireName() + " at " + finding.path() + " (the value is not shown)"));
      result.put("locations", List.of(location));
      result.put("properties", Map.of("code", finding.code().wireName()));
      out.print((first ? "\n" : ",\n") + ContractJson.toJson(result, false));
      first = false;
    }

    @Override
    void end(long documents, long invalidDocuments, long findings) {
      out.print((first ? "" : "\n") + "]}]}\n");
    }

    /** A relative URI reference for a file path, as SARIF's artifactLocation.uri expects. */
    static String uri(String file) {
      String path = file.replace('\\', '/');
      try {
        return new URI(null, null, path, null).getRawPath();
      } catch (URISyntaxException e) {
        return path;
      }
    }
  }
}
