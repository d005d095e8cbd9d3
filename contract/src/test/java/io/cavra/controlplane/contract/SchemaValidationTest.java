package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the published JSON Schemas against the 2020-12 meta-schema and the golden vectors against
 * the schemas. Schemas are loaded from the class path only: their {@code $id} prefix is mapped to
 * {@link ContractSchemas#RESOURCE_DIRECTORY} and remote fetching is off.
 */
class SchemaValidationTest {
  private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Credential shapes that must never appear in a committed file (the pre-stop check's list). */
  private static final List<Pattern> CREDENTIAL_SHAPES =
      Stream.of(
              "gh[pousr]_[A-Za-z0-9]{30,}",
              "AKIA[0-9A-Z]{16}",
              "xox[abprs]-[0-9A-Za-z-]{20,}",
              "sk_live_[0-9A-Za-z]{20,}",
              "-----BEGIN [A-Z ]*PRIVATE KEY-----")
          .map(Pattern::compile)
          .collect(Collectors.toList());

  private static final Pattern LOCATION =
      Pattern.compile("\\$|[a-z_]+(\\[\\d+])*(\\.[A-Za-z_]+(\\[\\d+])*)*");

  static Stream<String> schemaNames() {
    return ContractSchemas.names().stream();
  }

  static Stream<String> validCases() {
    return GoldenVectors.all().stream()
        .filter(GoldenVectors.Case::valid)
        .map(GoldenVectors.Case::name);
  }

  static Stream<String> validDocuments() {
    return GoldenVectors.all().stream()
        .filter(GoldenVectors.Case::valid)
        .map(GoldenVectors.Case::document)
        .distinct();
  }

  static Stream<String> schemaRejectedCases() {
    return GoldenVectors.all().stream()
        .filter(c -> !c.valid() && c.schemaRejects())
        .map(GoldenVectors.Case::name);
  }

  static Stream<String> schemaInvisibleCases() {
    return GoldenVectors.all().stream()
        .filter(c -> !c.valid() && !c.schemaRejects())
        .map(GoldenVectors.Case::name);
  }

  static Stream<String> allCases() {
    return GoldenVectors.all().stream().map(GoldenVectors.Case::name);
  }

  // --- the schemas themselves -------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("schemaNames")
  void everySchemaIsAValidDraft202012Schema(String name) throws Exception {
    JsonNode schema = MAPPER.readTree(ContractSchemas.read(name));

    List<Error> errors =
        TestSchemas.REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA)).validate(schema);

    assertThat(errors).as("meta-schema errors of %s", name).isEmpty();
    assertThat(schema.path("$schema").asText()).isEqualTo(META_SCHEMA);
    assertThat(schema.path("$id").asText()).isEqualTo(ContractSchemas.id(name).toString());
    assertThat(schema.path("title").asText()).isNotBlank();
    assertThat(schema.path("description").asText()).isNotBlank();
  }

  @ParameterizedTest
  @MethodSource("schemaNames")
  void everySchemaLoadsAndResolvesItsReferencesFromTheClassPath(String name) {
    Schema schema = schema(name);

    schema.initializeValidators();

    assertThat(schema.getSchemaNode().path("$id").asText())
        .isEqualTo(ContractSchemas.id(name).toString());
  }

  @Test
  void namesFollowTheIndexOrder() {
    List<String> names = ContractSchemas.names();

    List<String> operations = Arrays.stream(Operation.values()).map(Operation::wireName).toList();
    List<String> summarized =
        Arrays.stream(Operation.values())
            .filter(Operation::hasSummary)
            .map(Operation::wireName)
            .toList();
    // Four documents, a request payload per operation, a response payload per summary plus the
    // generic and the onboarding unavailable answers, and the summaries themselves.
    assertThat(names)
        .hasSize(4 + operations.size() + summarized.size() + 2 + summarized.size())
        .doesNotHaveDuplicates();
    assertThat(names.subList(0, 5))
        .containsExactly(
            "request",
            "response",
            "contract",
            "license-validation-report",
            "request-payload-" + operations.get(0));
    assertThat(names.get(names.size() - 1))
        .isEqualTo("summary-" + summarized.get(summarized.size() - 1));
    assertThat(names)
        .filteredOn(n -> n.startsWith("request-payload-"))
        .containsExactlyElementsOf(operations.stream().map(o -> "request-payload-" + o).toList());
    assertThat(names)
        .filteredOn(n -> n.startsWith("response-payload-"))
        .hasSize(summarized.size() + 2)
        .contains("response-payload-unavailable", "response-payload-tenant_onboarding");
    assertThat(names)
        .filteredOn(n -> n.startsWith("summary-"))
        .containsExactlyElementsOf(summarized.stream().map(o -> "summary-" + o).toList());
  }

  @Test
  void readReturnsTheClassPathResourceAndIdNamesIt() {
    assertThat(ContractSchemas.resourcePath("request"))
        .isEqualTo("io/cavra/controlplane/contract/schemas/v1/request.schema.json");
    assertThat(ContractSchemas.id("summary-entitlement_status"))
        .hasToString(
            "https://schemas.cavra.io/control-plane/v1/summary-entitlement_status.schema.json");
    assertThat(ContractSchemas.read("request"))
        .isEqualTo(GoldenVectors.resource("/" + ContractSchemas.resourcePath("request")));
  }

  @Test
  void unknownSchemaNameIsRejectedWithInvalidValue() {
    for (String unknown : List.of("requests", "summary-tenant_status", "", "../index")) {
      assertThatThrownBy(() -> ContractSchemas.read(unknown))
          .isInstanceOfSatisfying(
              ContractException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                assertThat(e.location()).isEqualTo("schema");
                assertThat(e.getMessage())
                    .startsWith("unknown schema name; known names: request, response, ");
              });
      assertThatThrownBy(() -> ContractSchemas.id(unknown)).isInstanceOf(ContractException.class);
      assertThatThrownBy(() -> ContractSchemas.resourcePath(unknown))
          .isInstanceOf(ContractException.class);
    }
    assertThatThrownBy(() -> ContractSchemas.read(null)).isInstanceOf(NullPointerException.class);
  }

  // --- valid vectors ----------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("validCases")
  void everyValidVectorValidatesAgainstItsEnvelopeSchema(String caseName) {
    GoldenVectors.Case c = GoldenVectors.byName(caseName);

    List<Error> errors = schema(c.kind()).validate(GoldenVectors.readTree(c.text()));

    assertThat(errors).as("%s against %s", caseName, c.kind()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("validDocuments")
  void compactAndPrettyFormsHoldTheSameTree(String document) {
    GoldenVectors.Case compact = GoldenVectors.byName(document + ".compact");
    GoldenVectors.Case pretty = GoldenVectors.byName(document + ".pretty");

    assertThat(GoldenVectors.readTree(pretty.text()))
        .isEqualTo(GoldenVectors.readTree(compact.text()));
    assertThat(compact.rawText()).doesNotContain("\n").doesNotEndWith(" ");
    assertThat(pretty.rawText()).startsWith("{\n  \"").doesNotEndWith("\n");
  }

  @Test
  void everyOperationHasADefaultRequestAndAGenericUnavailableResponse() {
    List<String> names = new ArrayList<>();
    schema("request")
        .getSchemaNode()
        .at("/properties/operation/enum")
        .forEach(n -> names.add(n.asText()));
    assertThat(names)
        .containsExactlyElementsOf(
            Arrays.stream(Operation.values()).map(Operation::wireName).toList());

    for (String operation : names) {
      assertThat(GoldenVectors.byName("request_" + operation + "_default.compact").kind())
          .isEqualTo("request");
      assertThat(
              GoldenVectors.byName("response_" + operation + "_generic_unavailable.compact").kind())
          .isEqualTo("response");
    }
  }

  // --- content model: closed requests, open responses -------------------------------------------

  @Test
  void responseWithUnknownKeysInItsSummaryAndPayloadIsAccepted() {
    ObjectNode response =
        (ObjectNode)
            GoldenVectors.readTree(
                GoldenVectors.byName("response_policy_registry_readiness_summary.compact").text());
    ((ObjectNode) response.get("payload")).put("service_region", "eu-west");
    ((ObjectNode) response.get("payload").get("summary")).put("catalog_channel", "stable");
    ((ObjectNode) response.get("payload").get("summary")).putObject("rollout").put("wave", 2);

    assertThat(schema("response").validate(response)).isEmpty();
  }

  @Test
  void requestWithAnUnknownPayloadKeyIsRejected() {
    ObjectNode request =
        (ObjectNode)
            GoldenVectors.readTree(
                GoldenVectors.byName("request_policy_registry_readiness_refs.compact").text());
    ((ObjectNode) request.get("payload")).put("catalog_channel", "stable");

    assertThat(locations(schema("request").validate(request))).contains("payload.catalog_channel");
  }

  @Test
  void licenseReportInsideARequestIsClosed() {
    ObjectNode request =
        (ObjectNode)
            GoldenVectors.readTree(
                GoldenVectors.byName("request_license_validation_default.compact").text());
    ((ObjectNode) request.at("/payload/local_validation_report")).put("customer", "Community User");

    assertThat(locations(schema("request").validate(request)))
        .contains("payload.local_validation_report.customer");
  }

  @Test
  void licenseReportWithoutFeatureListsIsValidAsTheReaderReadsIt() {
    ObjectNode request =
        (ObjectNode)
            GoldenVectors.readTree(
                GoldenVectors.byName("request_license_validation_default.compact").text());
    ((ObjectNode) request.at("/payload/local_validation_report"))
        .remove(List.of("enabled_features", "locked_features"));

    assertThat(schema("request").validate(request)).isEmpty();
    ((ObjectNode) request.at("/payload/local_validation_report")).putNull("enabled_features");
    assertThat(locations(schema("request").validate(request)))
        .contains("payload.local_validation_report.enabled_features");
  }

  @Test
  void responseEnvelopeIsClosed() {
    ObjectNode response =
        (ObjectNode)
            GoldenVectors.readTree(
                GoldenVectors.byName("response_tenant_status_generic_unavailable.compact").text());
    response.put("retry_after", 30);

    assertThat(locations(schema("response").validate(response))).contains("retry_after");
  }

  @Test
  void summaryPayloadIsRefusedForAnOperationWithoutSummary() {
    ObjectNode response =
        (ObjectNode)
            GoldenVectors.readTree(
                GoldenVectors.byName("response_entitlement_status_summary.compact").text());
    response.put("operation", "evidence_export");

    assertThat(schema("response").validate(response)).isNotEmpty();
  }

  // --- invalid vectors --------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("schemaRejectedCases")
  void everySchemaExpressibleInvalidVectorFailsSchemaValidation(String caseName) {
    GoldenVectors.Case c = GoldenVectors.byName(caseName);

    List<Error> errors = schema(c.kind()).validate(GoldenVectors.readTree(c.text()));

    assertThat(errors).as("schema errors of %s", caseName).isNotEmpty();
    if (c.location() != null && !c.location().equals("$")) {
      assertThat(locations(errors))
          .as("error locations of %s", caseName)
          .anySatisfy(
              location ->
                  assertThat(
                          location.equals(c.location())
                              || location.startsWith(c.location() + ".")
                              || location.startsWith(c.location() + "["))
                      .isTrue());
    }
  }

  @ParameterizedTest
  @MethodSource("schemaInvisibleCases")
  void problemsInvisibleToTheSchemaPassSchemaValidation(String caseName) {
    GoldenVectors.Case c = GoldenVectors.byName(caseName);

    if (c.code().equals("invalid_json")) {
      assertThatThrownBy(() -> MAPPER.readTree(c.text())).isInstanceOf(Exception.class);
      return;
    }
    List<Error> errors = schema(c.kind()).validate(GoldenVectors.readTree(c.text()));

    assertThat(errors)
        .as("%s: a %s problem is the library's concern, not the schema's", caseName, c.code())
        .isEmpty();
  }

  // --- the manifest and the committed files -----------------------------------------------------

  @ParameterizedTest
  @MethodSource("allCases")
  void everyManifestEntryIsWellFormed(String caseName) {
    GoldenVectors.Case c = GoldenVectors.byName(caseName);

    assertThat(c.kind()).isIn("request", "response", "contract");
    assertThat(c.description()).isNotBlank();
    assertThat(c.rawText()).isNotEmpty();
    if (c.valid()) {
      assertThat(c.file()).isEqualTo("valid/" + c.name() + ".json");
      assertThat(c.form()).isIn("compact", "pretty");
      assertThat(c.code()).isNull();
      assertThat(c.location()).isNull();
      assertThat(c.message()).isNull();
      assertThat(c.schemaRejects()).isFalse();
      assertThat(c.substitute()).isEmpty();
    } else {
      assertThat(c.file()).isEqualTo("invalid/" + c.name() + ".json");
      assertThat(ErrorCode.fromWireName(c.code())).as("code of %s", caseName).isPresent();
      if (c.location() != null) {
        assertThat(c.location()).matches(LOCATION);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("allCases")
  void noCommittedVectorHoldsCredentialShapedText(String caseName) {
    GoldenVectors.Case c = GoldenVectors.byName(caseName);
    String raw = c.rawText();

    for (Pattern shape : CREDENTIAL_SHAPES) {
      assertThat(shape.matcher(raw).find()).as("%s matches %s", caseName, shape).isFalse();
    }
    for (String placeholder : c.substitute().keySet()) {
      assertThat(raw).contains(placeholder);
      assertThat(c.text()).doesNotContain(placeholder);
    }
  }

  @Test
  void runtimeTokenMatchesTheReferencePattern() {
    String token = GoldenVectors.githubClassicToken();

    assertThat(
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9_]{20,}\\b", Pattern.UNICODE_CHARACTER_CLASS)
                .matcher("x " + token + " y")
                .find())
        .isTrue();
    assertThat(token).hasSize(40);
  }

  @Test
  void noSchemaHoldsCredentialShapedText() {
    for (String name : ContractSchemas.names()) {
      String text = ContractSchemas.read(name);
      for (Pattern shape : CREDENTIAL_SHAPES) {
        assertThat(shape.matcher(text).find()).as("%s matches %s", name, shape).isFalse();
      }
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static Schema schema(String name) {
    return TestSchemas.schema(name);
  }

  /**
   * The location of each error in the vectors' convention: a dotted path without {@code $}, with
   * the offending key appended for {@code required} and {@code additionalProperties} errors.
   */
  private static List<String> locations(List<Error> errors) {
    List<String> locations = new ArrayList<>();
    for (Error error : errors) {
      StringBuilder path = new StringBuilder();
      NodePath instance = error.getInstanceLocation();
      for (int i = 0; i < instance.getNameCount(); i++) {
        Object element = instance.getElement(i);
        if (element instanceof Integer) {
          path.append('[').append(element).append(']');
        } else {
          path.append(path.length() == 0 ? "" : ".").append(element);
        }
      }
      if (error.getProperty() != null) {
        path.append(path.length() == 0 ? "" : ".").append(error.getProperty());
      }
      locations.add(path.length() == 0 ? "$" : path.toString());
    }
    return locations;
  }
}
