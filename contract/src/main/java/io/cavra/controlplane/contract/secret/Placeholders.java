package io.cavra.controlplane.contract.secret;

/**
 * Recognises placeholder strings, which stand for a secret instead of holding one: empty or blank,
 * {@code ${X}}, {@code {{x}}}, {@code <anything>}, {@code REDACTED}, {@code [REDACTED]} (any case),
 * and runs of three or more {@code *} or of {@code x}/{@code X}. Surrounding ASCII white space is
 * ignored.
 */
final class Placeholders {
  private Placeholders() {}

  static boolean isPlaceholder(CharSequence s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) <= ' ') {
      end--;
    }
    int len = end - start;
    if (len == 0) {
      return true;
    }
    char first = s.charAt(start);
    char last = s.charAt(end - 1);
    if (len >= 3 && first == '$' && s.charAt(start + 1) == '{' && last == '}') {
      return true;
    }
    if (len >= 4
        && first == '{'
        && s.charAt(start + 1) == '{'
        && last == '}'
        && s.charAt(end - 2) == '}') {
      return true;
    }
    if (len >= 2 && first == '<' && last == '>') {
      return true;
    }
    if (regionEqualsIgnoreCase(s, start, len, "redacted")
        || regionEqualsIgnoreCase(s, start, len, "[redacted]")) {
      return true;
    }
    return len >= 3 && (allOf(s, start, end, '*', '*') || allOf(s, start, end, 'x', 'X'));
  }

  private static boolean allOf(CharSequence s, int start, int end, char a, char b) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c != a && c != b) {
        return false;
      }
    }
    return true;
  }

  private static boolean regionEqualsIgnoreCase(CharSequence s, int start, int len, String lower) {
    if (len != lower.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      char c = s.charAt(start + i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
