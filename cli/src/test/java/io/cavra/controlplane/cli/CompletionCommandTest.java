package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionCommandTest {
  @Test
  void printsABashScriptCoveringCommandsOperationsAndOptions() {
    Cli.Result result = Cli.run("completion");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_cavra-cp", "saas_operating_automation_worker_handoff", "--policy-ref",
            "--summary-json", "sarif");
  }
}
