package io.cavra.controlplane.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines of text as SARIF and JSON parsers count them: a line ends at LF, CR LF or a lone CR. Either
 * a whole text split once ({@link #of(String)}), or a reader read one line at a time with a bound
 * on its length ({@link Reader}).
 */
final class TextLines {
  private final List<String> lines;

  private TextLines(List<String> lines) {
    this.lines = lines;
  }

  static TextLines of(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return new TextLines(lines);
  }

  /** Line {@code number} (1-based), or "" past the end. */
  String line(int number) {
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }

  int count() {
    return lines.size();
  }

  /** The UTF-16 column (1-based) of code point column {@code codePoints} (0-based) on a line. */
  int utf16Column(int number, int codePoints) {
    String line = line(number);
    int cp = Math.min(codePoints, line.codePointCount(0, line.length()));
    return line.offsetByCodePoints(0, cp) + 1 + Math.max(0, codePoints - cp);
  }

  /**
   * Reads lines one at a time; a line longer than the bound is skipped and reported as too long.
   */
  static final class LineReader {
    /** Returned, by identity, for a line longer than the bound. */
    static final String TOO_LONG = new String("");

    private final Reader in;
    private final int maxChars;
    private final StringBuilder line = new StringBuilder(256);
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int limit;
    private boolean afterCr;

    LineReader(Reader in, int maxChars) {
      this.in = in;
      this.maxChars = maxChars;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or {@code null} at the end. */
    String next() throws IOException {
      line.setLength(0);
      boolean tooLong = false;
      boolean any = false;
      while (true) {
        if (position == limit) {
          limit = in.read(buffer, 0, buffer.length);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            if (!any) {
              return null;
            }
            break;
          }
        }
        if (afterCr) {
          afterCr = false;
          if (buffer[position] == '\n') {
            position++;
            continue;
          }
        }
        any = true;
        int start = position;
        int end = start;
        while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
          end++;
        }
        if (!tooLong) {
          if (line.length() + (end - start) > maxChars) {
            tooLong = true;
            line.setLength(0);
          } else {
            line.append(buffer, start, end - start);
          }
        }
        position = end;
        if (end < limit) {
          afterCr = buffer[end] == '\r';
          position++;
          break;
        }
      }
      return tooLong ? TOO_LONG : line.toString();
    }
  }
}
