package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
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
    name = "scan",
    mixinStandardHelpOptions = true,
    header = "Scan JSON documents for secret material (text, JSON or SARIF).",
    description = {
        "Run the contract's secret guard over any JSON documents (not only envelopes) and report",
        "each finding by file, line (with --jsonl), JSON path and rule id. The value is never shown.",
        "Documents that are not JSON are reported on standard error."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  cavra-cp scan config.json",
        "  cavra-cp scan --jsonl --format json events.jsonl",
        "  cavra-cp scan --format sarif out/*.json > cavra-cp.sarif   # upload as code-scanning alerts"})
final class ScanCommand implements Callable<Integer> {
  enum Format { text, json, sarif }

  private final Environment environment;
  private GuardScanner scanner;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE|-", arity = "0..*",
      description = "Files to scan; '-' is standard input. Default: standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Add an organisation's rules file (JSON: rules and benign_keys) to the built-in and installed rules.")
  private java.nio.file.Path rulesFile;

  @Option(names = "--jsonl", description = "Scan one document per line (JSON Lines), streaming in constant memory.")
  boolean jsonl;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}. SARIF is version 2.1.0.")
  Format format = Format.text;

  @Option(names = "--max-bytes", paramLabel = "N",
      description = "Largest accepted document (or line, with --jsonl) in bytes. Default: ${DEFAULT-VALUE}.")
  int maxBytes = ContractJson.DEFAULT_MAX_BYTES;

  private long documents;
  private long invalidDocuments;
  private long findings;
  private int exitCode = ExitCodes.OK;

  ScanCommand(Environment environment) {
    this(environment, GuardScanner.defaults());
  }

  ScanCommand(Environment environment, GuardScanner scanner) {
    this.environment = environment;
    this.scanner = scanner;
  }

  @Override
  public Integer call() {
    List<String> names = Inputs.names(spec.commandLine(), files);
    ContractJson json = Inputs.codec(spec.commandLine(), maxBytes);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, environment.stderrIsTerminal());
    Inputs inputs = new Inputs(environment);
    if (rulesFile != null) {
      if (!java.nio.file.Files.isRegularFile(rulesFile)) {
        err.println("error: io_error at " + rulesFile + ": no such file");
        return ExitCodes.IO_ERROR;
      }
      scanner = GuardScanner.withRulesFile(rulesFile);
    }
    ScanReport report = ScanReport.of(format, out, scanner.rules());
    report.start();
    for (String name : names) {
      String file = Inputs.display(name);
      boolean stdin = Inputs.STDIN.equals(name);
      try {
        if (jsonl) {
          scanLines(inputs.open(name), file, stdin, json, report, err, progress);
        } else {
          scanDocument(inputs.readBounded(name, maxBytes), file, stdin, 0, json, report, err);
        }
      } catch (IoFailure e) {
        progress.clear();
        err.println(e.line());
        exitCode = ExitCodes.worst(exitCode, ExitCodes.IO_ERROR);
      }
    }
    progress.clear();
    report.end(documents, invalidDocuments, findings);
    String summary = "scanned " + Plurals.count(documents, jsonl ? "line" : "document") + ": "
        + Plurals.count(findings, "finding") + (invalidDocuments > 0 ? ", " + invalidDocuments + " not JSON" : "");
    (report.summaryOnStdout() ? out : err).println(summary);
    out.flush();
    err.flush();
    if (findings > 0) {
      exitCode = ExitCodes.worst(exitCode, ExitCodes.FINDINGS);
    }
    return exitCode;
  }

  private void scanLines(InputStream stream, String file, boolean stdin, ContractJson json, ScanReport report,
      PrintWriter err, Progress progress) {
    long lineNumber = 0;
    try (InputStream in = stream) {
      LineReader lines = new LineReader(in, maxBytes);
      for (byte[] line = lines.next(); line != null; line = lines.next()) {
        lineNumber++;
        progress.update(lineNumber, file, findings + " findings");
        if (line == LineReader.TOO_LONG) {
          progress.clear();
          documents++;
          invalid(err, file + ":" + lineNumber + ":$", "too_large", "input is larger than " + maxBytes + " bytes");
        } else if (!LineReader.isBlank(line)) {
          if (scanDocument(line, file, stdin, lineNumber, json, report, err)) {
            progress.clear();
          }
        }
      }
    } catch (IOException e) {
      throw new IoFailure(file, e);
    }
  }

  /** Returns whether a diagnostic was printed on standard error. */
  private boolean scanDocument(byte[] bytes, String file, boolean stdin, long line, ContractJson json,
      ScanReport report, PrintWriter err) {
    documents++;
    Object tree;
    try {
      tree = json.parseTree(bytes);
    } catch (ContractException e) {
      invalid(err, file + (line > 0 ? ":" + line + ":" + ValidateCommand.location(true, e.location()) : ":" + e.location()),
          e.code().wireName(), e.getMessage());
      return true;
    }
    for (GuardScanner.Finding finding : scanner.scan(tree)) {
      findings++;
      report.finding(file, stdin, line, finding);
    }
    return false;
  }

  private void invalid(PrintWriter err, String where, String code, String message) {
    invalidDocuments++;
    exitCode = ExitCodes.worst(exitCode, ExitCodes.INVALID_INPUT);
    err.println("error: " + code + " at " + where + ": " + message);
  }
}
