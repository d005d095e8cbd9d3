package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextLinesTest {
  @Test
  void linesEndAtLineFeedCarriageReturnLineFeedOrALoneCarriageReturn() throws IOException {
    String text = "a\r\nb\rc\n\nd";

    assertThat(read(new StringReader(text), 100)).containsExactly("a", "b", "c", "", "d");
    assertThat(TextLines.of(text).count()).isEqualTo(5);
    assertThat(TextLines.of(text).line(3)).isEqualTo("c");
  }

  @Test
  void carriageReturnLineFeedSplitAcrossReadsIsOneLineEnd() throws IOException {
    Reader oneCharAtATime =
        new Reader() {
          private final String text = "a\r\nb\r\n";
          private int at;

          @Override
          public int read(char[] buffer, int offset, int length) {
            if (at == text.length()) {
              return -1;
            }
            buffer[offset] = text.charAt(at++);
            return 1;
          }

          @Override
          public void close() {}
        };

    assertThat(read(oneCharAtATime, 100)).containsExactly("a", "b");
  }

  @Test
  void lineLongerThanTheBoundIsReportedAndReadingGoesOn() throws IOException {
    List<String> lines = read(new StringReader("short\n" + "x".repeat(50) + "\nnext\n"), 10);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).isSameAs(TextLines.LineReader.TOO_LONG);
    assertThat(lines.get(2)).isEqualTo("next");
  }

  @Test
  void codePointColumnsBecomeUtf16Columns() {
    TextLines lines = TextLines.of("k: \uD83D\uDE00 v");

    assertThat(lines.utf16Column(1, 5)).isEqualTo(7);
  }

  private static List<String> read(Reader reader, int max) throws IOException {
    TextLines.LineReader lines = new TextLines.LineReader(reader, max);
    List<String> out = new ArrayList<>();
    for (String line = lines.next(); line != null; line = lines.next()) {
      out.add(line);
    }
    return out;
  }
}
