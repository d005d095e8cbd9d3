package io.cavra.controlplane.conformance.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.cavra.controlplane.contract.ContractSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's compatibility gate: the schemas the contract publishes must not break the v1 baseline
 * shipped with this kit, unless the {@code schema_version} of the envelope they belong to changed.
 */
class ContractCompatibilityGateTest {

  /** The envelope a schema belongs to, whose schema_version must change for it to break. */
  static String envelopeOf(String schema) {
    if (schema.startsWith("request") || schema.startsWith("license-validation-report")) {
      return "request.schema.json";
    }
    if (schema.startsWith("response") || schema.startsWith("summary-")) {
      return "response.schema.json";
    }
    return "contract.schema.json";
  }

  /** Breaking changes whose envelope kept its schema_version. */
  static List<CompatChange> unversionedBreaks(CompatReport report) {
    Set<String> newVersions = Set.copyOf(report.schemasWithNewVersion());
    return report.breaking().stream()
        .filter(c -> !newVersions.contains(envelopeOf(c.schema())))
        .toList();
  }

  /**
   * Breaking changes against the v1 baseline made on purpose without a new schema_version, each
   * with its reason. The baseline was narrower than the reference's own v1 wire format in these
   * places; producers of that format already send what the v1 schemas now allow, so the schemas
   * were corrected, not versioned. A reader written against the narrower baseline must widen too.
   */
  static final Map<String, String> ACKNOWLEDGED = acknowledged();

  /**
   * Reads {@code compat/acknowledged-v1.tsv}: one change a line, a tab, its reason; '#' starts a
   * comment.
   */
  static Map<String, String> acknowledged() {
    try (InputStream in =
        ContractCompatibilityGateTest.class.getResourceAsStream("/compat/acknowledged-v1.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t", 2))
          .collect(Collectors.toUnmodifiableMap(parts -> parts[0], parts -> parts[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How {@link #ACKNOWLEDGED} names a change: rule, location and, for {@code required}, the
   * message.
   */
  static String id(CompatChange change) {
    String id = change.ruleId() + " " + change.location();
    return change.rule() == CompatRule.REQUIRED_REMOVED
            || change.rule() == CompatRule.REQUIRED_ADDED
        ? id + " " + change.message()
        : id;
  }

  @Test
  void publishedSchemasDoNotBreakTheV1BaselineWithoutANewSchemaVersion() {
    CompatReport report = SchemaCompat.compare(SchemaSet.baselineV1(), SchemaSet.published());

    assertThat(unversionedBreaks(report))
        .filteredOn(change -> !ACKNOWLEDGED.containsKey(id(change)))
        .as(
            "breaking changes against the v1 baseline without a new schema_version:%n%s",
            report.text())
        .isEmpty();
  }

  @Test
  void everyAcknowledgedBreakIsStillThere() {
    CompatReport report = SchemaCompat.compare(SchemaSet.baselineV1(), SchemaSet.published());

    assertThat(report.breaking().stream().map(ContractCompatibilityGateTest::id))
        .as(report.text())
        .containsAll(ACKNOWLEDGED.keySet());
  }

  /**
   * Widening contacts and labels is a type widening in a closed request, not an opening of keys.
   */
  @Test
  void widenedContactsAndLabelsAreClassifiedAsBreakingTypeWidenings() {
    CompatReport report = SchemaCompat.compare(SchemaSet.baselineV1(), SchemaSet.published());

    assertThat(report.changes())
        .filteredOn(change -> change.location().contains("/additionalProperties"))
        .extracting(CompatChange::ruleId, CompatChange::location, CompatChange::severity)
        .containsExactly(
            tuple(
                "type-widened-closed",
                "request-payload-policy_registry_lookup.schema.json#/properties/labels/additionalProperties/type",
                Severity.BREAKING),
            tuple(
                "type-widened-closed",
                "request-payload-tenant_onboarding.schema.json#/properties/contacts/additionalProperties/type",
                Severity.BREAKING));
  }

  @Test
  void baselineCoversEveryPublishedSchema() {
    assertThat(SchemaSet.baselineV1().names())
        .containsExactlyInAnyOrderElementsOf(
            ContractSchemas.names().stream()
                .map(n -> n + ".schema.json")
                .collect(Collectors.toList()));
  }

  // The gate at work on copies of the published schemas, edited the way a careless change would,
  // compared with the published schemas themselves so that only the edit shows.

  private static Path published(Path directory) throws IOException {
    Files.createDirectories(directory);
    for (String name : ContractSchemas.names()) {
      Files.writeString(directory.resolve(name + ".schema.json"), ContractSchemas.read(name));
    }
    return directory;
  }

  private static void edit(Path directory, String file, UnaryOperator<String> change)
      throws IOException {
    Path path = directory.resolve(file);
    String before = Files.readString(path);
    String after = change.apply(before);
    assertThat(after).as("the edit applies").isNotEqualTo(before);
    Files.writeString(path, after);
  }

  @Test
  void removingARequestFieldFailsTheGate(@TempDir Path temp) throws IOException {
    Path current = published(temp.resolve("current"));
    edit(
        current,
        "request.schema.json",
        s ->
            s.replace("    \"requested_by\",\n", "")
                .replaceFirst("\"requested_by\": \\{[^}]*\\},\\s*", ""));

    CompatReport report = SchemaCompat.compare(SchemaSet.published(), SchemaSet.directory(current));

    assertThat(report.breaking())
        .extracting(CompatChange::ruleId, CompatChange::location)
        .containsExactly(tuple("property-removed", "request.schema.json#/properties/requested_by"));
    assertThat(unversionedBreaks(report)).hasSize(1);
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void newResponseStatusBreaksTheClosedEnvelopeButANewSummaryStateDoesNot(@TempDir Path temp)
      throws IOException {
    Path current = published(temp.resolve("current"));
    edit(
        current,
        "response.schema.json",
        s ->
            s.replace(
                "\"requires_private_service\"\n      ],\n      \"description\": \"Outcome.",
                "\"requires_private_service\",\n"
                    + "        \"deferred\"\n"
                    + "      ],\n"
                    + "      \"description\": \"Outcome."));
    edit(
        current,
        "summary-policy_registry_readiness.schema.json",
        s -> s.replaceFirst("\"unknown\"\n", "\"unknown\",\n        \"maintenance\"\n"));

    CompatReport report = SchemaCompat.compare(SchemaSet.published(), SchemaSet.directory(current));

    assertThat(report.changes())
        .extracting(CompatChange::ruleId, CompatChange::location)
        .containsExactly(
            tuple("enum-widened-closed", "response.schema.json#/properties/status/enum"),
            tuple(
                "enum-widened-open",
                "summary-policy_registry_readiness.schema.json#/properties/readiness_status/enum"));
  }

  @Test
  void breakingChangeWithANewSchemaVersionPassesTheGate(@TempDir Path temp) throws IOException {
    Path current = published(temp.resolve("current"));
    edit(
        current,
        "request.schema.json",
        s ->
            s.replace(
                "\"const\": \"cavra.saas_control_plane.request.v1\"",
                "\"const\": \"cavra.saas_control_plane.request.v2\""));
    edit(
        current,
        "request-payload-evidence_export.schema.json",
        s -> s.replace("\"zip\"\n", "\"zip\",\n        \"pdf\"\n").replace("\"jsonl\",\n", ""));

    CompatReport report = SchemaCompat.compare(SchemaSet.published(), SchemaSet.directory(current));

    assertThat(report.schemaVersionChanged()).isTrue();
    assertThat(report.schemasWithNewVersion()).containsExactly("request.schema.json");
    assertThat(report.breaking())
        .extracting(CompatChange::ruleId)
        .contains("const-changed", "enum-value-removed", "enum-widened-closed");
    assertThat(unversionedBreaks(report)).isEmpty();
    assertThat(report.text())
        .endsWith("A schema_version changed: this is a new major version of the contract.\n");
  }

  @Test
  void descriptionEditsAreNotBreaking(@TempDir Path temp) throws IOException {
    Path current = published(temp.resolve("current"));
    edit(
        current,
        "summary-entitlement_status.schema.json",
        s -> s.replaceFirst("\"description\": \"[^\"]*\"", "\"description\": \"Reworded.\""));

    CompatReport report = SchemaCompat.compare(SchemaSet.published(), SchemaSet.directory(current));

    assertThat(report.changes())
        .extracting(CompatChange::ruleId)
        .containsExactly("annotation-changed");
    assertThat(report.exitCode()).isZero();
  }
}
