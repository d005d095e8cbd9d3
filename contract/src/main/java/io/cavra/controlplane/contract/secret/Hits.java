package io.cavra.controlplane.contract.secret;

import java.util.Arrays;
import java.util.regex.Matcher;

/**
 * Scratch space of one scan for the value rules: which rules had a keyword in the current string
 * and where each keyword occurrence starts, one reusable {@link Matcher} per rule, and the byte
 * copy the automaton walks for long strings. Reused for every string of a scan, so the no-hit path
 * allocates only when a string is longer than any before; the arrays and matchers are only made
 * once a keyword occurs. Not thread-safe.
 */
final class Hits {
  final long[] rules;
  private int[] starts;
  private int[] ruleOf;
  private int size;
  private final int ruleCount;
  private Matcher[] matchers;
  private byte[] bytes;
  private long[] noted;

  Hits(int ruleCount) {
    this.ruleCount = ruleCount;
    rules = new long[(ruleCount + 63) >>> 6];
  }

  /**
   * {@code text} as one byte per char, in a buffer reused across strings: the automaton walks bytes
   * without a string's per-char checks. A char above U+00FF is taken by its low byte, which may add
   * a keyword candidate that the rule's regex then refutes, but never hides one, since keywords are
   * ASCII.
   */
  @SuppressWarnings("deprecation") // the one String method that copies chars as bytes, undecoded
  byte[] bytes(String text) {
    ensureBytes(text.length());
    text.getBytes(0, text.length(), bytes, 0);
    return bytes;
  }

  /** As {@link #bytes(String)}, for {@code chars[off, off + len)}. */
  byte[] bytes(char[] chars, int off, int len) {
    ensureBytes(len);
    for (int i = 0; i < len; i++) {
      bytes[i] = (byte) chars[off + i];
    }
    return bytes;
  }

  private void ensureBytes(int n) {
    if (bytes == null || n > bytes.length) {
      bytes = new byte[Math.max(n, bytes == null ? 64 : bytes.length * 2)];
    }
  }

  void add(int start, int rule) {
    rules[rule >>> 6] |= 1L << rule;
    if (starts == null) {
      starts = new int[8];
      ruleOf = new int[8];
    } else if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ruleOf = Arrays.copyOf(ruleOf, size * 2);
    }
    starts[size] = start;
    ruleOf[size] = rule;
    size++;
  }

  int size() {
    return size;
  }

  int start(int i) {
    return starts[i];
  }

  int rule(int i) {
    return ruleOf[i];
  }

  /** The matcher of {@code rule} reset to {@code text}, created on first use. */
  Matcher matcher(SecretRule rule, int index, String text) {
    if (matchers == null) {
      matchers = new Matcher[ruleCount];
    }
    Matcher m = matchers[index];
    if (m == null) {
      // Transparent bounds let lookbehinds see the text before an anchored start.
      m = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      matchers[index] = m;
      return m;
    }
    return m.reset(text);
  }

  /**
   * Puts the occurrences in ascending order of start, as {@link Matcher#find()} would meet them;
   * the automaton's side-by-side walks record them out of order.
   */
  void sortByStart() {
    boolean sorted = true;
    for (int i = 1; i < size && sorted; i++) {
      sorted = starts[i - 1] <= starts[i];
    }
    if (sorted) {
      return;
    }
    long[] packed = new long[size];
    for (int i = 0; i < size; i++) {
      packed[i] = (long) starts[i] << 32 | i;
    }
    Arrays.sort(packed);
    int[] byStart = new int[size];
    int[] rulesByStart = new int[size];
    for (int i = 0; i < size; i++) {
      int from = (int) packed[i];
      byStart[i] = starts[from];
      rulesByStart[i] = ruleOf[from];
    }
    System.arraycopy(byStart, 0, starts, 0, size);
    System.arraycopy(rulesByStart, 0, ruleOf, 0, size);
  }

  /** A small buffer where a walk notes keyword occurrences before recording them; reused. */
  long[] noted() {
    if (noted == null) {
      noted = new long[16];
    }
    return noted;
  }

  void clear() {
    Arrays.fill(rules, 0L);
    size = 0;
  }
}
