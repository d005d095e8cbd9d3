package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCommandTest {
  @TempDir Path dir;

  @Test
  void withoutArgumentsListsTheSchemaNames() {
    Cli.Result result = Cli.run("schema");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).containsExactlyElementsOf(ContractSchemas.names());
  }

  @Test
  void nameprintsThatSchema() {
    Cli.Result result = Cli.run("schema", "request");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip()).isEqualTo(ContractSchemas.read("request").strip());
  }

  @Test
  void outWritesEverySchemaIntoTheDirectory() throws Exception {
    Path out = dir.resolve("schemas");

    Cli.Result result = Cli.run("schema", "--out", out.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).hasSize(ContractSchemas.names().size());
    assertThat(Files.readString(out.resolve("response.schema.json")))
        .isEqualTo(ContractSchemas.read("response"));
  }

  @Test
  void outWithNameWritesOneSchema() {
    Path out = dir.resolve("one");

    Cli.Result result = Cli.run("schema", "contract", "--out", out.toString());

    assertThat(result.out()).isEqualTo(out.resolve("contract.schema.json") + "\n");
  }

  @Test
  void unknownNameIsAUsageError() {
    Cli.Result result = Cli.run("schema", "nope");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: usage: unknown schema NAME; run 'cavra-cp schema' to list the names");
  }

  @Test
  void aMistypedNameGetsTheNearestOne() {
    Cli.Result result = Cli.run("schema", "summary-entitlement-status");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith(
            "error: usage: unknown schema NAME; did you mean 'summary-entitlement_status'?");
  }

  @Test
  void unwritableOutIsAnIoError() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");

    Cli.Result result = Cli.run("schema", "--out", file.resolve("sub").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
    assertThat(result.err()).startsWith("error: io_error at " + file.resolve("sub"));
  }
}
