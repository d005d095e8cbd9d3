package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility gate as a build step: the packaged {@code cavra-cp} writes the schemas it
 * publishes ({@code schema --out}) and compares them with the committed v1 baseline ({@code
 * compat}). The only breaking changes allowed are the acknowledged ones ({@code
 * conformance/src/test/resources/compat/acknowledged-v1.tsv}), and none may silently go away.
 */
class CompatGateIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path BASELINE =
      ROOT.resolve(
          "conformance/src/main/resources/io/cavra/controlplane/conformance/compat/baseline/v1");
  private static final Path ACKNOWLEDGED =
      ROOT.resolve("conformance/src/test/resources/compat/acknowledged-v1.tsv");

  @Test
  void publishedSchemasBreakTheV1BaselineOnlyWhereAcknowledged(@TempDir Path temp)
      throws Exception {
    Path current = temp.resolve("current");
    CavraCpJarIT.Process schemas = CavraCpJarIT.run("", "schema", "--out", current.toString());
    CavraCpJarIT.Process compat =
        CavraCpJarIT.run(
            "",
            "compat",
            "--baseline",
            BASELINE.toString(),
            "--current",
            current.toString(),
            "--format",
            "json");

    assertThat(schemas.exitCode()).as(schemas.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(compat.out());
    Set<String> breaking = new TreeSet<>();
    for (JsonNode change : report.get("changes")) {
      if (change.get("severity").asText().equals("breaking")) {
        breaking.add(id(change));
      }
    }
    assertThat(report.get("schema_version_changed").asBoolean()).isFalse();
    assertThat(breaking).as(compat.out()).isEqualTo(acknowledged());
    assertThat(compat.exitCode())
        .isEqualTo(breaking.isEmpty() ? ExitCodes.OK : ExitCodes.NOT_CONFORMING);
  }

  /**
   * A change as the acknowledged list names it: rule, location and, for a required rule, its
   * message.
   */
  private static String id(JsonNode change) {
    String rule = change.get("rule").asText();
    String id = rule + " " + change.get("schema").asText() + "#" + change.get("pointer").asText();
    return rule.startsWith("required-") ? id + " " + change.get("message").asText() : id;
  }

  private static Set<String> acknowledged() throws IOException {
    return Files.readAllLines(ACKNOWLEDGED, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.substring(0, line.indexOf('\t')))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
