package io.cavra.controlplane.contract.secret;

import java.util.Arrays;
import java.util.regex.Matcher;

/**
 * Scratch space of one scan for the value rules: which rules had a keyword in the current string
 * and where each keyword occurrence starts, plus one reusable {@link Matcher} per rule. Reused for
 * every string of a scan, so the no-hit path allocates nothing; the arrays and matchers are only
 * made once a keyword occurs. Not thread-safe.
 */
final class Hits {
  final long[] rules;
  private int[] starts;
  private int[] ruleOf;
  private int size;
  private final int ruleCount;
  private Matcher[] matchers;

  Hits(int ruleCount) {
    this.ruleCount = ruleCount;
    rules = new long[(ruleCount + 63) >>> 6];
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

  void clear() {
    Arrays.fill(rules, 0L);
    size = 0;
  }
}
