package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns exceptions into one diagnostic line on standard error and an exit code from {@link
 * ExitCodes}. Picocli's own usage messages quote the offending argument (for example "Invalid value
 * for option '--x': 'VALUE'"), which could echo a secret typed into the wrong place, so usage
 * errors are rewritten here to name options and positions, never values.
 */
final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private static final Pattern OPTION_NAME = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]{0,40}");

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("error: usage: " + safeMessage(ex));
    err.println(
        "Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean debug = debug(parseResult);
    if (ex instanceof ContractException) {
      err.println("error: " + ex);
    } else if (ex instanceof IoFailure) {
      err.println(((IoFailure) ex).line());
    } else {
      err.println(
          "error: internal: "
              + ex.getClass().getName()
              + (debug ? "" : " (run again with --debug for the stack trace)"));
    }
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.MAPPER.getExitCode(ex);
  }

  /** Whether {@code --debug} was given to the top-level command or any subcommand. */
  static boolean debug(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  static String safeMessage(ParameterException ex) {
    if (ex instanceof UsageException
        || ex instanceof CommandLine.MissingParameterException
        || ex instanceof CommandLine.OverwrittenOptionException) {
      // Built from option names and parameter labels only.
      return ex.getMessage();
    }
    CommandLine commandLine = ex.getCommandLine();
    if (ex instanceof UnmatchedArgumentException) {
      List<String> unmatched = ((UnmatchedArgumentException) ex).getUnmatched();
      String first = unmatched.isEmpty() ? "" : unmatched.get(0);
      if (first.startsWith("-") && !STDIN_OR_NUMBER.matcher(first).matches()) {
        String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        return "unknown option"
            + (OPTION_NAME.matcher(name).matches() ? " '" + name + "'" : "")
            + optionHint(name, commandLine);
      }
      if (!commandLine.getSubcommands().isEmpty()) {
        String what = "request".equals(commandLine.getCommandName()) ? "operation" : "command";
        String hint = Suggestions.didYouMean(first, commandLine.getSubcommands().keySet());
        return "unknown "
            + what
            + (hint.isEmpty()
                ? "; expected one of: " + String.join(", ", commandLine.getSubcommands().keySet())
                : hint);
      }
      return "unexpected argument" + (unmatched.size() == 1 ? "" : "s") + " (values not shown)";
    }
    ArgSpec arg = ex.getArgSpec();
    if (arg instanceof OptionSpec) {
      return "invalid value for option '" + ((OptionSpec) arg).longestName() + "'" + expected(arg);
    }
    if (arg != null) {
      return "invalid value for parameter " + arg.paramLabel() + expected(arg);
    }
    return "invalid command line (values not shown)";
  }

  private static final Pattern STDIN_OR_NUMBER = Pattern.compile("-|-\\d+");

  /**
   * Options that were renamed, with the names they may have now; a command has at most one of them.
   */
  private static final Map<String, List<String>> RENAMED =
      Map.of(
          "--key-file", List.of("--key-store", "--api-key-file"),
          "--key-file-check", List.of("--key-store-check"),
          "--key-env", List.of("--api-key-env"));

  /** {@code (renamed '--x')}, a did-you-mean among the command's options, or nothing. */
  private static String optionHint(String typed, CommandLine commandLine) {
    Set<String> options = new LinkedHashSet<>();
    for (String name : commandLine.getCommandSpec().optionsMap().keySet()) {
      if (name.startsWith("--")) {
        options.add(name);
      }
    }
    for (String renamed : RENAMED.getOrDefault(typed, List.of())) {
      if (options.contains(renamed)) {
        return " (renamed '" + renamed + "')";
      }
    }
    return Suggestions.didYouMean(typed, options);
  }

  private static String expected(ArgSpec arg) {
    Iterable<String> candidates = arg.completionCandidates();
    if (candidates == null) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = candidates.iterator(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names.isEmpty() ? "" : "; expected one of: " + String.join(", ", names);
  }
}
