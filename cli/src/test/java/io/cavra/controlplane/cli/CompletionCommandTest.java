package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
  @TempDir Path dir;

  @Test
  void printsABashScriptCoveringCommandsOperationsAndOptions() {
    Cli.Result result = Cli.run("completion");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith("#!/usr/bin/env bash")
        .contains(
            "complete -F _complete_cavra-cp",
            "saas_operating_automation_worker_handoff",
            "--policy-ref",
            "--summary-json",
            "sarif");
  }

  @Test
  void bashCompletesOperationsAndTheAllowedValuesOfOptions() throws Exception {
    assertThat(complete("cavra-cp request tenant_"))
        .containsExactly("tenant_onboarding", "tenant_status", "tenant_audit_store_operating");
    assertThat(complete("cavra-cp request evidence_export --export-format "))
        .containsExactly("json", "jsonl", "markdown", "zip");
    assertThat(complete("cavra-cp request tenant_onboarding --deployment-model h"))
        .containsExactly("hosted_saas", "hybrid");
    assertThat(complete("cavra-cp request saas_operating_automation_worker_handoff --worker-mode "))
        .containsExactly("dry_run", "shadow", "live", "unknown");
    assertThat(complete("cavra-cp keys add --operation evidence"))
        .containsExactly("evidence_export");
    assertThat(complete("cavra-cp verify --capabilities entitlement"))
        .containsExactly("entitlement_status");
    assertThat(complete("cavra-cp describe --format ")).containsExactly("table", "json");
  }

  /** What bash offers for the last word of {@code line} with the generated script loaded. */
  private List<String> complete(String line) throws IOException, InterruptedException {
    Path script =
        Files.writeString(
            dir.resolve("cavra-cp.bash"), Cli.run("completion").out(), StandardCharsets.UTF_8);
    String words = line.endsWith(" ") ? line + "''" : line;
    String driver =
        String.join(
            "\n",
            "source " + script,
            "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}",
            "COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))",
            "compopt() { :; }",
            "_complete_cavra-cp",
            "printf '%s\\n' \"${COMPREPLY[@]}\"");
    Process bash = new ProcessBuilder("bash", "-c", driver).redirectErrorStream(false).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.lines().filter(word -> !word.isEmpty()).toList();
  }
}
