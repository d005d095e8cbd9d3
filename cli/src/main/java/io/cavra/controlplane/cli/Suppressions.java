package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code scan} does not report: findings whose fingerprint is in a baseline (a previous {@code
 * --format json} or {@code --format sarif} report) or in an ignore file (one fingerprint a line,
 * {@code #} comments), and findings on a line that carries an allow comment ({@code
 * cavra-cp:allow}, or {@code gitleaks:allow} for files already annotated for gitleaks).
 */
final class Suppressions {
  /** The default ignore file, read from the current directory when present. */
  static final String DEFAULT_IGNORE_FILE = ".cavra-cp-ignore";

  /** The partial-fingerprint key under which SARIF output carries the fingerprint. */
  static final String SARIF_FINGERPRINT = "cavraFinding/v1";

  static final List<String> ALLOW_MARKERS = List.of("cavra-cp:allow", "gitleaks:allow");

  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{32}");

  private final Set<String> baseline = new HashSet<>();
  private final Set<String> ignored = new HashSet<>();

  /** Whether a line asks for its findings not to be reported. */
  static boolean allows(String line) {
    for (String marker : ALLOW_MARKERS) {
      if (line.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  boolean suppresses(String fingerprint) {
    return baseline.contains(fingerprint) || ignored.contains(fingerprint);
  }

  /**
   * Adds the fingerprints of a report written by {@code scan --format json} or {@code --format
   * sarif}.
   *
   * @throws ContractException located in the file ({@code <file>:$.findings[3].fingerprint}) when
   *     it is not such a report
   * @throws IOException if it cannot be read
   */
  void addBaseline(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Object tree =
        ContractJson.defaults()
            .withMaxBytes(Math.max(bytes.length, 1))
            .withMaxDepth(64)
            .parseTree(bytes);
    if (!(tree instanceof Map)) {
      throw notAReport("$");
    }
    Map<?, ?> report = (Map<?, ?>) tree;
    if (report.get("findings") instanceof List) {
      List<?> findings = (List<?>) report.get("findings");
      for (int i = 0; i < findings.size(); i++) {
        Object fingerprint =
            findings.get(i) instanceof Map
                ? ((Map<?, ?>) findings.get(i)).get("fingerprint")
                : null;
        baseline.add(fingerprint(fingerprint, "$.findings[" + i + "].fingerprint"));
      }
    } else if (report.get("runs") instanceof List) {
      List<?> runs = (List<?>) report.get("runs");
      for (int r = 0; r < runs.size(); r++) {
        Object results =
            runs.get(r) instanceof Map ? ((Map<?, ?>) runs.get(r)).get("results") : null;
        if (!(results instanceof List)) {
          throw notAReport("$.runs[" + r + "].results");
        }
        List<?> list = (List<?>) results;
        for (int i = 0; i < list.size(); i++) {
          String at = "$.runs[" + r + "].results[" + i + "].partialFingerprints";
          Object partial =
              list.get(i) instanceof Map
                  ? ((Map<?, ?>) list.get(i)).get("partialFingerprints")
                  : null;
          Object fingerprint =
              partial instanceof Map ? ((Map<?, ?>) partial).get(SARIF_FINGERPRINT) : null;
          baseline.add(fingerprint(fingerprint, at + "['" + SARIF_FINGERPRINT + "']"));
        }
      }
    } else {
      throw notAReport("$");
    }
  }

  /**
   * Adds an ignore file: one fingerprint per line, optionally followed by {@code #} and a comment;
   * blank lines and lines starting with {@code #} are skipped.
   *
   * @throws ContractException at {@code line N} for a line that is not a fingerprint
   */
  void addIgnoreFile(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (entry.isEmpty()) {
        continue;
      }
      if (!FINGERPRINT.matcher(entry).matches()) {
        throw ContractException.of(
            ErrorCode.INVALID_VALUE,
            "line " + (i + 1),
            "an ignore line is a fingerprint of 32 lower-case hex digits, optionally followed by #"
                + " and a comment");
      }
      ignored.add(entry);
    }
  }

  private static String fingerprint(Object value, String path) {
    if (!(value instanceof String) || !FINGERPRINT.matcher((String) value).matches()) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE,
          path,
          "expected a fingerprint of 32 lower-case hex digits at " + path);
    }
    return (String) value;
  }

  private static ContractException notAReport(String path) {
    return ContractException.of(
        ErrorCode.INVALID_VALUE,
        path,
        "a baseline is a report of scan --format json or --format sarif");
  }
}
