package io.cavra.controlplane.contract.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Proves, where it can, that every match of a regex begins with one of a rule's keywords, so the
 * guard may try the regex only where a keyword occurs. It reads the literal text a match must start
 * with, expanding alternation groups and small classes ({@code sk_(?:live|test)_} gives {@code
 * sk_live_} and {@code sk_test_}, {@code gh[us]_} gives {@code ghu_} and {@code ghs_}) and skipping
 * zero-width lookarounds and inline flags. Conservative: any construct it does not fully understand
 * makes the answer "no".
 */
final class LiteralPrefixes {
  private static final int LIMIT = 64;

  private final String regex;
  private int pos;

  private LiteralPrefixes(String regex) {
    this.regex = regex;
  }

  /** A literal prefix; {@code closed} once something non-literal follows it. */
  private record Prefix(String text, boolean closed) {}

  /** Whether every match of {@code regex} starts with one of {@code keywords} (lower-case). */
  static boolean startWithKeyword(String regex, List<String> keywords) {
    if (keywords.isEmpty() || regex.contains("\\Q")) {
      return false;
    }
    LiteralPrefixes parser = new LiteralPrefixes(regex);
    List<Prefix> prefixes = parser.alternation();
    if (prefixes == null || parser.pos != regex.length()) {
      return false;
    }
    for (Prefix prefix : prefixes) {
      String text = prefix.text().toLowerCase(Locale.ROOT);
      if (keywords.stream().noneMatch(text::startsWith)) {
        return false;
      }
    }
    return true;
  }

  /** Alternatives up to an unmatched {@code )} or the end; null if unsure. */
  private List<Prefix> alternation() {
    List<Prefix> all = new ArrayList<>();
    for (; ; ) {
      List<Prefix> sequence = sequence();
      if (sequence == null) {
        return null;
      }
      all.addAll(sequence);
      if (all.size() > LIMIT) {
        return null;
      }
      if (pos < regex.length() && regex.charAt(pos) == '|') {
        pos++;
      } else {
        return all;
      }
    }
  }

  /** One alternative, up to {@code |}, an unmatched {@code )} or the end; null if unsure. */
  private List<Prefix> sequence() {
    List<Prefix> current = List.of(new Prefix("", false));
    int n = regex.length();
    while (pos < n) {
      char c = regex.charAt(pos);
      if (c == '|' || c == ')') {
        return current;
      }
      if (c == '(') {
        int kind = openGroup();
        if (kind == UNSURE) {
          return null;
        }
        if (kind == FLAGS || kind == LOOKAROUND) {
          continue; // zero-width
        }
        List<Prefix> inner = alternation();
        if (inner == null || pos >= n || regex.charAt(pos) != ')') {
          return null;
        }
        pos++;
        current = skipQuantifier() ? close(current) : concat(current, inner);
        if (current == null) {
          return null;
        }
      } else if (c == '[') {
        int end = classEnd(regex, pos);
        if (end < 0) {
          return null;
        }
        String members = regex.substring(pos + 1, end);
        pos = end + 1;
        if (skipQuantifier() || !isSmallLiteralSet(members)) {
          current = close(current);
          continue;
        }
        List<Prefix> choices = new ArrayList<>();
        for (char member : members.toCharArray()) {
          choices.add(new Prefix(String.valueOf(member), false));
        }
        current = concat(current, choices);
        if (current == null) {
          return null;
        }
      } else if (c == '\\') {
        if (pos + 1 >= n) {
          return null;
        }
        char escaped = regex.charAt(pos + 1);
        pos += 2;
        if (escaped == 'b' || escaped == 'B') {
          continue; // zero-width
        }
        if (Character.isLetterOrDigit(escaped)) {
          // \d, \w, \p{…}, \x41 …: a class or code we do not expand
          if (escaped == 'p' || escaped == 'P' || escaped == 'x' || escaped == 'N') {
            skipBraces();
          }
          skipQuantifier();
          current = close(current);
        } else {
          current = skipQuantifier() ? close(current) : append(current, escaped);
        }
      } else if ("^$.*+?{}]".indexOf(c) >= 0) {
        pos++;
        skipQuantifier();
        current = close(current);
      } else {
        pos++;
        current = skipQuantifier() ? close(current) : append(current, c);
      }
    }
    return current;
  }

  /** A class such as {@code [us]}: a few plain characters, no ranges, negation or escapes. */
  private static boolean isSmallLiteralSet(String members) {
    if (members.isEmpty() || members.length() > 8) {
      return false;
    }
    for (char c : members.toCharArray()) {
      if ("^-\\[]&".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static final int GROUP = 0;
  private static final int FLAGS = 1;
  private static final int LOOKAROUND = 2;
  private static final int UNSURE = 3;

  /**
   * Consumes a group opener. For {@code GROUP} the position is at the group's content; for {@code
   * FLAGS} and {@code LOOKAROUND} the whole construct has been skipped.
   */
  private int openGroup() {
    int n = regex.length();
    if (!regex.startsWith("(?", pos)) {
      pos++;
      return GROUP; // capturing group
    }
    if (regex.startsWith("(?=", pos)
        || regex.startsWith("(?!", pos)
        || regex.startsWith("(?<=", pos)
        || regex.startsWith("(?<!", pos)) {
      int end = groupEnd(regex, pos);
      if (end < 0) {
        return UNSURE;
      }
      pos = end;
      return LOOKAROUND;
    }
    if (regex.startsWith("(?<", pos)) {
      int close = regex.indexOf('>', pos);
      if (close < 0) {
        return UNSURE;
      }
      pos = close + 1;
      return GROUP; // named group
    }
    int i = pos + 2;
    while (i < n && "iuUsmd-".indexOf(regex.charAt(i)) >= 0) {
      i++;
    }
    if (i >= n) {
      return UNSURE;
    }
    if (regex.charAt(i) == ')') {
      pos = i + 1;
      return FLAGS;
    }
    if (regex.charAt(i) == ':') {
      pos = i + 1;
      return GROUP;
    }
    return UNSURE; // (?x), atomic groups, …
  }

  /** Skips a quantifier at the position, if any; returns whether there was one. */
  private boolean skipQuantifier() {
    if (pos >= regex.length()) {
      return false;
    }
    char c = regex.charAt(pos);
    if (c == '?' || c == '*' || c == '+') {
      pos++;
    } else if (c == '{') {
      skipBraces();
    } else {
      return false;
    }
    if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
      pos++; // lazy or possessive
    }
    return true;
  }

  private void skipBraces() {
    if (pos < regex.length() && regex.charAt(pos) == '{') {
      int close = regex.indexOf('}', pos);
      pos = close < 0 ? regex.length() : close + 1;
    }
  }

  private static List<Prefix> close(List<Prefix> prefixes) {
    List<Prefix> closed = new ArrayList<>(prefixes.size());
    for (Prefix prefix : prefixes) {
      closed.add(new Prefix(prefix.text(), true));
    }
    return closed;
  }

  private static List<Prefix> append(List<Prefix> prefixes, char c) {
    List<Prefix> longer = new ArrayList<>(prefixes.size());
    for (Prefix prefix : prefixes) {
      longer.add(prefix.closed() ? prefix : new Prefix(prefix.text() + c, false));
    }
    return longer;
  }

  /** Every head followed by every tail; null if there would be too many. */
  private static List<Prefix> concat(List<Prefix> heads, List<Prefix> tails) {
    List<Prefix> joined = new ArrayList<>();
    for (Prefix head : heads) {
      if (head.closed()) {
        joined.add(head);
        continue;
      }
      for (Prefix tail : tails) {
        joined.add(new Prefix(head.text() + tail.text(), tail.closed()));
      }
    }
    return joined.size() > LIMIT ? null : joined;
  }

  /** The index after the group that opens at {@code open}, or -1 if unsure. */
  private static int groupEnd(String regex, int open) {
    int depth = 0;
    for (int i = open; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = classEnd(regex, i);
        if (i < 0) {
          return -1;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The index of the {@code ]} closing the class that opens at {@code open}; -1 if nested. */
  private static int classEnd(String regex, int open) {
    int i = open + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++; // a leading ] is literal
    }
    for (; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        return -1;
      } else if (c == ']') {
        return i;
      }
    }
    return -1;
  }
}
