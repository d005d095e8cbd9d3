package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CavraCpTest {
  @Test
  void helpListsEveryCommandAndTheExitCodeTable() {
    Cli.Result result = Cli.run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("describe", "request", "respond", "validate", "scan", "schema", "completion");
    assertThat(result.out())
        .contains(
            "Exit codes:",
            "0    Success",
            "1    Invalid input",
            "2    Usage error",
            "3    Findings",
            "4    I/O error",
            "70   Internal error");
  }

  @Test
  void everySubcommandHelpPrintsTheSameExitCodeTable() {
    for (String command :
        new String[] {
          "describe", "request", "respond", "validate", "scan", "schema", "completion"
        }) {
      Cli.Result result = Cli.run(command, "--help");

      assertThat(result.exitCode()).as(command).isZero();
      assertThat(result.out()).as(command).contains("Exit codes:", "3    Findings", "Examples:");
    }
    assertThat(Cli.run("request", "tenant_status", "--help").out())
        .contains("Exit codes:", "--capability");
  }

  @Test
  void versionNamesTheToolAndTheSchemaVersions() {
    Cli.Result result = Cli.run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("cavra-cp ").contains("cavra.saas_control_plane");
  }

  @Test
  void noCommandPrintsUsageOnStderrAndExitsWithUsageCode() {
    Cli.Result result = Cli.run();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("Usage: cavra-cp");
  }

  @Test
  void unknownCommandIsAUsageErrorThatDoesNotEchoTheArgument() {
    Cli.Result result = Cli.run(Cli.FAKE_GITHUB_TOKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: usage: unknown command; expected one of: describe, request");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void aMistypedCommandGetsADidYouMean() {
    Cli.Result result = Cli.run("describ");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: usage: unknown command; did you mean 'describe'?\n");
  }

  @Test
  void aMistypedOptionGetsADidYouMeanAndARenamedOneItsNewName() {
    assertThat(Cli.run("request", "tenant_status", "--tenant-idd", "t1").err())
        .startsWith("error: usage: unknown option '--tenant-idd'; did you mean '--tenant-id'?\n");
    assertThat(Cli.run("serve", "--key-file", "keys.jsonl").err())
        .startsWith("error: usage: unknown option '--key-file' (renamed '--key-store')\n");
    assertThat(
            Cli.run(
                    "keys",
                    "add",
                    "--key-store",
                    "keys.jsonl",
                    "--key-file",
                    "keys.jsonl",
                    "--key-id",
                    "x",
                    "--tenant",
                    "t")
                .err())
        .startsWith("error: usage: unknown option '--key-file' (renamed '--key-store')\n");
    assertThat(Cli.run("verify", "--url", "http://127.0.0.1:1", "--key-file", "k").err())
        .startsWith("error: usage: unknown option '--key-file' (renamed '--api-key-file')\n");
    assertThat(Cli.run("verify", "--url", "http://127.0.0.1:1", "--key-env", "K").err())
        .startsWith("error: usage: unknown option '--key-env' (renamed '--api-key-env')\n");
  }

  @Test
  void unknownOptionWithASecretValueNamesOnlyTheOption() {
    Cli.Result result = Cli.run("describe", "--token=" + Cli.FAKE_GITHUB_TOKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: usage: unknown option '--token'\n");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void exitCodeMapperSendsContractErrorsToInvalidInputAndUnexpectedOnesToInternal() {
    assertThat(
            ExitCodes.MAPPER.getExitCode(
                io.cavra.controlplane.contract.ContractException.of(
                    io.cavra.controlplane.contract.ErrorCode.MISSING_FIELD,
                    "tenant_id",
                    "tenant_id is required")))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(ExitCodes.MAPPER.getExitCode(new IllegalStateException()))
        .isEqualTo(ExitCodes.INTERNAL);
    assertThat(ExitCodes.worst(ExitCodes.INVALID_INPUT, ExitCodes.FINDINGS))
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(ExitCodes.worst(ExitCodes.IO_ERROR, ExitCodes.FINDINGS))
        .isEqualTo(ExitCodes.IO_ERROR);
  }

  @Test
  void commandLineBuiltForOneCommandRunsItLikeTheFullTree() {
    java.io.StringWriter out = new java.io.StringWriter();
    picocli.CommandLine one =
        CavraCp.newCommandLine(
            new Environment(new java.io.ByteArrayInputStream(new byte[0]), false, false),
            "describe");
    one.setOut(new java.io.PrintWriter(out));

    assertThat(one.execute("describe", "--compact", "--format", "json")).isZero();
    assertThat(one.getSubcommands()).containsOnlyKeys("describe");
    assertThat(out.toString()).isEqualTo(Cli.run("describe", "--compact").out());
    Environment environment =
        new Environment(new java.io.ByteArrayInputStream(new byte[0]), false, false);
    assertThat(CavraCp.newCommandLine(environment, "nope").getSubcommands().keySet())
        .isEqualTo(CavraCp.newCommandLine(environment).getSubcommands().keySet())
        .contains("describe", "verify", "compat");
  }
}
