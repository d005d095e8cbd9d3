package io.cavra.controlplane.contract.secret;

import java.util.ArrayList;
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

  private static final int[] NO_OCCURRENCES = {};

  private final SecretRule[] rules;
  private final KeywordAutomaton automaton;

  /**
   * The automaton's last rule index, which no rule has: its keyword is a backslash, with which
   * every JSON escape sequence starts, so that {@link #occurrences} learns in the same pass whether
   * the strings of a document are stretches of its text.
   */
  private final int escape;

  /** Rules without keywords, which run on every string. */
  private final long[] always;

  private final boolean hasAlways;

  /** Test hook: told the index of every rule whose regex runs; null in production. */
  private final IntConsumer probe;

  /**
   * The index of the {@code payment-card-number} rule, which JSON numbers are checked with; or -1.
   */
  private final int cardRule;

  /**
   * The index of the {@code credential-assignment} rule, which also covers name/value entries; or
   * -1.
   */
  private final int assignmentRule;

  /**
   * The index of the {@code jwk-private-key} rule, which also judges JSON Web Key objects; or -1.
   */
  private final int jwkRule;

  ValueMatcher(List<SecretRule> valueRules, IntConsumer probe) {
    this.rules = valueRules.toArray(new SecretRule[0]);
    List<List<String>> keywords = new ArrayList<>();
    for (SecretRule rule : rules) {
      keywords.add(rule.keywords());
    }
    keywords.add(List.of("\\"));
    this.automaton = new KeywordAutomaton(keywords);
    this.escape = rules.length;
    this.always = new long[(escape + 64) >>> 6];
    boolean any = false;
    for (int r = 0; r < rules.length; r++) {
      if (rules[r].keywords().isEmpty()) {
        always[r >>> 6] |= 1L << r;
        any = true;
      }
    }
    this.hasAlways = any;
    this.probe = probe;
    this.cardRule = indexOf("payment-card-number");
    this.assignmentRule = indexOf("credential-assignment");
    this.jwkRule = indexOf(JsonWebKeys.RULE_ID);
  }

  private int indexOf(String id) {
    for (int r = 0; r < rules.length; r++) {
      if (rules[r].id().equals(id)) {
        return r;
      }
    }
    return -1;
  }

  int cardRule() {
    return cardRule;
  }

  int assignmentRule() {
    return assignmentRule;
  }

  int jwkRule() {
    return jwkRule;
  }

  /** Scratch space for {@link #find}; reusable across calls by one thread. */
  Hits newHits() {
    return new Hits(escape + 1);
  }

  SecretRule rule(int index) {
    return rules[index];
  }

  /**
   * Where keywords start in the raw text of a JSON document, in ascending order; null when no
   * screen can clear it: the text has an escape sequence, or some rule has no keywords.
   */
  int[] occurrences(byte[] json, Hits hits) {
    return hasAlways ? null : occurrences(automaton.scan(json, json.length, hits), hits);
  }

  /** As {@link #occurrences(byte[], Hits)}, for text; offsets count chars. */
  int[] occurrences(String json, Hits hits) {
    return hasAlways ? null : occurrences(automaton.scan(json, hits), hits);
  }

  private int[] occurrences(boolean any, Hits hits) {
    if (!any) {
      return NO_OCCURRENCES;
    }
    int[] starts = null;
    if ((hits.rules[escape >>> 6] & 1L << escape) == 0) {
      hits.sortByStart();
      starts = new int[hits.size()];
      for (int i = 0; i < starts.length; i++) {
        starts[i] = hits.start(i);
      }
    }
    hits.clear();
    return starts;
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
        if (r == escape) {
          continue;
        }
        SecretRule rule = rules[r];
        if (!rule.anchored()) {
          if (probe != null) {
            probe.accept(r);
          }
          found = rule.find(s, hits.matcher(rule, r, s)) ? r : NO_MATCH;
          continue;
        }
        Matcher m = null;
        // As find() does, keyword occurrences inside a vetoed match are not tried again, which
        // keeps long runs of repeated keywords linear.
        int vetoedFrom = 0;
        int vetoedTo = 0;
        for (int i = 0; i < hits.size() && found == NO_MATCH; i++) {
          int start = hits.start(i);
          if (hits.rule(i) != r || (start > vetoedFrom && start < vetoedTo)) {
            continue;
          }
          if (m == null) {
            if (probe != null) {
              probe.accept(r);
            }
            m = hits.matcher(rule, r, s);
          }
          int result = rule.matchAt(s, m, start, s.length());
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
