package io.cavra.controlplane.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link Gateway} writes its audit trail: one JSON object per line and per request, flushed
 * as it is written. Immutable and thread-safe; it names a destination, which the gateway opens when
 * it starts and closes when it stops.
 *
 * <p>Each line holds {@code time} (RFC 3339, UTC, when the request arrived), {@code request_id},
 * {@code method}, {@code route} (the route template, never the raw path), {@code correlation_id},
 * {@code operation}, {@code tenant}, {@code key_id} (the id, never the key), {@code outcome},
 * {@code status} (HTTP) and {@code latency_ms}; a field that is not known is {@code null}. A line
 * never holds a payload, a header value or a submitted value that the contract did not validate.
 */
public final class AuditSink {
  private static final AuditSink STDOUT = new AuditSink(Kind.STDOUT, null);
  private static final AuditSink STDERR = new AuditSink(Kind.STDERR, null);
  private static final AuditSink NONE = new AuditSink(Kind.NONE, null);

  private enum Kind {
    STDOUT,
    STDERR,
    FILE,
    NONE
  }

  /** Default size at which a file sink rotates: 64 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;

  /** Default number of rotated files kept beside the current one: {@value}. */
  public static final int DEFAULT_KEEP_FILES = 5;

  private final Kind kind;
  private final Path file;
  private final long maxFileBytes;
  private final int keepFiles;

  private AuditSink(Kind kind, Path file) {
    this(kind, file, DEFAULT_MAX_FILE_BYTES, DEFAULT_KEEP_FILES);
  }

  private AuditSink(Kind kind, Path file, long maxFileBytes, int keepFiles) {
    this.kind = kind;
    this.file = file;
    this.maxFileBytes = maxFileBytes;
    this.keepFiles = keepFiles;
  }

  /** Audit lines to standard output. */
  public static AuditSink stdout() {
    return STDOUT;
  }

  /** Audit lines to standard error, beside the log. */
  public static AuditSink stderr() {
    return STDERR;
  }

  /**
   * Audit lines appended to {@code file}, which is created if missing. When a line would take the
   * file past {@value #DEFAULT_MAX_FILE_BYTES} bytes (64 MiB), the file is rotated: {@code file.1}
   * becomes {@code file.2} and so on, the oldest beyond {@value #DEFAULT_KEEP_FILES} is deleted,
   * the file becomes {@code file.1}, and a new file is started; see {@link #withRotation}.
   */
  public static AuditSink file(Path file) {
    return new AuditSink(Kind.FILE, Objects.requireNonNull(file, "file"));
  }

  /**
   * A copy of this file sink that rotates at {@code maxFileBytes} (at least 1 KiB) and keeps {@code
   * keepFiles} rotated files; {@code maxFileBytes} of {@link Long#MAX_VALUE} never rotates, for a
   * platform's own log rotation (which must then copy and truncate, or signal nothing: the file is
   * held open).
   *
   * @throws IllegalStateException if this is not a file sink
   * @since 0.2
   */
  public AuditSink withRotation(long maxFileBytes, int keepFiles) {
    if (kind != Kind.FILE) {
      throw new IllegalStateException("only a file sink rotates");
    }
    if (maxFileBytes < 1024) {
      throw new IllegalArgumentException("maxFileBytes must be at least 1024");
    }
    if (keepFiles < 1) {
      throw new IllegalArgumentException("keepFiles must be at least 1");
    }
    return new AuditSink(kind, file, maxFileBytes, keepFiles);
  }

  /** The size at which a file sink rotates. Default: {@value #DEFAULT_MAX_FILE_BYTES}. */
  public long maxFileBytes() {
    return maxFileBytes;
  }

  /** How many rotated files a file sink keeps. Default: {@value #DEFAULT_KEEP_FILES}. */
  public int keepFiles() {
    return keepFiles;
  }

  /** No audit trail. */
  public static AuditSink none() {
    return NONE;
  }

  /** The file, for a file sink. */
  public Optional<Path> path() {
    return Optional.ofNullable(file);
  }

  /** Where the lines go, in words: {@code to standard output}, {@code to FILE}, {@code off}. */
  String describe() {
    switch (kind) {
      case STDOUT:
        return "to standard output";
      case STDERR:
        return "to standard error";
      case FILE:
        return "to "
            + file
            + (maxFileBytes == Long.MAX_VALUE
                ? ""
                : ", rotated at " + maxFileBytes + " bytes, " + keepFiles + " kept");
      default:
        return "off";
    }
  }

  @Override
  public String toString() {
    return kind == Kind.FILE
        ? "AuditSink[file " + file + "]"
        : "AuditSink[" + kind.name().toLowerCase(java.util.Locale.ROOT) + "]";
  }

  /** Opens the destination. */
  Log open() throws IOException {
    switch (kind) {
      case STDOUT:
        return new Log(new OutputStreamWriter(new Unclosable(System.out), StandardCharsets.UTF_8));
      case STDERR:
        return new Log(new OutputStreamWriter(new Unclosable(System.err), StandardCharsets.UTF_8));
      case FILE:
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        return new Log(openFile(file), file, Files.size(file), maxFileBytes, keepFiles);
      default:
        return new Log(null);
    }
  }

  private static Writer openFile(Path file) throws IOException {
    return Files.newBufferedWriter(
        file,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }

  /** An open audit destination; writes are serialized and flushed one line at a time. */
  static final class Log implements AutoCloseable {
    private Writer writer;
    private final Path file;
    private final long maxFileBytes;
    private final int keepFiles;
    private long size;
    private boolean failed;

    Log(Writer writer) {
      this(writer, null, 0, Long.MAX_VALUE, 0);
    }

    Log(Writer writer, Path file, long size, long maxFileBytes, int keepFiles) {
      this.writer = writer;
      this.file = file;
      this.size = size;
      this.maxFileBytes = maxFileBytes;
      this.keepFiles = keepFiles;
    }

    synchronized boolean write(String line) {
      if (writer == null) {
        return true;
      }
      try {
        // Audit lines are ASCII but for identifiers the contract validated; count UTF-8 bytes to be
        // exact.
        long bytes = utf8Length(line) + 1;
        if (file != null && size > 0 && size + bytes > maxFileBytes) {
          rotate();
        }
        writer.write(line);
        writer.write('\n');
        writer.flush();
        size += bytes;
        failed = false;
        return true;
      } catch (IOException e) {
        if (!failed) {
          failed = true;
          Gateway.LOG.log(
              System.Logger.Level.ERROR, "cannot write the audit trail: " + e.getClass().getName());
        }
        return false;
      }
    }

    /** file.(keep-1) to file.keep (the oldest is replaced), …, file to file.1, then a new file. */
    private void rotate() throws IOException {
      writer.close();
      try {
        for (int i = keepFiles - 1; i >= 1; i--) {
          Path older = rotated(i);
          if (Files.exists(older)) {
            Files.move(older, rotated(i + 1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        }
        Files.move(file, rotated(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } finally {
        // Whatever failed, lines go on to the file (a new one, or the old one if it could not
        // move).
        writer = openFile(file);
        size = Files.size(file);
      }
    }

    private Path rotated(int n) {
      return file.resolveSibling(file.getFileName() + "." + n);
    }

    private static long utf8Length(String text) {
      long n = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x80) {
          n++;
        } else if (c < 0x800) {
          n += 2;
        } else if (Character.isHighSurrogate(c)) {
          n += 4;
          i++;
        } else {
          n += 3;
        }
      }
      return n;
    }

    @Override
    public synchronized void close() {
      if (writer == null) {
        return;
      }
      try {
        writer.close();
      } catch (IOException e) {
        Gateway.LOG.log(
            System.Logger.Level.WARNING, "cannot close the audit trail: " + e.getClass().getName());
      }
    }
  }

  /** Keeps the gateway from closing standard output. */
  private static final class Unclosable extends OutputStream {
    private final OutputStream out;

    Unclosable(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
