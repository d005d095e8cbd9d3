package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
    header = "Scan files and folders for secret material (text, JSON or SARIF output).",
    description = {
      "Run the contract's secret guard over JSON documents, JSON Lines, YAML, .env files, logs and",
      "any other text, and over folders recursively. Each finding names its file, line and column,",
      "the JSON path or key where there is one, the rule and a fingerprint; the value is never"
          + " shown.",
      "",
      "A file's kind comes from its name (.json, .jsonl/.ndjson, .yaml/.yml, .env/.env.*/*.env)",
      "or, failing that, from its content (JSON if it starts with { or [, else text); one that",
      "does not parse as its kind is scanned as text, with a note. Standard input is JSON unless",
      "--type says otherwise. Binary files found in folders are skipped.",
      "",
      "Findings whose fingerprint is in --baseline or in the ignore file, and findings on a line",
      "that contains cavra-cp:allow (or gitleaks:allow), are not reported."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cavra-cp scan config.json",
      "  cavra-cp scan --jsonl --format json events.jsonl",
      "  cavra-cp scan --exclude 'target' --exclude '*.min.js' .",
      "  cavra-cp scan --format json . > baseline.json      # accept what is there today",
      "  cavra-cp scan --baseline baseline.json .           # report only what is new",
      "  cavra-cp scan --format sarif . > cavra-cp.sarif    # upload as code-scanning alerts"
    })
final class ScanCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    sarif
  }

  /** {@code --type}: how inputs are read. */
  enum Type {
    auto(null),
    json(SourceFile.Kind.JSON),
    jsonl(SourceFile.Kind.JSONL),
    yaml(SourceFile.Kind.YAML),
    env(SourceFile.Kind.ENV),
    text(SourceFile.Kind.TEXT);

    final SourceFile.Kind kind;

    Type(SourceFile.Kind kind) {
      this.kind = kind;
    }
  }

  private final Environment environment;
  private GuardScanner scanner;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE|DIR|-",
      arity = "0..*",
      description = "Files and folders to scan; '-' is standard input. Default: standard input.")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "Add an organisation's rules file (JSON: rules and benign_keys) to the built-in and"
              + " installed rules.")
  private Path rulesFile;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description =
          "How to read the inputs: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE} (by name,"
              + " then content).")
  Type type = Type.auto;

  @Option(
      names = "--jsonl",
      description =
          "Same as --type jsonl: one JSON document per line, streamed in constant memory.")
  boolean jsonl;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}. SARIF is version 2.1.0.")
  Format format = Format.text;

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description =
          "In folders, scan only files that match (repeatable). A glob without '/' matches names at"
              + " any depth.")
  List<String> includes = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description =
          "In folders, skip files and folders that match (repeatable). A glob without '/' matches"
              + " names at any depth.")
  List<String> excludes = new ArrayList<>();

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "A previous report of scan --format json or --format sarif: report only findings not in"
              + " it.")
  private Path baseline;

  @Option(
      names = "--ignore-file",
      paramLabel = "FILE",
      description =
          "Fingerprints not to report, one a line. Default: "
              + Suppressions.DEFAULT_IGNORE_FILE
              + " (if present). # starts a comment.")
  private Path ignoreFile;

  @Option(
      names = "--source-root",
      paramLabel = "DIR",
      description =
          "The folder SARIF URIs are relative to (%%SRCROOT%%), usually the repository root."
              + " Default: the current directory.")
  private Path sourceRoot;

  @Option(
      names = "--stdin-name",
      paramLabel = "PATH",
      description =
          "The file that standard input stands for, in reports and fingerprints (and its kind, by"
              + " name). Without it, SARIF results from standard input have no file location.")
  private String stdinName;

  @Option(
      names = "--redact",
      description = "Accepted for gitleaks users; values are never shown, with or without it.")
  boolean redact;

  @Option(
      names = "--max-bytes",
      paramLabel = "N",
      description =
          "Largest JSON or YAML document, JSON Lines line or text line, in bytes. Default:"
              + " ${DEFAULT-VALUE}.")
  int maxBytes = ContractJson.DEFAULT_MAX_BYTES;

  private long fileCount;
  private long documents;
  private long invalidDocuments;
  private long findings;
  private long suppressed;
  private long skipped;
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
    if (jsonl) {
      if (type != Type.auto && type != Type.jsonl) {
        throw new UsageException(
            spec.commandLine(), "--jsonl and --type " + type + " contradict each other");
      }
      type = Type.jsonl;
    }
    if (rulesFile != null) {
      if (!Files.isRegularFile(rulesFile)) {
        err.println("error: io_error at " + rulesFile + ": no such file");
        return ExitCodes.IO_ERROR;
      }
      scanner = GuardScanner.withRulesFile(rulesFile);
    }
    Suppressions suppressions = new Suppressions();
    Integer failed = loadSuppressions(suppressions, err);
    if (failed != null) {
      return failed;
    }
    Path root = (sourceRoot != null ? sourceRoot : Paths.get("")).toAbsolutePath().normalize();
    ScanReport report = ScanReport.of(format, out, scanner.rules(), root, ScanReport.HELP_URI_BASE);
    ScanSources sources = new ScanSources(root, type.kind, stdinName, includes, excludes);
    FileScanner fileScanner =
        new FileScanner(
            scanner,
            json,
            maxBytes,
            type != Type.auto,
            inputs,
            new FileScanner.Listener() {
              @Override
              public void finding(ScanFinding finding, String line) {
                if (Suppressions.allows(line) || suppressions.suppresses(finding.fingerprint())) {
                  suppressed++;
                  return;
                }
                findings++;
                report.finding(finding);
              }

              @Override
              public void invalid(String where, String code, String message) {
                progress.clear();
                invalidDocuments++;
                exitCode = ExitCodes.worst(exitCode, ExitCodes.INVALID_INPUT);
                err.println("error: " + code + " at " + where + ": " + message);
              }

              @Override
              public void note(String message) {
                progress.clear();
                err.println("note: " + message);
              }

              @Override
              public void document() {
                documents++;
              }

              @Override
              public void progress(long line, String file) {
                progress.update(line, file, findings + " findings");
              }
            });
    report.start();
    for (String name : names) {
      try {
        sources.each(
            name,
            source -> {
              fileCount++;
              if (!scanFile(fileScanner, source, err, progress)) {
                skipped++;
              }
            },
            failure -> ioError(err, progress, failure));
      } catch (IoFailure e) {
        ioError(err, progress, e);
      }
    }
    progress.clear();
    report.end(
        new ScanReport.Summary(
            fileCount, documents, invalidDocuments, findings, suppressed, skipped));
    (report.summaryOnStdout() ? out : err).println(summary());
    out.flush();
    err.flush();
    if (findings > 0) {
      exitCode = ExitCodes.worst(exitCode, ExitCodes.FINDINGS);
    }
    return exitCode;
  }

  private boolean scanFile(
      FileScanner fileScanner, SourceFile source, PrintWriter err, Progress progress) {
    try {
      return fileScanner.scan(source);
    } catch (IoFailure e) {
      ioError(err, progress, e);
      return true;
    }
  }

  private void ioError(PrintWriter err, Progress progress, IoFailure e) {
    progress.clear();
    err.println(e.line());
    exitCode = ExitCodes.worst(exitCode, ExitCodes.IO_ERROR);
  }

  /** Reads the baseline and the ignore file; an exit code if one of them is unusable. */
  private Integer loadSuppressions(Suppressions suppressions, PrintWriter err) {
    Path ignore = ignoreFile;
    if (ignore == null && Files.isRegularFile(Paths.get(Suppressions.DEFAULT_IGNORE_FILE))) {
      ignore = Paths.get(Suppressions.DEFAULT_IGNORE_FILE);
    }
    Path current = null;
    try {
      if (baseline != null) {
        current = baseline;
        suppressions.addBaseline(baseline);
      }
      if (ignore != null) {
        current = ignore;
        suppressions.addIgnoreFile(ignore);
      }
      return null;
    } catch (ContractException e) {
      err.println(
          "error: "
              + e.code().wireName()
              + " at "
              + current
              + ":"
              + e.location()
              + ": "
              + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    } catch (IOException e) {
      err.println(new IoFailure(String.valueOf(current), e).line());
      return ExitCodes.IO_ERROR;
    }
  }

  private String summary() {
    StringBuilder line =
        new StringBuilder(
            "scanned "
                + Plurals.count(fileCount, "file")
                + ": "
                + Plurals.count(findings, "finding"));
    if (suppressed > 0) {
      line.append(", ").append(suppressed).append(" suppressed");
    }
    if (invalidDocuments > 0) {
      line.append(", ").append(invalidDocuments).append(" not valid");
    }
    if (skipped > 0) {
      line.append(", ").append(Plurals.count(skipped, "binary file")).append(" skipped");
    }
    return line.toString();
  }
}
