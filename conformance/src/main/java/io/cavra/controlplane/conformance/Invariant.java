package io.cavra.controlplane.conformance;

import java.util.Objects;
import java.util.Optional;

/**
 * The closed list of properties the kit checks, each with a stable id that vectors, reports and
 * certification records use. Ids are never renamed or reused; new invariants may be added.
 *
 * <p>An invariant applies to a case when the case lists it. {@link #PROBLEM_DETAILS} applies to
 * HTTP targets only: an in-process adapter never writes error bodies.
 */
public enum Invariant {
  /** Every call completes within the runner's per-call timeout (default 10 seconds). */
  TIMELY("timely", "the answer arrives within the per-call timeout"),
  /**
   * A valid request gets a response envelope: over HTTP, status 200 with a JSON body; in process,
   * the adapter returns a response instead of throwing.
   */
  ANSWERS_VALID_REQUEST(
      "answers-valid-request", "a valid request is answered with a response envelope"),
  /** The response body is well-formed UTF-8 JSON without duplicate keys. */
  PARSEABLE_JSON("parseable-json", "the response body is well-formed JSON without duplicate keys"),
  /** The response validates against the published {@code response} JSON Schema. */
  SCHEMA_VALID("schema-valid", "the response validates against the published response schema"),
  /**
   * The contract's own reader accepts the response, including the checks a schema cannot express.
   */
  CONTRACT_VALID("contract-valid", "the contract's reader accepts the response"),
  /** The response names the request's operation. */
  SAME_OPERATION("same-operation", "the response names the request's operation"),
  /** The response carries the request's correlation id. */
  SAME_CORRELATION_ID("same-correlation-id", "the response carries the request's correlation id"),
  /** The response (its payload or its summary) names the request's tenant. */
  SAME_TENANT("same-tenant", "the response names the request's tenant"),
  /** The status is one of the contract's response statuses. */
  STATUS_IN_SET("status-in-set", "the status is one of the contract's response statuses"),
  /** Every state field of a summary holds one of its allowed values. */
  SUMMARY_STATES_IN_SET(
      "summary-states-in-set", "every summary state holds one of its allowed values"),
  /**
   * For an operation outside the target's capability declaration, the response is exactly the
   * contract's unavailable answer (the onboarding one for {@code tenant_onboarding}).
   */
  UNAVAILABLE_FOR_UNDECLARED(
      "unavailable-for-undeclared",
      "an operation outside the capability declaration gets exactly the contract's unavailable"
          + " answer"),
  /**
   * For an operation inside the capability declaration, the response is not the unavailable answer;
   * for an operation with a summary it carries the summary.
   */
  DECLARED_CAPABILITY_ANSWERED(
      "declared-capability-answered",
      "a declared operation is answered with data, not with the unavailable answer"),
  /** The secret guard finds nothing in the response or error body. */
  NO_SECRET_MATERIAL(
      "no-secret-material", "the secret guard finds no credential material in the answer"),
  /** No canary planted in any request comes back in any body, header or error message. */
  NO_CANARY_ECHO(
      "no-canary-echo", "no planted canary comes back in any body, header or error message"),
  /**
   * An invalid request is refused with the expected contract error code (over HTTP: status 400 and
   * the problem's {@code code}) and is never answered.
   */
  REJECTS_INVALID_REQUEST(
      "rejects-invalid-request", "an invalid request is refused with the expected error code"),
  /**
   * An HTTP error answer is an RFC 9457 problem document: {@code application/problem+json} with
   * {@code type}, {@code title}, {@code status} (equal to the HTTP status) and {@code code}.
   */
  PROBLEM_DETAILS(
      "problem-details", "an HTTP error answer is an RFC 9457 problem document with a code");

  private final String id;
  private final String description;

  Invariant(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The stable id, e.g. {@code same-tenant}. */
  public String id() {
    return id;
  }

  /** One line saying what the invariant requires. */
  public String description() {
    return description;
  }

  /** The invariant whose id is {@code id}, if any. */
  public static Optional<Invariant> fromId(String id) {
    Objects.requireNonNull(id, "id");
    for (Invariant invariant : values()) {
      if (invariant.id.equals(id)) {
        return Optional.of(invariant);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
