package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each answer, its audit line and its count in the metrics are written from one {@link Outcome}:
 * they agree on status, outcome, operation and correlation id, whoever answered (the dispatcher, an
 * endpoint, the adapter's listener).
 */
class OutcomesTest {
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

  /** One request, and what its answer, audit line and counter must say. */
  private record Case(
      String name, HttpResponse<String> response, String route, String operation, String outcome) {}

  @Test
  void answerAuditLineAndMetricsAgreeForEveryKindOfAnswer() {
    ControlPlaneRequest valid =
        ControlPlaneRequest.builder(Operation.TENANT_STATUS)
            .tenantId("tenant-outcomes")
            .correlationId("saas-outcomes0001")
            .build();
    ControlPlaneRequest unbounded =
        ControlPlaneRequest.builder(Operation.TENANT_STATUS)
            .tenantId("tenant outcomes")
            .correlationId("saas-outcomes0002")
            .build();
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "answered by the adapter",
            gateway.post("/v1/control-plane", ContractJson.toJson(valid)),
            "/v1/control-plane",
            "tenant_status",
            "requires_private_service"));
    cases.add(
        new Case(
            "refused by the contract's reader",
            gateway.post("/v1/control-plane", "{"),
            "/v1/control-plane",
            null,
            "invalid_json"));
    cases.add(
        new Case(
            "refused after the request was read",
            gateway.post("/v1/control-plane", ContractJson.toJson(unbounded)),
            "/v1/control-plane",
            "tenant_status",
            "invalid_value"));
    cases.add(
        new Case(
            "refused by the dispatcher before reading",
            gateway.post(
                "/v1/control-plane", ContractJson.toJson(valid), "Content-Type", "text/plain"),
            "/v1/control-plane",
            null,
            "unsupported_media_type"));
    cases.add(new Case("no route", gateway.get("/v1/nothing-here"), null, null, "not_found"));
    cases.add(
        new Case(
            "wrong method",
            gateway.send(
                HttpRequest.newBuilder(gateway.uri("/v1/control-plane"))
                    .method("DELETE", HttpRequest.BodyPublishers.noBody())
                    .build()),
            null,
            null,
            "method_not_allowed"));
    cases.add(
        new Case(
            "validated",
            gateway.post("/v1/validate", ContractJson.toJson(valid)),
            "/v1/validate",
            "tenant_status",
            "valid"));
    cases.add(
        new Case(
            "found invalid",
            gateway.post("/v1/validate", "{\"schema_version\": 1}"),
            "/v1/validate",
            null,
            "invalid"));
    cases.add(
        new Case(
            "built",
            gateway.post("/v1/build/tenant_status", "{\"tenant_id\": \"tenant-outcomes\"}"),
            "/v1/build/{operation}",
            "tenant_status",
            "ok"));
    cases.add(
        new Case(
            "refused by the builder",
            gateway.post("/v1/build/tenant_status", "[]"),
            "/v1/build/{operation}",
            "tenant_status",
            "invalid_type"));
    cases.add(new Case("a document", gateway.get("/v1/operations"), "/v1/operations", null, "ok"));

    List<Map<String, Object>> lines = gateway.auditLines();
    String metrics = gateway.get("/metrics").body();
    for (Case c : cases) {
      HttpResponse<String> response = c.response();
      String requestId = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
      Map<String, Object> line =
          lines.stream()
              .filter(l -> requestId.equals(l.get("request_id")))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError(c.name() + ": no audit line for request " + requestId));
      Map<String, Object> body = TestGateway.json(response.body());

      assertThat(line)
          .as(c.name())
          .containsEntry("status", (long) response.statusCode())
          .containsEntry("outcome", c.outcome())
          .containsEntry("route", c.route())
          .containsEntry("operation", c.operation());
      if (response.statusCode() != 200) {
        assertThat(body).as(c.name()).containsEntry("code", c.outcome());
      }
      if (body.get("correlation_id") != null) {
        assertThat(line).as(c.name()).containsEntry("correlation_id", body.get("correlation_id"));
      }
      assertThat(metrics)
          .as(c.name())
          .contains(
              "cavra_gateway_requests_total{operation=\""
                  + (c.operation() == null ? "" : c.operation())
                  + "\",outcome=\""
                  + c.outcome()
                  + "\",route=\""
                  + (c.route() == null ? Services.UNMATCHED_ROUTE : c.route())
                  + "\",status=\""
                  + response.statusCode()
                  + "\"}");
    }
    // A refusal of a request that was read names its correlation id in the answer and the audit
    // line.
    Map<String, Object> refusal = TestGateway.json(cases.get(2).response().body());
    assertThat(refusal).containsEntry("correlation_id", "saas-outcomes0002");
  }
}
