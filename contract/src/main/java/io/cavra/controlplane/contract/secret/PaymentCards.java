package io.cavra.controlplane.contract.secret;

import java.util.regex.Matcher;

/**
 * Recognises primary account numbers (PANs) of payment cards: 13 to 19 digits whose issuer
 * identification number belongs to a card network and whose length is one that network issues,
 * passing the Luhn check, written whole or in groups separated by single spaces or dashes (one kind
 * of separator throughout). Truncated and masked numbers (at most the first six and last four
 * digits visible, as PCI DSS allows) do not match: they hold fewer digits.
 *
 * <p>Networks: Visa, Mastercard, American Express, Discover, JCB, Diners Club, UnionPay, Maestro,
 * Mir, RuPay, Verve and Troy. UATP (prefix 1) is left out on purpose: its numbers look like epoch
 * timestamps in milliseconds.
 */
final class PaymentCards {
  private PaymentCards() {}

  /**
   * The rule's regex: 13 to 19 digits in a row, or groups of four joined by one kind of separator
   * (a space or a dash) with a last group of one to four, or the 4-6-5 of American Express and
   * 4-6-4 of Diners Club, not touching other letters or digits. {@link #accept} checks the rest.
   */
  static final String REGEX =
      "(?<![0-9A-Za-z])(?:[0-9]{13,19}|[0-9]{4}([ -])[0-9]{4}(?:\\1[0-9]{4}){1,2}(?:\\1[0-9]{1,4})?"
          + "|[0-9]{4}([ -])[0-9]{6}\\2[0-9]{4,5})(?![0-9A-Za-z])";

  /**
   * The prefilter's keywords (a digit in a keyword stands for any digit): a delimiter before seven
   * digits, or four digits, a separator and three more (which dates, {@code 2026-11-02}, are not),
   * as every PAN starts in text; a text's start counts as a space to the automaton. Runs of digits
   * alone, or after a dash or a slash, occur in most hex digests, UUIDs and paths and would cost
   * the common case a regex run each, so they do not count ({@code INV-4111…} is not looked at). A
   * JSON number needs no keyword: the walks check integers themselves.
   */
  static final String[] KEYWORDS = {
    " 0000000", "\"0000000", "'0000000", "=0000000", ":0000000", ",0000000", ";0000000",
    "(0000000", "[0000000", "{0000000", "\t0000000", "\n0000000", "0000 000", "0000-000"
  };

  /** The filter of the regex's matches. */
  static boolean accept(CharSequence text, Matcher m) {
    return isCardNumber(text, m.start(), m.end());
  }

  /** Whether the integer {@code number} is a card number (JSON numbers count too). */
  static boolean isCardNumber(Number number) {
    if (number instanceof Long || number instanceof Integer) {
      long value = number.longValue();
      return value >= 1_000_000_000_000L && isCardNumber(Long.toString(value), 0, 0);
    }
    if (number instanceof java.math.BigInteger) {
      String digits = number.toString();
      return digits.length() <= 19 && isCardNumber(digits, 0, digits.length());
    }
    return false;
  }

  /** Whether {@code text[start, end)} (the whole string when both are 0) is a PAN. */
  static boolean isCardNumber(CharSequence text, int start, int end) {
    if (start == 0 && end == 0) {
      end = text.length();
    }
    char separator = 0;
    int count = 0;
    int[] digits = new int[19];
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (count == 19) {
          return false;
        }
        digits[count++] = c - '0';
      } else if (separator == 0 || separator == c) {
        separator = c;
      } else {
        return false;
      }
    }
    return count >= 13
        && issued(digits, count)
        && luhn(digits, count)
        && !monotonous(digits, count);
  }

  /** Whether a network issues numbers of this length with this prefix. */
  private static boolean issued(int[] d, int length) {
    int p2 = d[0] * 10 + d[1];
    int p3 = p2 * 10 + d[2];
    int p4 = p3 * 10 + d[3];
    int p6 = (p4 * 10 + d[4]) * 10 + d[5];
    switch (d[0]) {
      case 4: // Visa
        return length == 13 || length == 16 || length == 19;
      case 5:
        if (p2 >= 51 && p2 <= 55) {
          return length == 16; // Mastercard
        }
        if (p6 >= 506099 && p6 <= 506198) {
          return length == 16 || length == 18 || length == 19; // Verve
        }
        return (p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p3 == 508)
            && length >= 13; // Maestro, RuPay
      case 2:
        if (p4 >= 2221 && p4 <= 2720) {
          return length == 16; // Mastercard
        }
        return p4 >= 2200 && p4 <= 2204 && length >= 16; // Mir
      case 3:
        if (p2 == 34 || p2 == 37) {
          return length == 15; // American Express
        }
        if (p4 >= 3528 && p4 <= 3589) {
          return length >= 16; // JCB
        }
        if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) {
          return length >= 14; // Diners Club
        }
        return (p3 == 353 || p3 == 356) && length == 16; // RuPay
      case 6:
        if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) {
          return length >= 16; // Discover, RuPay (65)
        }
        if (p2 == 62 || p2 == 60) {
          return length >= 16; // UnionPay, RuPay (60)
        }
        if (p4 == 6304 || p4 == 6759 || (p4 >= 6761 && p4 <= 6763)) {
          return length >= 13; // Maestro
        }
        return p6 >= 650002 && p6 <= 650027 && length >= 16; // Verve
      case 8:
        return (p2 == 81 || p2 == 82) && length >= 16; // UnionPay, RuPay
      case 9:
        return p4 == 9792 && length == 16; // Troy
      default:
        return false;
    }
  }

  private static boolean luhn(int[] d, int length) {
    int sum = 0;
    for (int i = length - 1, k = 0; i >= 0; i--, k++) {
      int v = d[i];
      if ((k & 1) == 1) {
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
    }
    return sum % 10 == 0;
  }

  /** One digit repeated after the prefix ({@code 4000000000000002}… passes, {@code 4444…} not). */
  private static boolean monotonous(int[] d, int length) {
    for (int i = 2; i < length; i++) {
      if (d[i] != d[1]) {
        return false;
      }
    }
    return true;
  }
}
