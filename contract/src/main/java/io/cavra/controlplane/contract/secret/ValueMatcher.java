package io.cavra.controlplane.contract.secret;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;

/**
 * Applies value rules to strings: one keyword-automaton pass selects the candidate rules, and only
 * their regexes run, in rule order: anchored rules only where their keywords occur. Immutable;
 * callers pass their own {@link Hits}.
 */
final class ValueMatcher {
  static final int NO_MATCH = -1;

  private final SecretRule[] rules;
  private final KeywordAutomaton automaton;

  /** Rules without keywords, which run on every string. */
  private final long[] always;

  private final boolean hasAlways;

  /** Test hook: told the index of every rule whose regex runs; null in production. */
  private final IntConsumer probe;

  ValueMatcher(List<SecretRule> valueRules, IntConsumer probe) {
    this.rules = valueRules.toArray(new SecretRule[0]);
    this.automaton = new KeywordAutomaton(valueRules.stream().map(SecretRule::keywords).toList());
    this.always = new long[(rules.length + 63) >>> 6];
    boolean any = false;
    for (int r = 0; r < rules.length; r++) {
      if (rules[r].keywords().isEmpty()) {
        always[r >>> 6] |= 1L << r;
        any = true;
      }
    }
    this.hasAlways = any;
    this.probe = probe;
  }

  /** Scratch space for {@link #find}; reusable across calls by one thread. */
  Hits newHits() {
    return new Hits(rules.length);
  }

  SecretRule rule(int index) {
    return rules[index];
  }

  /** The index of the first rule that matches {@code text}, or {@link #NO_MATCH}. */
  int find(String text, Hits hits) {
    if (!automaton.scan(text, hits) && !hasAlways) {
      return NO_MATCH;
    }
    return run(text, hits);
  }

  /** As {@link #find(String, Hits)}, over {@code buf[off, off + len)}. */
  int find(char[] buf, int off, int len, Hits hits) {
    if (!automaton.scan(buf, off, len, hits) && !hasAlways) {
      return NO_MATCH;
    }
    return run(new String(buf, off, len), hits);
  }

  /** Runs the candidate rules in order and clears {@code hits}. */
  private int run(String s, Hits hits) {
    int found = NO_MATCH;
    hits.sortByStart();
    long[] keyworded = hits.rules;
    for (int w = 0; w < keyworded.length && found == NO_MATCH; w++) {
      long candidates = keyworded[w] | always[w];
      while (found == NO_MATCH && candidates != 0) {
        int r = (w << 6) + Long.numberOfTrailingZeros(candidates);
        candidates &= candidates - 1;
        if (probe != null) {
          probe.accept(r);
        }
        SecretRule rule = rules[r];
        Matcher m = hits.matcher(rule, r, s);
        if (!rule.anchored()) {
          found = rule.find(m) ? r : NO_MATCH;
          continue;
        }
        // As find() does, keyword occurrences inside a vetoed match are not tried again, which
        // keeps long runs of repeated keywords linear.
        int vetoedFrom = 0;
        int vetoedTo = 0;
        for (int i = 0; i < hits.size() && found == NO_MATCH; i++) {
          int start = hits.start(i);
          if (hits.rule(i) != r || (start > vetoedFrom && start < vetoedTo)) {
            continue;
          }
          int result = rule.matchAt(m, start, s.length());
          if (result == SecretRule.ACCEPTED) {
            found = r;
          } else if (result != SecretRule.NONE) {
            vetoedFrom = start;
            vetoedTo = result;
          }
        }
      }
    }
    hits.clear();
    return found;
  }
}
