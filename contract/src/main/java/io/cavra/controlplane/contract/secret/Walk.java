package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.JsonPaths;
import io.cavra.controlplane.contract.MalformedJsonException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * State of one scan: the current path as a stack of key or index segments (turned into text only
 * for a finding), the findings so far, and the reusable {@link Hits}. Not thread-safe; one per
 * call.
 */
final class Walk {

  private final SecretGuard guard;
  private final String root;
  private final boolean firstOnly;
  private final Hits hits;

  /** Segment i is {@code keys[i]} if non-null, else the index {@code indexes[i]}. */
  private String[] keys = new String[8];

  private int[] indexes = new int[8];
  private int keyFlags;
  private final int cardRule;
  private List<SecretFinding> findings;

  Walk(SecretGuard guard, String root, boolean firstOnly) {
    this.guard = guard;
    this.root = root;
    this.firstOnly = firstOnly;
    this.hits = guard.values().newHits();
    this.cardRule = guard.values().cardRule();
  }

  /** Whether a first-finding scan can stop. */
  boolean done() {
    return firstOnly && findings != null;
  }

  List<SecretFinding> findings() {
    return findings == null ? List.of() : findings;
  }

  /** Sets segment {@code depth} to an array index. */
  void index(int depth, int index) {
    ensure(depth);
    keys[depth] = null;
    indexes[depth] = index;
  }

  /**
   * Sets segment {@code depth} to {@code key} and checks the key text. Returns the index of a key
   * rule that names the key, or {@link KeyMatcher#NO_MATCH}; {@link #keyFlags()} then tells whether
   * it is the name or the value of a name/value entry. A key whose text matches a value rule is
   * reported here and redacted from every path below it.
   */
  int enterKey(int depth, String key) {
    ensure(depth);
    int verdict = guard.keyVerdict(key, hits);
    if (verdict <= SecretGuard.KEY_IS_SECRET_TEXT) {
      keys[depth] = SecretGuard.REDACTED_KEY;
      keyFlags = 0;
      report(
          ErrorCode.SENSITIVE_VALUE,
          guard.values().rule(SecretGuard.KEY_IS_SECRET_TEXT - verdict).id(),
          depth + 1);
      return KeyMatcher.NO_MATCH;
    }
    keys[depth] = key;
    keyFlags = verdict & KeyMatcher.FLAGS;
    return KeyMatcher.ruleOf(verdict);
  }

  /** The flags ({@link KeyMatcher#NAME_KEY}, …) of the key last entered; 0 for a redacted key. */
  int keyFlags() {
    return keyFlags;
  }

  /** Reports key rule {@code rule} for the key at segment {@code depth}. */
  void reportKey(int depth, int rule) {
    report(ErrorCode.SENSITIVE_FIELD, guard.keys().rule(rule).id(), depth + 1);
  }

  /**
   * Whether a string under a key that key rule {@code rule} names is the credential: not a
   * placeholder or reference, and of the shape the rule's policy asks for.
   */
  boolean stringFires(int rule, CharSequence value) {
    if (Placeholders.isPlaceholder(value) || ValueShapes.isSetting(value)) {
      return false;
    }
    switch (guard.keys().rule(rule).policy()) {
      case CREDENTIAL_LIKE:
        // A scheme or method name ("oauth2", "aws.auth#sigv4") is not a credential.
        return ValueShapes.looksGenerated(value);
      case CARD_CODE:
        return true;
      default:
        // User-interface text keyed by a credential word ("Change password") holds none.
        return !ValueShapes.isProse(value);
    }
  }

  /**
   * Whether a string under a key that only carries a value inside an object under a key rule's key
   * ({@code "password": {"current": …}}) is the credential. Such objects are also user-interface
   * catalogues ({@code "password": {"current": "Current password"}}), so only a value that looks
   * like a credential counts.
   */
  boolean inheritedStringFires(int rule, CharSequence value) {
    return stringFires(rule, value) && ValueShapes.looksLikeCredential(value);
  }

  /**
   * Whether a string in a list under such a key is a credential. Lists of names ({@code "secrets":
   * ["db-password"]}, as Compose files and workflows write them) are not.
   */
  boolean elementFires(int rule, CharSequence value) {
    return stringFires(rule, value)
        && (guard.keys().rule(rule).policy() != SecretRule.ValuePolicy.ANY_STRING
            || !ValueShapes.looksLikeName(value));
  }

  /** Whether a number under such a key is credential material: only a card security code. */
  boolean numberFires(int rule, Number value) {
    return guard.keys().rule(rule).policy() == SecretRule.ValuePolicy.CARD_CODE
        && (value instanceof Long
            || value instanceof Integer
            || value instanceof java.math.BigInteger);
  }

  /**
   * The key rule a name in a name/value entry names ({@code "name": "DB_PASSWORD"}), or {@link
   * KeyMatcher#NO_MATCH}; only while the guard has the {@code credential-assignment} rule.
   */
  int nameRule(CharSequence name) {
    if (guard.values().assignmentRule() < 0 || !ValueShapes.isIdentifier(name)) {
      return KeyMatcher.NO_MATCH;
    }
    return KeyMatcher.ruleOf(guard.keys().verdict(name.toString()));
  }

  /** Reports the value of a name/value entry whose name is a credential's, at {@code path}. */
  void reportNamedValue(String path) {
    reportAt(guard.values().assignmentRule(), path);
  }

  /**
   * Whether {@code kty} value {@code type} makes its object a JSON Web Key to judge; only while the
   * guard has the {@code jwk-private-key} rule.
   */
  boolean isJwkType(CharSequence type) {
    return guard.values().jwkRule() >= 0 && JsonWebKeys.isKeyType(type);
  }

  /** Reports the private member of a JSON Web Key, at {@code path}. */
  void reportJwkMember(String path) {
    reportAt(guard.values().jwkRule(), path);
  }

  private void reportAt(int valueRule, String path) {
    if (findings == null) {
      findings = new ArrayList<>(4);
    }
    findings.add(
        new SecretFinding(ErrorCode.SENSITIVE_VALUE, guard.values().rule(valueRule).id(), path));
  }

  /**
   * Checks an integer whose path has {@code count} segments: a card number is refused as text is.
   */
  void checkNumber(int count, Number value) {
    int rule = cardRule;
    if (rule >= 0 && PaymentCards.isCardNumber(value)) {
      report(ErrorCode.SENSITIVE_VALUE, guard.values().rule(rule).id(), count);
    }
  }

  /** Checks a string value whose path has {@code count} segments. */
  void checkString(int count, String s) {
    reportValue(count, guard.values().find(s, hits));
  }

  /** As {@link #checkString}, over {@code buf[off, off + len)}. */
  void checkChars(int count, char[] buf, int off, int len) {
    reportValue(count, guard.values().find(buf, off, len, hits));
  }

  private void reportValue(int count, int rule) {
    if (rule != ValueMatcher.NO_MATCH) {
      report(ErrorCode.SENSITIVE_VALUE, guard.values().rule(rule).id(), count);
    }
  }

  /** The error for a container whose path has {@code count} segments and is too deep. */
  MalformedJsonException tooDeep(int count) {
    return MalformedJsonException.of(
        ErrorCode.TOO_DEEP, path(count), "nesting is deeper than " + guard.maxDepth() + " levels");
  }

  private void report(ErrorCode code, String ruleId, int count) {
    if (findings == null) {
      findings = new ArrayList<>(4);
    }
    findings.add(new SecretFinding(code, ruleId, path(count)));
  }

  /** The path made of the first {@code count} segments. */
  String path(int count) {
    StringBuilder sb = new StringBuilder(root);
    for (int i = 0; i < count; i++) {
      if (keys[i] != null) {
        JsonPaths.appendMember(sb, keys[i]);
      } else {
        sb.append('[').append(indexes[i]).append(']');
      }
    }
    return sb.toString();
  }

  private void ensure(int depth) {
    if (depth >= keys.length) {
      int size = Math.max(depth + 1, keys.length * 2);
      keys = Arrays.copyOf(keys, size);
      indexes = Arrays.copyOf(indexes, size);
    }
  }
}
