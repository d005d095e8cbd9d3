package io.cavra.controlplane.cli;

import java.io.InputStream;
import java.util.Objects;

/**
 * What a command may know about the process it runs in: standard input, and whether standard output
 * and standard error are terminals. Tests pass their own.
 *
 * <p>Java 17 cannot ask whether one particular stream is a terminal ({@code System.console()}
 * answers for standard input and output together), so the {@code cavra-cp} launcher tests both with
 * {@code [ -t 1 ]} and {@code [ -t 2 ]} and passes the answers as the system properties {@code
 * cavra.stdout.tty} and {@code cavra.stderr.tty}. Without them, {@code System.console()} decides.
 */
record Environment(InputStream stdin, boolean stdoutIsTerminal, boolean stderrIsTerminal) {

  Environment {
    Objects.requireNonNull(stdin, "stdin");
  }

  static Environment system() {
    boolean console = System.console() != null;
    return new Environment(
        System.in, flag("cavra.stdout.tty", console), flag("cavra.stderr.tty", console));
  }

  private static boolean flag(String property, boolean fallback) {
    String value = System.getProperty(property);
    return value == null ? fallback : Boolean.parseBoolean(value);
  }
}
