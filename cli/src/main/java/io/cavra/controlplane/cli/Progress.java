package io.cavra.controlplane.cli;

import java.io.PrintWriter;

/**
 * A one-line progress counter on standard error, redrawn in place at most five times a second.
 * Disabled (a no-op) unless standard error is a terminal.
 */
final class Progress {
  private static final long INTERVAL_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private long lastDraw = System.nanoTime();
  private int drawnWidth;

  Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Cheap to call per line: the clock is read only every 1024 lines. */
  void update(long lines, String file, String counts) {
    if (!enabled || (lines & 1023) != 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < INTERVAL_NANOS) {
      return;
    }
    lastDraw = now;
    String text = file + ": " + lines + " lines, " + counts;
    clear();
    err.print(text);
    err.flush();
    drawnWidth = text.length();
  }

  /** Removes the progress line, e.g. before a diagnostic is printed. */
  void clear() {
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }
}
