package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The outcome of a conformance run, in three forms: a human summary, JUnit XML and a JSON
 * certification record. Immutable and thread-safe.
 *
 * <p>A run passes when no case {@linkplain CaseResult.Outcome#failsCertification() fails
 * certification}: every case passed, or failed as its known-failing entry says.
 */
public final class ConformanceReport {
  /** The {@code record} member of every certification record this kit writes. */
  public static final String RECORD_VERSION = "cavra.control_plane.conformance.certification.v1";

  /** The kit's name in reports. */
  public static final String KIT_NAME = "cavra-control-plane-conformance";

  private final ConformanceVectors vectors;
  private final String targetKind;
  private final String target;
  private final Instant date;
  private final Optional<Set<Operation>> capabilities;
  private final List<CaseResult> results;
  private final Map<String, String> knownFailing;
  private final boolean unreachable;

  ConformanceReport(
      ConformanceVectors vectors,
      String targetKind,
      String target,
      Instant date,
      Optional<Set<Operation>> capabilities,
      List<CaseResult> results,
      Map<String, String> knownFailing,
      boolean unreachable) {
    this.vectors = vectors;
    this.targetKind = targetKind;
    this.target = target;
    this.date = date.truncatedTo(ChronoUnit.SECONDS);
    this.capabilities = capabilities;
    this.results = List.copyOf(results);
    this.knownFailing = knownFailing;
    this.unreachable = unreachable;
  }

  /**
   * Whether the run stopped because the target could not be reached (connection refused, or no
   * connection within the timeout); the cases after that are reported as failed without being sent.
   * A tool may exit with a distinct code for it. Always {@code false} in process.
   */
  public boolean unreachable() {
    return unreachable;
  }

  /**
   * Whether the target conforms: no case failed unless listed as known failing, and no listed case
   * passed.
   */
  public boolean passed() {
    return results.stream().noneMatch(r -> r.outcome().failsCertification());
  }

  /** Every case's result, in run order. */
  public List<CaseResult> results() {
    return results;
  }

  /** The results that fail certification. */
  public List<CaseResult> failures() {
    return results.stream().filter(r -> r.outcome().failsCertification()).toList();
  }

  /** {@code in-process} or {@code http}. */
  public String targetKind() {
    return targetKind;
  }

  /** The adapter's class name or the gateway's base URL. */
  public String target() {
    return target;
  }

  /** When the report was made, to the second. */
  public Instant date() {
    return date;
  }

  /** The capability declaration the run checked against; empty when none was given (HTTP). */
  public Optional<Set<Operation>> capabilities() {
    return capabilities;
  }

  /** The kit's version. */
  public String kitVersion() {
    return vectors.kitVersion();
  }

  /** The SHA-256 of the vectors that ran. */
  public String vectorsSha256() {
    return vectors.sha256();
  }

  /**
   * A plain-text summary: the kit, the target, pass and fail counts per operation, each failure
   * with the ids of the invariants it broke, the known-failing list, and the verdict.
   */
  public String summaryText() {
    StringBuilder out = new StringBuilder();
    out.append("CAVRA control plane conformance kit ")
        .append(vectors.kitVersion())
        .append(" (vectors ")
        .append(vectors.version())
        .append(", sha256 ")
        .append(vectors.sha256())
        .append(")\n");
    out.append("Target:       ").append(target).append(" (").append(targetKind).append(")\n");
    out.append("Capabilities: ").append(capabilityText()).append('\n');
    out.append("Date:         ").append(dateText()).append("\n\n");
    String header =
        String.format(
            Locale.ROOT, "%-42s %6s %6s %13s\n", "operation", "passed", "failed", "known-failing");
    out.append(header);
    int passed = 0;
    int failed = 0;
    int known = 0;
    for (Map.Entry<String, int[]> row : counts().entrySet()) {
      int[] n = row.getValue();
      out.append(
          String.format(Locale.ROOT, "%-42s %6d %6d %13d\n", row.getKey(), n[0], n[1], n[2]));
      passed += n[0];
      failed += n[1];
      known += n[2];
    }
    out.append(String.format(Locale.ROOT, "%-42s %6d %6d %13d\n", "total", passed, failed, known));
    List<CaseResult> failures = failures();
    if (!failures.isEmpty()) {
      out.append("\nFailures:\n");
      for (CaseResult failure : failures) {
        out.append("  ").append(failure.failureMessage().replace("\n", "\n  ")).append('\n');
      }
    }
    List<CaseResult> listed = results.stream().filter(r -> r.knownFailingReason() != null).toList();
    if (!listed.isEmpty()) {
      out.append("\nKnown failing:\n");
      for (CaseResult result : listed) {
        out.append("  ")
            .append(result.testCase().displayName())
            .append(": ")
            .append(result.knownFailingReason());
        if (result.outcome() == CaseResult.Outcome.UNEXPECTED_PASS) {
          out.append(" (now passes: remove it from the list)");
        } else {
          out.append(" [").append(invariantIds(result)).append(']');
        }
        out.append('\n');
      }
    }
    if (unreachable) {
      out.append("\nThe target could not be reached; the cases after the first were not sent.\n");
    }
    out.append("\nVerdict: ")
        .append(passed() ? "PASS" : "FAIL")
        .append(" (")
        .append(results.size() - failures.size())
        .append(" of ")
        .append(results.size())
        .append(" cases pass or fail as known)\n");
    return out.toString();
  }

  /**
   * A JUnit XML report: one {@code <testsuite>} with one {@code <testcase>} per case (class name
   * {@code conformance.<operation>}, name {@code <operation>: <case>}). Failures carry the ids of
   * the broken invariants in {@code type}; known-failing cases are {@code <skipped>}.
   */
  public String junitXml() {
    List<CaseResult> failures = failures();
    long skipped =
        results.stream().filter(r -> r.outcome() == CaseResult.Outcome.KNOWN_FAILING).count();
    double seconds =
        results.stream().map(CaseResult::elapsed).reduce(Duration.ZERO, Duration::plus).toNanos()
            / 1e9;
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuite name=\"")
        .append(KIT_NAME)
        .append("\" tests=\"")
        .append(results.size())
        .append("\" failures=\"")
        .append(failures.size())
        .append("\" errors=\"0\" skipped=\"")
        .append(skipped)
        .append("\" time=\"")
        .append(time(seconds))
        .append("\" timestamp=\"")
        .append(dateText())
        .append("\">\n");
    out.append("  <properties>\n");
    property(out, "kit.version", vectors.kitVersion());
    property(out, "vectors.version", vectors.version());
    property(out, "vectors.sha256", vectors.sha256());
    property(out, "target", target);
    property(out, "target.kind", targetKind);
    property(out, "capabilities", capabilityText());
    out.append("  </properties>\n");
    for (CaseResult result : results) {
      ConformanceCase c = result.testCase();
      out.append("  <testcase classname=\"conformance.")
          .append(xml(c.operation()))
          .append("\" name=\"")
          .append(xml(c.displayName()))
          .append("\" time=\"")
          .append(time(result.elapsed().toNanos() / 1e9))
          .append('"');
      switch (result.outcome()) {
        case PASSED:
          out.append("/>\n");
          break;
        case KNOWN_FAILING:
          out.append(">\n    <skipped message=\"")
              .append(xml("known failing: " + result.knownFailingReason()))
              .append("\"/>\n  </testcase>\n");
          break;
        default:
          String type =
              result.outcome() == CaseResult.Outcome.UNEXPECTED_PASS
                  ? "unexpected-pass"
                  : invariantIds(result);
          String first =
              result.violations().isEmpty()
                  ? "listed as known failing but passes"
                  : result.violations().get(0).toString();
          out.append(">\n    <failure type=\"")
              .append(xml(type))
              .append("\" message=\"")
              .append(xml(first))
              .append("\">")
              .append(xml(result.failureMessage()))
              .append("</failure>\n  </testcase>\n");
      }
    }
    out.append("</testsuite>\n");
    return out.toString();
  }

  /**
   * The certification record, pretty-printed JSON: kit name, version and vectors digest, target,
   * date (ISO-8601, UTC), capabilities declared ({@code null} when none were given), per-operation
   * counts, failures with their invariant ids, the known-failing list with reasons, and the verdict
   * ({@code pass} or {@code fail}). The format is documented in the module's {@code README.md}.
   */
  public String certificationJson() {
    Map<String, Object> kit = new LinkedHashMap<>();
    kit.put("name", KIT_NAME);
    kit.put("version", vectors.kitVersion());
    kit.put("vectors", vectors.version());
    kit.put("vectors_sha256", vectors.sha256());
    Map<String, Object> targetMap = new LinkedHashMap<>();
    targetMap.put("kind", targetKind);
    targetMap.put("name", target);
    List<Object> perOperation = new ArrayList<>();
    counts()
        .forEach(
            (operation, n) -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("operation", operation);
              row.put("cases", (long) (n[0] + n[1] + n[2]));
              row.put("passed", (long) n[0]);
              row.put("failed", (long) n[1]);
              row.put("known_failing", (long) n[2]);
              perOperation.add(row);
            });
    List<Object> failures = new ArrayList<>();
    for (CaseResult failure : failures()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("case", failure.testCase().displayName());
      row.put("outcome", failure.outcome().wireName());
      row.put(
          "invariants",
          failure.violations().stream().map(v -> v.invariant().id()).distinct().toList());
      row.put("messages", failure.violations().stream().map(Violation::toString).toList());
      failures.add(row);
    }
    List<Object> known = new ArrayList<>();
    knownFailing.forEach(
        (name, reason) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("case", name);
          row.put("reason", reason);
          row.put(
              "outcome",
              results.stream()
                  .filter(r -> r.testCase().displayName().equals(name))
                  .findFirst()
                  .map(r -> r.outcome().wireName())
                  .orElse("not_run"));
          known.add(row);
        });
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("record", RECORD_VERSION);
    record.put("kit", kit);
    record.put("target", targetMap);
    record.put("date", dateText());
    record.put("capabilities", capabilities.map(ConformanceReport::wireNames).orElse(null));
    record.put("cases", (long) results.size());
    record.put("results", perOperation);
    record.put("failures", failures);
    record.put("known_failing", known);
    record.put("verdict", passed() ? "pass" : "fail");
    return ContractJson.toJson(record, true) + "\n";
  }

  /** Per group, in vector order: passed, failed (unexpected passes included), known failing. */
  private Map<String, int[]> counts() {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (CaseResult result : results) {
      int[] n = counts.computeIfAbsent(result.testCase().operation(), k -> new int[3]);
      switch (result.outcome()) {
        case PASSED -> n[0]++;
        case KNOWN_FAILING -> n[2]++;
        default -> n[1]++;
      }
    }
    return counts;
  }

  private String capabilityText() {
    return capabilities
        .map(set -> set.isEmpty() ? "none declared" : String.join(", ", wireNames(set)))
        .orElse("not declared");
  }

  private String dateText() {
    return DateTimeFormatter.ISO_INSTANT.format(date);
  }

  private static List<String> wireNames(Set<Operation> operations) {
    // Declaration order of the contract, so that records compare as text.
    TreeSet<Operation> sorted = new TreeSet<>(operations);
    return sorted.stream().map(Operation::wireName).toList();
  }

  private static String invariantIds(CaseResult result) {
    return result.violations().stream()
        .map(v -> v.invariant().id())
        .distinct()
        .collect(Collectors.joining(" "));
  }

  private static void property(StringBuilder out, String name, String value) {
    out.append("    <property name=\"")
        .append(xml(name))
        .append("\" value=\"")
        .append(xml(value))
        .append("\"/>\n");
  }

  private static String time(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  /** Escapes XML text and attribute values; characters XML 1.0 cannot carry become U+FFFD. */
  static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                  boolean allowed =
                      cp == 0x9
                          || cp == 0xA
                          || cp == 0xD
                          || (cp >= 0x20 && cp <= 0xD7FF)
                          || (cp >= 0xE000 && cp <= 0xFFFD)
                          || (cp >= 0x10000 && cp <= 0x10FFFF);
                  out.appendCodePoint(allowed ? cp : 0xFFFD);
                }
              }
            });
    return out.toString();
  }
}
