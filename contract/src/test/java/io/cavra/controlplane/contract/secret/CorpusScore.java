package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ScreenedReads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The guard's score on the corpus: recall over the positives by rule, placement and kind, and the
 * false-positive rate over the negatives by document and by class. Each document is read as the
 * contract reads input, into a tree that the guard scans; it is also scanned while streamed ({@link
 * SecretGuard#scanJson(byte[])}) and read through the screen the contract's parser uses, and any
 * disagreement between the three is recorded. Reports name documents, rules and paths, never a
 * value.
 */
final class CorpusScore {
  /** The targets, the defaults of the thresholds. */
  static final double TARGET_RECALL = 1.0;

  static final double TARGET_FALSE_POSITIVE_RATE = 0.003;

  /** The command that reproduces the report, for the report itself. */
  static final String COMMAND =
      "./mvnw -B -ntp -q -pl contract test-compile exec:java"
          + " -Dexec.classpathScope=test"
          + " -Dexec.mainClass=io.cavra.controlplane.contract.secret.GuardCorpusReport";

  /** One document's outcome. */
  record Verdict(CorpusDocument document, List<SecretFinding> findings) {
    boolean refused() {
      return !findings.isEmpty();
    }
  }

  private final SecretGuard guard;
  private final List<Verdict> positives = new ArrayList<>();
  private final List<Verdict> negatives = new ArrayList<>();
  private final List<String> disagreements = new ArrayList<>();

  private CorpusScore(SecretGuard guard) {
    this.guard = guard;
  }

  /** Scores {@code guard} on the documents. */
  static CorpusScore of(SecretGuard guard, List<CorpusDocument> documents) {
    CorpusScore score = new CorpusScore(guard);
    ScreenedReads screenedReader =
        new ScreenedReads(ContractJson.DEFAULT_MAX_BYTES, SecretGuard.DEFAULT_MAX_DEPTH);
    ContractJson json = ContractJson.defaults().withMaxDepth(SecretGuard.DEFAULT_MAX_DEPTH);
    for (CorpusDocument document : documents) {
      byte[] bytes = document.json().getBytes(StandardCharsets.UTF_8);
      List<SecretFinding> findings = guard.scan(json.parseTree(bytes), "$");
      if (!guard.scanJson(bytes).equals(findings)) {
        score.disagreements.add(document.id() + ": streamed scan differs from the tree scan");
      }
      if (screenedReader.clear(bytes, guard) && !findings.isEmpty()) {
        score.disagreements.add(document.id() + ": the screen clears what the tree scan refuses");
      }
      (document.credential() ? score.positives : score.negatives)
          .add(new Verdict(document, findings));
    }
    return score;
  }

  List<Verdict> positives() {
    return positives;
  }

  List<Verdict> negatives() {
    return negatives;
  }

  /** Documents on which the tree scan, the streamed scan and the screen disagree, with why. */
  List<String> disagreements() {
    return disagreements;
  }

  double recall() {
    return share(positives, true);
  }

  double falsePositiveRate() {
    return share(negatives, true);
  }

  List<Verdict> missed() {
    return positives.stream().filter(v -> !v.refused()).collect(Collectors.toList());
  }

  List<Verdict> falsePositives() {
    return negatives.stream().filter(Verdict::refused).collect(Collectors.toList());
  }

  private static double share(List<Verdict> verdicts, boolean refused) {
    if (verdicts.isEmpty()) {
      return refused ? 0 : 1;
    }
    return verdicts.stream().filter(v -> v.refused() == refused).count() / (double) verdicts.size();
  }

  /** Refused and total counts of the verdicts, grouped by row and column. */
  private static Map<String, Map<String, int[]>> table(
      List<Verdict> verdicts,
      Function<CorpusDocument, String> row,
      Function<CorpusDocument, String> column) {
    Map<String, Map<String, int[]>> table = new LinkedHashMap<>();
    for (Verdict v : verdicts) {
      int[] cell =
          table
              .computeIfAbsent(row.apply(v.document()), k -> new LinkedHashMap<>())
              .computeIfAbsent(column.apply(v.document()), k -> new int[2]);
      cell[0] += v.refused() ? 1 : 0;
      cell[1]++;
    }
    return table;
  }

  private List<Verdict> ofKind(String kind) {
    return positives.stream()
        .filter(v -> v.document().kind().equals(kind))
        .collect(Collectors.toList());
  }

  private List<Verdict> notOfKinds(String... kinds) {
    List<String> excluded = List.of(kinds);
    return positives.stream()
        .filter(v -> !excluded.contains(v.document().kind()))
        .collect(Collectors.toList());
  }

  /** The report as Markdown: the tables the README shows, then the misses and false positives. */
  String markdown(double minRecall, double maxFalsePositiveRate) {
    StringBuilder md = new StringBuilder();
    md.append("# Secret guard on the labelled corpus\n\n");
    md.append("Reproduce with:\n\n```sh\n").append(COMMAND).append("\n```\n\n");
    long valueRules =
        guard.rules().stream().filter(r -> r.target() == SecretRule.Target.VALUE).count();
    long builtIn = guard.rules().stream().filter(SecretGuard.builtIn().rules()::contains).count();
    md.append(
        String.format(
            Locale.ROOT,
            "Guard: %d rules (%d value, %d key), %d of them built in.%n%n",
            guard.rules().size(),
            valueRules,
            guard.rules().size() - valueRules,
            builtIn));
    md.append("| measure | documents | refused | rate | target |\n|---|---:|---:|---:|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| recall (positives refused) | %d | %d | **%s** | ≥ %s |%n",
            positives.size(),
            positives.size() - missed().size(),
            percent(recall()),
            percent(minRecall)));
    md.append(
        String.format(
            Locale.ROOT,
            "| false positives (negatives refused) | %d | %d | **%s** | ≤ %s |%n%n",
            negatives.size(),
            falsePositives().size(),
            percent(falsePositiveRate()),
            percent(maxFalsePositiveRate)));

    md.append(
        "## Recall by placement\n\n"
            + "| placement | documents | refused | recall |\n"
            + "|---|---:|---:|---:|\n");
    table(positives, d -> "all", d -> d.kind() + " / " + d.placement())
        .getOrDefault("all", Map.of())
        .forEach(
            (placement, cell) ->
                md.append("| ")
                    .append(placement)
                    .append(" | ")
                    .append(cell[1])
                    .append(" | ")
                    .append(cell[0])
                    .append(" | ")
                    .append(percent(cell[0] / (double) cell[1]))
                    .append(" |\n"));

    md.append(
        "\n## Recall of the value rules by placement\n\nRefused of generated documents, "
            + "one per true-positive sample of the rule and placement.\n\n");
    grid(
        md,
        "rule",
        table(ofKind(CorpusPositives.VALUE_RULE), CorpusDocument::group, CorpusDocument::placement),
        CorpusPositives.PLACEMENTS);

    md.append(
        "\n## Recall of key-named credentials by spelling\n\nEvery sensitive key word, under the "
            + "key rule that names it.\n\n");
    grid(
        md,
        "key rule",
        table(ofKind(CorpusPositives.KEY_NAMED), CorpusDocument::group, CorpusDocument::placement),
        CorpusPositives.SPELLINGS);

    md.append(
        "\n## Recall of the other kinds\n\n| kind | placement | documents | refused | recall |"
            + " missed (groups) |\n|---|---|---:|---:|---:|---|\n");
    Map<String, Map<String, int[]>> others =
        table(
            notOfKinds(CorpusPositives.VALUE_RULE, CorpusPositives.KEY_NAMED),
            CorpusDocument::kind,
            CorpusDocument::placement);
    others.forEach(
        (kind, row) ->
            row.forEach(
                (placement, cell) -> {
                  String missedGroups =
                      missed().stream()
                          .map(Verdict::document)
                          .filter(d -> d.kind().equals(kind) && d.placement().equals(placement))
                          .map(CorpusDocument::group)
                          .distinct()
                          .collect(Collectors.joining(", "));
                  md.append("| ")
                      .append(kind)
                      .append(" | ")
                      .append(placement)
                      .append(" | ")
                      .append(cell[1])
                      .append(" | ")
                      .append(cell[0])
                      .append(" | ")
                      .append(percent(cell[0] / (double) cell[1]))
                      .append(" | ")
                      .append(abbreviate(missedGroups, 200))
                      .append(" |\n");
                }));

    md.append(
        "\n"
            + "## False positives by class\n\n"
            + "| class | documents | refused | rate | rules (documents) |\n"
            + "|---|---:|---:|---:|---|\n");
    table(negatives, CorpusDocument::group, d -> "all")
        .forEach(
            (cls, row) -> {
              int[] cell = row.get("all");
              md.append("| ")
                  .append(cls)
                  .append(" | ")
                  .append(cell[1])
                  .append(" | ")
                  .append(cell[0])
                  .append(" | ")
                  .append(percent(cell[0] / (double) cell[1]))
                  .append(" | ")
                  .append(
                      ruleCounts(
                          falsePositives().stream()
                              .filter(v -> v.document().group().equals(cls))
                              .collect(Collectors.toList())))
                  .append(" |\n");
            });

    md.append("\n## Missed positives\n\n");
    if (missed().isEmpty()) {
      md.append("None.\n");
    } else {
      int shown = 0;
      for (Verdict v : missed()) {
        if (shown++ == 200) {
          md.append("- … and ")
              .append(missed().size() - 200)
              .append(" more (see the JSON report)\n");
          break;
        }
        md.append("- `").append(v.document().id()).append("`\n");
      }
    }

    md.append(
        "\n## False positives: rules and paths\n\nAt most ten documents per class here; "
            + "the JSON report lists them all.\n\n");
    if (falsePositives().isEmpty()) {
      md.append("None.\n");
    }
    Map<String, List<Verdict>> byClass =
        falsePositives().stream()
            .collect(
                Collectors.groupingBy(
                    v -> v.document().group(), TreeMap::new, Collectors.toList()));
    byClass.forEach(
        (cls, verdicts) -> {
          md.append("- **").append(cls).append("** (").append(verdicts.size()).append(")\n");
          verdicts.stream()
              .limit(10)
              .forEach(
                  v ->
                      md.append("  - `")
                          .append(v.document().id())
                          .append("`: ")
                          .append(
                              v.findings().stream()
                                  .limit(3)
                                  .map(f -> f.ruleId() + " at `" + f.path() + "`")
                                  .collect(Collectors.joining("; ")))
                          .append(
                              v.findings().size() > 3
                                  ? "; … (" + v.findings().size() + " findings)"
                                  : "")
                          .append("\n"));
        });
    if (!disagreements.isEmpty()) {
      md.append("\n## Disagreements between the tree scan, the streamed scan and the screen\n\n");
      disagreements.forEach(d -> md.append("- ").append(d).append("\n"));
    }
    return md.toString();
  }

  private static void grid(
      StringBuilder md,
      String rowName,
      Map<String, Map<String, int[]>> table,
      List<String> columns) {
    md.append("| ")
        .append(rowName)
        .append(" | ")
        .append(String.join(" | ", columns))
        .append(" | all |\n");
    md.append("|---|").append("---:|".repeat(columns.size() + 1)).append("\n");
    table.forEach(
        (row, cells) -> {
          md.append("| ").append(row);
          int refused = 0;
          int total = 0;
          for (String column : columns) {
            int[] cell = cells.get(column);
            md.append(" | ").append(cell == null ? "–" : cell[0] + "/" + cell[1]);
            if (cell != null) {
              refused += cell[0];
              total += cell[1];
            }
          }
          md.append(" | ")
              .append(
                  refused == total ? refused + "/" + total : "**" + refused + "/" + total + "**")
              .append(" |\n");
        });
  }

  private static String ruleCounts(List<Verdict> verdicts) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Verdict v : verdicts) {
      v.findings().stream()
          .map(SecretFinding::ruleId)
          .distinct()
          .forEach(id -> counts.merge(id, 1, Integer::sum));
    }
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + " …";
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  /** The report as JSON: every count, every missed positive, every false positive's findings. */
  String json(double minRecall, double maxFalsePositiveRate) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("command", COMMAND);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("rules", guard.rules().size());
    summary.put("positives", positives.size());
    summary.put("positives_refused", positives.size() - missed().size());
    summary.put("recall", recall());
    summary.put("min_recall", minRecall);
    summary.put("negatives", negatives.size());
    summary.put("negatives_refused", falsePositives().size());
    summary.put("false_positive_rate", falsePositiveRate());
    summary.put("max_false_positive_rate", maxFalsePositiveRate);
    report.put("summary", summary);
    report.put(
        "recall",
        cells(table(positives, d -> d.kind() + "/" + d.group(), CorpusDocument::placement)));
    report.put(
        "false_positives_by_class", cells(table(negatives, CorpusDocument::group, d -> "all")));
    report.put(
        "missed", missed().stream().map(v -> v.document().id()).collect(Collectors.toList()));
    report.put(
        "false_positives",
        falsePositives().stream()
            .map(
                v -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("id", v.document().id());
                  entry.put("class", v.document().group());
                  entry.put(
                      "findings",
                      v.findings().stream()
                          .map(
                              f -> {
                                Map<String, Object> finding = new LinkedHashMap<>();
                                finding.put("rule_id", f.ruleId());
                                finding.put("code", f.code().wireName());
                                finding.put("path", f.path());
                                return finding;
                              })
                          .collect(Collectors.toList()));
                  return entry;
                })
            .collect(Collectors.toList()));
    report.put("disagreements", disagreements);
    return ContractJson.toJson(report, true) + "\n";
  }

  private static Map<String, Object> cells(Map<String, Map<String, int[]>> table) {
    Map<String, Object> out = new LinkedHashMap<>();
    table.forEach(
        (row, cells) -> {
          Map<String, Object> columns = new LinkedHashMap<>();
          cells.forEach(
              (column, cell) -> {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("documents", cell[1]);
                counts.put("refused", cell[0]);
                columns.put(column, counts);
              });
          out.put(row, columns);
        });
    return out;
  }

  /** Writes {@code guard-corpus.md} and {@code guard-corpus.json} into {@code directory}. */
  void write(Path directory, double minRecall, double maxFalsePositiveRate) {
    try {
      Files.createDirectories(directory);
      Files.writeString(
          directory.resolve("guard-corpus.md"), markdown(minRecall, maxFalsePositiveRate));
      Files.writeString(
          directory.resolve("guard-corpus.json"), json(minRecall, maxFalsePositiveRate));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
