package io.cavra.controlplane.contract.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Refuses byte input that is not UTF-8 before anything reads it. JSON exchanged between systems is
 * UTF-8 (RFC 8259, section 8.1), but Jackson detects UTF-16 and UTF-32 from the first bytes and
 * decodes them, while the secret guard's screen reads bytes as UTF-8: a credential spelled in
 * UTF-16 would reach the model unseen. Every JSON text in another encoding holds a NUL byte (its
 * first char is ASCII) or starts with a byte order mark, and UTF-8 JSON holds neither (a raw U+0000
 * is not allowed anywhere in JSON), so refusing both refuses exactly the other encodings.
 */
public final class Utf8Only {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGHS = 0x8080_8080_8080_8080L;

  private Utf8Only() {}

  /**
   * Throws {@code invalid_json} if {@code bytes} start with a byte order mark or hold a NUL byte.
   *
   * @throws RuntimeException made by {@code refusal}, located at {@code line L, column C} of the
   *     offending byte
   */
  public static void check(byte[] bytes, Refusal refusal) {
    Objects.requireNonNull(bytes, "bytes");
    checkStart(bytes, bytes.length, refusal);
    int nul = indexOfNul(bytes, 0, bytes.length);
    if (nul >= 0) {
      throw nulByte(bytes, nul, refusal);
    }
  }

  /**
   * A stream that reads {@code in} and throws {@code invalid_json} (made by {@code refusal},
   * unchecked) as soon as it reads a leading byte order mark or a NUL byte. Closing it closes
   * {@code in}.
   */
  public static InputStream checking(InputStream in, Refusal refusal) {
    return new Checking(
        Objects.requireNonNull(in, "in"), Objects.requireNonNull(refusal, "refusal"));
  }

  /** The index of the first zero byte in {@code bytes[from, to)}, or -1; eight bytes at a time. */
  static int indexOfNul(byte[] bytes, int from, int to) {
    int i = from;
    for (int n = to - 7; i < n; i += 8) {
      long v = (long) LONGS.get(bytes, i);
      // Exact for "some byte is zero": a borrow can only reach bytes above a zero byte.
      if (((v - ONES) & ~v & HIGHS) != 0) {
        break;
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Checks the first bytes of the input, {@code head[0, length)}, for a byte order mark. */
  private static void checkStart(byte[] head, int length, Refusal refusal) {
    if (length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
      throw refusal.apply("line 1, column 1", "input starts with a byte order mark");
    }
    if (length >= 2
        && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
            || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
      throw notUtf8("line 1, column 1", refusal);
    }
  }

  private static RuntimeException nulByte(byte[] bytes, int index, Refusal refusal) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return notUtf8("line " + line + ", column " + (index - lineStart + 1), refusal);
  }

  private static RuntimeException notUtf8(String location, Refusal refusal) {
    return refusal.apply(location, "input is not UTF-8: UTF-16 and UTF-32 are refused");
  }

  /**
   * Makes the caller's {@code invalid_json} error from a location ({@code line L, column C}) and a
   * reason; the contract's error types live in a package that depends on this one.
   */
  public interface Refusal extends BiFunction<String, String, RuntimeException> {}

  /** Counts lines as it reads, so that a refusal names the line and column of the NUL byte. */
  private static final class Checking extends FilterInputStream {
    private final byte[] head = new byte[3];
    private int headLength;
    private long line = 1;
    private long column;

    private final Refusal refusal;

    Checking(InputStream in, Refusal refusal) {
      super(in);
      this.refusal = refusal;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        inspect(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        inspect(buffer, offset, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Skipped bytes would go unchecked: read them instead.
      byte[] sink = new byte[(int) Math.min(Math.max(n, 0), 8192)];
      int read = read(sink, 0, sink.length);
      return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void inspect(byte[] bytes, int offset, int length) {
      if (headLength < head.length) {
        int take = Math.min(head.length - headLength, length);
        System.arraycopy(bytes, offset, head, headLength, take);
        headLength += take;
        checkStart(head, headLength, refusal);
      }
      int nul = indexOfNul(bytes, offset, offset + length);
      int end = nul >= 0 ? nul : offset + length;
      for (int i = offset; i < end; i++) {
        if (bytes[i] == '\n') {
          line++;
          column = 0;
        } else {
          column++;
        }
      }
      if (nul >= 0) {
        throw notUtf8("line " + line + ", column " + (column + 1), refusal);
      }
    }
  }
}
