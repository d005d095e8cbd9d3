package io.cavra.controlplane.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code KEY=value} and {@code key: value} pairs in a line of text, so that the guard's key
 * rules can judge the key by its value. A dotenv line is one assignment ({@code export} allowed,
 * quotes removed, a {@code #} comment after an unquoted value dropped); any other line may hold
 * several pairs (logfmt, YAML-like and JSON-like text, query strings). A value written right after
 * its separator ({@code key=value}) ends at white space or punctuation; one after a space ({@code
 * key = value}, {@code key: value}) runs to the end of the line or a {@code #} comment.
 */
final class KeyValues {
  /**
   * One pair: the key and where it starts, its value ({@code null} when nothing follows the
   * separator) and where the value is ({@code [valueStart, valueEnd)}).
   */
  record Pair(String key, int keyStart, String value, int valueStart, int valueEnd) {}

  private static final Pattern ENV =
      Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(.*)$");

  private static final Pattern PAIR =
      Pattern.compile(
          "(?<![A-Za-z0-9_.-])([\"']?)([A-Za-z_][A-Za-z0-9_.-]{0,127}+)\\1\\s*(?:=|:(?!//))[ \\t]*"
              + "(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s,;&)}\\]]+)?");

  private KeyValues() {}

  /** The assignment of a dotenv line, if it is one (comments and blank lines are not). */
  static List<Pair> env(String line) {
    Matcher m = ENV.matcher(line);
    if (!m.matches()) {
      return List.of();
    }
    int start = m.start(2);
    String raw = m.group(2);
    int end = start + raw.length();
    if (raw.isEmpty()) {
      return List.of(new Pair(m.group(1), m.start(1), "", start, start));
    }
    char quote = raw.charAt(0);
    if (quote == '"' || quote == '\'') {
      int close = closing(raw, quote);
      if (close > 0) {
        return List.of(
            new Pair(m.group(1), m.start(1), raw.substring(1, close), start + 1, start + close));
      }
    }
    int comment = commentStart(raw);
    String value = (comment >= 0 ? raw.substring(0, comment) : raw).stripTrailing();
    return List.of(new Pair(m.group(1), m.start(1), value, start, start + value.length()));
  }

  /** Every pair on a line of free text, left to right. */
  static List<Pair> anywhere(String line) {
    if (line.indexOf('=') < 0 && line.indexOf(':') < 0) {
      return List.of();
    }
    List<Pair> pairs = new ArrayList<>();
    Matcher m = PAIR.matcher(line);
    int from = 0;
    while (from <= line.length() && m.find(from)) {
      from = m.end();
      String raw = m.group(3);
      if (raw == null) {
        int at = m.end();
        pairs.add(new Pair(m.group(2), m.start(2), null, at, at));
        continue;
      }
      int start = m.start(3);
      char first = raw.charAt(0);
      if ((first == '"' || first == '\'')
          && raw.length() >= 2
          && raw.charAt(raw.length() - 1) == first) {
        pairs.add(
            new Pair(
                m.group(2),
                m.start(2),
                raw.substring(1, raw.length() - 1),
                start + 1,
                start + raw.length() - 1));
      } else if (start > 0 && Character.isWhitespace(line.charAt(start - 1))) {
        // "key = value" or "key: value" (properties, YAML-like text): the value runs to the end of
        // the line, so that the guard judges all of it, not its first word.
        int comment = commentStart(line.substring(start));
        String value =
            (comment >= 0 ? line.substring(start, start + comment) : line.substring(start))
                .stripTrailing();
        pairs.add(new Pair(m.group(2), m.start(2), value, start, start + value.length()));
        from = start;
      } else {
        pairs.add(new Pair(m.group(2), m.start(2), raw, start, start + raw.length()));
      }
    }
    return pairs;
  }

  private static int closing(String raw, char quote) {
    for (int i = 1; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && quote == '"') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Where a {@code #} comment starts in an unquoted dotenv value: at the start or after white
   * space.
   */
  private static int commentStart(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }
}
