package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  static List<String> lines(String input, int maxBytes) throws Exception {
    LineReader reader =
        new LineReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), maxBytes);
    List<String> lines = new ArrayList<>();
    for (byte[] line = reader.next(); line != null; line = reader.next()) {
      lines.add(
          line == LineReader.TOO_LONG ? "<too long>" : new String(line, StandardCharsets.UTF_8));
    }
    return lines;
  }

  @Test
  void splitsOnNewlineAndStripsCarriageReturn() throws Exception {
    assertThat(lines("a\r\nb\n\nc", 10)).containsExactly("a", "b", "", "c");
  }

  @Test
  void finalNewlineDoesNotAddAnEmptyLine() throws Exception {
    assertThat(lines("a\nb\n", 10)).containsExactly("a", "b");
    assertThat(lines("", 10)).isEmpty();
  }

  @Test
  void lineOverTheLimitIsSkippedAsTooLong() throws Exception {
    assertThat(lines("12345\n123456\n1234567890123\nok", 5))
        .containsExactly("12345", "<too long>", "<too long>", "ok");
  }

  @Test
  void linesLongerThanTheReadBufferAreJoined() throws Exception {
    String longLine = "x".repeat(200_000);
    assertThat(lines(longLine + "\nshort\n", 300_000)).containsExactly(longLine, "short");
  }

  @Test
  void blankMeansOnlyJsonWhiteSpace() {
    assertThat(LineReader.isBlank(" \t".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(LineReader.isBlank(" {}".getBytes(StandardCharsets.UTF_8))).isFalse();
  }
}
