package io.cavra.controlplane.cli;

import io.cavra.controlplane.conformance.compat.CompatReport;
import io.cavra.controlplane.conformance.compat.SchemaCompat;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "compat",
    mixinStandardHelpOptions = true,
    header = "Classify the changes between two sets of published JSON Schemas.",
    description = {
      "Compare the schemas in --current with those in --baseline and classify each change as"
          + " breaking",
      "or non-breaking from a consumer's point of view (removed or renamed field, narrowed type or"
          + " enum,",
      "new required field: breaking; new optional field, widened enum in an open model:"
          + " non-breaking).",
      "Exits non-zero when any change is breaking. The rules are listed in the conformance README."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cavra-cp schema --out build/schemas && cavra-cp compat --baseline compat/v1 --current"
          + " build/schemas",
      "  cavra-cp compat --baseline old/ --current new/ --format json"
    })
final class CompatCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--baseline",
      required = true,
      paramLabel = "DIR",
      description = "The schemas consumers were built against.")
  Path baseline;

  @Option(
      names = "--current",
      required = true,
      paramLabel = "DIR",
      description = "The schemas to check.")
  Path current;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    for (Path dir : new Path[] {baseline, current}) {
      if (!Files.isDirectory(dir)) {
        spec.commandLine().getErr().println("error: io_error at " + dir + ": not a directory");
        return ExitCodes.IO_ERROR;
      }
    }
    CompatReport report = SchemaCompat.compare(baseline, current);
    PrintWriter out = spec.commandLine().getOut();
    String text = format == Format.json ? report.json() : report.text();
    out.print(text.endsWith("\n") ? text : text + "\n");
    out.flush();
    return report.hasBreaking() ? ExitCodes.NOT_CONFORMING : ExitCodes.OK;
  }
}
