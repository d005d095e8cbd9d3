package io.cavra.controlplane.conformance.compat;

import io.cavra.controlplane.contract.ContractJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classified differences between a baseline and a current set of schemas. Immutable and
 * thread-safe.
 *
 * <p>A tool exits with {@link #exitCode()}: {@code 0} when no change is breaking, {@code 1} when at
 * least one is. A breaking change is acceptable only in a new major version of the contract, which
 * shows as a changed {@code schema_version} const ({@link #schemaVersionChanged()}).
 */
public final class CompatReport {
  /** The {@code schema_version} pointer suffix whose const change marks a new contract version. */
  static final String SCHEMA_VERSION_CONST = "/properties/schema_version/const";

  private final String baseline;
  private final String current;
  private final List<CompatChange> changes;

  CompatReport(String baseline, String current, List<CompatChange> changes) {
    this.baseline = baseline;
    this.current = current;
    this.changes = List.copyOf(changes);
  }

  /** Where the baseline schemas came from. */
  public String baseline() {
    return baseline;
  }

  /** Where the current schemas came from. */
  public String current() {
    return current;
  }

  /** Every change, by schema file name, then in document order. */
  public List<CompatChange> changes() {
    return changes;
  }

  /** The breaking changes. */
  public List<CompatChange> breaking() {
    return changes.stream().filter(c -> c.severity() == Severity.BREAKING).toList();
  }

  /** The non-breaking changes. */
  public List<CompatChange> nonBreaking() {
    return changes.stream().filter(c -> c.severity() == Severity.NON_BREAKING).toList();
  }

  /** Whether any change is breaking. */
  public boolean hasBreaking() {
    return !breaking().isEmpty();
  }

  /**
   * Whether a {@code schema_version} const changed in some schema: a new major version of the
   * contract.
   */
  public boolean schemaVersionChanged() {
    return changes.stream()
        .anyMatch(
            c ->
                c.rule() == CompatRule.CONST_CHANGED && c.pointer().endsWith(SCHEMA_VERSION_CONST));
  }

  /** The schemas whose {@code schema_version} const changed, e.g. {@code request.schema.json}. */
  public List<String> schemasWithNewVersion() {
    return changes.stream()
        .filter(
            c -> c.rule() == CompatRule.CONST_CHANGED && c.pointer().endsWith(SCHEMA_VERSION_CONST))
        .map(CompatChange::schema)
        .distinct()
        .toList();
  }

  /** {@code 1} when a change is breaking, else {@code 0}. */
  public int exitCode() {
    return hasBreaking() ? 1 : 0;
  }

  /**
   * One line per change ({@code BREAKING|NON_BREAKING <rule> <schema>#<pointer> <message>}) after a
   * header naming both sets, then the verdict.
   */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append("Baseline: ").append(baseline).append('\n');
    out.append("Current:  ").append(current).append('\n');
    int width = changes.stream().mapToInt(c -> c.ruleId().length()).max().orElse(0);
    for (CompatChange change : changes) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-12s  %-" + width + "s  %s  %s\n",
              change.severity(),
              change.ruleId(),
              change.location(),
              change.message()));
    }
    int breaking = breaking().size();
    out.append(
        changes.isEmpty()
            ? "No changes."
            : changes.size()
                + (changes.size() == 1 ? " change, " : " changes, ")
                + breaking
                + " breaking.");
    if (breaking > 0) {
      out.append(
          schemaVersionChanged()
              ? " A schema_version changed: this is a new major version of the contract."
              : " No schema_version changed: consumers of the baseline would break.");
    }
    return out.append('\n').toString();
  }

  /**
   * The report as pretty-printed JSON: {@code baseline}, {@code current}, {@code breaking} and
   * {@code non_breaking} counts, {@code schema_version_changed}, and {@code changes}, each with
   * {@code rule}, {@code severity} ({@code breaking} or {@code non_breaking}), {@code kind}, {@code
   * schema}, {@code pointer} and {@code message}.
   */
  public String json() {
    List<Object> list = new ArrayList<>();
    for (CompatChange change : changes) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rule", change.ruleId());
      row.put("severity", change.severity().name().toLowerCase(Locale.ROOT));
      row.put("kind", change.kind().wireName());
      row.put("schema", change.schema());
      row.put("pointer", change.pointer());
      row.put("message", change.message());
      list.add(row);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("baseline", baseline);
    report.put("current", current);
    report.put("breaking", (long) breaking().size());
    report.put("non_breaking", (long) nonBreaking().size());
    report.put("schema_version_changed", schemaVersionChanged());
    report.put("changes", list);
    return ContractJson.toJson(report, true) + "\n";
  }
}
