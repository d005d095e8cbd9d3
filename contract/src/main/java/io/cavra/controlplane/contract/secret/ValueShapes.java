package io.cavra.controlplane.contract.secret;

/**
 * Shapes of values that decide whether a value found next to a credential's name is the credential:
 * a password-like string after {@code pw:}, a name in a list of secret names, a card security code.
 * Pure functions over chars.
 */
final class ValueShapes {
  private ValueShapes() {}

  /** Dates and times (ISO 8601) and versions, which mix digits, letters and separators too. */
  private static final java.util.regex.Pattern DATE_OR_VERSION =
      java.util.regex.Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}(?:[T"
              + " ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"
              + "|[vV]?\\d+(?:\\.\\d+)+(?:[-+][A-Za-z0-9.]+)?");

  /**
   * Whether {@code s} looks like a credential rather than a word, a name or a number: six or more
   * chars without white space, not a placeholder or reference, not an e-mail address, a date, a
   * version or a plain number, with at least two of lower case, upper case, digits and symbols, and
   * not merely a camelCase word or a {@code snake_case}, {@code kebab-case} or {@code dotted.name}.
   */
  static boolean looksLikeCredential(CharSequence s) {
    int n = s.length();
    if (n < 6 || n > 1024 || Placeholders.isPlaceholder(s)) {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean nameSymbol = false;
    boolean otherSymbol = false;
    boolean at = false;
    boolean camelOnly = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        return false;
      }
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
        // camelCase and PascalCase: an upper-case letter starts a word of lower-case letters.
        if (i + 1 >= n || !isLower(s.charAt(i + 1)) || (i > 0 && !isLower(s.charAt(i - 1)))) {
          camelOnly = false;
        }
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '_' || c == '-' || c == '.' || c == '/' || c == ':') {
        nameSymbol = true;
      } else {
        otherSymbol = true;
        at |= c == '@';
      }
    }
    if (!lower && !upper) {
      return false; // digits and separators: a number, a date, a time, a version
    }
    if (digit && DATE_OR_VERSION.matcher(s).matches()) {
      return false;
    }
    if (at && !digit && !upper && s.toString().matches("[^@]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
      return false;
    }
    if (!digit && !otherSymbol && (!lower || !upper || camelOnly)) {
      return false; // one-case words and names, camelCase words
    }
    if (nameSymbol && !digit && !otherSymbol && !(lower && upper)) {
      return false;
    }
    if (nameSymbol && !upper && !otherSymbol && isPhrase(s)) {
      return false;
    }
    int classes =
        (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (nameSymbol || otherSymbol ? 1 : 0);
    return classes >= 2;
  }

  /**
   * Whether {@code s} is a name rather than a secret: letters of one case, digits and {@code _ - .
   * : /} separators, starting with a letter, such as {@code db-password} or {@code NPM_TOKEN}; long
   * runs with many digits (hex or base32 tokens) are not names.
   */
  static boolean looksLikeName(CharSequence s) {
    int n = s.length();
    if (n == 0 || n > 128 || !Character.isLetter(s.charAt(0))) {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    boolean separator = false;
    int digits = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '_' || c == '-' || c == '.' || c == ':' || c == '/') {
        separator = true;
      } else {
        return false;
      }
    }
    return !(lower && upper) && (separator || digits <= 2 || n < 16);
  }

  /**
   * Three or more lower-case words and numbers joined by {@code -} or {@code _}, as prose written
   * as a slug is ({@code must-be-at-least-12}); a word of two letters or more, a number whole.
   */
  private static boolean isPhrase(CharSequence s) {
    int words = 0;
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '-' || s.charAt(i) == '_') {
        CharSequence word = s.subSequence(start, i);
        boolean letters = word.length() >= 2 && word.chars().allMatch(c -> c >= 'a' && c <= 'z');
        boolean number = word.length() >= 1 && word.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!letters && !number) {
          return false;
        }
        words++;
        start = i + 1;
      }
    }
    return words >= 3;
  }

  /**
   * Words that set an access level or a switch rather than hold a secret ({@code "id-token":
   * "write"} in a CI workflow's permissions, {@code "default": "disabled"} in a schema).
   */
  private static final java.util.Set<String> SETTINGS =
      java.util.Set.of(
          "read",
          "write",
          "read-write",
          "readwrite",
          "read_write",
          "read-only",
          "readonly",
          "read_only",
          "write-only",
          "writeonly",
          "true",
          "false",
          "yes",
          "no",
          "on",
          "off",
          "enabled",
          "disabled",
          "required",
          "optional",
          "inherit",
          "default");

  /** Whether {@code s} is one of the settings words ({@code write}, {@code disabled} …). */
  static boolean isSetting(CharSequence s) {
    return s.length() <= 10 && SETTINGS.contains(s.toString().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Whether {@code s} is a sentence of user-interface text or prose rather than a secret: two words
   * or more of letters only (apostrophes and a final punctuation mark allowed), no digits, and
   * either capitalised ({@code Change password}) or ending in punctuation ({@code is required.}). A
   * lower-case run of words, as a passphrase is written, is not prose here.
   */
  static boolean isProse(CharSequence s) {
    int n = s.length();
    if (n < 3 || n > 512) {
      return false;
    }
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        inWord = false;
      } else if (Character.isLetter(c) || c == '\'') {
        if (!inWord) {
          words++;
          inWord = true;
        }
      } else if (!(c == '.'
              || c == ','
              || c == '!'
              || c == '?'
              || c == ':'
              || c == ';'
              || c == '\u2026')
          || (i + 1 < n && s.charAt(i + 1) != ' ')) {
        return false; // digits and symbols, or punctuation inside a word
      }
    }
    char first = s.charAt(0);
    char last = s.charAt(n - 1);
    return words >= 2
        && (Character.isUpperCase(first)
            || last == '.'
            || last == '!'
            || last == '?'
            || last == '\u2026');
  }

  /**
   * Whether {@code s} looks like a generated secret rather than a word or a method name: eight
   * chars or more with upper case, lower case and digits, or sixteen or more with three digits and
   * three letters at least. Stricter than {@link #looksLikeCredential}, for names that say little
   * ({@code pw}, {@code auth}).
   */
  static boolean looksGenerated(CharSequence s) {
    int n = s.length();
    if (n < 8 || !looksLikeCredential(s)) {
      return false;
    }
    int lower = 0;
    int upper = 0;
    int digits = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      lower += c >= 'a' && c <= 'z' ? 1 : 0;
      upper += c >= 'A' && c <= 'Z' ? 1 : 0;
      digits += c >= '0' && c <= '9' ? 1 : 0;
    }
    return (lower > 0 && upper > 0 && digits > 0) || (n >= 16 && digits >= 3 && lower + upper >= 3);
  }

  /**
   * Whether {@code s} is shaped like an identifier: a letter, then letters, digits and {@code _ - .
   * : /}.
   */
  static boolean isIdentifier(CharSequence s) {
    int n = s.length();
    if (n == 0 || n > 80 || !Character.isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-'
          || c == '.'
          || c == ':'
          || c == '/')) {
        return false;
      }
    }
    return true;
  }

  /** Three or four digits, as a card security code is written. */
  static boolean isCardCode(CharSequence s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    if (end - start < 3 || end - start > 4) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A whole number of three or four digits. */
  static boolean isCardCode(Number number) {
    if (!(number instanceof Long || number instanceof Integer || number instanceof Short)) {
      return false;
    }
    long value = number.longValue();
    return value >= 100 && value <= 9999;
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}
