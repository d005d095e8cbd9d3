package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatCommandTest {
  @TempDir Path dir;

  private Path published(String name) {
    Path out = dir.resolve(name);
    assertThat(Cli.run("schema", "--out", out.toString()).exitCode()).isZero();
    return out;
  }

  @Test
  void identicalSchemaSetsHaveNoBreakingChange() {
    Cli.Result result =
        Cli.run(
            "compat",
            "--baseline",
            published("a").toString(),
            "--current",
            published("b").toString());
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void removedRequestFieldIsBreakingAndFailsTheGate() throws Exception {
    Path baseline = published("baseline");
    Path current = published("current");
    Path schema = current.resolve("request-payload-tenant_status.schema.json");
    String text = Files.readString(schema, StandardCharsets.UTF_8);
    // Drop the payload's boundary property: readers built against v1 rely on it.
    Files.writeString(
        schema, text.replace("\"public_client_boundary\"", "\"public_client_boundary_renamed\""));

    Cli.Result text1 =
        Cli.run("compat", "--baseline", baseline.toString(), "--current", current.toString());
    Cli.Result json =
        Cli.run(
            "compat",
            "--baseline",
            baseline.toString(),
            "--current",
            current.toString(),
            "--format",
            "json");

    assertThat(text1.exitCode()).isEqualTo(ExitCodes.NOT_CONFORMING);
    assertThat(text1.out()).contains("BREAKING");
    Map<?, ?> report =
        (Map<?, ?>) ContractJson.defaults().parseTree(json.out().getBytes(StandardCharsets.UTF_8));
    assertThat(report.toString()).contains("property-removed");
    assertThat(json.exitCode()).isEqualTo(ExitCodes.NOT_CONFORMING);
  }

  @Test
  void missingDirectoryIsAnIoError() {
    Cli.Result result =
        Cli.run(
            "compat", "--baseline", dir.resolve("absent").toString(), "--current", dir.toString());
    assertThat(result.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
    assertThat(List.of(result.err()))
        .anySatisfy(e -> assertThat(e).startsWith("error: io_error at "));
  }
}
