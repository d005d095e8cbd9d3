package io.cavra.controlplane.conformance.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cavra.controlplane.contract.ContractJson;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatReportTest {

  private static CompatReport report(String rule) {
    Path pair = CompatRuleFixturesTest.fixtures().resolve(rule);
    return SchemaCompat.compare(pair.resolve("baseline"), pair.resolve("current"));
  }

  @Test
  void textListsEachChangeWithSeverityRuleAndLocation() {
    CompatReport report = report("property-removed");

    assertThat(report.text())
        .isEqualTo(
            "Baseline: "
                + report.baseline()
                + "\n"
                + "Current:  "
                + report.current()
                + "\n"
                + "BREAKING      property-removed  x.schema.json#/properties/b  property 'b' was"
                + " removed\n"
                + "1 change, 1 breaking. No schema_version changed: consumers of the baseline would"
                + " break.\n");
  }

  @Test
  void jsonCarriesCountsAndEveryChange() {
    CompatReport report = report("property-added-optional");

    @SuppressWarnings("unchecked")
    Map<String, Object> json =
        (Map<String, Object>)
            ContractJson.defaults().parseTree(report.json().getBytes(StandardCharsets.UTF_8));

    assertThat(json)
        .containsEntry("breaking", 0L)
        .containsEntry("non_breaking", 1L)
        .containsEntry("schema_version_changed", false)
        .containsEntry(
            "changes",
            List.of(
                Map.of(
                    "rule",
                    "property-added-optional",
                    "severity",
                    "non_breaking",
                    "kind",
                    "added",
                    "schema",
                    "x.schema.json",
                    "pointer",
                    "/properties/b",
                    "message",
                    "optional property 'b' was added")));
    assertThat(json.keySet())
        .containsExactly(
            "baseline", "current", "breaking", "non_breaking", "schema_version_changed", "changes");
  }

  @Test
  void identicalSetsHaveNoChanges() {
    CompatReport report = SchemaCompat.compare(SchemaSet.baselineV1(), SchemaSet.baselineV1());

    assertThat(report.changes()).isEmpty();
    assertThat(report.exitCode()).isZero();
    assertThat(report.text()).endsWith("No changes.\n");
  }

  @Test
  void pointersEscapeSlashAndTilde(@TempDir Path temp) throws Exception {
    Files.createDirectories(temp.resolve("a"));
    Files.createDirectories(temp.resolve("b"));
    Files.writeString(
        temp.resolve("a/x.json"), "{\"properties\":{\"a/b~c\":{\"type\":\"string\"}}}");
    Files.writeString(temp.resolve("b/x.json"), "{\"properties\":{}}");

    assertThat(SchemaCompat.compare(temp.resolve("a"), temp.resolve("b")).changes())
        .extracting(CompatChange::location)
        .containsExactly("x.json#/properties/a~1b~0c");
  }

  @Test
  void unreadableInputIsReportedByName(@TempDir Path temp) throws Exception {
    Files.writeString(temp.resolve("broken.schema.json"), "{\"type\":");

    assertThatThrownBy(() -> SchemaSet.directory(temp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("broken.schema.json is not JSON: invalid_json");
    assertThatThrownBy(() -> SchemaSet.directory(temp.resolve("missing")))
        .isInstanceOf(UncheckedIOException.class);
  }
}
