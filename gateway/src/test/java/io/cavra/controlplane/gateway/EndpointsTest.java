package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractDescription;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ContractSchemas;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.ResponseStatus;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every endpoint's successful answer, against the Community adapter without authentication. */
class EndpointsTest {
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

  @ParameterizedTest
  @EnumSource(Operation.class)
  void controlPlaneAnswersEveryOperationAsTheCommunityEdition(Operation operation) {
    ControlPlaneRequest request = sample(operation);

    HttpResponse<String> response = gateway.post("/v1/control-plane", ContractJson.toJson(request));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    ControlPlaneResponse answer =
        ContractJson.defaults()
            .parseResponse(
                response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), request);
    assertThat(answer.status()).isEqualTo(ResponseStatus.REQUIRES_PRIVATE_SERVICE);
    assertThat(response.body())
        .isEqualTo(ContractJson.toJson(ControlPlaneAdapter.unavailableAnswer(request)));
  }

  @Test
  void controlPlaneAnswersRequestsWhoseContactsAndLabelsNestAnyJsonValue() {
    ControlPlaneRequest onboarding =
        ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
            .tenantId("tenant-demo")
            .correlationId("c-nested-1")
            .organizationName("Demo Organization")
            .contact("escalation", List.of("ops@example.invalid", "oncall@example.invalid"))
            .contact("owners", Map.of("primary", "ops"))
            .contact("priority", 1)
            .build();
    ControlPlaneRequest lookup =
        ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
            .tenantId("tenant-demo")
            .correlationId("c-nested-2")
            .policyRefs("starter-policy-1")
            .label("team", Map.of("name", "platform", "owners", List.of("alice")))
            .label("weight", 0.5)
            .label("critical", true)
            .label("retired", (Object) null)
            .build();

    for (ControlPlaneRequest request : List.of(onboarding, lookup)) {
      HttpResponse<String> response =
          gateway.post("/v1/control-plane", ContractJson.toJson(request));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body())
          .isEqualTo(ContractJson.toJson(ControlPlaneAdapter.unavailableAnswer(request)));
    }
  }

  @Test
  void controlPlaneAcceptsACharsetParameterOfUtf8() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/control-plane",
            TestGateway.tenantStatus("tenant-demo"),
            "Content-Type",
            "application/json; charset=UTF-8");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void validateReportsAValidRequest() {
    ControlPlaneRequest request = sample(Operation.EVIDENCE_EXPORT);

    HttpResponse<String> response = gateway.post("/v1/validate", ContractJson.toJson(request));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"valid\":true,\"kind\":\"request\",\"operation\":\"evidence_export\","
                + "\"correlation_id\":\""
                + request.correlationId()
                + "\"}");
  }

  @Test
  void validateReportsAValidResponse() {
    ControlPlaneRequest request = sample(Operation.TENANT_ONBOARDING);
    String answer = ContractJson.toJson(ControlPlaneAdapter.unavailableAnswer(request));

    HttpResponse<String> response = gateway.post("/v1/validate", answer);

    assertThat(TestGateway.json(response.body()))
        .containsEntry("valid", true)
        .containsEntry("kind", "response")
        .containsEntry("operation", "tenant_onboarding");
  }

  @Test
  void validateListsTheFirstContractProblemWithARootedPath() {
    String body = lookup().replace("\"policy_refs\":[\"REF\"]", "\"policy_refs\":[]");

    HttpResponse<String> response = gateway.post("/v1/validate", body);

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> report = TestGateway.json(response.body());
    assertThat(report).containsEntry("valid", false);
    assertThat(report.get("problems").toString())
        .contains("code=empty_list")
        .contains("path=$.payload.policy_refs");
  }

  @Test
  void validateListsEverySecretFindingWithItsRule() {
    String token = MisbehavingAdapter.canary();
    String body =
        lookup().replace("REF", token).replace("\"owner\":\"LBL\"", "\"password\":\"hunter2\"");

    HttpResponse<String> response = gateway.post("/v1/validate", body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain(token).doesNotContain("hunter2");
    Map<String, Object> report = TestGateway.json(response.body());
    assertThat(report).containsEntry("valid", false);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> problems = (List<Map<String, Object>>) report.get("problems");
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0))
        .containsEntry("code", "sensitive_value")
        .containsEntry("path", "$.payload.policy_refs[0]")
        .containsEntry("rule_id", "github-pat-classic");
    assertThat(problems.get(1))
        .containsEntry("code", "sensitive_field")
        .containsEntry("path", "$.payload.labels.password")
        .containsEntry("rule_id", "key-password");
  }

  /**
   * A valid policy_registry_lookup request whose policy ref is REF and whose one label is owner:
   * LBL.
   */
  static String lookup() {
    return ContractJson.toJson(
        ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
            .tenantId("tenant-demo")
            .correlationId("c-1")
            .policyRefs("REF")
            .label("owner", "LBL")
            .build());
  }

  @Test
  void validateReportsInvalidJsonWithoutEchoingIt() {
    HttpResponse<String> response = gateway.post("/v1/validate", "{\"a\": tru");

    Map<String, Object> report = TestGateway.json(response.body());
    assertThat(report).containsEntry("valid", false);
    assertThat(report.get("problems").toString())
        .contains("code=invalid_json")
        .doesNotContain("tru}");
  }

  @Test
  void buildMakesARequestFromBuilderParameters() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/build/policy_registry_lookup",
            """
            {"tenant_id":"tenant-demo","requested_by":"console","correlation_id":"corr-1",
             "policy_refs":["starter-policy-1"],"labels":{"team":"governance"}}\
            """);

    assertThat(response.statusCode()).isEqualTo(200);
    ControlPlaneRequest expected =
        ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
            .tenantId("tenant-demo")
            .requestedBy("console")
            .correlationId("corr-1")
            .policyRefs("starter-policy-1")
            .label("team", "governance")
            .build();
    assertThat(response.body()).isEqualTo(ContractJson.toJson(expected));
  }

  @Test
  void buildTakesNestedContactsAsJson() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/build/tenant_onboarding",
            """
            {"tenant_id":"tenant-demo","correlation_id":"corr-2","organization_name":"Demo Organization",
             "contacts":{"owners":{"primary":"ops","backup":null},"escalation":["ops@example.invalid"],"hours":17.5}}\
            """);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .contains(
            "\"contacts\":{\"owners\":{\"primary\":\"ops\",\"backup\":null},"
                + "\"escalation\":[\"ops@example.invalid\"],\"hours\":17.5}");
  }

  @Test
  void buildTakesALicenseReportAsAnObject() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/build/license_validation",
            "{\"tenant_id\":\"tenant-demo\",\"correlation_id\":\"c-1\",\"report\":" + REPORT + "}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    ControlPlaneRequest expected =
        ControlPlaneRequest.builder(Operation.LICENSE_VALIDATION)
            .tenantId("tenant-demo")
            .correlationId("c-1")
            .set("report", TestGateway.json(REPORT))
            .build();
    assertThat(response.body()).isEqualTo(ContractJson.toJson(expected));
  }

  @Test
  void buildReportsTheBuildersProblemAtTheParameter() {
    HttpResponse<String> response =
        gateway.post("/v1/build/tenant_status", "{\"tenant_id\":\"  \"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(TestGateway.json(response.body()))
        .containsEntry("code", "empty_value")
        .containsEntry("path", "$.tenant_id")
        .containsEntry("detail", "tenant_id must not be empty");
  }

  @Test
  void buildRefusesAnUnknownParameter() {
    HttpResponse<String> response =
        gateway.post("/v1/build/tenant_status", "{\"tenant_id\":\"t\",\"colour\":\"red\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(TestGateway.json(response.body()))
        .containsEntry("code", "unknown_field")
        .containsEntry("path", "$.colour");
  }

  @Test
  void buildOfAnUnknownOperationIsNotFound() {
    HttpResponse<String> response = gateway.post("/v1/build/launch_rockets", "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain("launch_rockets");
  }

  @Test
  void buildRefusesABodyThatIsNotAnObject() {
    HttpResponse<String> response = gateway.post("/v1/build/tenant_status", "[1]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(TestGateway.json(response.body()))
        .containsEntry("code", "invalid_type")
        .containsEntry("path", "$");
  }

  @Test
  void operationsListsEveryOperationWithParametersAndSummaryFields() {
    HttpResponse<String> response = gateway.get("/v1/operations");

    assertThat(response.statusCode()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> operations =
        (List<Map<String, Object>>) TestGateway.json(response.body()).get("operations");
    assertThat(operations)
        .extracting(o -> o.get("name"))
        .containsExactly(
            java.util.Arrays.stream(Operation.values()).map(Operation::wireName).toArray());
    Map<String, Object> readiness = operations.get(Operation.POLICY_REGISTRY_READINESS.ordinal());
    assertThat(readiness)
        .containsEntry("has_summary", true)
        .containsEntry("provisional", false)
        .containsEntry("answer_without_private_service", "requires_private_service")
        .containsEntry("implemented_by_adapter", false);
    assertThat(readiness.get("parameters").toString())
        .contains("{name=tenant_id, kind=text, required=true, default=null}")
        .contains("{name=catalog_scope, kind=text, required=false, default=tenant-default}");
    assertThat(readiness.get("summary_fields").toString())
        .contains("name=readiness_status, kind=state, required=true")
        .contains("allowed=[");
    assertThat(operations.get(Operation.SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF.ordinal()))
        .containsEntry("provisional", true);
    assertThat(operations.get(Operation.TENANT_STATUS.ordinal()))
        .containsEntry("summary_fields", List.of());
  }

  @Test
  void contractServesTheDescriptionDocument() {
    HttpResponse<String> response = gateway.get("/v1/contract");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(ContractJson.toJson(ContractDescription.toMap(), false));
  }

  @Test
  void schemasListsThePublishedNames() {
    HttpResponse<String> response = gateway.get("/v1/schemas");

    assertThat(TestGateway.json(response.body())).containsEntry("schemas", ContractSchemas.names());
  }

  @Test
  void everyPublishedSchemaIsServedAsSchemaJson() {
    for (String name : ContractSchemas.names()) {
      HttpResponse<String> response = gateway.get("/v1/schemas/" + name);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/schema+json");
      assertThat(response.body()).isEqualTo(ContractSchemas.read(name));
    }
  }

  @Test
  void anUnknownSchemaIsNotFound() {
    assertThat(gateway.get("/v1/schemas/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void openApiIsServed() {
    HttpResponse<String> response = gateway.get("/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(TestGateway.json(response.body())).containsEntry("openapi", "3.1.0");
  }

  @Test
  void healthzAnswersOk() {
    HttpResponse<String> response = gateway.get("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void readyzNamesTheAdapter() {
    HttpResponse<String> response = gateway.get("/readyz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ready\",\"adapter\":\"community\"}");
  }

  @Test
  void metricsCountRequestsByOperationStatusAndOutcome() {
    gateway.post("/v1/control-plane", TestGateway.tenantStatus("tenant-metrics"));
    gateway.post("/v1/control-plane", "{");

    HttpResponse<String> response = gateway.get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    assertThat(response.body())
        .contains(
            "cavra_gateway_requests_total{operation=\"tenant_status\",outcome=\"requires_private_service\","
                + "route=\"/v1/control-plane\",status=\"200\"}")
        .contains("cavra_gateway_rejections_total{code=\"invalid_json\"}")
        .contains(
            "cavra_gateway_request_duration_seconds_bucket{operation=\"tenant_status\",route=\"/v1/control-plane\",le=")
        .contains("cavra_gateway_requests_in_flight")
        .contains("cavra_gateway_ready 1.0");
  }

  @Test
  void theRootServesTheExplorerPage() {
    HttpResponse<String> response = gateway.get("/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'");
    if (Gateway.class.getResource("explorer/index.html") == null) {
      assertThat(response.body()).contains("explorer not built");
    } else {
      assertThat(response.body()).doesNotContain("explorer not built");
    }
  }

  @Test
  void explorerFilesAreServedWithTheirContentType() {
    HttpResponse<String> response = gateway.get("/explorer/test-fixture.txt");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(response.body()).isEqualTo("explorer test fixture\n");
  }

  @Test
  void headAnswersHeadersWithoutABody() {
    HttpResponse<String> response =
        gateway.send(
            java.net.http.HttpRequest.newBuilder(gateway.uri("/healthz"))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Length")).hasValue("15");
  }

  @Test
  void everyWorkRequestWritesOneAuditLineWithoutThePayload() {
    ControlPlaneRequest request =
        ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
            .tenantId("tenant-audit")
            .policyRefs("policy-that-should-not-be-logged")
            .build();

    gateway.post("/v1/control-plane", ContractJson.toJson(request));

    Map<String, Object> line =
        gateway.auditLines().stream()
            .filter(l -> request.correlationId().equals(l.get("correlation_id")))
            .findFirst()
            .orElseThrow();
    assertThat(line.keySet())
        .containsExactly(
            "time",
            "request_id",
            "method",
            "route",
            "correlation_id",
            "operation",
            "tenant",
            "key_id",
            "outcome",
            "status",
            "latency_ms");
    assertThat(line)
        .containsEntry("route", "/v1/control-plane")
        .containsEntry("operation", "policy_registry_lookup")
        .containsEntry("tenant", "tenant-audit")
        .containsEntry("key_id", null)
        .containsEntry("outcome", "requires_private_service")
        .containsEntry("status", 200L);
    assertThat(gateway.audit()).doesNotContain("policy-that-should-not-be-logged");
  }

  @Test
  void auditLinesEscapeTheTextTheyCarry() {
    StringBuilder out = new StringBuilder();

    Services.string(out, "a\"b\\c\nd\u2028e");

    assertThat(out).hasToString("\"a\\\"b\\\\c\\u000ad\\u2028e\"");
    assertThat(TestGateway.json("{\"t\":" + out + "}")).containsEntry("t", "a\"b\\c\nd\u2028e");
  }

  @Test
  void probesAreNotAudited() {
    gateway.get("/healthz");
    gateway.get("/readyz");
    gateway.get("/metrics");

    assertThat(gateway.audit())
        .doesNotContain("/healthz")
        .doesNotContain("/readyz")
        .doesNotContain("/metrics");
  }

  static ControlPlaneRequest sample(Operation operation) {
    switch (operation) {
      case TENANT_ONBOARDING:
        return ControlPlaneRequest.builder(operation)
            .tenantId("tenant-demo")
            .organizationName("Acme")
            .build();
      case POLICY_REGISTRY_LOOKUP:
        return ControlPlaneRequest.builder(operation)
            .tenantId("tenant-demo")
            .policyRefs("starter-policy-1")
            .build();
      case EVIDENCE_EXPORT:
        return ControlPlaneRequest.builder(operation)
            .tenantId("tenant-demo")
            .evidenceRefs("evidence-1")
            .build();
      case LICENSE_VALIDATION:
        return ControlPlaneRequest.builder(operation)
            .tenantId("tenant-demo")
            .set("report", TestGateway.json(REPORT))
            .build();
      default:
        return ControlPlaneRequest.builder(operation).tenantId("tenant-demo").build();
    }
  }

  static final String REPORT =
      """
      {"status":"valid","edition":"community","license_id":"community","valid":true,
       "message":"CAVRA Community is valid and does not require a license key for local or self-hosted use.",
       "private_validation_required":false,"enabled_features":[],"locked_features":[]}\
      """;
}
