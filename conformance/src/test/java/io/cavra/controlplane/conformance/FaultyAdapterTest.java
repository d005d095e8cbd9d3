package io.cavra.controlplane.conformance;

import static io.cavra.controlplane.conformance.TestReports.accepted;
import static io.cavra.controlplane.conformance.TestReports.broken;
import static io.cavra.controlplane.conformance.TestReports.result;
import static io.cavra.controlplane.conformance.TestReports.testCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.ResponsePayload;
import io.cavra.controlplane.contract.ResponseStatus;
import io.cavra.controlplane.contract.adapter.Caller;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Deliberately faulty adapters, run in process: each one fails the kit naming the invariant it
 * breaks.
 */
class FaultyAdapterTest {

  /** An adapter made of a capability declaration and an answer function. */
  private static ControlPlaneAdapter adapter(
      Set<Operation> capabilities, Function<ControlPlaneRequest, ControlPlaneResponse> answer) {
    return new ControlPlaneAdapter() {
      @Override
      public ControlPlaneResponse handle(ControlPlaneRequest request, Caller caller) {
        return answer.apply(request);
      }

      @Override
      public Set<Operation> capabilities() {
        return capabilities;
      }
    };
  }

  private static ControlPlaneRequest copy(
      ControlPlaneRequest request, String tenantId, String correlationId) {
    return new ControlPlaneRequest(
        tenantId, request.requestedBy(), correlationId, true, request.payload());
  }

  @Test
  void adapterAnsweringWithASecretBreaksNoSecretMaterial() {
    ControlPlaneAdapter leaky =
        adapter(
            EnumSet.of(Operation.ENTITLEMENT_STATUS),
            request ->
                ControlPlaneResponse.forSummary(
                    request,
                    TestReports.summary(request.operation(), request.tenantId())
                        .extension("support_contact", TestReports.githubToken())
                        .build()));

    CaseResult result =
        ConformanceRunner.inProcess(leaky).run(testCase("entitlement_status: defaults"));

    assertThat(result.outcome()).isEqualTo(CaseResult.Outcome.FAILED);
    assertThat(broken(result)).containsExactly(Invariant.NO_SECRET_MATERIAL);
    assertThat(result.failureMessage())
        .contains("[no-secret-material] the adapter tried to answer with credential material")
        .contains("payload.summary.support_contact")
        .doesNotContain(TestReports.githubToken());
  }

  @Test
  void adapterAnsweringForAnotherTenantBreaksSameTenant() {
    ControlPlaneAdapter crossTenant =
        adapter(
            Set.of(),
            request ->
                ControlPlaneAdapter.unavailableAnswer(
                    copy(request, "tenant-somebody-else", request.correlationId())));

    ConformanceReport report = ConformanceRunner.inProcess(crossTenant).run();

    assertThat(report.passed()).isFalse();
    assertThat(accepted(report))
        .allSatisfy(r -> assertThat(broken(r)).contains(Invariant.SAME_TENANT));
    assertThat(result(report, "tenant_status: defaults").violations())
        .contains(
            new Violation(
                Invariant.SAME_TENANT, "payload.tenant_id names another tenant than tenant-demo"));
  }

  @Test
  void adapterSummarizingAnotherTenantBreaksSameTenant() {
    ControlPlaneAdapter crossTenant =
        adapter(
            EnumSet.of(Operation.POLICY_REGISTRY_READINESS),
            request ->
                ControlPlaneResponse.forSummary(
                    request,
                    TestReports.summary(request.operation(), "tenant-somebody-else").build()));

    CaseResult result =
        ConformanceRunner.inProcess(crossTenant)
            .run(testCase("policy_registry_readiness: other-tenant"));

    assertThat(broken(result)).containsExactly(Invariant.SAME_TENANT);
    assertThat(result.failureMessage())
        .contains("[same-tenant] the adapter tried to answer for another tenant");
  }

  @Test
  void adapterChangingTheCorrelationIdBreaksSameCorrelationId() {
    ControlPlaneAdapter forgetful =
        adapter(
            Set.of(),
            request ->
                ControlPlaneAdapter.unavailableAnswer(
                    copy(request, request.tenantId(), ControlPlaneRequest.newCorrelationId())));

    ConformanceReport report = ConformanceRunner.inProcess(forgetful).run();

    assertThat(accepted(report))
        .allSatisfy(r -> assertThat(broken(r)).contains(Invariant.SAME_CORRELATION_ID));
    assertThat(result(report, "evidence_export: defaults").violations())
        .contains(
            new Violation(
                Invariant.SAME_CORRELATION_ID,
                "correlation_id differs from the request's conformance:evidence_export:defaults"));
  }

  @Test
  void adapterAnsweringAnotherOperationBreaksSameOperation() {
    ControlPlaneRequest other = Fixtures.request(Operation.TENANT_STATUS);
    ControlPlaneAdapter confused =
        adapter(
            Set.of(),
            request ->
                ControlPlaneResponse.unavailable(
                    new ControlPlaneRequest(
                        request.tenantId(),
                        request.requestedBy(),
                        request.correlationId(),
                        true,
                        other.payload())));

    CaseResult result =
        ConformanceRunner.inProcess(confused).run(testCase("evidence_export: defaults"));

    assertThat(broken(result)).contains(Invariant.SAME_OPERATION);
    assertThat(result.violations())
        .contains(
            new Violation(
                Invariant.SAME_OPERATION, "operation is tenant_status, expected evidence_export"));
  }

  @Test
  void adapterThatNeverAnswersBreaksTimely() {
    CountDownLatch never = new CountDownLatch(1);
    ControlPlaneAdapter stuck =
        adapter(
            Set.of(),
            request -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return ControlPlaneAdapter.unavailableAnswer(request);
            });

    CaseResult result =
        ConformanceRunner.inProcess(stuck)
            .withTimeout(Duration.ofMillis(100))
            .run(testCase("entitlement_status: defaults"));

    assertThat(result.violations())
        .containsExactly(new Violation(Invariant.TIMELY, "no answer within 100 ms"));
  }

  @Test
  void adapterThatThrowsBreaksAnswersValidRequest() {
    ControlPlaneAdapter failing =
        adapter(
            Set.of(),
            request -> {
              throw new IllegalStateException(
                  "database " + TestReports.githubToken() + " unreachable");
            });

    CaseResult result =
        ConformanceRunner.inProcess(failing).run(testCase("tenant_status: defaults"));

    assertThat(result.violations())
        .containsExactly(
            new Violation(
                Invariant.ANSWERS_VALID_REQUEST,
                "the adapter threw java.lang.IllegalStateException"));
  }

  @Test
  void adapterReturningNullBreaksAnswersValidRequest() {
    CaseResult result =
        ConformanceRunner.inProcess(adapter(Set.of(), request -> null))
            .run(testCase("tenant_status: defaults"));

    assertThat(result.violations())
        .containsExactly(
            new Violation(Invariant.ANSWERS_VALID_REQUEST, "the adapter returned null"));
  }

  @Test
  void adapterClaimingACapabilityButAnsweringUnavailableBreaksDeclaredCapabilityAnswered() {
    ControlPlaneAdapter boastful =
        adapter(
            EnumSet.of(Operation.ENTITLEMENT_STATUS, Operation.EVIDENCE_EXPORT),
            ControlPlaneAdapter::unavailableAnswer);

    ConformanceReport report = ConformanceRunner.inProcess(boastful).run();

    assertThat(result(report, "entitlement_status: defaults").violations())
        .containsExactly(
            new Violation(
                Invariant.DECLARED_CAPABILITY_ANSWERED,
                "entitlement_status is a declared capability but was answered with the contract's"
                    + " unavailable answer"));
    assertThat(broken(result(report, "evidence_export: custom")))
        .containsExactly(Invariant.DECLARED_CAPABILITY_ANSWERED);
    assertThat(result(report, "tenant_status: defaults").outcome())
        .isEqualTo(CaseResult.Outcome.PASSED);
  }

  @Test
  void adapterAnsweringADeclaredSummaryOperationWithoutSummaryBreaksDeclaredCapabilityAnswered() {
    ControlPlaneAdapter summaryless =
        adapter(
            EnumSet.of(Operation.ENTITLEMENT_STATUS),
            request ->
                new ControlPlaneResponse(
                    request.operation(),
                    ResponseStatus.ACCEPTED,
                    "Entitlement looks fine.",
                    request.correlationId(),
                    true,
                    new ResponsePayload.Unavailable(
                        request.tenantId(), ResponsePayload.Unavailable.NEXT_STEP, Map.of())));

    CaseResult result =
        ConformanceRunner.inProcess(summaryless).run(testCase("entitlement_status: defaults"));

    assertThat(result.violations())
        .containsExactly(
            new Violation(
                Invariant.DECLARED_CAPABILITY_ANSWERED,
                "entitlement_status is a declared capability but the answer carries no summary"));
  }

  @Test
  void adapterAnsweringAnUndeclaredOperationWithDataBreaksUnavailableForUndeclared() {
    ControlPlaneAdapter undeclared =
        adapter(
            Set.of(),
            request ->
                request.operation().hasSummary()
                    ? ControlPlaneResponse.forSummary(
                        request,
                        TestReports.summary(request.operation(), request.tenantId()).build())
                    : ControlPlaneAdapter.unavailableAnswer(request));

    ConformanceReport report = ConformanceRunner.inProcess(undeclared).run();

    assertThat(result(report, "support_handoff_readiness: defaults").violations())
        .containsExactly(
            new Violation(
                Invariant.UNAVAILABLE_FOR_UNDECLARED,
                "support_handoff_readiness is not a declared capability, so the answer"
                    + " must be exactly the contract's unavailable answer; it differs at message"));
    assertThat(result(report, "tenant_status: defaults").outcome())
        .isEqualTo(CaseResult.Outcome.PASSED);
  }

  @Test
  void adapterDecoratingTheUnavailableAnswerBreaksUnavailableForUndeclared() {
    ControlPlaneAdapter chatty =
        adapter(
            Set.of(),
            request -> {
              ControlPlaneResponse answer = ControlPlaneAdapter.unavailableAnswer(request);
              return new ControlPlaneResponse(
                  answer.operation(),
                  ResponseStatus.UNAVAILABLE,
                  answer.message(),
                  answer.correlationId(),
                  true,
                  answer.payload());
            });

    CaseResult result =
        ConformanceRunner.inProcess(chatty).run(testCase("license_validation: defaults"));

    assertThat(result.violations())
        .containsExactly(
            new Violation(
                Invariant.UNAVAILABLE_FOR_UNDECLARED,
                "license_validation is not a declared capability, so the answer must be exactly the"
                    + " contract's unavailable answer; it differs at status"));
  }

  @Test
  void refusedRequestsNeverReachTheAdapter() {
    ControlPlaneAdapter tripwire =
        adapter(
            Set.of(),
            request -> {
              throw new AssertionError("a refused request reached the adapter");
            });

    ConformanceReport report = ConformanceRunner.inProcess(tripwire).run();

    assertThat(TestReports.rejected(report))
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(CaseResult.Outcome.PASSED));
  }
}
