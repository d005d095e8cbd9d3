package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.internal.Screening;
import java.util.Arrays;
import java.util.Objects;

/**
 * Applies a {@link SecretGuard} to one JSON document while a reader reads it, so that its strings
 * need not be scanned again once they are in a tree. Made by {@link SecretGuard#screen(byte[])} or
 * {@link SecretGuard#screen(String)}, which walk the raw text once with the guard's keyword
 * automaton. A value rule matches only where one of its keywords occurs, and in a document without
 * escape sequences every string is a stretch of the text, so only a string that holds a keyword
 * occurrence needs the value rules run; keys are classified as {@link SecretGuard#scan} classifies
 * them.
 *
 * <p>The reader reports every key ({@link #key}), every string value ({@link #value}) and every
 * integer of 13 digits or more ({@link #integer}) of the document, each key before its value;
 * {@link #clear()} then says whether the guard finds nothing in it. The screen never clears a
 * document in which the guard would find something; when in doubt (an escape sequence, a rule
 * without keywords, a key that a key rule names even if its value is exempt, a JSON Web Key's
 * {@code kty}) it does not clear, and the caller scans as usual.
 *
 * <pre>{@code
 * DocumentScreen screen = guard.screen(bytes);
 * // while reading: screen.key(name) for every key,
 * //                screen.value(offset, text) for every string value
 * if (!screen.clear()) {
 *   guard.check(tree, "$");
 * }
 * }</pre>
 *
 * Not thread-safe; one per document.
 */
public final class DocumentScreen implements Screening.Screen {
  private final SecretGuard guard;
  private final Hits hits;

  /** Where keywords start in the text, ascending; null if this screen cannot clear the text. */
  private final int[] starts;

  /** Whether offsets count UTF-8 bytes rather than chars. */
  private final boolean utf8;

  private boolean clear;

  /** Whether the last key reported names a name/value entry, so its value is a name to check. */
  private boolean nameNext;

  DocumentScreen(SecretGuard guard, int[] starts, boolean utf8, Hits hits) {
    this.guard = guard;
    this.starts = starts;
    this.utf8 = utf8;
    this.hits = hits;
    this.clear = starts != null;
  }

  /**
   * Reports a string value of the document.
   *
   * @param offset where the string starts in the screened text, counted as {@link
   *     SecretGuard#screen(byte[])} or {@link SecretGuard#screen(String)} says; its opening quote
   *     or its first char. A negative offset means unknown: the string is then scanned as it is.
   * @param text the decoded string
   */
  @Override
  public void value(long offset, String text) {
    Objects.requireNonNull(text, "text");
    if (nameNext) {
      // The value of a name/value entry's name key: a credential's name makes its sibling one.
      nameNext = false;
      if (clear && isCredentialName(text)) {
        clear = false;
      }
    }
    if (!clear || starts.length == 0) {
      return;
    }
    if (offset < 0 || offset > Integer.MAX_VALUE) {
      scan(text);
      return;
    }
    // From the opening quote to the closing one, so either offset convention is covered.
    int i = Arrays.binarySearch(starts, (int) Math.max(0, offset - 1));
    int first = i >= 0 ? i : -i - 1;
    if (first == starts.length) {
      return;
    }
    long next = starts[first];
    if (next <= offset + text.length() || (utf8 && next <= offset + utf8Length(text))) {
      scan(text);
    }
  }

  private void scan(String text) {
    if (guard.values().find(text, hits) != ValueMatcher.NO_MATCH || isCredentialName(text)) {
      clear = false;
    }
  }

  /**
   * A string that names a credential ({@code DB_PASSWORD}) may be the name of a name/value entry
   * whose value is then the credential: only a walk of the tree can tell, so it is not cleared.
   */
  private boolean isCredentialName(String text) {
    return guard.values().assignmentRule() >= 0
        && text.length() <= 80
        && ValueShapes.isIdentifier(text)
        && KeyMatcher.ruleOf(guard.keys().verdict(text)) != KeyMatcher.NO_MATCH;
  }

  /**
   * Reports an integer of the document of 13 digits or more, as its text: a card number can be
   * written as a JSON number, and numbers carry no keyword to find it by.
   */
  @Override
  public void integer(String digits) {
    Objects.requireNonNull(digits, "digits");
    if (clear && guard.values().cardRule() >= 0 && PaymentCards.isCardNumber(digits, 0, 0)) {
      clear = false;
    }
  }

  /** Bytes of {@code text} in UTF-8; asked only when a keyword starts just past its chars. */
  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  /** Reports a key of the document, anywhere in it. */
  @Override
  public void key(String key) {
    Objects.requireNonNull(key, "key");
    if (!clear) {
      return;
    }
    int verdict = guard.keyVerdict(key, hits);
    if (verdict < 0 || KeyMatcher.ruleOf(verdict) != KeyMatcher.NO_MATCH) {
      clear = false;
    }
    // A JSON Web Key is judged by its members together, which only a walk of the tree sees.
    if ((verdict & KeyMatcher.JWK_TYPE_KEY) != 0 && guard.values().jwkRule() >= 0) {
      clear = false;
    }
    nameNext = (verdict & KeyMatcher.NAME_KEY) != 0;
  }

  /**
   * Whether the guard finds nothing in the document, once every key and string value has been
   * reported: the text has no escape sequence, every value rule has keywords, no string value
   * matches a value rule, and no key matches a value rule or names a secret.
   */
  @Override
  public boolean clear() {
    return clear;
  }

  /** Prints whether the document is clear so far; never any of its text. */
  @Override
  public String toString() {
    return "DocumentScreen[clear=" + clear + "]";
  }
}
