package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One finding of {@code scan}: where (file, region, JSON path when there is one), which rule, and
 * its fingerprint. Never the value.
 *
 * @param path the JSON path rooted at {@code $} for findings in JSON, YAML, and key/value lines;
 *     {@code null} for a credential in free text
 * @param place what, besides the file and the rule, tells this finding from others: the path (with
 *     the JSON Lines line or YAML document when there are several), or the line and the match's
 *     rank on it for free text. It is what the fingerprint hashes, so it holds no value.
 */
record ScanFinding(
    SourceFile source, ErrorCode code, String ruleId, String path, Region region, String place) {

  /** A span of a file: 1-based lines and columns (UTF-16 code units), the end column exclusive. */
  record Region(int startLine, int startColumn, int endLine, int endColumn) {
    Region {
      if (startLine < 1
          || startColumn < 1
          || endLine < startLine
          || (endLine == startLine && endColumn <= startColumn)) {
        throw new IllegalArgumentException(
            "not a region: " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
      }
    }

    /** A span within one line. */
    static Region onLine(int line, int startColumn, int endColumn) {
      return new Region(line, startColumn, line, Math.max(endColumn, startColumn + 1));
    }
  }

  /**
   * 32 hex digits of SHA-256 over the file's URI (or name), the rule id and {@link #place}: stable
   * while the finding stays where it is, the same on every machine that scans the same tree from
   * the same root, and never derived from the value.
   */
  String fingerprint() {
    String key = "cavra-cp/v1\n" + source.identity() + "\n" + ruleId + "\n" + place;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
