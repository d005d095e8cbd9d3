package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The documents that list operations are derived from the declarations: the ones the build wrote
 * list exactly {@link Operation#values()}, and a further declared operation appears in every place
 * of every template without a template being edited.
 */
class SchemaDocumentsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path TEMPLATES =
      Path.of("src/main/schema-templates").resolve(ContractSchemas.RESOURCE_DIRECTORY);
  private static final String EXTRA = "billing_subscription_status";

  private static final List<String> WIRE_NAMES =
      Arrays.stream(Operation.values()).map(Operation::wireName).collect(Collectors.toList());

  @Test
  void publishedEnvelopeSchemasListTheDeclaredOperationsInOrder() throws IOException {
    JsonNode request = MAPPER.readTree(ContractSchemas.read("request"));
    JsonNode response = MAPPER.readTree(ContractSchemas.read("response"));
    JsonNode contract = MAPPER.readTree(ContractSchemas.read("contract"));

    assertThat(texts(request.at("/properties/operation/enum"))).isEqualTo(WIRE_NAMES);
    assertThat(texts(response.at("/properties/operation/enum"))).isEqualTo(WIRE_NAMES);
    assertThat(texts(contract.at("/properties/operations/items/properties/name/enum")))
        .isEqualTo(WIRE_NAMES);
    List<String> branches = new ArrayList<>();
    request
        .get("allOf")
        .forEach(branch -> branches.add(branch.at("/if/properties/operation/const").asText()));
    assertThat(branches).isEqualTo(WIRE_NAMES);
  }

  @Test
  void everyOperationHasExactlyOneResponseBranch() throws IOException {
    JsonNode response = MAPPER.readTree(ContractSchemas.read("response"));
    List<String> covered = new ArrayList<>();
    for (JsonNode branch : response.get("allOf")) {
      JsonNode operation = branch.at("/if/properties/operation");
      if (operation.has("const")) {
        covered.add(operation.get("const").asText());
      } else {
        covered.addAll(texts(operation.get("enum")));
      }
    }
    assertThat(covered).containsExactlyInAnyOrderElementsOf(WIRE_NAMES);
  }

  @Test
  void aFurtherSummaryOperationAppearsInEveryPlace() throws IOException {
    Filled filled = withExtra(new SchemaDocuments.Entry(EXTRA, true, false, true));
    List<String> index = filled.index();
    JsonNode request = filled.request();
    JsonNode response = filled.response();
    JsonNode contract = filled.contract();

    assertThat(index)
        .contains("request-payload-" + EXTRA, "response-payload-" + EXTRA, "summary-" + EXTRA);
    assertThat(index.indexOf("request-payload-" + EXTRA))
        .isEqualTo(index.indexOf("response-payload-unavailable") - 1);
    assertThat(index.get(index.size() - 1)).isEqualTo("summary-" + EXTRA);
    assertThat(texts(request.at("/properties/operation/enum")))
        .endsWith(EXTRA)
        .hasSize(WIRE_NAMES.size() + 1);
    assertThat(texts(response.at("/properties/operation/enum"))).endsWith(EXTRA);
    assertThat(texts(contract.at("/properties/operations/items/properties/name/enum")))
        .endsWith(EXTRA);
    JsonNode lastRequestBranch = request.get("allOf").get(WIRE_NAMES.size());
    assertThat(lastRequestBranch.at("/then/properties/payload/$ref").asText())
        .isEqualTo("request-payload-" + EXTRA + ".schema.json");
    JsonNode lastResponseBranch = response.get("allOf").get(response.get("allOf").size() - 1);
    assertThat(lastResponseBranch.at("/if/properties/operation/const").asText()).isEqualTo(EXTRA);
    assertThat(lastResponseBranch.at("/then/properties/payload/anyOf/1/$ref").asText())
        .isEqualTo("response-payload-" + EXTRA + ".schema.json");
    Object declaredCount =
        SchemaDocuments.values(SchemaDocuments.entries()).get("summary_operation_count");
    Object count = filled.values().get("summary_operation_count");
    assertThat(count).isNotEqualTo(declaredCount);
    assertThat(response.get("description").asText())
        .contains("for the " + count + " summary operations");
  }

  @Test
  void aFurtherOperationWithoutAPayloadOfItsOwnSharesTheGenericResponseBranch() throws IOException {
    Filled filled = withExtra(new SchemaDocuments.Entry(EXTRA, false, true, false));
    List<String> index = filled.index();
    JsonNode request = filled.request();
    JsonNode response = filled.response();

    assertThat(index)
        .contains("request-payload-" + EXTRA)
        .doesNotContain("response-payload-" + EXTRA, "summary-" + EXTRA);
    assertThat(texts(response.at("/allOf/0/if/properties/operation/enum"))).endsWith(EXTRA);
    assertThat(response.at("/allOf/0/then/properties/payload/$ref").asText())
        .isEqualTo("response-payload-unavailable.schema.json");
    assertThat(request.at("/properties/operation/description").asText())
        .contains("'saas_operating_automation_worker_handoff, " + EXTRA + "' is PROVISIONAL");
  }

  @Test
  void writesTheCanonicalPrettyFormWithAFinalLineFeed() {
    String filled =
        SchemaDocuments.fill(
            "{\"a\":\"{{operation_names}}\",\"b\":[],\"c\":{},\"d\":\"x {{summary_operation_count}}"
                + " y\"}",
            SchemaDocuments.values(List.of(new SchemaDocuments.Entry("one", true, false, true))));

    assertThat(filled)
        .isEqualTo(
            "{\n"
                + "  \"a\": [\n"
                + "    \"one\"\n"
                + "  ],\n"
                + "  \"b\": [],\n"
                + "  \"c\": {},\n"
                + "  \"d\": \"x one y\"\n"
                + "}\n");
  }

  @Test
  void refusesAnUnknownPlaceholder() {
    Map<String, Object> values = SchemaDocuments.values(SchemaDocuments.entries());

    assertThatThrownBy(() -> SchemaDocuments.fill("{\"a\": \"{{operation_list}}\"}", values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown placeholder {{operation_list}}");
  }

  @Test
  void refusesAListPlaceholderInsideText() {
    Map<String, Object> values = SchemaDocuments.values(SchemaDocuments.entries());

    assertThatThrownBy(() -> SchemaDocuments.fill("{\"a\": \"all: {{operation_names}}\"}", values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not text");
  }

  /**
   * The contract's templates filled in for the declared operations and {@code extra} after them.
   */
  private record Filled(
      Map<String, Object> values,
      List<String> index,
      JsonNode request,
      JsonNode response,
      JsonNode contract) {}

  private static Filled withExtra(SchemaDocuments.Entry extra) throws IOException {
    List<SchemaDocuments.Entry> entries = new ArrayList<>(SchemaDocuments.entries());
    entries.add(extra);
    Map<String, Object> values = SchemaDocuments.values(entries);
    return new Filled(
        values,
        texts(fill("index.json", values).get("schemas")),
        fill("request.schema.json", values),
        fill("response.schema.json", values),
        fill("contract.schema.json", values));
  }

  private static JsonNode fill(String template, Map<String, Object> values) throws IOException {
    String text = Files.readString(TEMPLATES.resolve(template), StandardCharsets.UTF_8);
    return MAPPER.readTree(SchemaDocuments.fill(text, values));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
