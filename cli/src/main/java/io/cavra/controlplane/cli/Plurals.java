package io.cavra.controlplane.cli;

/** Counted nouns for messages: {@code 1 document}, {@code 2 documents}. */
final class Plurals {
  private Plurals() {}

  /**
   * {@code count} and the noun, plural unless the count is one; {@code noun} takes an {@code s}.
   */
  static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
