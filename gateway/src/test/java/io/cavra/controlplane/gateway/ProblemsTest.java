package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Problem answers: their RFC 9457 shape, the status of each cause, and the table in the README.
 * Auth, adapter, limit and shutdown problems have their own tests.
 */
class ProblemsTest {
  @TempDir static Path dir;
  static TestGateway gateway;
  static final Set<ProblemType> SEEN = EnumSet.noneOf(ProblemType.class);

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(dir, config -> config.withMaxDepth(8).withMaxHeaderBytes(2048));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          invalid_json               | {"schema_version":                                         | line 1, column 19
          duplicate_key              | {"a":1,"a":2}                                              | $.a
          too_deep                   | [[[[[[[[[[1]]]]]]]]]]                                      | $[0][0][0][0][0][0][0][0]
          unsupported_schema_version | {"schema_version":"cavra.saas_control_plane.request.v9"}   | $.schema_version
          unknown_operation          | REQUEST.replace("tenant_status","tenant_launch")           | $.operation
          unknown_field              | REQUEST.replace("\\"payload\\"","\\"colour\\":\\"red\\",\\"payload\\"") | $.colour
          missing_field              | REQUEST.replace("\\"tenant_id\\":\\"tenant-demo\\",","")    | $.tenant_id
          invalid_type               | REQUEST.replace("\\"tenant-demo\\"","7")                    | $.tenant_id
          invalid_value              | REQUEST.replace("\\"c-1\\"","\\"c 1\\"")                     | $.correlation_id
          empty_value                | REQUEST.replace("\\"tenant-demo\\"","\\"   \\"")             | $.tenant_id
          """)
  void contractProblemsAre400WithCodeAndPath(String code, String body, String path) {
    HttpResponse<String> response = gateway.post("/v1/control-plane", body(body));

    Map<String, Object> problem = assertProblem(response, ProblemType.fromCode(code).orElseThrow());
    assertThat(problem.get("path").toString())
        .startsWith(path.startsWith("line") ? "line 1" : path);
  }

  @Test
  void sensitiveFieldIs400WithRule() {
    String body = EndpointsTest.lookup().replace("\"owner\"", "\"password\"");

    Map<String, Object> problem =
        assertProblem(gateway.post("/v1/control-plane", body), ProblemType.SENSITIVE_FIELD);
    assertThat(problem).containsEntry("path", "$.payload.labels.password").containsKey("rule_id");
  }

  /**
   * The problem's path is the real JSON path; its detail the reference's text, without contacts.
   */
  @Test
  void credentialBelowAContactIs400AtItsRealPathWithTheReferencesText() {
    String body =
        ContractJson.toJson(
                ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
                    .tenantId("tenant-demo")
                    .correlationId("c-1")
                    .organizationName("Demo")
                    .contact("owners", Map.of("primary", "ops"))
                    .build())
            .replace("\"primary\":\"ops\"", "\"primary\":{\"password\":\"hunter2\"}");

    HttpResponse<String> response = gateway.post("/v1/control-plane", body);

    Map<String, Object> problem = assertProblem(response, ProblemType.SENSITIVE_FIELD);
    assertThat(problem)
        .containsEntry("path", "$.payload.contacts.owners.primary.password")
        .containsEntry(
            "detail",
            "sensitive field is not allowed in public SaaS contract payload:"
                + " payload.owners.primary.password");
    assertThat(response.body()).doesNotContain("hunter2");
  }

  @Test
  void emptyListIs400() {
    String body = EndpointsTest.lookup().replace("[\"REF\"]", "[]");

    assertProblem(gateway.post("/v1/control-plane", body), ProblemType.EMPTY_LIST);
  }

  @Test
  void sensitiveValueIs400WithRuleAndNoValue() {
    String token = MisbehavingAdapter.canary();
    String body = EndpointsTest.lookup().replace("REF", token);

    HttpResponse<String> response = gateway.post("/v1/control-plane", body);

    Map<String, Object> problem = assertProblem(response, ProblemType.SENSITIVE_VALUE);
    assertThat(problem)
        .containsEntry("path", "$.payload.policy_refs[0]")
        .containsKey("rule_id")
        .doesNotContainKey("correlation_id");
    assertThat(response.body()).doesNotContain(token);
    assertThat(gateway.audit()).doesNotContain(token);
  }

  @Test
  void aCredentialShapedKeyIsNeverEchoedInAProblem() {
    String token = MisbehavingAdapter.canary();
    String body = REQUEST.replace("\"payload\"", "\"" + token + "\":1,\"payload\"");

    HttpResponse<String> response = gateway.post("/v1/control-plane", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).doesNotContain(token);
  }

  @Test
  void wrongMediaTypeIs415() {
    assertProblem(
        gateway.post("/v1/control-plane", REQUEST, "Content-Type", "text/plain"),
        ProblemType.UNSUPPORTED_MEDIA_TYPE);
    assertProblem(
        gateway.post("/v1/validate", REQUEST, "Content-Type", "application/json; charset=latin1"),
        ProblemType.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void wrongMethodIs405WithAllow() {
    HttpResponse<String> post = gateway.post("/v1/operations", "{}");
    HttpResponse<String> get = gateway.get("/v1/control-plane");

    assertProblem(post, ProblemType.METHOD_NOT_ALLOWED);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertProblem(get, ProblemType.METHOD_NOT_ALLOWED);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void unknownPathIs404() {
    assertProblem(gateway.get("/v2/control-plane"), ProblemType.NOT_FOUND);
    assertProblem(gateway.get("/explorer/missing.js"), ProblemType.NOT_FOUND);
  }

  @Test
  void explorerPathsCannotLeaveTheExplorerFolder() {
    for (String path :
        List.of(
            "/explorer/..%2Fopenapi.json",
            "/explorer/%2e%2e/openapi.json",
            "/explorer/../gateway/openapi.json",
            "/explorer/.hidden.txt",
            "/explorer/sub//x.txt",
            "/explorer/%2e%2e%2f%2e%2e%2fMain.class",
            "/explorer/..%5Copenapi.json")) {
      HttpResponse<String> response = gateway.get(path);
      assertThat(response.statusCode()).as(path).isIn(400, 404);
      assertThat(response.body()).as(path).doesNotContain("\"openapi\"");
      assertProblem(
          response, response.statusCode() == 400 ? ProblemType.BAD_REQUEST : ProblemType.NOT_FOUND);
    }
  }

  @Test
  void aMalformedHttpRequestIs400Problem() {
    String answer =
        gateway.raw(
            "GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));

    assertThat(answer)
        .startsWith("HTTP/1.1 400 ")
        .contains("application/problem+json")
        .contains("\"code\":\"bad_request\"");
    SEEN.add(ProblemType.BAD_REQUEST);
  }

  @Test
  void headersOverTheLimitAre431() {
    HttpResponse<String> response = gateway.get("/healthz", "X-Padding", "p".repeat(4096));

    assertProblem(response, ProblemType.HEADER_TOO_LARGE);
  }

  @Test
  void aRequestLineOverTheLimitIs414() {
    String answer =
        gateway.raw(
            ("GET /" + "a".repeat(4096) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

    assertThat(answer).matches("(?s)HTTP/1.1 (414|431) .*");
    assertThat(answer).contains("application/problem+json");
    SEEN.add(
        answer.startsWith("HTTP/1.1 414")
            ? ProblemType.URI_TOO_LONG
            : ProblemType.HEADER_TOO_LARGE);
  }

  @Test
  void everyProblemHasTheRfc9457Shape() {
    HttpResponse<String> response = gateway.post("/v1/control-plane", "{");

    Map<String, Object> problem = TestGateway.json(response.body());
    assertThat(problem.keySet())
        .containsExactly("type", "title", "status", "detail", "code", "path", "request_id");
    assertThat(problem)
        .containsEntry("type", "https://schemas.cavra.io/control-plane/problems/invalid_json")
        .containsEntry("title", "Body is not valid JSON")
        .containsEntry("status", 400L);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void everyContractErrorCodeHasAProblemType() {
    for (io.cavra.controlplane.contract.ErrorCode code :
        io.cavra.controlplane.contract.ErrorCode.values()) {
      assertThat(ProblemType.of(code).code()).isEqualTo(code.wireName());
      assertThat(ProblemType.of(code).errorCode()).hasValue(code);
    }
  }

  @Test
  void theReadmeProblemTableMatchesProblemType() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Pattern row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| (\\d{3}) \\| ([^|]+) \\|");
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher m = row.matcher(readme);
    while (m.find()) {
      rows.put(m.group(1), m.group(2) + " " + m.group(3).strip());
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (ProblemType type : ProblemType.values()) {
      expected.put(type.code(), type.status() + " " + type.title());
    }
    assertThat(rows).containsExactlyEntriesOf(expected);
  }

  static Map<String, Object> assertProblem(HttpResponse<String> response, ProblemType type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(type.status());
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    Map<String, Object> problem = TestGateway.json(response.body());
    assertThat(problem)
        .containsEntry("code", type.code())
        .containsEntry("status", (long) type.status())
        .containsEntry("type", type.type().toString())
        .containsEntry("title", type.title());
    synchronized (SEEN) {
      SEEN.add(type);
    }
    return problem;
  }

  static final String REQUEST =
      "{\"schema_version\":\"cavra.saas_control_plane.request.v1\",\"operation\":\"tenant_status\","
          + "\"tenant_id\":\"tenant-demo\",\"requested_by\":\"community\",\"correlation_id\":\"c-1\","
          + "\"private_implementation_required\":true,\"payload\":{\"requested_capabilities\":[\"license\"],\"public_client_boundary\":\"status"
          + " lookup contract only\"}}";

  /** Evaluates the tiny {@code REQUEST.replace(a,b)} language of the table above. */
  private static String body(String spec) {
    if (!spec.startsWith("REQUEST")) {
      return spec;
    }
    Matcher m =
        Pattern.compile(
                "REQUEST\\.replace\\(\"((?:[^\"\\\\]|\\\\.)*)\",\"((?:[^\"\\\\]|\\\\.)*)\"\\)")
            .matcher(spec);
    if (!m.matches()) {
      throw new IllegalArgumentException(spec);
    }
    String from = m.group(1).replace("\\\"", "\"");
    String to = m.group(2).replace("\\\"", "\"");
    assertThat(REQUEST).contains(from);
    return REQUEST.replace(from, to);
  }
}
