package io.cavra.controlplane.conformance;

import static io.cavra.controlplane.conformance.TestReports.accepted;
import static io.cavra.controlplane.conformance.TestReports.broken;
import static io.cavra.controlplane.conformance.TestReports.rejected;
import static io.cavra.controlplane.conformance.TestReports.result;
import static io.cavra.controlplane.conformance.TestReports.testCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.adapter.CommunityAdapter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Deliberately faulty services behind HTTP: each answers with hand-made bytes, including JSON the
 * contract's types cannot even represent, and each fails the kit naming the invariant it breaks.
 */
class FaultyGatewayTest {
  private static final FakeGateway.Responder COMMUNITY =
      FakeGateway.hosting(new CommunityAdapter());

  private static ConformanceRunner runner(FakeGateway gateway) {
    return ConformanceRunner.http(
        gateway.base(), Optional.empty(), ConformanceRunner.DEFAULT_TIMEOUT);
  }

  /**
   * The Community answer to valid requests, edited as a plain JSON tree; refusals pass unchanged.
   */
  private static FakeGateway.Responder editingAnswers(Consumer<Map<String, Object>> edit) {
    return body -> {
      FakeGateway.Answer answer = COMMUNITY.respond(body);
      if (answer.status() != 200) {
        return answer;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> tree =
          TestReports.mutable(
              (Map<String, Object>) ContractJson.defaults().parseTree(answer.body()));
      edit.accept(tree);
      return FakeGateway.Answer.json(200, "application/json", ContractJson.toJson(tree, false));
    };
  }

  /** The Community's refusals, edited; valid requests are answered unchanged. */
  private static FakeGateway.Responder editingRefusals(UnaryOperator<FakeGateway.Answer> edit) {
    return body -> {
      FakeGateway.Answer answer = COMMUNITY.respond(body);
      return answer.status() == 400 ? edit.apply(answer) : answer;
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> payload(Map<String, Object> response) {
    return (Map<String, Object>) response.get("payload");
  }

  @Test
  void resultsOverHttpCarryTheAnswersStatusAndInProcessResultsNone() {
    FakeGateway.Responder forbidden =
        body ->
            FakeGateway.Answer.json(
                403,
                "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"code\":\"forbidden\"}");
    try (FakeGateway gateway = FakeGateway.responding(forbidden)) {
      CaseResult result = runner(gateway).run(testCase("tenant_status: defaults"));

      assertThat(result.httpStatus()).hasValue(403);
      assertThat(result.outcome()).isEqualTo(CaseResult.Outcome.FAILED);
    }
    CaseResult inProcess =
        ConformanceRunner.inProcess(new CommunityAdapter())
            .run(testCase("tenant_status: defaults"));
    assertThat(inProcess.httpStatus()).isEmpty();
  }

  @Test
  void errorBodyRepeatingTheRequestBreaksNoCanaryEcho() {
    FakeGateway.Responder echoing =
        body -> {
          FakeGateway.Answer answer = COMMUNITY.respond(body);
          return answer.status() != 400
              ? answer
              : FakeGateway.problem(
                  400,
                  (String)
                      ((Map<?, ?>) ContractJson.defaults().parseTree(answer.body())).get("code"),
                  "refused: " + new String(body, StandardCharsets.UTF_8),
                  "$");
        };
    try (FakeGateway gateway = FakeGateway.responding(echoing)) {
      ConformanceReport report = runner(gateway).run();

      assertThat(report.passed()).isFalse();
      CaseResult tenant = result(report, "envelope: canary-in-tenant-id");
      assertThat(tenant.violations())
          .contains(
              new Violation(
                  Invariant.NO_CANARY_ECHO, "the body repeats the planted github-classic canary"));
      assertThat(tenant.violations())
          .extracting(Violation::invariant)
          .contains(Invariant.NO_SECRET_MATERIAL);
      assertThat(rejected(report))
          .filteredOn(r -> r.testCase().plantsCanary())
          .allSatisfy(r -> assertThat(broken(r)).contains(Invariant.NO_CANARY_ECHO));
      // The kit's own outputs never repeat what it caught.
      for (String output :
          new String[] {report.summaryText(), report.junitXml(), report.certificationJson()}) {
        assertThat(TestReports.CREDENTIAL.matcher(output).find())
            .as("credential-shaped text in a report")
            .isFalse();
      }
    }
  }

  @Test
  void headerRepeatingACanaryBreaksNoCanaryEcho() {
    Pattern tenant = Pattern.compile("\"tenant_id\":\"([^\"]*)\"");
    FakeGateway.Responder echoing =
        body -> {
          FakeGateway.Answer answer = COMMUNITY.respond(body);
          Matcher matcher = tenant.matcher(new String(body, StandardCharsets.UTF_8));
          return matcher.find() ? answer.withHeader("X-Tenant", matcher.group(1)) : answer;
        };
    try (FakeGateway gateway = FakeGateway.responding(echoing)) {
      CaseResult result = runner(gateway).run(testCase("envelope: canary-in-tenant-id"));

      assertThat(result.violations())
          .containsExactly(
              new Violation(
                  Invariant.NO_CANARY_ECHO,
                  "header x-tenant repeats the planted github-classic canary"));
    }
  }

  @Test
  void statusOutsideTheSetBreaksStatusInSet() {
    try (FakeGateway gateway =
        FakeGateway.responding(editingAnswers(r -> r.put("status", "done")))) {
      ConformanceReport report = runner(gateway).run();

      assertThat(accepted(report))
          .allSatisfy(r -> assertThat(broken(r)).contains(Invariant.STATUS_IN_SET));
      assertThat(result(report, "tenant_status: defaults").violations())
          .contains(
              new Violation(
                  Invariant.STATUS_IN_SET,
                  "status is not one of accepted, unavailable, requires_private_service"));
      assertThat(broken(result(report, "tenant_status: defaults")))
          .contains(Invariant.SCHEMA_VALID, Invariant.CONTRACT_VALID);
      assertThat(report.summaryText()).contains("[status-in-set]", "Verdict: FAIL");
    }
  }

  @Test
  void summaryStateOutsideItsSetBreaksSummaryStatesInSet() {
    FakeGateway.Responder green =
        body -> {
          Map<?, ?> request = (Map<?, ?>) ContractJson.defaults().parseTree(body);
          String json =
              """
              {"schema_version":"cavra.saas_control_plane.response.v1","operation":"policy_registry_readiness",\
              "status":"accepted","message":"Registry is green.","correlation_id":"%s",\
              "private_implementation_required":true,"payload":{"summary":{"tenant_id":"%s",\
              "readiness_status":"green","catalog_status":"ready","latest_catalog_version":null,\
              "policy_pack_count":2,"checked_at":null,"blockers":[],"private_validation_required":true,\
              "registry_boundary":"hosted registry availability, artifact delivery, and tenant catalog validation are private service responsibilities"},\
              "private_modules_required":[],"next_step":"See docs/architecture/hosted-policy-registry-readiness-contract.md"}}\
              """
                  .formatted(request.get("correlation_id"), request.get("tenant_id"));
          return FakeGateway.Answer.json(200, "application/json", json);
        };
    try (FakeGateway gateway = FakeGateway.responding(green)) {
      CaseResult result =
          runner(gateway)
              .withCapabilities(EnumSet.of(Operation.POLICY_REGISTRY_READINESS))
              .run(testCase("policy_registry_readiness: defaults"));

      assertThat(result.violations())
          .contains(
              new Violation(
                  Invariant.SUMMARY_STATES_IN_SET,
                  "payload.summary.readiness_status is not one of ready, degraded, blocked,"
                      + " unknown"));
      assertThat(broken(result))
          .containsExactlyInAnyOrder(
              Invariant.SUMMARY_STATES_IN_SET, Invariant.SCHEMA_VALID, Invariant.CONTRACT_VALID);
    }
  }

  @Test
  void bodyThatIsNotJsonBreaksParseableJson() {
    FakeGateway.Responder truncated =
        body -> {
          FakeGateway.Answer answer = COMMUNITY.respond(body);
          return answer.status() != 200
              ? answer
              : FakeGateway.Answer.json(
                  200, "application/json", "{\"schema_version\":\"cavra.saas_control_plane.resp");
        };
    try (FakeGateway gateway = FakeGateway.responding(truncated)) {
      CaseResult result = runner(gateway).run(testCase("entitlement_status: defaults"));

      assertThat(broken(result)).containsExactly(Invariant.PARSEABLE_JSON);
      assertThat(result.failureMessage())
          .contains("[parseable-json] the body is not usable JSON (invalid_json");
    }
  }

  @Test
  void duplicateKeysBreakParseableJson() {
    FakeGateway.Responder duplicated =
        body -> {
          FakeGateway.Answer answer = COMMUNITY.respond(body);
          String json = new String(answer.body(), StandardCharsets.UTF_8);
          return answer.status() != 200
              ? answer
              : FakeGateway.Answer.json(
                  200, "application/json", json.replaceFirst("\\{", "{\"status\":\"accepted\","));
        };
    try (FakeGateway gateway = FakeGateway.responding(duplicated)) {
      CaseResult result = runner(gateway).run(testCase("entitlement_status: defaults"));

      assertThat(result.violations())
          .containsExactly(
              new Violation(
                  Invariant.PARSEABLE_JSON,
                  "the body is not usable JSON (duplicate_key at status)"));
    }
  }

  @Test
  void anotherOperationBreaksSameOperation() {
    try (FakeGateway gateway =
        FakeGateway.responding(editingAnswers(r -> r.put("operation", "tenant_status")))) {
      CaseResult result = runner(gateway).run(testCase("evidence_export: custom"));

      assertThat(result.violations())
          .contains(
              new Violation(
                  Invariant.SAME_OPERATION,
                  "operation is tenant_status, expected evidence_export"));
    }
  }

  @Test
  void anotherTenantBreaksSameTenant() {
    try (FakeGateway gateway =
        FakeGateway.responding(editingAnswers(r -> payload(r).put("tenant_id", "tenant-other")))) {
      ConformanceReport report = runner(gateway).run();

      assertThat(accepted(report))
          .allSatisfy(r -> assertThat(broken(r)).contains(Invariant.SAME_TENANT));
      assertThat(result(report, "entitlement_status: other-tenant").violations())
          .contains(
              new Violation(
                  Invariant.SAME_TENANT,
                  "payload.tenant_id names another tenant than tenant-conformance-b"));
    }
  }

  @Test
  void droppedCorrelationIdBreaksSameCorrelationId() {
    try (FakeGateway gateway =
        FakeGateway.responding(editingAnswers(r -> r.remove("correlation_id")))) {
      CaseResult result = runner(gateway).run(testCase("tenant_onboarding: custom"));

      assertThat(result.violations())
          .contains(
              new Violation(
                  Invariant.SAME_CORRELATION_ID,
                  "correlation_id is missing; expected conformance:tenant_onboarding:custom"));
      assertThat(broken(result)).contains(Invariant.SCHEMA_VALID);
    }
  }

  @Test
  void slowServiceBreaksTimely() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakeGateway.Responder slow =
        body -> {
          release.await();
          return COMMUNITY.respond(body);
        };
    try (FakeGateway gateway = FakeGateway.responding(slow)) {
      CaseResult result =
          runner(gateway)
              .withTimeout(Duration.ofMillis(300))
              .run(testCase("tenant_status: defaults"));

      assertThat(result.violations())
          .containsExactly(new Violation(Invariant.TIMELY, "no answer within 300 ms"));
    } finally {
      release.countDown();
    }
  }

  @Test
  void serverErrorBreaksAnswersValidRequest() {
    FakeGateway.Responder broken =
        body -> {
          FakeGateway.Answer answer = COMMUNITY.respond(body);
          return answer.status() != 200
              ? answer
              : FakeGateway.problem(502, "adapter_failure", "the adapter failed", "$");
        };
    try (FakeGateway gateway = FakeGateway.responding(broken)) {
      CaseResult result = runner(gateway).run(testCase("tenant_status: defaults"));

      assertThat(result.violations())
          .containsExactly(
              new Violation(
                  Invariant.ANSWERS_VALID_REQUEST, "answered with status 502; expected 200"));
    }
  }

  @Test
  void answeringInvalidRequestsBreaksRejectsInvalidRequest() {
    FakeGateway.Responder lax =
        body -> {
          FakeGateway.Answer answer = COMMUNITY.respond(body);
          return answer.status() == 200
              ? answer
              : FakeGateway.Answer.json(200, "application/json", "{}");
        };
    try (FakeGateway gateway = FakeGateway.responding(lax)) {
      ConformanceReport report = runner(gateway).run();

      assertThat(rejected(report))
          .allSatisfy(
              r ->
                  assertThat(r.violations())
                      .containsExactly(
                          new Violation(
                              Invariant.REJECTS_INVALID_REQUEST,
                              "answered with status 200; expected status 400 with code "
                                  + r.testCase().expectedCode())));
      assertThat(accepted(report))
          .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(CaseResult.Outcome.PASSED));
    }
  }

  @Test
  void wrongErrorCodeBreaksRejectsInvalidRequest() {
    FakeGateway.Responder vague =
        editingRefusals(answer -> FakeGateway.problem(400, "invalid_value", "bad request", "$"));
    try (FakeGateway gateway = FakeGateway.responding(vague)) {
      CaseResult result = runner(gateway).run(testCase("envelope: unknown-operation"));

      assertThat(result.violations())
          .containsExactly(
              new Violation(
                  Invariant.REJECTS_INVALID_REQUEST,
                  "refused with code invalid_value, expected unknown_operation"));
    }
  }

  @Test
  void plainTextErrorsBreakProblemDetails() {
    FakeGateway.Responder plain =
        editingRefusals(answer -> FakeGateway.Answer.json(400, "text/plain", "bad request"));
    try (FakeGateway gateway = FakeGateway.responding(plain)) {
      CaseResult result = runner(gateway).run(testCase("envelope: not-json"));

      assertThat(result.violations())
          .containsExactly(
              new Violation(
                  Invariant.PROBLEM_DETAILS,
                  "the error body's media type is not application/problem+json"),
              new Violation(Invariant.PROBLEM_DETAILS, "the error body is not JSON (invalid_json)"),
              new Violation(
                  Invariant.REJECTS_INVALID_REQUEST,
                  "the error body carries no code; expected invalid_json"));
    }
  }

  @Test
  void problemWithoutItsMembersBreaksProblemDetails() {
    FakeGateway.Responder terse =
        editingRefusals(
            answer ->
                FakeGateway.Answer.json(
                    400,
                    "application/problem+json",
                    "{\"code\":\""
                        + ((Map<?, ?>) ContractJson.defaults().parseTree(answer.body())).get("code")
                        + "\",\"status\":500}"));
    try (FakeGateway gateway = FakeGateway.responding(terse)) {
      CaseResult result = runner(gateway).run(testCase("envelope: duplicate-key"));

      assertThat(result.violations())
          .containsExactly(
              new Violation(Invariant.PROBLEM_DETAILS, "the problem has no string member type"),
              new Violation(Invariant.PROBLEM_DETAILS, "the problem has no string member title"),
              new Violation(
                  Invariant.PROBLEM_DETAILS,
                  "the problem's status member is not the HTTP status 400"));
    }
  }

  @Test
  void secretInAResponseBreaksNoSecretMaterial() {
    try (FakeGateway gateway =
        FakeGateway.responding(
            editingAnswers(r -> payload(r).put("support_contact", TestReports.githubToken())))) {
      CaseResult result = runner(gateway).run(testCase("tenant_status: defaults"));

      assertThat(broken(result)).contains(Invariant.NO_SECRET_MATERIAL);
      assertThat(result.failureMessage())
          .contains("[no-secret-material] the response holds sensitive_value")
          .contains("$.payload.support_contact")
          .doesNotContain(TestReports.githubToken());
    }
  }

  @Test
  void dataWithoutADeclarationMustBeASummary() {
    try (FakeGateway gateway =
        FakeGateway.responding(editingAnswers(r -> r.put("message", "All good.")))) {
      CaseResult result = runner(gateway).run(testCase("tenant_status: defaults"));

      assertThat(result.violations())
          .containsExactly(
              new Violation(
                  Invariant.UNAVAILABLE_FOR_UNDECLARED,
                  "no capability declaration was given, so an answer without a summary must be"
                      + " exactly the contract's unavailable answer; it differs at message"));
    }
  }

  @Test
  void unreachableServiceStopsTheRunAfterTheFirstCase() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + port + "/v1/control-plane";
    ConformanceReport report =
        ConformanceRunner.http(
                URI.create("http://127.0.0.1:" + port + "/"),
                Optional.empty(),
                Duration.ofSeconds(2))
            .run();

    assertThat(report.unreachable()).isTrue();
    assertThat(report.failures()).hasSize(report.results().size());
    assertThat(report.results().get(0).violations())
        .containsExactly(
            new Violation(
                Invariant.REJECTS_INVALID_REQUEST,
                "cannot reach " + endpoint + " (connection refused)"));
    assertThat(result(report, "tenant_status: defaults").violations())
        .containsExactly(
            new Violation(
                Invariant.ANSWERS_VALID_REQUEST,
                "not sent: cannot reach " + endpoint + " (connection refused)"));
    assertThat(report.summaryText())
        .contains("The target could not be reached; the cases after the first were not sent.");
  }
}
