package io.cavra.controlplane.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    header = "Print the bash/zsh completion script.",
    description = {
      "Print a bash (and zsh, via bashcompinit) completion script for cavra-cp, generated from",
      "the command model: every command, operation, option and enumerated value."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(cavra-cp completion)",
      "  cavra-cp completion > /etc/bash_completion.d/cavra-cp"
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("cavra-cp", spec.root().commandLine()));
    out.flush();
    return ExitCodes.OK;
  }
}
