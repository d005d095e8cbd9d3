package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractDescription;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.Operation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    header = "Print the contract description: operations, requests, responses.",
    description = {
      "Print the public contract description: its operations, what their requests and responses",
      "carry, and whether a shape is provisional. A table on a terminal, the JSON document",
      "(byte-identical to the contract library's canonical form) otherwise."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  cavra-cp describe", "  cavra-cp describe --format json --compact"})
final class DescribeCommand implements Callable<Integer> {
  enum Format {
    table,
    json
  }

  private final Environment environment;

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table or json. Default: table when standard output is a terminal, else json.")
  Format format;

  @Option(
      names = "--compact",
      description = "With json, print compact JSON. Default: pretty (two-space indent).")
  boolean compact;

  DescribeCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Format chosen =
        format != null ? format : environment.stdoutIsTerminal() ? Format.table : Format.json;
    PrintWriter out = spec.commandLine().getOut();
    if (chosen == Format.json) {
      out.print(ContractJson.toJson(ContractDescription.toMap(), !compact));
      out.print('\n');
    } else {
      out.print(table());
    }
    out.flush();
    return ExitCodes.OK;
  }

  static String table() {
    Map<String, Object> document = ContractDescription.toMap();
    @SuppressWarnings("unchecked")
    Map<String, Object> boundary = (Map<String, Object>) document.get("public_repository_boundary");
    StringBuilder text = new StringBuilder();
    text.append(document.get("product"))
        .append(" SaaS Control Plane Contract (")
        .append(document.get("schema_version"))
        .append(")\n");
    text.append(boundary.get("purpose")).append('\n');
    text.append("Public repository boundary: contains_saas_backend=")
        .append(boundary.get("contains_saas_backend"))
        .append(", contains_license_service=")
        .append(boundary.get("contains_license_service"))
        .append(", contains_customer_records=")
        .append(boundary.get("contains_customer_records"))
        .append("\n\n");
    int[] widths = {40, 11, 32, 34};
    row(text, widths, "OPERATION", "PROVISIONAL", "REQUEST", "RESPONSE");
    for (Operation operation : Operation.values()) {
      row(
          text,
          widths,
          operation.wireName(),
          operation.isProvisional() ? "yes" : "no",
          operation.requestDescription(),
          operation.responseDescription());
    }
    return text.toString();
  }

  /**
   * Appends one table row; each cell is word-wrapped to its column, columns are two spaces apart.
   */
  private static void row(StringBuilder text, int[] widths, String... cells) {
    List<List<String>> wrapped = new ArrayList<>();
    int height = 0;
    for (int i = 0; i < cells.length; i++) {
      List<String> lines = wrap(cells[i], widths[i]);
      wrapped.add(lines);
      height = Math.max(height, lines.size());
    }
    for (int line = 0; line < height; line++) {
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        String part = line < wrapped.get(i).size() ? wrapped.get(i).get(line) : "";
        row.append(part);
        if (i < cells.length - 1) {
          row.append(" ".repeat(Math.max(0, widths[i] - part.length()) + 2));
        }
      }
      text.append(row.toString().stripTrailing()).append('\n');
    }
  }

  static List<String> wrap(String value, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : value.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
