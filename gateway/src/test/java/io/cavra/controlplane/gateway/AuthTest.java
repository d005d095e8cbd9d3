package io.cavra.controlplane.gateway;

import static io.cavra.controlplane.gateway.ProblemsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.adapter.Caller;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key and tenant matrix. */
class AuthTest {
  @TempDir static Path dir;
  static TestGateway gateway;
  static String all;
  static String demo;
  static String statusOnly;

  @BeforeAll
  static void start() {
    Path keys = dir.resolve("keys.jsonl");
    all = bearer(ApiKeys.add(keys, "all", Set.of("*"), Set.of("*")));
    demo = bearer(ApiKeys.add(keys, "demo", Set.of("tenant-demo"), Set.of("*")));
    statusOnly = bearer(ApiKeys.add(keys, "status-only", Set.of("*"), Set.of("tenant_status")));
    gateway =
        TestGateway.start(dir, config -> TestGateway.adapter(config.withKeyFile(keys), "honest"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void reset() {
    MisbehavingAdapter.reset();
  }

  @Test
  void noKeyIs401WithABearerChallenge() {
    HttpResponse<String> response =
        gateway.post("/v1/control-plane", TestGateway.tenantStatus("tenant-demo"));

    assertThat(assertProblem(response, ProblemType.UNAUTHORIZED))
        .containsEntry("detail", "an API key is required: send Authorization: Bearer <key>");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"cavra-control-plane\"");
    assertThat(MisbehavingAdapter.CALLERS).isEmpty();
  }

  @Test
  void anUnknownKeyIs401WithInvalidToken() {
    String guess = "Bearer " + ApiKeys.KEY_PREFIX + "x".repeat(49);

    HttpResponse<String> response =
        gateway.post(
            "/v1/control-plane", TestGateway.tenantStatus("tenant-demo"), "Authorization", guess);

    assertProblem(response, ProblemType.UNAUTHORIZED);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"");
    assertThat(response.body()).doesNotContain("x".repeat(49));
  }

  @Test
  void anotherSchemeIs401() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/control-plane",
            TestGateway.tenantStatus("tenant-demo"),
            "Authorization",
            "Basic dXNlcjpwYXNz");

    assertProblem(response, ProblemType.UNAUTHORIZED);
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/control-plane",
            TestGateway.tenantStatus("tenant-demo"),
            "Authorization",
            "bearer " + demo.substring("Bearer ".length()));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aKeyForTheTenantIsAnsweredAndTheAdapterSeesItsId() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/control-plane", TestGateway.tenantStatus("tenant-demo"), "Authorization", demo);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(MisbehavingAdapter.CALLERS).containsExactly(new Caller("demo", "demo"));
  }

  @Test
  void aKeyForAnotherTenantIs403AndTheAdapterIsNotCalled() {
    ControlPlaneRequest request =
        ControlPlaneRequest.builder(Operation.TENANT_STATUS).tenantId("tenant-other").build();

    HttpResponse<String> response =
        gateway.post("/v1/control-plane", ContractJson.toJson(request), "Authorization", demo);

    Map<String, Object> problem = assertProblem(response, ProblemType.FORBIDDEN);
    assertThat(problem)
        .containsEntry("path", "$.tenant_id")
        .containsEntry("correlation_id", request.correlationId());
    assertThat(MisbehavingAdapter.CALLERS).isEmpty();
  }

  @Test
  void aKeyLimitedToOperationsIsRefusedOthers() {
    HttpResponse<String> allowed =
        gateway.post(
            "/v1/control-plane", TestGateway.tenantStatus("tenant-x"), "Authorization", statusOnly);
    HttpResponse<String> refused =
        gateway.post(
            "/v1/control-plane",
            TestGateway.request(Operation.ENTITLEMENT_STATUS, "tenant-x"),
            "Authorization",
            statusOnly);

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(assertProblem(refused, ProblemType.FORBIDDEN)).containsEntry("path", "$.operation");
  }

  @Test
  void aWildcardKeyMayActForAnyTenantAndOperation() {
    for (Operation operation :
        new Operation[] {Operation.TENANT_STATUS, Operation.ENTITLEMENT_STATUS}) {
      for (String tenant : new String[] {"tenant-demo", "tenant-other"}) {
        HttpResponse<String> response =
            gateway.post(
                "/v1/control-plane", TestGateway.request(operation, tenant), "Authorization", all);
        assertThat(response.statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void validateAndBuildNeedAKeyButNoTenantGrant() {
    assertProblem(
        gateway.post("/v1/validate", TestGateway.tenantStatus("t")), ProblemType.UNAUTHORIZED);
    assertProblem(
        gateway.post("/v1/build/tenant_status", "{\"tenant_id\":\"t\"}"), ProblemType.UNAUTHORIZED);

    assertThat(
            gateway
                .post(
                    "/v1/validate", TestGateway.tenantStatus("tenant-other"), "Authorization", demo)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            gateway
                .post(
                    "/v1/build/tenant_status",
                    "{\"tenant_id\":\"tenant-other\"}",
                    "Authorization",
                    demo)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void publicDocumentsAndProbesNeedNoKey() {
    for (String path :
        new String[] {
          "/v1/operations",
          "/v1/contract",
          "/v1/schemas",
          "/v1/schemas/request",
          "/openapi.json",
          "/healthz",
          "/readyz",
          "/metrics",
          "/"
        }) {
      assertThat(gateway.get(path).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void theAuditNamesTheKeyIdNeverTheKey() {
    ControlPlaneRequest request =
        ControlPlaneRequest.builder(Operation.TENANT_STATUS).tenantId("tenant-demo").build();

    gateway.post("/v1/control-plane", ContractJson.toJson(request), "Authorization", demo);

    Map<String, Object> line =
        gateway.auditLines().stream()
            .filter(l -> request.correlationId().equals(l.get("correlation_id")))
            .findFirst()
            .orElseThrow();
    assertThat(line)
        .containsEntry("key_id", "demo")
        .containsEntry("tenant", "tenant-demo")
        .containsEntry("status", 200L);
    for (String key : new String[] {all, demo, statusOnly}) {
      String secret = key.substring("Bearer ".length());
      assertThat(gateway.audit()).doesNotContain(secret);
      assertThat(gateway.logs()).doesNotContain(secret);
    }
  }

  @Test
  void refusedRequestsAreAuditedWithTheirOutcome() {
    gateway.post("/v1/control-plane", TestGateway.tenantStatus("tenant-audit-401"));

    assertThat(gateway.auditLines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .containsEntry("outcome", "unauthorized")
                    .containsEntry("status", 401L)
                    .containsEntry("key_id", null));
  }

  private static String bearer(GeneratedKey key) {
    return "Bearer " + key.reveal();
  }
}
