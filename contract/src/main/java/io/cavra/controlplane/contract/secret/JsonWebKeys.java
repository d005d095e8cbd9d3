package io.cavra.controlplane.contract.secret;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON Web Keys (RFC 7517, 7518, 8037) that hold private or symmetric key material: an object whose
 * {@code kty} is {@code RSA}, {@code EC}, {@code OKP} or {@code oct}, with a private member ({@code
 * d}; RSA's {@code p}, {@code q}, {@code dp}, {@code dq}, {@code qi}; a symmetric key's {@code k})
 * that holds base64url text. A public key ({@code n}, {@code e}, {@code x}, {@code y}) holds none,
 * so a JWKS document passes. No key word names these members, and an object under a key rule's key
 * is searched only for value-carrying keys, so neither the key rules nor the value rules alone
 * would see such a key: a JSON tree is judged per object, text by {@link #REGEX} and {@link
 * #accept}.
 */
final class JsonWebKeys {
  private JsonWebKeys() {}

  static final String RULE_ID = "jwk-private-key";

  /** Member names are case-sensitive in JOSE, so these are compared as they are. */
  private static final Set<String> TYPES = Set.of("RSA", "EC", "OKP", "oct");

  private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "k");

  /** The shortest member that counts: 96 bits in base64url (a P-256 {@code d} has 43 chars). */
  private static final int MIN_MATERIAL = 16;

  /**
   * A {@code kty} member in JSON text; {@link #accept} then looks for a private member beside it.
   */
  static final String REGEX = "(?<=\")kty\"\\s*:\\s*\"(?:RSA|EC|OKP|oct)\"";

  static final String KEYWORD = "kty";

  private static final Pattern PRIVATE_MEMBER =
      Pattern.compile(
          "\"(?:dp|dq|qi|d|p|q|k)\"\\s*:\\s*\"([A-Za-z0-9_-]{" + MIN_MATERIAL + ",})\"");

  /** How far from {@code kty} the braces of its object are looked for in text. */
  private static final int OBJECT_REACH = 16_384;

  /** Whether {@code key} is {@code kty}. */
  static boolean isTypeKey(String key) {
    return key.length() == 3 && key.equals("kty");
  }

  /** Whether {@code key} names a private member of some key type. */
  static boolean isPrivateMember(String key) {
    return key.length() <= 2 && PRIVATE_MEMBERS.contains(key);
  }

  /** Whether a {@code kty} value is a key type with private members. */
  static boolean isKeyType(CharSequence value) {
    return value.length() <= 3 && TYPES.contains(value.toString());
  }

  /**
   * Whether a private member's value is key material: base64url of 16 chars or more with both
   * letter cases (random text of that length lacks one with odds of about 1 in 10^5; words written
   * as a stand-in, such as {@code REDACTED_PRIVATE_EXPONENT}, have one), and no placeholder.
   */
  static boolean isKeyMaterial(CharSequence value) {
    int n = value.length();
    if (n < MIN_MATERIAL) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (!((c >= '0' && c <= '9') || c == '-' || c == '_')) {
        return false;
      }
    }
    return upper && lower && !Placeholders.isPlaceholder(value);
  }

  /**
   * The filter of {@link #REGEX}'s matches: the flat object around the {@code kty} member, from the
   * nearest brace before it to the nearest after it, has a private member holding key material.
   */
  static boolean accept(CharSequence text, Matcher m) {
    int open = m.start() - 1;
    int floor = Math.max(0, m.start() - OBJECT_REACH);
    while (open >= floor && text.charAt(open) != '{' && text.charAt(open) != '}') {
      open--;
    }
    if (open < floor || text.charAt(open) != '{') {
      return false;
    }
    int close = m.end();
    int ceiling = Math.min(text.length(), m.end() + OBJECT_REACH);
    while (close < ceiling && text.charAt(close) != '}' && text.charAt(close) != '{') {
      close++;
    }
    if (close >= ceiling || text.charAt(close) != '}') {
      return false;
    }
    Matcher member = PRIVATE_MEMBER.matcher(text).region(open, close);
    while (member.find()) {
      if (isKeyMaterial(member.group(1))) {
        return true;
      }
    }
    return false;
  }
}
