package io.cavra.controlplane.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * A file that could not be read or written; printed as {@code error: io_error at <file>: <reason>}.
 */
final class IoFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;

  IoFailure(String file, IOException cause) {
    super(reason(cause), cause);
    this.file = file;
  }

  String file() {
    return file;
  }

  /** The one-line diagnostic. */
  String line() {
    return "error: io_error at " + file + ": " + getMessage();
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
