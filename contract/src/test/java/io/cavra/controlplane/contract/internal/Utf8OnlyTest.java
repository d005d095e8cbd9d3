package io.cavra.controlplane.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.MalformedJsonException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Byte input in UTF-16 or UTF-32, or with a byte order mark, is refused with the line and column of
 * the first offending byte, whether the bytes come as an array or as a stream read in any chunks;
 * UTF-8 JSON of any length passes.
 */
class Utf8OnlyTest {
  private static final Utf8Only.Refusal REFUSED =
      (location, reason) -> MalformedJsonException.of(ErrorCode.INVALID_JSON, location, reason);

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static ContractException refused(byte[] input) {
    return catchThrowableOfType(ContractException.class, () -> Utf8Only.check(input, REFUSED));
  }

  /** Reads the whole stream one byte at a time, or in chunks of {@code chunk}. */
  private static ContractException refusedStreamed(byte[] input, int chunk) {
    return catchThrowableOfType(
        ContractException.class,
        () -> {
          try (InputStream in = Utf8Only.checking(new ByteArrayInputStream(input), REFUSED)) {
            if (chunk == 1) {
              while (in.read() >= 0) {
                // reading is the check
              }
            } else {
              byte[] buffer = new byte[chunk];
              while (in.read(buffer, 0, chunk) >= 0) {
                // reading is the check
              }
            }
          }
        });
  }

  @Test
  void byteOrderMarksAreRefusedAtTheFirstColumn() {
    byte[] utf8Bom = bytes(0xEF, 0xBB, 0xBF, '{', '}');
    byte[] utf16Be = bytes(0xFE, 0xFF, '{', '}');
    byte[] utf16Le = bytes(0xFF, 0xFE, '{', '}');

    for (byte[] input : new byte[][] {utf8Bom, utf16Be, utf16Le}) {
      for (ContractException error :
          new ContractException[] {
            refused(input),
            refusedStreamed(input, 1),
            refusedStreamed(input, 2),
            refusedStreamed(input, 64)
          }) {
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(error.location()).isEqualTo("line 1, column 1");
      }
    }
    assertThat(refused(utf8Bom).getMessage()).isEqualTo("input starts with a byte order mark");
    assertThat(refused(utf16Le).getMessage())
        .isEqualTo("input is not UTF-8: UTF-16 and UTF-32 are refused");
  }

  @Test
  void bytesThatOnlyPartlyMatchAByteOrderMarkPass() {
    for (byte[] input :
        new byte[][] {
          bytes(0xEF, 0xBB, '"'),
          bytes(0xEF, '"', 0xBF),
          bytes('"', 0xBB, 0xBF),
          bytes(0xFE, '"'),
          bytes('"', 0xFF),
          bytes(0xFF, '"'),
          bytes('"', 0xFE),
          bytes(0xFE),
          bytes(0xEF, 0xBB)
        }) {
      assertThatCode(() -> Utf8Only.check(input, REFUSED)).doesNotThrowAnyException();
      assertThat(refusedStreamed(input, 1)).isNull();
    }
  }

  @Test
  void utf16TextIsRefusedAtItsFirstNulByteWithLineAndColumn() {
    byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE);
    ContractException error = refused(utf16);
    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_JSON);
    assertThat(error.location()).isEqualTo("line 1, column 2");
  }

  @Test
  void aNulByteIsLocatedOnItsLineInEveryPositionOfALongInput() {
    String text = "{\n  \"tenant\": \"tenant-a\",\n  \"note\": \"plain text here\"\n}";
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertThatCode(() -> Utf8Only.check(utf8, REFUSED)).doesNotThrowAnyException();
    assertThat(refusedStreamed(utf8, 5)).isNull();
    for (int at = 0; at < utf8.length; at++) {
      byte[] input = utf8.clone();
      input[at] = 0;
      int line = 1;
      int column = 1;
      for (int i = 0; i < at; i++) {
        if (utf8[i] == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      String expected = "line " + line + ", column " + column;
      assertThat(refused(input).location()).as("array, NUL at %d", at).isEqualTo(expected);
      assertThat(refusedStreamed(input, 1).location())
          .as("bytewise, NUL at %d", at)
          .isEqualTo(expected);
      assertThat(refusedStreamed(input, 7).location())
          .as("chunks of 7, NUL at %d", at)
          .isEqualTo(expected);
    }
  }

  @Test
  void skippedBytesAreCheckedToo() throws IOException {
    byte[] input = bytes('"', 'a', 0, 'b', '"');
    try (InputStream in = Utf8Only.checking(new ByteArrayInputStream(input), REFUSED)) {
      assertThat(in.markSupported()).isFalse();
      ContractException error = catchThrowableOfType(ContractException.class, () -> in.skip(4));
      assertThat(error.location()).isEqualTo("line 1, column 3");
    }
    try (InputStream in =
        Utf8Only.checking(new ByteArrayInputStream(bytes('"', 'a', '"')), REFUSED)) {
      assertThat(in.skip(2)).isEqualTo(2);
      assertThat(in.read()).isEqualTo('"');
      assertThat(in.read()).isEqualTo(-1);
    }
  }
}
