package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.ResponseStatus;
import io.cavra.controlplane.contract.SummaryBuilder;
import io.cavra.controlplane.contract.SummaryField;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The invariant checks, shared by every target: they run on the bytes (and, in process, the
 * exception) a target produced. Messages name locations and expected values; values the target sent
 * are quoted only when they come from a closed set, and canaries are redacted from every message.
 */
final class CaseChecks {
  private static final List<String> STATUSES =
      Arrays.stream(ResponseStatus.values()).map(ResponseStatus::wireName).toList();

  private final Canaries canaries;

  CaseChecks(Canaries canaries) {
    this.canaries = canaries;
  }

  /** The violations of a case whose request the contract accepts. */
  List<Violation> accepted(
      ConformanceCase c,
      ControlPlaneRequest request,
      Exchange exchange,
      Duration timeout,
      Optional<Set<Operation>> capabilities) {
    Found found = new Found();
    if (exchange instanceof Exchange.Answered answer) {
      answered(request, answer, capabilities, found);
    } else if (exchange instanceof Exchange.Threw threw) {
      adapterThrew(threw.thrown(), found);
    } else {
      unanswered(exchange, Invariant.ANSWERS_VALID_REQUEST, timeout, found);
    }
    return found.applicable(c);
  }

  /** The violations of a case whose request the contract refuses. */
  List<Violation> rejected(ConformanceCase c, Exchange exchange, Duration timeout) {
    Found found = new Found();
    if (exchange instanceof Exchange.Answered answer) {
      refusedOverHttp(c.expectedCode(), answer, found);
    } else if (exchange instanceof Exchange.Threw threw) {
      refusedInProcess(c.expectedCode(), threw.thrown(), found);
    } else {
      unanswered(exchange, Invariant.REJECTS_INVALID_REQUEST, timeout, found);
    }
    return found.applicable(c);
  }

  /**
   * A call that produced no answer: too late ({@code timely}), or failed (the case's own
   * invariant).
   */
  private static void unanswered(
      Exchange exchange, Invariant failed, Duration timeout, Found found) {
    if (exchange instanceof Exchange.TimedOut) {
      found.add(Invariant.TIMELY, "no answer within " + seconds(timeout));
    } else if (exchange instanceof Exchange.Failed failure) {
      found.add(failed, failure.failure());
    } else if (exchange instanceof Exchange.Unreachable unreachable) {
      found.add(failed, unreachable.failure());
    }
  }

  /** The contract's own refusal, as an in-process host gives it. */
  private void refusedInProcess(ErrorCode expected, Throwable thrown, Found found) {
    if (!(thrown instanceof ContractException)) {
      found.add(
          Invariant.REJECTS_INVALID_REQUEST,
          "the contract's reader failed with "
              + thrown.getClass().getName()
              + " instead of refusing with "
              + expected);
      return;
    }
    ContractException error = (ContractException) thrown;
    if (error.code() != expected) {
      found.add(
          Invariant.REJECTS_INVALID_REQUEST,
          "refused with " + error.code() + " at " + error.location() + ", expected " + expected);
    }
    for (String text : List.of(error.getMessage(), error.location(), error.toString())) {
      canaryIn(text, "the error message", found);
    }
    SecretScan.text(error.getMessage(), "message")
        .forEach(
            finding ->
                found.add(Invariant.NO_SECRET_MATERIAL, "the error message holds " + finding));
  }

  private void refusedOverHttp(ErrorCode expected, Exchange.Answered exchange, Found found) {
    canaryInAnswer(exchange, found);
    if (exchange.status() == 200) {
      found.add(
          Invariant.REJECTS_INVALID_REQUEST,
          "answered with status 200; expected status 400 with code " + expected);
      return;
    }
    if (exchange.status() != 400) {
      found.add(
          Invariant.REJECTS_INVALID_REQUEST,
          "answered with status "
              + exchange.status()
              + "; expected status 400 with code "
              + expected);
    }
    if (!exchange.hasMediaType("application/problem+json")) {
      found.add(
          Invariant.PROBLEM_DETAILS, "the error body's media type is not application/problem+json");
    }
    Object tree;
    try {
      tree = ContractJson.defaults().parseTree(exchange.body());
    } catch (ContractException e) {
      found.add(Invariant.PROBLEM_DETAILS, "the error body is not JSON (" + e.code() + ")");
      found.add(
          Invariant.REJECTS_INVALID_REQUEST,
          "the error body carries no code; expected " + expected);
      return;
    }
    canaryIn(JsonDiff.canonical(tree), "the error body", found);
    SecretScan.json(exchange.body())
        .forEach(
            finding -> found.add(Invariant.NO_SECRET_MATERIAL, "the error body holds " + finding));
    if (!(tree instanceof Map)) {
      found.add(Invariant.PROBLEM_DETAILS, "the error body is not a JSON object");
      found.add(
          Invariant.REJECTS_INVALID_REQUEST,
          "the error body carries no code; expected " + expected);
      return;
    }
    Map<?, ?> problem = (Map<?, ?>) tree;
    for (String member : List.of("type", "title", "code")) {
      if (!(problem.get(member) instanceof String)) {
        found.add(Invariant.PROBLEM_DETAILS, "the problem has no string member " + member);
      }
    }
    Object status = problem.get("status");
    if (!(status instanceof Number) || ((Number) status).longValue() != exchange.status()) {
      found.add(
          Invariant.PROBLEM_DETAILS,
          "the problem's status member is not the HTTP status " + exchange.status());
    }
    Object code = problem.get("code");
    if (!expected.wireName().equals(code)) {
      Optional<ErrorCode> known =
          code instanceof String ? ErrorCode.fromWireName((String) code) : Optional.empty();
      found.add(
          Invariant.REJECTS_INVALID_REQUEST,
          known.isPresent()
              ? "refused with code " + known.get() + ", expected " + expected
              : "the problem's code is not a contract error code; expected " + expected);
    }
  }

  private void adapterThrew(Throwable thrown, Found found) {
    if (!(thrown instanceof ContractException)) {
      found.add(
          Invariant.ANSWERS_VALID_REQUEST, "the adapter threw " + thrown.getClass().getName());
      return;
    }
    ContractException error = (ContractException) thrown;
    canaryIn(error.getMessage(), "the adapter's error message", found);
    String where = error.code() + " at " + error.location();
    switch (error.code()) {
      case SENSITIVE_FIELD:
      case SENSITIVE_VALUE:
        found.add(
            Invariant.NO_SECRET_MATERIAL,
            "the adapter tried to answer with credential material: the contract"
                + " refused to build its response ("
                + where
                + ", rule "
                + error.ruleId().orElse("unknown")
                + ")");
        break;
      case TENANT_MISMATCH:
        found.add(
            Invariant.SAME_TENANT,
            "the adapter tried to answer for another tenant: the contract refused"
                + " to build its response ("
                + where
                + ")");
        break;
      case OPERATION_MISMATCH:
        found.add(
            Invariant.SAME_OPERATION,
            "the adapter tried to answer for another operation: the contract"
                + " refused to build its response ("
                + where
                + ")");
        break;
      case CORRELATION_MISMATCH:
        found.add(
            Invariant.SAME_CORRELATION_ID,
            "the adapter tried to answer with another correlation id: the"
                + " contract refused to build its response ("
                + where
                + ")");
        break;
      default:
        found.add(
            Invariant.ANSWERS_VALID_REQUEST, "the adapter threw a contract error (" + where + ")");
    }
  }

  private void answered(
      ControlPlaneRequest request,
      Exchange.Answered exchange,
      Optional<Set<Operation>> capabilities,
      Found found) {
    canaryInAnswer(exchange, found);
    if (exchange.status() != 200) {
      found.add(
          Invariant.ANSWERS_VALID_REQUEST,
          "answered with status "
              + exchange.status()
              + "; expected 200"
              + problemCode(exchange.body()));
      return;
    }
    if (!exchange.hasMediaType("application/json")) {
      found.add(
          Invariant.ANSWERS_VALID_REQUEST, "the response's media type is not application/json");
    }
    Object tree;
    try {
      tree = ContractJson.defaults().parseTree(exchange.body());
    } catch (ContractException e) {
      found.add(
          Invariant.PARSEABLE_JSON,
          "the body is not usable JSON (" + e.code() + " at " + e.location() + ")");
      return;
    }
    canaryIn(JsonDiff.canonical(tree), "the response", found);
    SecretScan.json(exchange.body())
        .forEach(
            finding -> found.add(Invariant.NO_SECRET_MATERIAL, "the response holds " + finding));
    PublishedSchemas.errors("response", exchange.body())
        .forEach(error -> found.add(Invariant.SCHEMA_VALID, error));
    try {
      ContractJson.defaults().parseResponse(exchange.body());
    } catch (ContractException e) {
      found.add(Invariant.CONTRACT_VALID, e.code() + " at " + e.location() + ": " + e.getMessage());
    }
    if (!(tree instanceof Map)) {
      return;
    }
    Map<?, ?> response = (Map<?, ?>) tree;
    Operation operation = request.operation();
    if (!operation.wireName().equals(response.get("operation"))) {
      found.add(
          Invariant.SAME_OPERATION,
          "operation is "
              + closed(response.get("operation"), Operation.values())
              + ", expected "
              + operation);
    }
    if (!request.correlationId().equals(response.get("correlation_id"))) {
      found.add(
          Invariant.SAME_CORRELATION_ID,
          response.containsKey("correlation_id")
              ? "correlation_id differs from the request's " + request.correlationId()
              : "correlation_id is missing; expected " + request.correlationId());
    }
    Object status = response.get("status");
    if (!STATUSES.contains(status)) {
      found.add(Invariant.STATUS_IN_SET, "status is not one of " + String.join(", ", STATUSES));
    }
    Map<?, ?> payload =
        response.get("payload") instanceof Map ? (Map<?, ?>) response.get("payload") : Map.of();
    Map<?, ?> summary =
        payload.get("summary") instanceof Map ? (Map<?, ?>) payload.get("summary") : null;
    String tenantPath = summary != null ? "payload.summary.tenant_id" : "payload.tenant_id";
    Object tenant = summary != null ? summary.get("tenant_id") : payload.get("tenant_id");
    if (!request.tenantId().equals(tenant)) {
      found.add(
          Invariant.SAME_TENANT,
          tenant == null
              ? tenantPath + " is missing; expected " + request.tenantId()
              : tenantPath + " names another tenant than " + request.tenantId());
    }
    if (summary != null && operation.hasSummary()) {
      for (SummaryField field : SummaryBuilder.fields(operation)) {
        if (field.kind() == SummaryField.Kind.STATE
            && !field.allowedValues().contains(summary.get(field.name()))) {
          found.add(
              Invariant.SUMMARY_STATES_IN_SET,
              "payload.summary."
                  + field.name()
                  + " is not one of "
                  + String.join(", ", field.allowedValues()));
        }
      }
    }
    capabilityChecks(request, response, summary != null, capabilities, found);
  }

  private static void capabilityChecks(
      ControlPlaneRequest request,
      Map<?, ?> response,
      boolean hasSummary,
      Optional<Set<Operation>> capabilities,
      Found found) {
    Operation operation = request.operation();
    Map<String, Object> unavailable = ControlPlaneAdapter.unavailableAnswer(request).toMap();
    Optional<String> difference = JsonDiff.first(unavailable, response, "");
    if (capabilities.isEmpty()) {
      if (!hasSummary && difference.isPresent()) {
        found.add(
            Invariant.UNAVAILABLE_FOR_UNDECLARED,
            "no capability declaration was given, so an answer without"
                + " a summary must be exactly the contract's unavailable answer; it differs at "
                + difference.get());
      }
    } else if (!capabilities.get().contains(operation)) {
      if (difference.isPresent()) {
        found.add(
            Invariant.UNAVAILABLE_FOR_UNDECLARED,
            operation
                + " is not a declared capability, so the answer"
                + " must be exactly the contract's unavailable answer; it differs at "
                + difference.get());
      }
    } else if (difference.isEmpty()) {
      found.add(
          Invariant.DECLARED_CAPABILITY_ANSWERED,
          operation
              + " is a declared capability but was answered"
              + " with the contract's unavailable answer");
    } else if (operation.hasSummary() && !hasSummary) {
      found.add(
          Invariant.DECLARED_CAPABILITY_ANSWERED,
          operation + " is a declared capability but the answer" + " carries no summary");
    }
  }

  private void canaryInAnswer(Exchange.Answered exchange, Found found) {
    canaryIn(new String(exchange.body(), StandardCharsets.UTF_8), "the body", found);
    exchange
        .headers()
        .forEach(
            (name, values) -> {
              canaryIn(name, "a header name", found);
              values.forEach(value -> canaryIn(value, "header " + name, found));
            });
  }

  private void canaryIn(String text, String where, Found found) {
    canaries
        .foundIn(text)
        .ifPresent(
            kind ->
                found.add(
                    Invariant.NO_CANARY_ECHO, where + " repeats the planted " + kind + " canary"));
  }

  /** {@code " (problem code X)"} when an error body names a contract code. */
  private static String problemCode(byte[] body) {
    try {
      Object tree = ContractJson.defaults().parseTree(body);
      if (tree instanceof Map && ((Map<?, ?>) tree).get("code") instanceof String) {
        Optional<ErrorCode> code = ErrorCode.fromWireName((String) ((Map<?, ?>) tree).get("code"));
        return code.map(c -> " (problem code " + c + ")").orElse("");
      }
    } catch (ContractException e) {
      // no code to name
    }
    return "";
  }

  /** A value the target sent, quoted only when it is one of a closed set of names. */
  private static String closed(Object value, Object[] allowed) {
    for (Object candidate : allowed) {
      if (candidate.toString().equals(value)) {
        return candidate.toString();
      }
    }
    return value == null ? "missing" : "not a contract value";
  }

  private static String seconds(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }

  /** Violations in the order found, one per invariant and message, with canaries redacted. */
  private final class Found {
    private final List<Violation> violations = new ArrayList<>();

    void add(Invariant invariant, String message) {
      Violation violation =
          new Violation(invariant, canaries.redact(Objects.requireNonNull(message)));
      if (!violations.contains(violation)) {
        violations.add(violation);
      }
    }

    List<Violation> applicable(ConformanceCase c) {
      return violations.stream().filter(v -> c.invariants().contains(v.invariant())).toList();
    }
  }
}
