package io.cavra.controlplane.conformance.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One fixture pair per rule under {@code compat/rules/<rule-id>/{baseline,current}}; each yields
 * exactly its rule.
 */
class CompatRuleFixturesTest {

  static Path fixtures() {
    try {
      return Path.of(CompatRuleFixturesTest.class.getResource("/compat/rules").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(CompatRule.class)
  void fixturePairIsClassifiedByItsRuleAlone(CompatRule rule) {
    Path pair = fixtures().resolve(rule.id());

    CompatReport report = SchemaCompat.compare(pair.resolve("baseline"), pair.resolve("current"));

    assertThat(report.changes())
        .as(report.text())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.rule()).isEqualTo(rule);
              assertThat(change.severity()).isEqualTo(rule.severity());
            });
    assertThat(report.exitCode()).isEqualTo(rule.severity() == Severity.BREAKING ? 1 : 0);
  }

  /**
   * {@code additionalProperties: {"type": "string"}} becoming {@code true} keeps every key allowed
   * and widens the values' type: type-widened in the enclosing content model, not an opening.
   */
  @ParameterizedTest(name = "closed: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void droppingTheValueSchemaOfAMapWidensItsValuesType(boolean closed, @TempDir Path temp)
      throws Exception {
    String schema =
        """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.invalid/m.schema.json",
         "type": "object", "properties": {"m": {"type": "object", "additionalProperties": %s}}%s}\
        """;
    String end = closed ? ", \"additionalProperties\": false" : "";
    Files.createDirectories(temp.resolve("baseline"));
    Files.createDirectories(temp.resolve("current"));
    Files.writeString(
        temp.resolve("baseline/m.schema.json"),
        String.format(schema, "{\"type\": \"string\"}", end));
    Files.writeString(temp.resolve("current/m.schema.json"), String.format(schema, "true", end));

    CompatReport report = SchemaCompat.compare(temp.resolve("baseline"), temp.resolve("current"));

    assertThat(report.changes())
        .as(report.text())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.rule())
                  .isEqualTo(
                      closed ? CompatRule.TYPE_WIDENED_CLOSED : CompatRule.TYPE_WIDENED_OPEN);
              assertThat(change.location())
                  .isEqualTo("m.schema.json#/properties/m/additionalProperties/type");
            });
  }

  @Test
  void everyFixtureDirectoryNamesARule() throws Exception {
    try (Stream<Path> directories = Files.list(fixtures())) {
      assertThat(directories.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              Arrays.stream(CompatRule.values()).map(CompatRule::id).toList());
    }
  }

  @Test
  void ruleIdsAreStableLowerCaseWords() {
    assertThat(CompatRule.values())
        .allSatisfy(
            rule -> {
              assertThat(rule.id()).matches("[a-z]+(-[a-z]+)*");
              assertThat(CompatRule.fromId(rule.id())).contains(rule);
            });
    assertThat(CompatRule.fromId("no-such-rule")).isEmpty();
  }
}
