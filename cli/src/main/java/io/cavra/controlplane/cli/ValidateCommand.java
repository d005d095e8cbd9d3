package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.Envelope;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.MalformedJsonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Validate request and response envelopes (JSON or JSON Lines).",
    description = {
      "Parse and validate request and response envelopes, recognized by their schema_version.",
      "Each problem is one line on standard error:",
      "  error: <code> at <file>[:<line>]:<json path>: <message>",
      "The count of valid and invalid envelopes ends the output (on standard error with",
      "--canonical, so that standard output holds only envelopes)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cavra-cp validate request.json response.json",
      "  cavra-cp validate --jsonl --canonical requests.jsonl > canonical.jsonl",
      "  cavra-cp request tenant_status --tenant-id t1 | cavra-cp validate --canonical"
    })
final class ValidateCommand implements Callable<Integer> {
  private final Environment environment;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE|-",
      arity = "0..*",
      description = "Files to validate; '-' is standard input. Default: standard input.")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--jsonl",
      description = "Validate one envelope per line (JSON Lines), streaming in constant memory.")
  boolean jsonl;

  @Option(
      names = "--canonical",
      description =
          "Print each valid envelope in canonical form: pretty, or compact with --compact; always"
              + " compact with --jsonl.")
  boolean canonical;

  @Option(names = "--compact", description = "With --canonical, print compact JSON.")
  boolean compact;

  @Option(
      names = "--max-bytes",
      paramLabel = "N",
      description =
          "Largest accepted document (or line, with --jsonl) in bytes. Default: ${DEFAULT-VALUE}.")
  int maxBytes = ContractJson.DEFAULT_MAX_BYTES;

  private long valid;
  private long invalid;
  private int exitCode = ExitCodes.OK;

  ValidateCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    List<String> names = Inputs.names(spec.commandLine(), files);
    ContractJson json = Inputs.codec(spec.commandLine(), maxBytes);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, environment.stderrIsTerminal());
    Inputs inputs = new Inputs(environment);
    for (String name : names) {
      String file = Inputs.display(name);
      try {
        if (jsonl) {
          validateLines(inputs, name, file, json, out, err, progress);
        } else {
          validateDocument(inputs.readBounded(name, maxBytes), file, json, out, err);
        }
      } catch (IoFailure e) {
        progress.clear();
        err.println(e.line());
        exitCode = ExitCodes.worst(exitCode, ExitCodes.IO_ERROR);
      }
    }
    progress.clear();
    (canonical ? err : out)
        .println(
            Plurals.count(valid + invalid, jsonl ? "line" : "document")
                + ": "
                + valid
                + " valid, "
                + invalid
                + " invalid");
    out.flush();
    err.flush();
    return exitCode;
  }

  private void validateDocument(
      byte[] bytes, String file, ContractJson json, PrintWriter out, PrintWriter err) {
    try {
      Envelope envelope = json.parseEnvelope(bytes);
      valid++;
      if (canonical) {
        out.print(compact ? ContractJson.toJson(envelope) : ContractJson.toPrettyJson(envelope));
        out.print('\n');
      }
    } catch (ContractException e) {
      report(err, file, false, e);
    }
  }

  private void validateLines(
      Inputs inputs,
      String name,
      String file,
      ContractJson json,
      PrintWriter out,
      PrintWriter err,
      Progress progress) {
    long lineNumber = 0;
    try (InputStream in = inputs.open(name)) {
      LineReader lines = new LineReader(in, maxBytes);
      for (byte[] line = lines.next(); line != null; line = lines.next()) {
        lineNumber++;
        progress.update(lineNumber, file, valid + " valid, " + invalid + " invalid");
        if (line != LineReader.TOO_LONG && LineReader.isBlank(line)) {
          continue;
        }
        String where = file + ":" + lineNumber;
        if (line == LineReader.TOO_LONG) {
          progress.clear();
          report(
              err,
              where,
              true,
              MalformedJsonException.of(
                  ErrorCode.TOO_LARGE, "$", "input is larger than " + maxBytes + " bytes"));
          continue;
        }
        try {
          Envelope envelope = json.parseEnvelope(line);
          valid++;
          if (canonical) {
            out.print(ContractJson.toJson(envelope));
            out.print('\n');
          }
        } catch (ContractException e) {
          progress.clear();
          report(err, where, true, e);
        }
      }
    } catch (IOException e) {
      throw new IoFailure(file, e);
    }
  }

  private void report(PrintWriter err, String where, boolean inLine, ContractException e) {
    invalid++;
    exitCode = ExitCodes.worst(exitCode, ExitCodes.INVALID_INPUT);
    err.println(
        "error: "
            + e.code().wireName()
            + " at "
            + where
            + ":"
            + location(inLine, e.path())
            + ": "
            + e.getMessage());
  }

  /** Inside one JSON Lines line, the parser's "line 1, column C" is just "column C". */
  static String location(boolean inLine, String location) {
    return inLine && location.startsWith("line 1, column ")
        ? location.substring("line 1, ".length())
        : location;
  }
}
