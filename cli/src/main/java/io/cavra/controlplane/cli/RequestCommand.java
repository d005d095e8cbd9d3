package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.Operation;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code request OPERATION}: one subcommand per operation, generated from the builder's parameter
 * table.
 */
@Command(
    name = "request",
    mixinStandardHelpOptions = true,
    header = "Build a request envelope for an operation.",
    synopsisSubcommandLabel = "OPERATION",
    description = {
      "Build a request envelope for OPERATION. Every builder parameter is an option; see",
      "'cavra-cp request OPERATION --help' for an operation's options and defaults."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cavra-cp request tenant_status --tenant-id tenant-demo --capability audit_export",
      "  cavra-cp request policy_registry_lookup --tenant-id t1 --policy-ref starter --label"
          + " team=gov",
      "  cavra-cp request license_validation --tenant-id t1 --report report.json --compact",
      "  cavra-cp request saas_operating_automation --input-json params.json --automation-cadence"
          + " weekly"
    })
final class RequestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static CommandLine commandLine(Environment environment) {
    CommandLine commandLine = new CommandLine(new RequestCommand());
    for (Operation operation : Operation.values()) {
      commandLine.addSubcommand(
          operation.wireName(),
          new CommandLine(new OperationCommand(operation, environment).spec()));
    }
    return commandLine;
  }

  @Override
  public Integer call() {
    throw new UsageException(
        spec.commandLine(),
        "missing OPERATION; expected one of: " + String.join(", ", spec.subcommands().keySet()));
  }
}
