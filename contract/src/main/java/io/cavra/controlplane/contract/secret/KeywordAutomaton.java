package io.cavra.controlplane.contract.secret;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Aho-Corasick automaton over ASCII keywords, matched case-insensitively and with every digit
 * standing for any digit, that marks which rules have a keyword in a string and where. Array-based
 * and immutable; scans read short strings in place and longer ones from the byte copy that {@link
 * Hits} keeps, and allocate nothing else unless a keyword occurs.
 */
final class KeywordAutomaton {
  /**
   * Keywords are matched on at most their first this many chars: the rule's regex confirms the
   * rest, and a short prefix keeps the overlap of {@link #scan}'s segments small.
   */
  static final int PREFIX = 8;

  /**
   * Texts at least this long are walked as three segments side by side. Three walks keep about as
   * many loads in flight as the hot loop has room for; their overlap costs less than it saves from
   * here on.
   */
  private static final int SIDE_BY_SIDE = 16;

  /**
   * Strings at least this long are copied into a byte buffer before the walk; shorter ones are read
   * with {@code charAt}, because for them the copy's fixed cost outweighs its per-char gain.
   */
  static final int COPIED = 64;

  /** Rule indices are stored in 16 bits. */
  private static final int MAX_RULES = 1 << 16;

  private static final int MAX_KEYWORD = Short.MAX_VALUE;

  /** Per byte, its alphabet class; 0 for chars that occur in no keyword. */
  private final byte[] classOf = new byte[256];

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

  /** How far before its segment a walk starts: the longest matched prefix, less one. */
  private final int overlap;

  /**
   * The row a walk of a whole text starts in: the state after a space, so that a keyword which
   * begins with a space also matches at the start of a text (a card number's keyword is a boundary
   * and digits, and a string value begins at one). Row 0 when no keyword does.
   */
  private final int initial;

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
            if (c >= '0' && c <= '9') {
              // A digit in a keyword stands for any digit: a card number's keyword is a run of
              // them.
              for (char d = '0'; d <= '9'; d++) {
                classOf[d] = classOf[c];
              }
            }
          }
        }
      }
    }
    alphabet = classes;
    overlap = Math.min(longest, PREFIX) - 1;

    // Trie with goto edges; -1 = no edge.
    List<int[]> gotoRows = new ArrayList<>();
    List<TreeSet<Integer>> out = new ArrayList<>();
    gotoRows.add(newRow());
    out.add(new TreeSet<>());
    for (int rule = 0; rule < keywords.size(); rule++) {
      for (String keyword : keywords.get(rule)) {
        int state = 0;
        int length = Math.min(keyword.length(), PREFIX);
        for (int i = 0; i < length; i++) {
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
        out.get(state).add(length << 16 | rule);
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
    int afterSpace = dfa[0][classOf[' ']];
    initial = outputs[afterSpace] == null ? afterSpace * alphabet : 0;
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
   * Records every keyword occurrence in {@code text} into {@code hits}; returns whether any.
   *
   * <p>One DFA walk is a chain of dependent loads, so its speed is the load latency, not the
   * processor's width. Longer texts are therefore cut into three segments walked side by side in
   * one loop, each walk's step written out so that its state stays in a register. A segment's walk
   * starts {@code overlap} chars early, in the start state: a keyword prefix is at most {@code
   * overlap + 1} chars, so by the segment's first char the walk is in the state a walk from the
   * start of the text would be in. Each walk reports only keywords that end inside its own segment,
   * so every occurrence is reported once.
   *
   * <p>Strings of {@link #COPIED} chars or more are copied into a byte buffer first, which the
   * walks then read without a string's per-char checks; shorter ones, most of a contract document,
   * are read in place.
   */
  boolean scan(String text, Hits hits) {
    int n = text.length();
    if (n < COPIED) {
      if (n < SIDE_BY_SIDE) {
        return walk(text, 0, n, initial, 0, hits);
      }
      int s1 = firstCut(n);
      return walkThree(text, s1, s1 + s1 - overlap, n, hits);
    }
    return scan(hits.bytes(text), n, hits);
  }

  /**
   * As {@link #scan(String, Hits)}, over {@code buf[off, off + len)}; starts are relative to off.
   */
  boolean scan(char[] buf, int off, int len, Hits hits) {
    return scan(hits.bytes(buf, off, len), len, hits);
  }

  /** As {@link #scan(String, Hits)}, over {@code bytes[0, n)}. */
  boolean scan(byte[] bytes, int n, Hits hits) {
    if (n < SIDE_BY_SIDE) {
      return walk(bytes, 0, n, initial, 0, hits);
    }
    int s1 = firstCut(n);
    return walkThree(bytes, s1, s1 + s1 - overlap, n, hits);
  }

  /** Where the first of three segments ends: each walk then takes about as many steps. */
  private int firstCut(int n) {
    return (n + 2 * overlap + 2) / 3;
  }

  /** Segments {@code [0, s1)}, {@code [s1, s2)} and {@code [s2, n)}. */
  private boolean walkThree(byte[] text, int s1, int s2, int n, Hits hits) {
    byte[] classes = classOf;
    int[] table = delta;
    int f1 = s1 - overlap;
    int f2 = s2 - overlap;
    int common = n - f2;
    int o0 = initial;
    int o1 = 0;
    int o2 = 0;
    long[] noted = hits.noted();
    int p = 0;
    for (int i = 0; i < common; i++) {
      int c0 = text[i] & 0xff;
      o0 = table[o0 + classes[c0]];
      if (o0 < 0) {
        o0 = ~o0;
        if (p < noted.length) {
          noted[p] = pack(o0, i + 1, 0);
        }
        p++;
      }
      int c1 = text[f1 + i] & 0xff;
      o1 = table[o1 + classes[c1]];
      if (o1 < 0) {
        o1 = ~o1;
        if (p < noted.length) {
          noted[p] = pack(o1, f1 + i + 1, 1);
        }
        p++;
      }
      int c2 = text[f2 + i] & 0xff;
      o2 = table[o2 + classes[c2]];
      if (o2 < 0) {
        o2 = ~o2;
        if (p < noted.length) {
          noted[p] = pack(o2, f2 + i + 1, 2);
        }
        p++;
      }
    }
    if (p > noted.length) {
      return walkAll(text, n, hits);
    }
    boolean hit = flush(noted, p, 0, s1, s2, hits);
    hit |= walk(text, common, s1, o0, 0, hits);
    return walk(text, f1 + common, s2, o1, s1, hits) | hit;
  }

  /**
   * Walks {@code text[from, to)} from row {@code offset}, reporting keywords that end after {@code
   * reportAfter}.
   */
  private boolean walk(byte[] text, int from, int to, int offset, int reportAfter, Hits hits) {
    int start = offset;
    byte[] classes = classOf;
    int[] table = delta;
    long[] noted = hits.noted();
    int p = 0;
    for (int i = from; i < to; i++) {
      int c = text[i] & 0xff;
      offset = table[offset + classes[c]];
      if (offset < 0) {
        offset = ~offset;
        if (p < noted.length) {
          noted[p] = pack(offset, i + 1, 0);
        }
        p++;
      }
    }
    if (p > noted.length) {
      return walkRecording(text, from, to, start, reportAfter, hits);
    }
    return flush(noted, p, reportAfter, reportAfter, reportAfter, hits);
  }

  /**
   * The walks of {@code scan(byte[], ...)} over a short string, read in place; kept apart from the
   * byte walks so that each loop sees one kind of text. The low byte of a char is taken as the byte
   * copy would take it.
   */
  private boolean walkThree(String text, int s1, int s2, int n, Hits hits) {
    byte[] classes = classOf;
    int[] table = delta;
    int f1 = s1 - overlap;
    int f2 = s2 - overlap;
    int common = n - f2;
    int o0 = initial;
    int o1 = 0;
    int o2 = 0;
    long[] noted = hits.noted();
    int p = 0;
    for (int i = 0; i < common; i++) {
      int c0 = text.charAt(i) & 0xff;
      o0 = table[o0 + classes[c0]];
      if (o0 < 0) {
        o0 = ~o0;
        if (p < noted.length) {
          noted[p] = pack(o0, i + 1, 0);
        }
        p++;
      }
      int c1 = text.charAt(f1 + i) & 0xff;
      o1 = table[o1 + classes[c1]];
      if (o1 < 0) {
        o1 = ~o1;
        if (p < noted.length) {
          noted[p] = pack(o1, f1 + i + 1, 1);
        }
        p++;
      }
      int c2 = text.charAt(f2 + i) & 0xff;
      o2 = table[o2 + classes[c2]];
      if (o2 < 0) {
        o2 = ~o2;
        if (p < noted.length) {
          noted[p] = pack(o2, f2 + i + 1, 2);
        }
        p++;
      }
    }
    if (p > noted.length) {
      return walkAll(text, n, hits);
    }
    boolean hit = flush(noted, p, 0, s1, s2, hits);
    hit |= walk(text, common, s1, o0, 0, hits);
    return walk(text, f1 + common, s2, o1, s1, hits) | hit;
  }

  private boolean walk(String text, int from, int to, int offset, int reportAfter, Hits hits) {
    int start = offset;
    byte[] classes = classOf;
    int[] table = delta;
    long[] noted = hits.noted();
    int p = 0;
    for (int i = from; i < to; i++) {
      int c = text.charAt(i) & 0xff;
      offset = table[offset + classes[c]];
      if (offset < 0) {
        offset = ~offset;
        if (p < noted.length) {
          noted[p] = pack(offset, i + 1, 0);
        }
        p++;
      }
    }
    if (p > noted.length) {
      return walkRecording(text, from, to, start, reportAfter, hits);
    }
    return flush(noted, p, reportAfter, reportAfter, reportAfter, hits);
  }

  /**
   * A keyword occurrence as a walk's loop notes it, to record after the loop: the loop then holds a
   * store where it held a call, and the compiled loop stays tight however rarely keywords occur (a
   * rarely taken call in it made the walk of long texts a third slower). Bits 0-29: the state's row
   * offset; 30-31: the walk (0 alone or first of three, 1 second, 2 third); 32-62: the end.
   */
  private static long pack(int offset, int end, int walk) {
    return (long) end << 32 | (long) walk << 30 | offset;
  }

  /**
   * Records noted occurrences; walk {@code w} reports only keywords ending after {@code afterW}.
   */
  private boolean flush(long[] noted, int count, int after0, int after1, int after2, Hits hits) {
    boolean hit = false;
    for (int k = 0; k < count; k++) {
      long e = noted[k];
      int walk = (int) (e >>> 30) & 3;
      int reportAfter = walk == 0 ? after0 : walk == 1 ? after1 : after2;
      hit |= record((int) e & 0x3fff_ffff, (int) (e >>> 32), reportAfter, hits);
    }
    return hit;
  }

  /**
   * Records every occurrence in {@code text[0, n)} in one walk: when more occurred than were noted.
   */
  private boolean walkAll(byte[] text, int n, Hits hits) {
    return walkRecording(text, 0, n, initial, 0, hits);
  }

  private boolean walkAll(String text, int n, Hits hits) {
    return walkRecording(text, 0, n, initial, 0, hits);
  }

  private boolean walkRecording(
      byte[] text, int from, int to, int offset, int reportAfter, Hits hits) {
    byte[] classes = classOf;
    int[] table = delta;
    boolean hit = false;
    for (int i = from; i < to; i++) {
      offset = table[offset + classes[text[i] & 0xff]];
      if (offset < 0) {
        offset = ~offset;
        hit |= record(offset, i + 1, reportAfter, hits);
      }
    }
    return hit;
  }

  private boolean walkRecording(
      String text, int from, int to, int offset, int reportAfter, Hits hits) {
    byte[] classes = classOf;
    int[] table = delta;
    boolean hit = false;
    for (int i = from; i < to; i++) {
      offset = table[offset + classes[text.charAt(i) & 0xff]];
      if (offset < 0) {
        offset = ~offset;
        hit |= record(offset, i + 1, reportAfter, hits);
      }
    }
    return hit;
  }

  /** Records the keywords that end at {@code end}, if that is after {@code reportAfter}. */
  private boolean record(int offset, int end, int reportAfter, Hits hits) {
    if (end <= reportAfter) {
      return false;
    }
    for (int entry : outputs[offset / alphabet]) {
      // A keyword that begins with a space can end one char into a text, at the virtual space.
      hits.add(Math.max(0, end - (entry >>> 16)), entry & 0xffff);
    }
    return true;
  }
}
