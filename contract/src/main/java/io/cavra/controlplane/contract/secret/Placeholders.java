package io.cavra.controlplane.contract.secret;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises strings that stand for a secret instead of holding one. Surrounding ASCII white space
 * is ignored.
 *
 * <ul>
 *   <li>placeholders: empty or blank, {@code ${X}}, <code>${{ secrets.X }}</code>, <code>{{x}}
 *       </code>, {@code <anything>}, {@code %X%}, {@code @X@}, {@code $X}, {@code $(command)}, a
 *       command in backquotes, {@code [hidden]} or {@code (hidden)}, {@code REDACTED}, and words
 *       that say a value is absent or hidden ({@code hidden}, {@code masked}, {@code none}, {@code
 *       n/a} …);
 *   <li>masks: runs of three or more {@code *}, {@code •}, {@code #} or {@code x}, alone or keeping
 *       at most four chars visible at one end ({@code ****1234}), and values hidden in part by a
 *       run of {@code *} or {@code •} or by an ellipsis ({@code sk_live_****abcd});
 *   <li>references: secret-store URIs ({@code sm://}, {@code vault://}, {@code op://}, {@code
 *       ref+vault://} …) and {@code store:name} forms ({@code env:DB_PASSWORD}, {@code
 *       vault:secret/db}), ARNs, Google Secret Manager resource names, URLs without a password in
 *       their user info, and file paths ({@code /run/secrets/db}, {@code ./secrets/db.txt}).
 * </ul>
 */
final class Placeholders {
  private Placeholders() {}

  private static final Set<String> ABSENT =
      Set.of(
          "redacted",
          "[redacted]",
          "hidden",
          "masked",
          "none",
          "null",
          "nil",
          "n/a",
          "na",
          "tbd",
          "todo",
          "unset",
          "empty",
          "omitted",
          "removed",
          "[hidden]",
          "(hidden)",
          "(redacted)",
          "[masked]",
          "(masked)",
          "<hidden>",
          "-",
          "--");

  /** Schemes of secret stores and of other indirections whose URI names, not holds, a secret. */
  private static final Pattern STORE_REFERENCE =
      Pattern.compile(
          "(?i)(?:ref\\+)?(?:sm|vault|op|secret|secrets|secretsmanager|aws-?sm|awssecretsmanager"
              + "|ssm|aws-?ssm|parameterstore|gcp-?sm|gsm|gcpsecretmanager|azkv|akv|azure-?keyvault"
              + "|keyvault|k8s|kube|kubernetes|doppler|infisical|bws|bitwarden|conjur|cyberark"
              + "|keeper|lastpass|1password|onepassword|dotenv|sops|env|file|keyring|keychain"
              + "|credential|credentials|cred)"
              + "(?::(?://)?)[^\\s]+");

  private static final Pattern ARN = Pattern.compile("arn:[a-z0-9-]+:[a-z0-9-]+:[^\\s]*");

  /** Azure App Service and Functions Key Vault references. */
  private static final Pattern KEY_VAULT_REFERENCE =
      Pattern.compile("@Microsoft\\.KeyVault\\([^\\s)]+\\)");

  private static final Pattern GCP_SECRET =
      Pattern.compile(
          "projects/[^/\\s]+/(?:locations/[^/\\s]+/)?secrets/[^/\\s]+(?:/versions/[^/\\s]+)?");

  /** A URL whose user info, if any, has no password: {@code scheme://[user@]host…}. */
  private static final Pattern URL =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://(?:[^\\s/?#@:]*@)?[^\\s@]*");

  /**
   * A path: absolute with two segments or more, relative to here, to a parent or to home, or a
   * Windows drive path.
   */
  private static final Pattern PATH =
      Pattern.compile(
          "(?:/[A-Za-z0-9_.@+-]+){2,}/?|(?:\\./|\\.\\./|~/)[A-Za-z0-9_./@+-]*"
              + "|[A-Za-z]:\\\\[A-Za-z0-9_.\\\\ -]+");

  /** {@code %NAME%}, {@code @NAME@}, {@code $NAME}. */
  private static final Pattern VARIABLE =
      Pattern.compile(
          "%[A-Za-z_][A-Za-z0-9_.-]*%|@[A-Za-z_][A-Za-z0-9_.-]*@|\\$[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Whether {@code s} is a template expression as a whole: <code>${…}</code>, {@code $(…)}, <code>
   * {{…}}</code> (which CloudFormation's {@code {{resolve:secretsmanager:…}}} also is).
   */
  static boolean isTemplate(String s) {
    int n = s.length();
    return n >= 4
        && ((s.charAt(0) == '$'
                && (s.charAt(1) == '{' && s.charAt(n - 1) == '}'
                    || s.charAt(1) == '(' && s.charAt(n - 1) == ')'))
            || (s.startsWith("{{") && s.endsWith("}}")));
  }

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
    if (len >= 3
        && first == '$'
        && (s.charAt(start + 1) == '{' && last == '}'
            || s.charAt(start + 1) == '(' && last == ')')) {
      return true;
    }
    if (len >= 4
        && first == '{'
        && s.charAt(start + 1) == '{'
        && last == '}'
        && s.charAt(end - 2) == '}') {
      return true;
    }
    if (len >= 2 && (first == '<' && last == '>' || first == '`' && last == '`')) {
      return true;
    }
    if (isMask(s, start, end)) {
      return true;
    }
    if (len > 512) {
      return false;
    }
    String text = s.subSequence(start, end).toString();
    if (len <= 12 && ABSENT.contains(text.toLowerCase(Locale.ROOT))) {
      return true;
    }
    return VARIABLE.matcher(text).matches()
        || STORE_REFERENCE.matcher(text).matches()
        || ARN.matcher(text).matches()
        || KEY_VAULT_REFERENCE.matcher(text).matches()
        || GCP_SECRET.matcher(text).matches()
        || URL.matcher(text).matches()
        || PATH.matcher(text).matches();
  }

  /**
   * Whether {@code s} (trimmed) is a reference into a secret store: a template expression, a store
   * URI or {@code store:name}, an ARN, a Google Secret Manager name or a Key Vault reference.
   * Unlike {@link #isPlaceholder}, plain URLs and paths do not count.
   */
  static boolean isStoreReference(CharSequence s) {
    String text = s.toString().strip();
    return text.length() <= 512
        && (isTemplate(text)
            || STORE_REFERENCE.matcher(text).matches()
            || ARN.matcher(text).matches()
            || GCP_SECRET.matcher(text).matches()
            || KEY_VAULT_REFERENCE.matcher(text).matches());
  }

  /**
   * Three or more mask chars, alone or with at most four other chars at one end ({@code ****1234},
   * {@code ab12xxxx}), or a run of three {@code *} or {@code •}, or an ellipsis, anywhere: a value
   * shown with most of it hidden ({@code sk_live_****abcd}). The mask chars are {@code *}, {@code
   * •}, {@code ●}, {@code #} and {@code x}.
   */
  private static boolean isMask(CharSequence s, int start, int end) {
    int lead = start;
    while (lead < end && isMaskChar(s.charAt(lead))) {
      lead++;
    }
    if (lead - start >= 3 && end - lead <= 4) {
      return true;
    }
    int trail = end;
    while (trail > start && isMaskChar(s.charAt(trail - 1))) {
      trail--;
    }
    if (end - trail >= 3 && trail - start <= 4) {
      return true;
    }
    int run = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '\u2026') {
        return true;
      }
      run = c == '*' || c == '\u2022' || c == '\u25CF' ? run + 1 : 0;
      if (run >= 3) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMaskChar(char c) {
    return c == '*' || c == 'x' || c == 'X' || c == '#' || c == '\u2022' || c == '\u25CF';
  }
}
