package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Identifiers are stripped as Python's {@code str.strip()} strips them: exactly the characters for
 * which CPython's {@code str.isspace()} is true, at both ends and nowhere else.
 */
class PythonWhitespaceTest {

  /** Every BMP character for which CPython 3.12's {@code str.isspace()} is true. */
  private static boolean pythonIsSpace(int c) {
    return (c >= 0x09 && c <= 0x0d)
        || (c >= 0x1c && c <= 0x20)
        || c == 0x85
        || c == 0xa0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202f
        || c == 0x205f
        || c == 0x3000;
  }

  @Test
  void exactlyPythonsWhiteSpaceCharactersAreSpace() {
    List<String> disagreements = new ArrayList<>();
    for (int c = 0; c <= 0xffff; c++) {
      if (Checks.isPythonSpace((char) c) != pythonIsSpace(c)) {
        disagreements.add(String.format("U+%04X", c));
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void stripRemovesWhiteSpaceAtBothEndsOnly() {
    assertThat(Checks.pythonStrip("\u3000\t tenant a\u00a0\u2028\n")).isEqualTo("tenant a");
    assertThat(Checks.pythonStrip("\u200btenant\u200b")).isEqualTo("\u200btenant\u200b");
    assertThat(Checks.pythonStrip(" \u0085\u001f ")).isEmpty();
  }

  @Test
  void textWithNothingToStripIsReturnedAsItIs() {
    String text = "tenant-a";
    assertThat(Checks.pythonStrip(text)).isSameAs(text);
  }
}
