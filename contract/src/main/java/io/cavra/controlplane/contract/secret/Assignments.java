package io.cavra.controlplane.contract.secret;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The {@code credential-assignment} rule: a credential given by name inside text rather than under
 * its own JSON key. Its regex only finds a stem of a credential word ({@code pass}, {@code tok},
 * {@code secret} …); this filter reads the whole name around the stem and what follows it, and
 * accepts where a name that a built-in key rule covers is given a value:
 *
 * <ul>
 *   <li>{@code NAME=value} with nothing around the {@code =}, as in an environment file, a command
 *       line, a query string or a connection string ({@code ;Password=…;}): any value of four chars
 *       or more that is not a placeholder, a reference or a boolean;
 *   <li>{@code NAME: value}, {@code NAME = value}, {@code NAME := value}, {@code NAME => value},
 *       {@code "name": "value"}, {@code --name value}, {@code set NAME value} and {@code export
 *       NAME value}: a value that looks like a credential ({@link
 *       ValueShapes#looksLikeCredential}), since prose such as {@code password: required} is
 *       common.
 * </ul>
 *
 * Names are judged as keys are (normalised, benign compounds masked, the credential word heading
 * the name), with the built-in key rules and benign compounds.
 */
final class Assignments {
  private Assignments() {}

  /**
   * The rule's keywords: a stem of every credential word of the built-in key rules, chosen to be
   * rare in ordinary text ({@code passw}, not {@code pass}, which "passed" has), or the short word
   * with what follows a name ({@code pass=}, {@code pw:}). Each is where a name can be found, not
   * necessarily where it starts: the filter reads the whole name around it.
   */
  static final String[] KEYWORDS = {
    "passw",
    "passp",
    "passc",
    "_pass",
    "-pass",
    "pass=",
    "pass:",
    "pass\"",
    "pwd",
    "_pw",
    "-pw",
    "pw=",
    "pw:",
    "pw\"",
    "pw ",
    "pass ",
    "auth ",
    "psw",
    "pword",
    "secret",
    "token",
    "tkn",
    "tok=",
    "tok:",
    "_key",
    "-key",
    "apikey",
    "secretkey",
    "accesskey",
    "privatekey",
    "accountkey",
    "privkey",
    "key=",
    "key:",
    "key\"",
    "cred",
    "_auth",
    "-auth",
    "auth=",
    "auth:",
    "auth\"",
    "authoriz",
    "auth_hea",
    "auth-hea",
    "authhead",
    "bearer",
    "cookie",
    "conn_str",
    "conn-str",
    "connstr",
    "n_string",
    "n-string",
    "onstring",
    "cvv",
    "cvc",
    "csc",
    "ity_code",
    "ity-code",
    "itycode"
  };

  /** The keywords themselves, as literals: every match starts at one. */
  static final String REGEX = "(?i:" + String.join("|", KEYWORDS) + ")";

  private static final int MAX_NAME = 80;

  private static final Set<String> COMMANDS = Set.of("set", "export", "setx", "setenv");

  /** Names repeat across documents; classified once each (the matcher caches its verdicts). */
  private static final class Names {
    static final KeyMatcher MATCHER =
        new KeyMatcher(BuiltInRules.KEY_RULES, BuiltInRules.BENIGN_KEY_COMPOUNDS);
  }

  static boolean accept(CharSequence text, Matcher m) {
    int n = text.length();
    int start = m.start();
    // A keyword may end past the name (pw=, key"): the name is the run of name chars around it.
    int end = m.start();
    while (start > 0 && isNameChar(text.charAt(start - 1))) {
      start--;
    }
    while (end < n && isNameChar(text.charAt(end))) {
      end++;
    }
    if (end - start > MAX_NAME) {
      return false;
    }
    int nameStart = start;
    while (nameStart < end && (text.charAt(nameStart) == '-' || text.charAt(nameStart) == '.')) {
      nameStart++;
    }
    if (nameStart == end) {
      return false;
    }
    boolean flag = nameStart > start && text.charAt(start) == '-';
    String name = text.subSequence(nameStart, end).toString();
    int rule = KeyMatcher.ruleOf(Names.MATCHER.verdict(name));
    if (rule == KeyMatcher.NO_MATCH) {
      return false;
    }
    SecretRule.ValuePolicy policy = Names.MATCHER.rule(rule).policy();

    int i = end;
    if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
      i++; // a quoted name, as in JSON or YAML inside a string
    }
    int spacesBefore = 0;
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
      spacesBefore++;
    }
    boolean plainEquals = false;
    if (i < n && text.charAt(i) == '=') {
      plainEquals = spacesBefore == 0;
      i += i + 1 < n && text.charAt(i + 1) == '>' ? 2 : 1;
    } else if (i < n && text.charAt(i) == ':') {
      i += i + 1 < n && text.charAt(i + 1) == '=' ? 2 : 1;
    } else if (!(spacesBefore > 0 && (flag || followsCommand(text, start)))) {
      return false;
    }
    int spacesAfter = 0;
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
      spacesAfter++;
    }
    char quote = 0;
    if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
      quote = text.charAt(i++);
    }
    int valueStart = i;
    if (startsPlaceholder(text, valueStart)) {
      return false;
    }
    // In a query or connection string, & ; and , end a value; on a command or assignment line
    // only white space does, since a password may hold them.
    char before = start > 0 ? text.charAt(start - 1) : ' ';
    boolean delimited = before == '?' || before == '&' || before == ';';
    while (i < n && !endsValue(text.charAt(i), quote, delimited)) {
      i++;
    }
    if (i == valueStart) {
      return false;
    }
    CharSequence value = text.subSequence(valueStart, i);
    if (BuiltInRules.isDocumentationExample(value, 0, value.length())) {
      return false; // a documentation example (...EXAMPLEKEY)
    }
    if (Placeholders.isStoreReference(text)) {
      return false; // the whole string is a reference (an ARN, a vault URI) that mentions a name
    }
    if (before == '?' || before == '&') {
      // A query parameter: documentation examples (?token=abc123) are short.
      return value.length() >= 8 && ValueShapes.looksLikeCredential(value);
    }
    switch (policy) {
      case CREDENTIAL_LIKE:
        return ValueShapes.looksGenerated(value);
      case CARD_CODE:
        if (ValueShapes.isCardCode(value)) {
          return true;
        }
      // fall through: otherwise as any other credential name
      default:
        if (plainEquals && spacesAfter == 0) {
          return value.length() >= 4
              && !Placeholders.isPlaceholder(value)
              && !ValueShapes.isSetting(value);
        }
        return ValueShapes.looksLikeCredential(value);
    }
  }

  /**
   * Whether a placeholder or reference starts at {@code i}: {@code ${X}}, <code>{{x}}</code>,
   * {@code $(cmd)}, {@code <x>}, {@code %X%} — closed before the end of the line.
   */
  private static boolean startsPlaceholder(CharSequence text, int i) {
    int n = text.length();
    if (i >= n) {
      return false;
    }
    char c = text.charAt(i);
    char close;
    if (c == '$' && i + 1 < n && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '(')) {
      close = text.charAt(i + 1) == '{' ? '}' : ')';
    } else if (c == '{' && i + 1 < n && text.charAt(i + 1) == '{') {
      close = '}';
    } else if (c == '<') {
      close = '>';
    } else if (c == '%') {
      close = '%';
    } else {
      return false;
    }
    for (int j = i + 1; j < n && j < i + 200; j++) {
      char d = text.charAt(j);
      if (d == '\n') {
        return false;
      }
      if (d == close) {
        return Placeholders.isPlaceholder(
            text.subSequence(
                i, j + 1 + (close == '}' && j + 1 < n && text.charAt(j + 1) == '}' ? 1 : 0)));
      }
    }
    return false;
  }

  /** Whether the word before the name at {@code start} is {@code set} or {@code export}. */
  private static boolean followsCommand(CharSequence text, int start) {
    int i = start;
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    if (i == start) {
      return false;
    }
    int wordEnd = i;
    while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
      i--;
    }
    return wordEnd - i <= 6
        && COMMANDS.contains(text.subSequence(i, wordEnd).toString().toLowerCase(Locale.ROOT));
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-'
        || c == '.';
  }

  private static boolean endsValue(char c, char quote, boolean delimited) {
    if (quote != 0) {
      return c == quote || c == '\n';
    }
    return c <= ' '
        || c == '"'
        || c == '\''
        || c == '`'
        || (delimited && (c == ',' || c == ';' || c == '&' || c == '#'));
  }
}
