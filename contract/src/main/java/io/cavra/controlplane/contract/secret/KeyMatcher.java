package io.cavra.controlplane.contract.secret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies key rules to normalised, benign-masked key names, with a bounded cache of verdicts per
 * raw key text (payload keys repeat, so the regexes run once per distinct key). Thread-safe.
 */
final class KeyMatcher {
  static final int NO_MATCH = -1;

  /**
   * Verdict flags: the key names the entry of a name/value pair ({@code name}, {@code ParameterKey}
   * …), or holds its value ({@code value} …). A verdict is {@code rule + 1} (0 for none) with these
   * flags, so that one cached lookup per key answers every question a walk asks of it.
   */
  static final int NAME_KEY = 1 << 24;

  static final int VALUE_KEY = 1 << 25;

  /** Verdict flag: the key names an example of an API description ({@code example(s)}). */
  static final int EXAMPLE_KEY = 1 << 26;

  /** Verdict flags: the key is a JSON Web Key's {@code kty}, or one of its private members. */
  static final int JWK_TYPE_KEY = 1 << 27;

  static final int JWK_PRIVATE_KEY = 1 << 28;

  /** The flags a walk reads from a verdict. */
  static final int FLAGS = NAME_KEY | VALUE_KEY | EXAMPLE_KEY | JWK_TYPE_KEY | JWK_PRIVATE_KEY;

  private static final int RULE_BITS = 0xFFFF;

  /** The key rule index of a verdict, or {@link #NO_MATCH}. */
  static int ruleOf(int verdict) {
    return (verdict & RULE_BITS) - 1;
  }

  private static final int CACHE_LIMIT = 4096;

  /** Longer keys are classified every time, so that the cache stays small. */
  private static final int CACHED_KEY_LENGTH = 128;

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9 ._-]+");

  private final List<SecretRule> rules;
  private final Pattern benign;
  private final ConcurrentHashMap<String, Integer> cache = new ConcurrentHashMap<>();

  /**
   * In front of {@link #cache}: one cached verdict per hash slot. A JSON reader hands out the same
   * interned key strings document after document, and an identity check (or a short equals) costs
   * less than a map lookup. Entries are immutable, so a racing write loses a shortcut, never a
   * verdict.
   */
  private final Recent[] recent = new Recent[RECENT_SLOTS];

  private static final int RECENT_SLOTS = 256;

  private record Recent(String key, Integer verdict) {}

  /** {@code benignKeys} are normalised names or regexes over normalised keys. */
  KeyMatcher(List<SecretRule> keyRules, List<String> benignKeys) {
    this.rules = List.copyOf(keyRules);
    this.benign = benignPattern(benignKeys);
  }

  /** Compiles benign entries into one alternation; plain names first, longest first. */
  private static Pattern benignPattern(List<String> benignKeys) {
    if (benignKeys.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<String> regexes = new ArrayList<>();
    for (String entry : benignKeys) {
      if (PLAIN_NAME.matcher(entry).matches()) {
        names.add(Pattern.quote(normalize(entry)));
      } else {
        regexes.add("(?:" + entry + ")");
      }
    }
    names.sort(Comparator.comparingInt(String::length).reversed());
    names.addAll(regexes);
    // Word-aligned: a compound masks only whole words of the key.
    return Pattern.compile("(?<![^_])(?:" + String.join("|", names) + ")(?![^_])");
  }

  /** Whether {@code entry} is usable as a benign key (a plain name or a valid regex). */
  static void checkBenign(String entry) {
    if (!PLAIN_NAME.matcher(entry).matches()) {
      Pattern.compile(entry);
    }
  }

  /** The cached verdict for {@code key} (see {@link #NAME_KEY}), or null. */
  Integer cached(String key) {
    int slot = key.hashCode() & (RECENT_SLOTS - 1);
    Recent recent = this.recent[slot];
    if (recent != null && (recent.key == key || recent.key.equals(key))) {
      return recent.verdict;
    }
    Integer verdict = cache.get(key);
    if (verdict != null) {
      this.recent[slot] = new Recent(key, verdict);
    }
    return verdict;
  }

  /** The verdict for {@code key} (see {@link #NAME_KEY}), from the cache when it is there. */
  int verdict(String key) {
    Integer cached = cached(key);
    return cached != null ? cached : classifyAndRemember(key);
  }

  /** Classifies {@code key} and caches the verdict (see {@link #NAME_KEY}). */
  int classifyAndRemember(String key) {
    int verdict = classify(key) + 1;
    if (NameValuePairs.isNameKey(key)) {
      verdict |= NAME_KEY;
    }
    if (NameValuePairs.isValueKey(key)) {
      verdict |= VALUE_KEY;
    }
    if (KeyWords.isExampleKey(key)) {
      verdict |= EXAMPLE_KEY;
    }
    if (JsonWebKeys.isTypeKey(key)) {
      verdict |= JWK_TYPE_KEY;
    }
    if (JsonWebKeys.isPrivateMember(key)) {
      verdict |= JWK_PRIVATE_KEY;
    }
    if (key.length() > CACHED_KEY_LENGTH) {
      return verdict;
    }
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(key, verdict);
    return verdict;
  }

  /** The index of the first key rule that matches {@code key}, or {@link #NO_MATCH}. */
  int classify(String key) {
    String masked = mask(normalize(key));
    for (int i = 0; i < rules.size(); i++) {
      if (names(rules.get(i), masked)) {
        return i;
      }
    }
    return NO_MATCH;
  }

  /**
   * Whether {@code rule} matches the masked key; a built-in rule only where its words head the key,
   * i.e. no word but a carrier follows them ({@link KeyWords}).
   */
  private static boolean names(SecretRule rule, String masked) {
    Matcher m = rule.pattern().matcher(masked);
    while (m.find()) {
      if (!rule.head() || KeyWords.onlyCarriersFrom(masked, m.end())) {
        return true;
      }
    }
    return false;
  }

  SecretRule rule(int index) {
    return rules.get(index);
  }

  /** Replaces each benign compound by {@code #}, so that key rules no longer see its words. */
  String mask(String normalized) {
    if (benign == null) {
      return normalized;
    }
    Matcher m = benign.matcher(normalized);
    if (!m.find()) {
      return normalized;
    }
    StringBuilder sb = new StringBuilder(normalized.length());
    int last = 0;
    do {
      sb.append(normalized, last, m.start()).append('#');
      last = m.end();
    } while (m.find());
    return sb.append(normalized, last, normalized.length()).toString();
  }

  /**
   * Normalises a key: splits camelCase and PascalCase words ({@code APIKey} → {@code api_key}) and
   * letters from digits ({@code oauth2Token} → {@code oauth_2_token}), folds every character that
   * is not a letter or digit to {@code _}, lower-cases locale-independently, collapses repeated
   * {@code _} and trims it at both ends.
   */
  static String normalize(String key) {
    int n = key.length();
    StringBuilder sb = new StringBuilder(n + 4);
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (!Character.isLetterOrDigit(c) && !Character.isSurrogate(c)) {
        separator(sb);
        continue;
      }
      if (i > 0 && isBoundary(key.charAt(i - 1), c, i + 1 < n ? key.charAt(i + 1) : ' ')) {
        separator(sb);
      }
      sb.append(Character.toLowerCase(c));
    }
    int len = sb.length();
    if (len > 0 && sb.charAt(len - 1) == '_') {
      sb.setLength(len - 1);
    }
    return sb.toString();
  }

  /** A word starts at {@code c}: {@code aB}, {@code ABc} (at B), {@code a1}, {@code 1a}. */
  private static boolean isBoundary(char prev, char c, char next) {
    if (Character.isUpperCase(c)) {
      return Character.isLowerCase(prev)
          || Character.isDigit(prev)
          || (Character.isUpperCase(prev) && Character.isLowerCase(next));
    }
    return Character.isDigit(c) ? Character.isLetter(prev) : Character.isDigit(prev);
  }

  private static void separator(StringBuilder sb) {
    int len = sb.length();
    if (len > 0 && sb.charAt(len - 1) != '_') {
      sb.append('_');
    }
  }
}
