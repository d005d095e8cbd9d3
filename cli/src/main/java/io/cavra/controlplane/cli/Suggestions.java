package io.cavra.controlplane.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean": the known names nearest to a mistyped one. A name is near when it is the same
 * after case and {@code -}/{@code _} are folded, when the typed text starts it and starts no other,
 * or when it is within a few edits (insertions, deletions, substitutions, transpositions): one per
 * four characters typed, at least one. Only known names are ever returned, never the typed text.
 */
final class Suggestions {
  private Suggestions() {}

  /**
   * The nearest known names, best first (ties keep their order in {@code known}); empty when none
   * is near.
   */
  static List<String> nearest(String typed, Iterable<String> known) {
    String key = fold(typed);
    List<String> exact = new ArrayList<>();
    List<String> prefixed = new ArrayList<>();
    List<String> closest = new ArrayList<>();
    int best = Math.max(1, key.length() / 4);
    for (String name : known) {
      String folded = fold(name);
      if (folded.equals(key)) {
        exact.add(name);
        continue;
      }
      if (key.length() >= 3 && folded.startsWith(key)) {
        prefixed.add(name);
      }
      int distance = distance(key, folded);
      if (distance < best) {
        closest.clear();
        best = distance;
      }
      if (distance == best) {
        closest.add(name);
      }
    }
    if (!exact.isEmpty()) {
      return exact;
    }
    if (prefixed.size() == 1) {
      return prefixed;
    }
    return closest.size() <= 3 ? closest : List.of();
  }

  /** {@code ; did you mean 'a'?} or {@code ; did you mean 'a' or 'b'?}, or the empty string. */
  static String didYouMean(String typed, Iterable<String> known) {
    List<String> names = nearest(typed, known);
    if (names.isEmpty()) {
      return "";
    }
    return "; did you mean '" + String.join("' or '", names) + "'?";
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT).replace('-', '_');
  }

  /** Optimal string alignment distance: Levenshtein plus transpositions of neighbours. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
