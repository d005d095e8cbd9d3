package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractSchemas;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The route table of {@link Gateway#routing} and the OpenAPI document that describes it. */
class RoutingTest {
  private static final Routes.Endpoint NOTHING = exchange -> {};

  static Routes routes() {
    Routes.Builder builder = Routes.builder();
    Gateway.routing(builder, null);
    return builder.build();
  }

  @Test
  void theRouteTableIsTheDocumentedApi() {
    List<String> routes = new ArrayList<>();
    for (Routes.Route route : routes().routes()) {
      routes.add(route.method() + " " + route.template() + " " + route.access());
    }

    assertThat(routes)
        .containsExactly(
            "POST /v1/control-plane WORK",
            "POST /v1/validate WORK",
            "POST /v1/build/{operation} WORK",
            "GET /v1/operations PUBLIC",
            "GET /v1/contract PUBLIC",
            "GET /v1/schemas PUBLIC",
            "GET /v1/schemas/{name} PUBLIC",
            "GET /openapi.json PUBLIC",
            "GET /healthz PROBE",
            "GET /readyz PROBE",
            "GET /metrics PROBE",
            "GET / PUBLIC",
            "GET /explorer/{file...} PUBLIC");
  }

  @Test
  void templatesMatchSegments() {
    assertThat(Routes.match("/v1/build/{operation}", "/v1/build/tenant_status"))
        .containsEntry("operation", "tenant_status");
    assertThat(Routes.match("/v1/build/{operation}", "/v1/build/")).isNull();
    assertThat(Routes.match("/v1/build/{operation}", "/v1/build/a/b")).isNull();
    assertThat(Routes.match("/explorer/{file...}", "/explorer/js/app.js"))
        .containsEntry("file", "js/app.js");
    assertThat(Routes.match("/explorer/{file...}", "/explorer/")).isNull();
    assertThat(Routes.match("/", "/")).isEmpty();
    assertThat(Routes.match("/", "/x")).isNull();
    assertThat(Routes.match("/healthz", "/healthz/")).isNull();
  }

  @Test
  void lookupsTellNotFoundFromWrongMethod() {
    Routes routes =
        Routes.builder().get("/a", Routes.Access.PUBLIC, NOTHING).post("/b", NOTHING).build();

    assertThat(routes.find("HEAD", "/a").found()).isTrue();
    assertThat(routes.find("POST", "/a").wrongMethod()).isTrue();
    assertThat(routes.find("POST", "/a").allowed()).containsExactly("GET", "HEAD");
    assertThat(routes.find("GET", "/c").found()).isFalse();
    assertThat(routes.find("GET", "/c").wrongMethod()).isFalse();
  }

  @Test
  void openApiDescribesEveryRouteAndNothingElse() {
    Map<String, Object> openApi = openApi();
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> paths =
        (Map<String, Map<String, Object>>) openApi.get("paths");
    Set<String> documented = new TreeSet<>();
    paths.forEach(
        (path, methods) ->
            methods.keySet().forEach(m -> documented.add(m.toUpperCase() + " " + path)));
    Set<String> routed = new TreeSet<>();
    for (Routes.Route route : routes().routes()) {
      routed.add(route.method() + " " + route.template().replace("...}", "}"));
    }

    assertThat(openApi).containsEntry("openapi", "3.1.0");
    assertThat(documented).isEqualTo(routed);
  }

  @Test
  void openApiRefersOnlyToPublishedSchemasAndItsOwnComponents() {
    String text =
        new String(Documents.resource(Documents.OPENAPI_RESOURCE), StandardCharsets.UTF_8);
    Matcher refs = Pattern.compile("\"\\$ref\": \"([^\"]+)\"").matcher(text);
    Set<String> external = new LinkedHashSet<>();
    Map<String, Object> openApi = openApi();
    while (refs.find()) {
      String ref = refs.group(1);
      if (ref.startsWith("#/")) {
        Object target = openApi;
        for (String part : ref.substring(2).split("/")) {
          target = ((Map<?, ?>) target).get(part);
        }
        assertThat(target).as(ref).isNotNull();
      } else {
        assertThat(ref).startsWith("/v1/schemas/").endsWith(".schema.json");
        external.add(
            ref.substring("/v1/schemas/".length(), ref.length() - ".schema.json".length()));
      }
    }

    assertThat(external).isNotEmpty();
    assertThat(ContractSchemas.names()).containsAll(external);
  }

  @Test
  void openApiListsEveryProblemCode() {
    Object codes =
        ((Map<?, ?>)
                ((Map<?, ?>)
                        ((Map<?, ?>)
                                ((Map<?, ?>)
                                        ((Map<?, ?>) openApi().get("components")).get("schemas"))
                                    .get("Problem"))
                            .get("properties"))
                    .get("code"))
            .get("enum");
    List<String> expected = new ArrayList<>();
    for (ProblemType type : ProblemType.values()) {
      expected.add(type.code());
    }

    assertThat(codes).isEqualTo(expected);
  }

  static Map<String, Object> openApi() {
    return TestGateway.json(
        new String(Documents.resource(Documents.OPENAPI_RESOURCE), StandardCharsets.UTF_8));
  }
}
