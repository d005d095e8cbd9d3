package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cavra.controlplane.contract.secret.SecretGuard;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reader's limits at their edges: a document of exactly the byte limit or the depth limit is
 * read, one byte or one level more is refused, and text is measured in the UTF-8 bytes it would
 * take, not in chars. Also where the reader reports a position in non-ASCII input, and when a
 * screened read calls a document clear.
 */
class ReaderLimitsTest {

  /** A JSON string of {@code units} copies of {@code unit}. */
  private static String stringDocument(String unit, int units) {
    return "\"" + unit.repeat(units) + "\"";
  }

  private static ContractException refused(Runnable read) {
    return catchThrowableOfType(ContractException.class, read::run);
  }

  @Test
  void bytesOfExactlyTheLimitAreReadAndOneMoreIsTooLarge() {
    JsonTreeReader reader = new JsonTreeReader(10, 8);
    byte[] ten = stringDocument("a", 8).getBytes(StandardCharsets.UTF_8);
    byte[] eleven = stringDocument("a", 9).getBytes(StandardCharsets.UTF_8);

    assertThat(reader.read(ten)).isEqualTo("a".repeat(8));
    ContractException error = refused(() -> reader.read(eleven));
    assertThat(error.code()).isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(error.location()).isEqualTo("$");
    assertThat(error.getMessage()).isEqualTo("input is larger than 10 bytes");
  }

  @Test
  void asciiTextOfExactlyTheLimitIsReadAndOneCharMoreIsTooLarge() {
    JsonTreeReader reader = new JsonTreeReader(10, 8);

    assertThat(reader.read(stringDocument("a", 8))).isEqualTo("a".repeat(8));
    assertThat(refused(() -> reader.read(stringDocument("a", 9))).code())
        .isEqualTo(ErrorCode.TOO_LARGE);
  }

  @Test
  void textIsMeasuredInUtf8BytesForEveryCharacterWidth() {
    // Two quotes plus the characters: each case is exactly 14 bytes, and one unit more is over.
    JsonTreeReader reader = new JsonTreeReader(14, 8);
    String twoBytes = "\u00e9";
    String threeBytes = "\u20ac";
    String fourBytes = new String(Character.toChars(0x1F600));

    assertThat(reader.read(stringDocument(twoBytes, 6))).isEqualTo(twoBytes.repeat(6));
    assertThat(reader.read(stringDocument(threeBytes, 4))).isEqualTo(threeBytes.repeat(4));
    assertThat(reader.read(stringDocument(fourBytes, 3))).isEqualTo(fourBytes.repeat(3));
    assertThat(refused(() -> reader.read(stringDocument(twoBytes, 7))).code())
        .isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(refused(() -> reader.read(stringDocument(threeBytes, 5))).code())
        .isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(refused(() -> reader.read(stringDocument(fourBytes, 4))).code())
        .isEqualTo(ErrorCode.TOO_LARGE);
  }

  @Test
  void aMixedTextJustOverTheLimitIsTooLargeEvenThoughItsCharsFit() {
    // 2 + 1 + 2 + 3 + 4 = 12 bytes in 6 chars: under a limit of 11 only when counted in chars.
    String text = "\"a\u00e9\u20ac" + new String(Character.toChars(0x1F600)) + "\"";
    assertThat(refused(() -> new JsonTreeReader(11, 8).read(text)).code())
        .isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(new JsonTreeReader(12, 8).read(text))
        .isEqualTo(text.substring(1, text.length() - 1));
  }

  @Test
  void screenedTextIsHeldToTheByteLimitToo() {
    JsonTreeReader reader = new JsonTreeReader(10, 8);
    ContractException error =
        refused(() -> reader.readScreened(stringDocument("\u20ac", 3), SecretGuard.defaults()));
    assertThat(error.code()).isEqualTo(ErrorCode.TOO_LARGE);
  }

  @Test
  void nestingOfExactlyTheDepthLimitIsReadAndOneLevelMoreIsTooDeep() {
    JsonTreeReader reader = new JsonTreeReader(1000, 3);

    assertThat(reader.read("{\"a\":{\"b\":{\"c\":1}}}"))
        .isEqualTo(Map.of("a", Map.of("b", Map.of("c", 1L))));
    assertThat(reader.read("[[[1]]]")).isEqualTo(List.of(List.of(List.of(1L))));
    ContractException objects = refused(() -> reader.read("{\"a\":{\"b\":{\"c\":{\"d\":1}}}}"));
    assertThat(objects.code()).isEqualTo(ErrorCode.TOO_DEEP);
    assertThat(objects.location()).isEqualTo("a.b.c");
    assertThat(objects.getMessage()).isEqualTo("input nests deeper than 3 levels");
    ContractException arrays = refused(() -> reader.read("[[[[1]]]]"));
    assertThat(arrays.code()).isEqualTo(ErrorCode.TOO_DEEP);
    assertThat(arrays.location()).isEqualTo("$[0][0][0]");
  }

  @Test
  void syntaxErrorsAfterNonAsciiTextAreReportedInCharactersNotBytes() {
    JsonTreeReader reader = new JsonTreeReader(1000, 8);
    // Non-ASCII within the first eight bytes, read eight at a time.
    byte[] early = "{\"\u00e9\u00e9\u00e9\": tru}".getBytes(StandardCharsets.UTF_8);
    // Non-ASCII only in the last few bytes, after the eight-byte blocks.
    byte[] late =
        "{\"abcdefghij\": [1, 2, 3], \"k\": \"\u00e9\u00e9\" x}".getBytes(StandardCharsets.UTF_8);

    ContractException first = refused(() -> reader.read(early));
    assertThat(first.code()).isEqualTo(ErrorCode.INVALID_JSON);
    assertThat(first.location()).isEqualTo("line 1, column 9");
    ContractException second = refused(() -> reader.read(late));
    assertThat(second.code()).isEqualTo(ErrorCode.INVALID_JSON);
    assertThat(second.location()).isEqualTo("line 1, column 37");
  }

  @Test
  void textWithALoneSurrogateIsNeverClear() {
    JsonTreeReader reader = new JsonTreeReader(1000, 8);
    String lone = "{\"note\":\"a\ud800b\"}";

    assertThat(reader.readScreened("{\"note\":\"ab\"}", SecretGuard.defaults()).clear()).isTrue();
    assertThat(reader.readScreened(lone, SecretGuard.defaults()).clear()).isFalse();
  }

  @Test
  void aCardNumberWrittenAsAJsonNumberIsNotClear() {
    JsonTreeReader reader = new JsonTreeReader(1000, 8);
    // The shortest card numbers have 13 digits; a 13-digit number that is no card stays clear.
    for (int length : new int[] {13, 16}) {
      byte[] card = ("{\"n\":" + cardNumber(length) + "}").getBytes(StandardCharsets.UTF_8);
      assertThat(reader.readScreened(card, SecretGuard.defaults()).clear())
          .as("%d digits", length)
          .isFalse();
    }
    byte[] plain = "{\"n\":1234567890123}".getBytes(StandardCharsets.UTF_8);
    assertThat(reader.readScreened(plain, SecretGuard.defaults()).clear()).isTrue();
  }

  /**
   * A Visa-shaped, Luhn-valid number of {@code length} digits, made here rather than written out.
   */
  private static String cardNumber(int length) {
    StringBuilder digits = new StringBuilder("4");
    for (int i = 1; i < length - 1; i++) {
      digits.append((char) ('0' + i % 10));
    }
    int sum = 0;
    for (int i = digits.length() - 1, k = 1; i >= 0; i--, k++) {
      int v = digits.charAt(i) - '0';
      if (k % 2 == 1) {
        v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      }
      sum += v;
    }
    return digits.append((char) ('0' + (10 - sum % 10) % 10)).toString();
  }
}
