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
 * <p>Each line holds {@code time} (RFC 3339, UTC, when the request arrived), {@code request_id}, {@code method},
 * {@code route} (the route template, never the raw path), {@code correlation_id},
 * {@code operation}, {@code tenant}, {@code key_id} (the id, never the key), {@code outcome},
 * {@code status} (HTTP) and {@code latency_ms}; a field that is not known is {@code null}. A line
 * never holds a payload, a header value or a submitted value that the contract did not validate.
 */
public final class AuditSink {
  private static final AuditSink STDOUT = new AuditSink(Kind.STDOUT, null);
  private static final AuditSink STDERR = new AuditSink(Kind.STDERR, null);
  private static final AuditSink NONE = new AuditSink(Kind.NONE, null);

  private enum Kind { STDOUT, STDERR, FILE, NONE }

  private final Kind kind;
  private final Path file;

  private AuditSink(Kind kind, Path file) {
    this.kind = kind;
    this.file = file;
  }

  /** Audit lines to standard output. */
  public static AuditSink stdout() {
    return STDOUT;
  }

  /** Audit lines to standard error, beside the log. */
  public static AuditSink stderr() {
    return STDERR;
  }

  /** Audit lines appended to {@code file}, which is created if missing. */
  public static AuditSink file(Path file) {
    return new AuditSink(Kind.FILE, Objects.requireNonNull(file, "file"));
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
        return "to " + file;
      default:
        return "off";
    }
  }

  @Override
  public String toString() {
    return kind == Kind.FILE ? "AuditSink[file " + file + "]" : "AuditSink[" + kind.name().toLowerCase(java.util.Locale.ROOT) + "]";
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
        return new Log(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
      default:
        return new Log(null);
    }
  }

  /** An open audit destination; writes are serialized and flushed one line at a time. */
  static final class Log implements AutoCloseable {
    private final Writer writer;
    private boolean failed;

    Log(Writer writer) {
      this.writer = writer;
    }

    synchronized boolean write(String line) {
      if (writer == null) {
        return true;
      }
      try {
        writer.write(line);
        writer.write('\n');
        writer.flush();
        failed = false;
        return true;
      } catch (IOException e) {
        if (!failed) {
          failed = true;
          Gateway.LOG.log(System.Logger.Level.ERROR, "cannot write the audit trail: " + e.getClass().getName());
        }
        return false;
      }
    }

    @Override
    public synchronized void close() {
      if (writer == null) {
        return;
      }
      try {
        writer.close();
      } catch (IOException e) {
        Gateway.LOG.log(System.Logger.Level.WARNING, "cannot close the audit trail: " + e.getClass().getName());
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
