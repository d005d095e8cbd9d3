package io.cavra.controlplane.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A usage error raised by a command itself. Its message is written by us and never holds an
 * argument's value, so the error handler prints it as it is.
 */
final class UsageException extends ParameterException {
  private static final long serialVersionUID = 1L;

  UsageException(CommandLine commandLine, String message) {
    super(commandLine, message);
  }
}
