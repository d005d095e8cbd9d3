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
 *
 * <p>The transition table has a column per ASCII char rather than per keyword char: a step is then
 * one load instead of two, for 512 bytes per state (216 KB for the built-in rules).
 */
final class KeywordAutomaton {
  /** Columns per state: one per ASCII char; every other char takes column 127 (DEL, in no keyword). */
  private static final int COLUMNS = 128;

  private static final int COLUMN_SHIFT = 7;

  /** Rule indices are stored in 16 bits. */
  private static final int MAX_RULES = 1 << 16;

  private static final int MAX_KEYWORD = Short.MAX_VALUE;

  /**
   * Full transition table: {@code delta[state * 128 + char]} is the next state's row offset,
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

  /** Strings at least this long are scanned as four segments in step. */
  private final int split;

  /**
   * Builds the automaton; {@code keywords.get(i)} are the keywords of rule {@code i}, lower-case
   * printable ASCII (checked by {@link SecretRule}).
   */
  KeywordAutomaton(List<List<String>> keywords) {
    if (keywords.size() > MAX_RULES) {
      throw new IllegalArgumentException("too many rules");
    }
    // Per ASCII char, its class while building; 0 for chars that occur in no keyword.
    byte[] classOf = new byte[COLUMNS];
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
    int alphabet = classes;
    maxKeyword = longest;
    // Segments run on into the next by the longest keyword: worth it once that is a small part.
    split = 4 * longest;

    // Trie with goto edges; -1 = no edge.
    List<int[]> gotoRows = new ArrayList<>();
    List<TreeSet<Integer>> out = new ArrayList<>();
    gotoRows.add(newRow(alphabet));
    out.add(new TreeSet<>());
    for (int rule = 0; rule < keywords.size(); rule++) {
      for (String keyword : keywords.get(rule)) {
        int state = 0;
        for (int i = 0; i < keyword.length(); i++) {
          int cls = classOf[keyword.charAt(i)];
          int next = gotoRows.get(state)[cls];
          if (next < 0) {
            next = gotoRows.size();
            gotoRows.add(newRow(alphabet));
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
    if ((long) stateCount * COLUMNS > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many keywords");
    }
    delta = new int[stateCount * COLUMNS];
    for (int state = 0; state < stateCount; state++) {
      for (int c = 0; c < COLUMNS; c++) {
        int next = dfa[state][classOf[c]];
        int offset = next << COLUMN_SHIFT;
        delta[(state << COLUMN_SHIFT) + c] = outputs[next] == null ? offset : ~offset;
      }
    }
  }

  private static int[] newRow(int alphabet) {
    int[] row = new int[alphabet];
    Arrays.fill(row, -1);
    return row;
  }

  int stateCount() {
    return stateCount;
  }

  /**
   * Records every keyword occurrence in {@code s} into {@code hits}; returns whether any. The
   * string is copied into the scratch buffer of {@code hits} first: indexing a char array lets the
   * walk below run about 1.7 times as fast as {@link String#charAt}, whose per-char coder and
   * bounds checks stay in the loop.
   */
  boolean scan(String s, Hits hits) {
    int len = s.length();
    char[] buf = hits.buffer(len);
    s.getChars(0, len, buf, 0);
    return scan(buf, 0, len, hits);
  }

  /**
   * As {@link #scan(String, Hits)}, over {@code buf[off, off + len)}; starts are relative to off.
   * One DFA walk is a chain of dependent loads, so long text is cut into four segments walked in
   * step, which the CPU overlaps. Each segment but the last runs on into the next by the longest
   * keyword less one, and reports only occurrences that start inside it.
   */
  boolean scan(char[] buf, int off, int len, Hits hits) {
    if (len < split) {
      return run(buf, off, 0, len, 0, len, hits);
    }
    int[] table = delta;
    int q = len >>> 2;
    int s1 = q;
    int s2 = 2 * q;
    int s3 = 3 * q;
    int a = 0;
    int b = 0;
    int c = 0;
    int d = 0;
    boolean hit = false;
    for (int i = 0; i < q; i++) {
      a = table[a + Math.min(buf[off + i], 127)];
      if (a < 0) {
        a = ~a;
        hit |= record(a, i + 1, s1, hits);
      }
      b = table[b + Math.min(buf[off + s1 + i], 127)];
      if (b < 0) {
        b = ~b;
        hit |= record(b, s1 + i + 1, s2, hits);
      }
      c = table[c + Math.min(buf[off + s2 + i], 127)];
      if (c < 0) {
        c = ~c;
        hit |= record(c, s2 + i + 1, s3, hits);
      }
      d = table[d + Math.min(buf[off + s3 + i], 127)];
      if (d < 0) {
        d = ~d;
        hit |= record(d, s3 + i + 1, len, hits);
      }
    }
    int tail = maxKeyword - 1;
    hit |= run(buf, off, s1, Math.min(len, s1 + tail), a, s1, hits);
    hit |= run(buf, off, s2, Math.min(len, s2 + tail), b, s2, hits);
    hit |= run(buf, off, s3, Math.min(len, s3 + tail), c, s3, hits);
    hit |= run(buf, off, s3 + q, len, d, len, hits);
    return hit;
  }

  /**
   * Walks {@code buf[off + from, off + to)} from the state at row {@code offset}, recording the
   * keywords that start before {@code limit}; returns whether any.
   */
  private boolean run(char[] buf, int off, int from, int to, int offset, int limit, Hits hits) {
    int[] table = delta;
    boolean hit = false;
    for (int i = from; i < to; i++) {
      offset = table[offset + Math.min(buf[off + i], 127)];
      if (offset < 0) {
        offset = ~offset;
        hit |= record(offset, i + 1, limit, hits);
      }
    }
    return hit;
  }

  /** Records the keywords ending at {@code end} in a state that start before {@code limit}. */
  private boolean record(int offset, int end, int limit, Hits hits) {
    boolean any = false;
    for (int entry : outputs[offset >>> COLUMN_SHIFT]) {
      int start = end - (entry >>> 16);
      if (start < limit) {
        hits.add(start, entry & 0xffff);
        any = true;
      }
    }
    return any;
  }
}
