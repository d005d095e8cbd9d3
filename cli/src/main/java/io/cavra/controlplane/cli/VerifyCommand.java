package io.cavra.controlplane.cli;

import io.cavra.controlplane.conformance.ConformanceReport;
import io.cavra.controlplane.conformance.ConformanceRunner;
import io.cavra.controlplane.contract.Operation;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    header = "Run the conformance kit over HTTP against a control-plane gateway.",
    description = {
      "Send every conformance vector to POST <url>/v1/control-plane and check each answer's"
          + " invariants:",
      "schema-valid, same operation, correlation id and tenant, statuses in their sets, the"
          + " contract's",
      "unavailable answer for undeclared operations, refusals with the expected code, and no"
          + " secret",
      "material or planted canary in any response or problem body. Works against any"
          + " implementation",
      "of the gateway's HTTP API, whatever its language.",
      "The raw API key is read from a file (--api-key-file, one line, as 'keys add --api-key-file'"
          + " writes",
      "it) or an environment variable (--api-key-env), never from the command line. The kit acts"
          + " for the",
      "tenants tenant-demo and tenant-conformance-b and calls every operation, so the key must"
          + " allow them:",
      "  cavra-cp keys add --key-store keys.jsonl --key-id conformance --tenant tenant-demo \\",
      "      --tenant tenant-conformance-b --api-key-file conformance.key",
      "and the gateway must serve with --key-store keys.jsonl. When the gateway refuses the kit's",
      "requests (401 or 403), verify says which key it needs."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cavra-cp verify --url http://127.0.0.1:8787",
      "  cavra-cp verify --url http://127.0.0.1:8787 --api-key-file conformance.key",
      "  cavra-cp verify --url https://cp.example.invalid --api-key-env CAVRA_CP_KEY --junit"
          + " target/conformance.xml",
      "  cavra-cp verify --url http://127.0.0.1:8787 --capabilities"
          + " entitlement_status,policy_registry_readiness"
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      required = true,
      paramLabel = "URL",
      description = "The gateway's base URL.")
  URI url;

  @Option(
      names = "--api-key-file",
      paramLabel = "FILE",
      description = "A file holding the raw API key on one line (not the gateway's key store).")
  Path keyFile;

  @Option(
      names = "--api-key-env",
      paramLabel = "NAME",
      description = "An environment variable holding the raw API key.")
  String keyEnv;

  @Option(
      names = "--capabilities",
      split = ",",
      paramLabel = "OPERATION",
      completionCandidates = OperationNames.class,
      description =
          "Operations the target implements with its own data; the others must answer unavailable."
              + " Operations: ${COMPLETION-CANDIDATES}.")
  List<String> capabilities;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Per-call timeout in seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report.")
  Path junit;

  @Option(
      names = "--record",
      paramLabel = "FILE",
      description = "Write the JSON certification record.")
  Path record;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new UsageException(spec.commandLine(), "--url must be an http or https URL");
    }
    if (keyFile != null && keyEnv != null) {
      throw new UsageException(
          spec.commandLine(), "--api-key-file and --api-key-env are mutually exclusive");
    }
    if (timeoutSeconds < 1) {
      throw new UsageException(spec.commandLine(), "--timeout must be at least 1 second");
    }
    Optional<String> key = key();
    ConformanceRunner runner = ConformanceRunner.http(url, key, Duration.ofSeconds(timeoutSeconds));
    if (capabilities != null) {
      runner = runner.withCapabilities(operations());
    }
    ConformanceReport report = runner.run();
    out.print(report.summaryText());
    out.flush();
    write(junit, report.junitXml());
    write(record, report.certificationJson());
    if (report.unreachable()) {
      err.println("error: io_error at " + url + ": the target could not be reached");
      return ExitCodes.IO_ERROR;
    }
    KeyAdvice.explain(report, key.isPresent()).forEach(line -> err.println("cavra-cp: " + line));
    err.flush();
    return report.passed() ? ExitCodes.OK : ExitCodes.NOT_CONFORMING;
  }

  private Optional<String> key() {
    if (keyFile != null) {
      try {
        String text = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
      } catch (IOException e) {
        throw new IoFailure(keyFile.toString(), e);
      }
    }
    if (keyEnv != null) {
      String value = System.getenv(keyEnv);
      if (value == null || value.isBlank()) {
        throw new UsageException(
            spec.commandLine(), "environment variable named by --api-key-env is not set");
      }
      return Optional.of(value.strip());
    }
    return Optional.empty();
  }

  private Set<Operation> operations() {
    Set<Operation> operations = EnumSet.noneOf(Operation.class);
    for (String name : capabilities) {
      operations.add(
          Operation.fromWireName(name.strip())
              .orElseThrow(
                  () ->
                      new UsageException(
                          spec.commandLine(),
                          "--capabilities names an unknown operation"
                              + Suggestions.didYouMean(name.strip(), new OperationNames()))));
    }
    return operations;
  }

  private static void write(Path file, String text) {
    if (file == null) {
      return;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IoFailure(file.toString(), e);
    }
  }
}
