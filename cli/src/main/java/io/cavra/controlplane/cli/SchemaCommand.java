package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractSchemas;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    header = "Print or write the published JSON Schemas.",
    description = {
      "Print or write the published JSON Schemas (draft 2020-12) of the contract.",
      "Without NAME and --out, list the schema names; with NAME, print that schema;",
      "with --out, write NAME (or every schema) to DIR as <name>.schema.json and list the files."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cavra-cp schema",
      "  cavra-cp schema request",
      "  cavra-cp schema --out build/schemas"
    })
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "NAME",
      arity = "0..1",
      completionCandidates = Names.class,
      description = "A schema name, e.g. request, response, contract, summary-entitlement_status.")
  String name;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write schema files into DIR (created if missing).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    if (name != null && !ContractSchemas.names().contains(name)) {
      String hint = Suggestions.didYouMean(name, ContractSchemas.names());
      throw new UsageException(
          spec.commandLine(),
          "unknown schema NAME"
              + (hint.isEmpty() ? "; run 'cavra-cp schema' to list the names" : hint));
    }
    List<String> names = name == null ? ContractSchemas.names() : List.of(name);
    if (out == null) {
      if (name == null) {
        names.forEach(stdout::println);
      } else {
        String text = ContractSchemas.read(name);
        stdout.print(text.endsWith("\n") ? text : text + "\n");
      }
    } else {
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        throw new IoFailure(out.toString(), e);
      }
      for (String each : names) {
        Path file = out.resolve(each + ".schema.json");
        try {
          Files.writeString(file, ContractSchemas.read(each), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new IoFailure(file.toString(), e);
        }
        stdout.println(file);
      }
    }
    stdout.flush();
    return ExitCodes.OK;
  }

  /** The schema names, for completion. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ContractSchemas.names().iterator();
    }
  }
}
