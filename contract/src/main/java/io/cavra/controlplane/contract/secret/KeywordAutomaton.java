package io.cavra.controlplane.contract.secret;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Aho-Corasick automaton over ASCII keywords, matched case-insensitively, that marks which rules
 * have a keyword in a string and where. Array-based and immutable; a scan allocates nothing unless
 * it finds more keyword occurrences than {@link Hits} has room for.
 */
final class KeywordAutomaton {
  /** Strings at least this long are scanned as two interleaved halves. */
  private static final int SPLIT = 32;

  /** Rule indices are stored in 16 bits. */
  private static final int MAX_RULES = 1 << 16;

  private static final int MAX_KEYWORD = Short.MAX_VALUE;

  /** Per ASCII char, its alphabet class; 0 for chars that occur in no keyword. */
  private final byte[] classOf = new byte[128];

  private final int alphabet;

  /**
   * Full transition table: {@code delta[state * alphabet + class]} is the next state's row offset,
   * bit-inverted (negative) when that state has outputs, so the hot loop tests one sign.
   */
  private final int[] delta;

  /**
   * Keywords that end in a state, indexed by state, each as {@code length << 16 | rule}; null when
   * none.
   */
  private final int[][] outputs;

  private final int stateCount;
  private final int maxKeyword;

  /**
   * Builds the automaton; {@code keywords.get(i)} are the keywords of rule {@code i}, lower-case
   * printable ASCII (checked by {@link SecretRule}).
   */
  KeywordAutomaton(List<List<String>> keywords) {
    if (keywords.size() > MAX_RULES) {
      throw new IllegalArgumentException("too many rules");
    }
    int classes = 1;
    int longest = 1;
    for (List<String> ruleKeywords : keywords) {
      for (String keyword : ruleKeywords) {
        if (keyword.isEmpty() || keyword.length() > MAX_KEYWORD) {
          throw new IllegalArgumentException("keywords must have 1 to 32767 chars");
        }
        longest = Math.max(longest, keyword.length());
        for (int i = 0; i < keyword.length(); i++) {
          char c = keyword.charAt(i);
          if (c >= 128 || (c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("keywords must be lower-case ASCII");
          }
          if (classOf[c] == 0) {
            if (classes == 127) {
              throw new IllegalArgumentException("too many distinct keyword characters");
            }
            classOf[c] = (byte) classes++;
            if (c >= 'a' && c <= 'z') {
              classOf[c - 'a' + 'A'] = classOf[c];
            }
          }
        }
      }
    }
    alphabet = classes;
    maxKeyword = longest;

    // Trie with goto edges; -1 = no edge.
    List<int[]> gotoRows = new ArrayList<>();
    List<TreeSet<Integer>> out = new ArrayList<>();
    gotoRows.add(newRow());
    out.add(new TreeSet<>());
    for (int rule = 0; rule < keywords.size(); rule++) {
      for (String keyword : keywords.get(rule)) {
        int state = 0;
        for (int i = 0; i < keyword.length(); i++) {
          int cls = classOf[keyword.charAt(i)];
          int next = gotoRows.get(state)[cls];
          if (next < 0) {
            next = gotoRows.size();
            gotoRows.add(newRow());
            out.add(new TreeSet<>());
            gotoRows.get(state)[cls] = next;
          }
          state = next;
        }
        out.get(state).add(keyword.length() << 16 | rule);
      }
    }
    stateCount = gotoRows.size();

    // Breadth-first: resolve failure links into a complete DFA and merge outputs along them.
    int[] fail = new int[stateCount];
    int[][] dfa = new int[stateCount][];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    dfa[0] = new int[alphabet];
    for (int cls = 0; cls < alphabet; cls++) {
      int next = gotoRows.get(0)[cls];
      if (next < 0) {
        dfa[0][cls] = 0;
      } else {
        dfa[0][cls] = next;
        fail[next] = 0;
        queue.add(next);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      out.get(state).addAll(out.get(fail[state]));
      dfa[state] = new int[alphabet];
      for (int cls = 0; cls < alphabet; cls++) {
        int next = gotoRows.get(state)[cls];
        if (next < 0) {
          dfa[state][cls] = dfa[fail[state]][cls];
        } else {
          dfa[state][cls] = next;
          fail[next] = dfa[fail[state]][cls];
          queue.add(next);
        }
      }
    }

    outputs = new int[stateCount][];
    for (int state = 0; state < stateCount; state++) {
      TreeSet<Integer> rules = out.get(state);
      if (!rules.isEmpty()) {
        outputs[state] = rules.stream().mapToInt(Integer::intValue).toArray();
      }
    }
    delta = new int[stateCount * alphabet];
    for (int state = 0; state < stateCount; state++) {
      for (int cls = 0; cls < alphabet; cls++) {
        int next = dfa[state][cls];
        int offset = next * alphabet;
        delta[state * alphabet + cls] = outputs[next] == null ? offset : ~offset;
      }
    }
  }

  private int[] newRow() {
    int[] row = new int[alphabet];
    Arrays.fill(row, -1);
    return row;
  }

  int stateCount() {
    return stateCount;
  }

  /**
   * Records every keyword occurrence in {@code s} into {@code hits}; returns whether any. Long
   * strings are scanned as two interleaved halves, since one DFA walk is a chain of dependent
   * loads: the first half runs on past the middle by the longest keyword and reports only
   * occurrences that start before it.
   */
  boolean scan(String s, Hits hits) {
    byte[] classes = classOf;
    int[] table = delta;
    int end = s.length();
    int mid = end < SPLIT ? end : end >>> 1;
    int firstEnd = Math.min(end, mid + maxKeyword - 1);
    int common = Math.min(firstEnd, end - mid);
    int a = 0;
    int b = mid;
    int offsetA = 0;
    int offsetB = 0;
    boolean hit = false;
    for (; a < common; a++, b++) {
      char ca = s.charAt(a);
      offsetA = table[offsetA + (ca < 128 ? classes[ca] : 0)];
      if (offsetA < 0) {
        offsetA = ~offsetA;
        hit |= record(offsetA, a + 1, mid, hits);
      }
      char cb = s.charAt(b);
      offsetB = table[offsetB + (cb < 128 ? classes[cb] : 0)];
      if (offsetB < 0) {
        offsetB = ~offsetB;
        hit |= record(offsetB, b + 1, end, hits);
      }
    }
    for (; a < firstEnd; a++) {
      char ca = s.charAt(a);
      offsetA = table[offsetA + (ca < 128 ? classes[ca] : 0)];
      if (offsetA < 0) {
        offsetA = ~offsetA;
        hit |= record(offsetA, a + 1, mid, hits);
      }
    }
    for (; b < end && mid < end; b++) {
      char cb = s.charAt(b);
      offsetB = table[offsetB + (cb < 128 ? classes[cb] : 0)];
      if (offsetB < 0) {
        offsetB = ~offsetB;
        hit |= record(offsetB, b + 1, end, hits);
      }
    }
    return hit;
  }

  /**
   * As {@link #scan(String, Hits)}, over {@code buf[off, off + len)}; starts are relative to off.
   */
  boolean scan(char[] buf, int off, int len, Hits hits) {
    byte[] classes = classOf;
    int[] table = delta;
    int mid = len < SPLIT ? len : len >>> 1;
    int firstEnd = Math.min(len, mid + maxKeyword - 1);
    int common = Math.min(firstEnd, len - mid);
    int a = 0;
    int b = mid;
    int offsetA = 0;
    int offsetB = 0;
    boolean hit = false;
    for (; a < common; a++, b++) {
      char ca = buf[off + a];
      offsetA = table[offsetA + (ca < 128 ? classes[ca] : 0)];
      if (offsetA < 0) {
        offsetA = ~offsetA;
        hit |= record(offsetA, a + 1, mid, hits);
      }
      char cb = buf[off + b];
      offsetB = table[offsetB + (cb < 128 ? classes[cb] : 0)];
      if (offsetB < 0) {
        offsetB = ~offsetB;
        hit |= record(offsetB, b + 1, len, hits);
      }
    }
    for (; a < firstEnd; a++) {
      char ca = buf[off + a];
      offsetA = table[offsetA + (ca < 128 ? classes[ca] : 0)];
      if (offsetA < 0) {
        offsetA = ~offsetA;
        hit |= record(offsetA, a + 1, mid, hits);
      }
    }
    for (; b < len && mid < len; b++) {
      char cb = buf[off + b];
      offsetB = table[offsetB + (cb < 128 ? classes[cb] : 0)];
      if (offsetB < 0) {
        offsetB = ~offsetB;
        hit |= record(offsetB, b + 1, len, hits);
      }
    }
    return hit;
  }

  /** Records the keywords ending at {@code end} in a state that start before {@code limit}. */
  private boolean record(int offset, int end, int limit, Hits hits) {
    boolean any = false;
    for (int entry : outputs[offset / alphabet]) {
      int start = end - (entry >>> 16);
      if (start < limit) {
        hits.add(start, entry & 0xffff);
        any = true;
      }
    }
    return any;
  }
}
