package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescribeCommandTest {
  @Test
  void printsThePrettyContractDocumentByteIdenticalToTheGoldenVectorWhenNotOnATerminal()
      throws Exception {
    Cli.Result result = Cli.run("describe");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            Cli.vector("contract.pretty.json")
                + (Cli.vector("contract.pretty.json").endsWith("\n") ? "" : "\n"));
    assertThat(result.err()).isEmpty();
  }

  @Test
  void compactJsonMatchesTheCompactGoldenVector() throws Exception {
    Cli.Result result = Cli.run("describe", "--format", "json", "--compact");

    assertThat(result.out().strip()).isEqualTo(Cli.vector("contract.compact.json").strip());
  }

  @Test
  void printsATableWhenStdoutIsATerminal() {
    Cli.Result result = Cli.runWithStdin("", true, false, "describe");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("OPERATION", "PROVISIONAL", "REQUEST", "RESPONSE", "contains_saas_backend=false");
    assertThat(result.out()).containsPattern("saas_operating_automation_worker_handoff +yes");
    assertThat(result.out()).containsPattern("\nentitlement_status +no +tenant identifier");
    assertThat(result.out()).doesNotContain("{");
  }

  @Test
  void formatOptionOverridesTheTerminalChoice() {
    assertThat(Cli.runWithStdin("", true, false, "describe", "--format", "json").out())
        .startsWith("{\n");
    assertThat(Cli.run("describe", "--format", "table").out())
        .startsWith("CAVRA SaaS Control Plane Contract");
  }

  @Test
  void unknownFormatIsAUsageErrorListingTheFormats() {
    Cli.Result result = Cli.run("describe", "--format", "yaml");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith(
            "error: usage: invalid value for option '--format'; expected one of: table, json");
    assertThat(result.err()).doesNotContain("yaml");
  }

  @Test
  void wrapKeepsWordsWhole() {
    assertThat(DescribeCommand.wrap("alpha beta gamma", 10)).containsExactly("alpha beta", "gamma");
  }
}
