package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.ResponseStatus;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An outcome holds everything its answer, audit line and metrics are written from. */
class OutcomeTest {
  private final Guard guard = new Guard(SecretGuard.defaults());

  @Test
  void aRefusalOfARequestThatWasReadNamesItsCorrelationId() {
    Outcome.Subject subject =
        new Outcome.Subject("tenant_status", "saas-0123456789ab", "tenant-demo");

    Outcome.Refused refused = Outcome.refused(subject, Problem.forbidden(Problem.Scope.TENANT));

    assertThat(refused.problem().correlationId()).isEqualTo("saas-0123456789ab");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.label()).isEqualTo("forbidden");
    assertThat(new String(refused.body(guard, "req-1"), StandardCharsets.UTF_8))
        .contains("\"correlation_id\":\"saas-0123456789ab\"", "\"request_id\":\"req-1\"");
    assertThat(
            Outcome.refused(Problem.notFound(Problem.Missing.RESOURCE)).problem().correlationId())
        .isNull();
  }

  @Test
  void aRefusalWritesItsProblemsHeadersAndIsNeverStored() {
    Outcome.Refused refused = Outcome.refused(Problem.rateLimited(Problem.Limit.KEY, 3));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.contentType()).isEqualTo(Problem.MEDIA_TYPE);
    assertThat(refused.cacheControl()).isEqualTo("no-store");
    assertThat(refused.headers()).containsEntry("Retry-After", "3");
  }

  @Test
  void aSubjectHoldsTheTenantOnlyWithinTheGatewaysIdentifierBound() {
    ControlPlaneRequest inside =
        ControlPlaneRequest.builder(Operation.TENANT_STATUS)
            .tenantId("tenant-demo")
            .correlationId("saas-0123456789ab")
            .build();
    ControlPlaneRequest outside =
        ControlPlaneRequest.builder(Operation.TENANT_STATUS)
            .tenantId("t".repeat(Identifiers.MAX_LENGTH + 1))
            .correlationId("saas-0123456789ab")
            .build();

    assertThat(Outcome.Subject.of(inside))
        .isEqualTo(new Outcome.Subject("tenant_status", "saas-0123456789ab", "tenant-demo"));
    assertThat(Outcome.Subject.of(outside))
        .isEqualTo(new Outcome.Subject("tenant_status", "saas-0123456789ab", null));
    assertThat(Outcome.Subject.of(Operation.EVIDENCE_EXPORT))
        .isEqualTo(new Outcome.Subject("evidence_export", null, null));
  }

  @Test
  void anAnswerIsLabelledWithTheResponseStatusAndAValidationWithItsVerdict() {
    Outcome.Subject subject =
        new Outcome.Subject("tenant_status", "saas-0123456789ab", "tenant-demo");
    byte[] json = "{}".getBytes(StandardCharsets.UTF_8);

    assertThat(Outcome.answered(subject, ResponseStatus.REQUIRES_PRIVATE_SERVICE, json).label())
        .isEqualTo("requires_private_service");
    assertThat(Outcome.validated(subject, true, json).label()).isEqualTo("valid");
    assertThat(Outcome.validated(Outcome.Subject.NONE, false, json).label()).isEqualTo("invalid");
    assertThat(Outcome.ok(Outcome.Reply.document("text/plain", json)).label()).isEqualTo("ok");
    assertThat(Outcome.ok(Outcome.Reply.document("text/plain", json)).cacheControl())
        .isEqualTo("no-cache");
    assertThat(
            Outcome.answered(subject, ResponseStatus.REQUIRES_PRIVATE_SERVICE, json).cacheControl())
        .isEqualTo("no-store");
  }
}
