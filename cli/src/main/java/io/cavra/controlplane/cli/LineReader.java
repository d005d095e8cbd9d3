package io.cavra.controlplane.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads JSON Lines as raw bytes, one line at a time, so that every line goes through the contract
 * parser's strict UTF-8 check. Memory is bounded by {@code maxBytes}: a longer line is skipped and
 * reported as {@link #TOO_LONG}.
 */
final class LineReader {
  /** Returned, by identity, for a line longer than the limit. */
  static final byte[] TOO_LONG = new byte[0];

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[256];

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line without its {@code \n} or {@code \r\n}; {@code null} at the end of input. */
  byte[] next() throws IOException {
    int length = 0;
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
      any = true;
      int start = position;
      int end = start;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      int chunk = end - start;
      if (!tooLong) {
        if (length + chunk > maxBytes + 1) {
          tooLong = true;
        } else {
          if (length + chunk > line.length) {
            line =
                Arrays.copyOf(
                    line, Math.max(length + chunk, Math.min(line.length * 2, maxBytes + 1)));
          }
          System.arraycopy(buffer, start, line, length, chunk);
          length += chunk;
        }
      }
      position = end;
      if (end < limit) {
        position++;
        break;
      }
    }
    if (!tooLong && length > 0 && line[length - 1] == '\r') {
      length--;
    }
    if (tooLong || length > maxBytes) {
      return TOO_LONG;
    }
    return Arrays.copyOf(line, length);
  }

  /** Whether a line holds only JSON white space; such lines are skipped, but still counted. */
  static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
