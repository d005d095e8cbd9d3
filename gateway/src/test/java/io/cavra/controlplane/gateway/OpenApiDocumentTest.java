package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ContractSchemas;
import io.cavra.controlplane.contract.Operation;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document as API tooling reads it: every reference resolves against the gateway that
 * serves it, with nothing else reachable, and what it documents matches what the gateway does.
 * (Redocly and Spectral lint the same document from a running gateway in {@code .ci/formats}.)
 */
class OpenApiDocumentTest {
  private static final Path VALID =
      Path.of("..", "contract", "src", "test", "resources", "vectors", "v1", "valid");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir static Path dir;
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(dir);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void schemaFileNamesServeCopiesWithoutIdThatAreOtherwiseThePublishedSchema() throws IOException {
    for (String name : ContractSchemas.names()) {
      HttpResponse<String> response = gateway.get("/v1/schemas/" + name + ".schema.json");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/schema+json");
      JsonNode served = MAPPER.readTree(response.body());
      JsonNode published = MAPPER.readTree(ContractSchemas.read(name));
      assertThat(served.has("$id")).isFalse();
      assertThat(served.get("$comment").asText())
          .endsWith("Canonical $id: " + ContractSchemas.id(name));
      ((com.fasterxml.jackson.databind.node.ObjectNode) served).remove("$comment");
      ((com.fasterxml.jackson.databind.node.ObjectNode) published).remove("$id");
      assertThat(served).isEqualTo(published);
    }
  }

  @Test
  void everySchemaReferenceResolvesFromTheGatewayAloneAndValidatesTheGoldenVectors()
      throws IOException {
    String base = gateway.uri("/").toString();
    List<String> fetched = new CopyOnWriteArrayList<>();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaLoader(
                    loader ->
                        loader
                            .fetchRemoteResources(true)
                            .allow(
                                iri -> {
                                  String uri = iri.toString();
                                  fetched.add(uri);
                                  return uri.startsWith(base)
                                      || uri.startsWith("https://json-schema.org/");
                                })));
    Set<String> references = externalReferences(gateway.get("/openapi.json").body());
    assertThat(references)
        .contains(
            "/v1/schemas/request.schema.json",
            "/v1/schemas/response.schema.json",
            "/v1/schemas/contract.schema.json",
            "/v1/schemas/license-validation-report.schema.json");

    Map<String, Schema> schemas = new java.util.HashMap<>();
    for (String reference : references) {
      schemas.put(
          reference, registry.getSchema(SchemaLocation.of(gateway.uri(reference).toString())));
    }
    List<String> failures = new ArrayList<>();
    int validated = 0;
    try (Stream<Path> files = Files.list(VALID)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        String schema =
            name.startsWith("request_")
                ? "request"
                : name.startsWith("response_") ? "response" : "contract";
        JsonNode document = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        var errors = schemas.get("/v1/schemas/" + schema + ".schema.json").validate(document);
        validated++;
        if (!errors.isEmpty()) {
          failures.add(name + ": " + errors);
        }
      }
    }
    JsonNode invalid =
        MAPPER.readTree(
            "{\"schema_version\":\"cavra.saas_control_plane.request.v1\",\"operation\":\"tenant_status\"}");

    assertThat(validated).isGreaterThan(100);
    assertThat(failures).isEmpty();
    assertThat(schemas.get("/v1/schemas/request.schema.json").validate(invalid)).isNotEmpty();
    assertThat(fetched)
        .allMatch(uri -> uri.startsWith(base) || uri.startsWith("https://json-schema.org/"))
        .anyMatch(uri -> uri.endsWith("/v1/schemas/request-payload-tenant_status.schema.json"));
  }

  @Test
  void examplesAreTheGoldenVectors() throws IOException {
    Map<String, Object> paths = map(openApi().get("paths"));
    Object request = example(paths, "/v1/control-plane", "requestBody");
    Object response =
        example(
            map(map(map(paths.get("/v1/control-plane")).get("post")).get("responses")).get("200"));

    assertThat(request).isEqualTo(vector("request_tenant_status_default.compact.json"));
    assertThat(response)
        .isEqualTo(vector("response_tenant_status_generic_unavailable.compact.json"));
    assertThat(example(paths, "/v1/build/{operation}", "requestBody")).isNotNull();
    assertThat(
            example(
                map(map(map(paths.get("/v1/build/{operation}")).get("post")).get("responses"))
                    .get("200")))
        .isEqualTo(vector("request_tenant_status_default.compact.json"));
  }

  @Test
  void buildExampleBuildsTheEnvelopeItDocuments() {
    Map<String, Object> paths = map(openApi().get("paths"));
    Object parameters = example(paths, "/v1/build/{operation}", "requestBody");

    HttpResponse<String> built =
        gateway.post("/v1/build/tenant_status", ContractJson.toJson(map(parameters), false));

    assertThat(TestGateway.json(built.body()))
        .isEqualTo(
            example(
                map(map(map(paths.get("/v1/build/{operation}")).get("post")).get("responses"))
                    .get("200")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyOperationDocumentsSecurityADescriptionAndItsProblemAnswers() {
    Map<String, Object> paths = map(openApi().get("paths"));
    paths.forEach(
        (path, item) ->
            map(item)
                .forEach(
                    (method, value) -> {
                      Map<String, Object> operation = map(value);
                      String name = method.toUpperCase() + " " + path;
                      assertThat(operation).as(name).containsKey("security");
                      assertThat((String) operation.get("description")).as(name).isNotBlank();
                      Map<String, Object> responses = map(operation.get("responses"));
                      assertThat(responses.keySet())
                          .as(name)
                          .contains("405", "500")
                          .anyMatch(code -> code.startsWith("4"));
                      if (method.equals("post")) {
                        assertThat(responses.keySet())
                            .as(name)
                            .contains("400", "401", "413", "415", "429", "503");
                        assertThat((List<Object>) operation.get("security"))
                            .as(name)
                            .containsExactly(Map.of("bearerAuth", List.of()), Map.of());
                      } else {
                        assertThat((List<?>) operation.get("security")).as(name).isEmpty();
                      }
                    }));
    Map<String, Object> problems = map(map(openApi().get("components")).get("responses"));
    assertThat(map(map(problems.get("MethodNotAllowed")).get("headers"))).containsKey("Allow");
    assertThat(map(map(problems.get("RateLimited")).get("headers"))).containsKey("Retry-After");
    assertThat(map(map(problems.get("Unavailable")).get("headers"))).containsKey("Retry-After");
  }

  @Test
  @SuppressWarnings("unchecked")
  void operationNamesAreTheDeclaredOperationsInOrder() {
    Map<String, Object> operationName =
        map(map(map(openApi().get("components")).get("schemas")).get("OperationName"));
    List<String> declared = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      declared.add(operation.wireName());
      if (operation.isProvisional()) {
        assertThat((String) operationName.get("description"))
            .contains(operation.wireName() + " is provisional");
      }
    }
    assertThat((List<Object>) operationName.get("enum")).isEqualTo(declared);
  }

  @Test
  void documentedProblemStatusesAreTheGatewaysOwn() {
    Set<Integer> statuses = new LinkedHashSet<>();
    for (ProblemType type : ProblemType.values()) {
      statuses.add(type.status());
    }
    Map<String, Object> problems = map(map(openApi().get("components")).get("responses"));
    for (Object response : problems.values()) {
      Map<String, Object> content =
          map(map(map(response).get("content")).get("application/problem+json"));
      Map<String, Object> example =
          map(map(map(content.get("examples")).values().iterator().next()).get("value"));
      ProblemType type =
          ProblemType.valueOf(((String) example.get("code")).toUpperCase(java.util.Locale.ROOT));
      assertThat(example)
          .containsEntry("status", (long) type.status())
          .containsEntry("title", type.title())
          .containsEntry("type", type.type().toString());
      assertThat(statuses).contains(type.status());
    }
  }

  static Set<String> externalReferences(String text) {
    Matcher refs = Pattern.compile("\"\\$ref\"\\s*:\\s*\"([^\"#][^\"]*)\"").matcher(text);
    Set<String> references = new LinkedHashSet<>();
    while (refs.find()) {
      references.add(refs.group(1));
    }
    return references;
  }

  private static Map<String, Object> openApi() {
    return TestGateway.json(
        new String(Documents.resource(Documents.OPENAPI_RESOURCE), StandardCharsets.UTF_8));
  }

  private static Object vector(String name) throws IOException {
    return ContractJson.defaults().parseTree(Files.readAllBytes(VALID.resolve(name)));
  }

  private static Object example(Map<String, Object> paths, String path, String part) {
    Map<String, Object> operation = map(paths.get(path));
    return example(map(map(operation.values().iterator().next()).get(part)));
  }

  private static Object example(Object withContent) {
    Map<String, Object> media = map(map(map(withContent).get("content")).get("application/json"));
    return map(map(map(media.get("examples")).values().iterator().next())).get("value");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
