package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExitCodeExceptionMapper;

/**
 * The exit codes of {@code cavra-cp}: one table, printed in every command's {@code --help} and in
 * the README. The codes are stable; new ones may be added, existing ones never change meaning.
 *
 * <p>When several problems occur in one run (for example {@code validate} over many files), the
 * code is the first that applies in this order: I/O error, findings, invalid input.
 */
final class ExitCodes implements IExitCodeExceptionMapper {
  static final int OK = 0;

  /**
   * A contract error: the input or an option value violates the contract (as the reference CLI: 1).
   */
  static final int INVALID_INPUT = 1;

  /** The command line itself is wrong (picocli's convention: 2). */
  static final int USAGE = 2;

  /** {@code scan} found secret material. */
  static final int FINDINGS = 3;

  /** A file could not be read or written, or a target could not be reached. */
  static final int IO_ERROR = 4;

  /** {@code verify} found conformance failures, or {@code compat} found a breaking change. */
  static final int NOT_CONFORMING = 5;

  /** A bug: an unexpected exception (sysexits {@code EX_SOFTWARE}). */
  static final int INTERNAL = 70;

  static final Map<String, String> TABLE = table();

  static final ExitCodes MAPPER = new ExitCodes();

  private ExitCodes() {}

  private static Map<String, String> table() {
    Map<String, String> table = new LinkedHashMap<>();
    table.put(
        Integer.toString(OK), "Success (validate: every envelope is valid; scan: no findings).");
    table.put(
        Integer.toString(INVALID_INPUT),
        "Invalid input: a contract error, printed as 'error: <code> at <location>: <message>'.");
    table.put(
        Integer.toString(USAGE),
        "Usage error: unknown command or option, missing or malformed option value.");
    table.put(
        Integer.toString(FINDINGS),
        "Findings: scan found secret material (reported by path, never by value).");
    table.put(
        Integer.toString(IO_ERROR),
        "I/O error: a file could not be read or written, or a target was unreachable.");
    table.put(
        Integer.toString(NOT_CONFORMING),
        "Not conforming: verify found invariant violations, or compat found a breaking schema"
            + " change.");
    table.put(
        Integer.toString(INTERNAL),
        "Internal error: a bug; run again with --debug for the stack trace.");
    return Collections.unmodifiableMap(table);
  }

  /** Every contract error code is invalid input; the code itself is printed in the error line. */
  static int forCode(ErrorCode code) {
    return INVALID_INPUT;
  }

  @Override
  public int getExitCode(Throwable exception) {
    if (exception instanceof ContractException) {
      return forCode(((ContractException) exception).code());
    }
    if (exception instanceof IoFailure
        || exception instanceof IOException
        || exception instanceof UncheckedIOException) {
      return IO_ERROR;
    }
    if (exception instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    return INTERNAL;
  }

  /** The worse of two codes by the order above. */
  static int worst(int a, int b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(int code) {
    switch (code) {
      case OK:
        return 0;
      case INVALID_INPUT:
        return 1;
      case FINDINGS:
      case NOT_CONFORMING:
        return 2;
      case IO_ERROR:
        return 3;
      default:
        return 4;
    }
  }
}
