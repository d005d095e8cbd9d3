package io.cavra.controlplane.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A response envelope: the answer to a {@link ControlPlaneRequest}. Immutable and always valid: the
 * payload's shape must suit the operation, and the secret guard has run over the message and the
 * whole payload, so every instance can be serialized.
 *
 * <p>Serialized keys, in order: {@code schema_version}, {@code operation}, {@code status}, {@code
 * message}, {@code correlation_id}, {@code private_implementation_required}, {@code payload}.
 *
 * <p>Build one with {@link #forSummary}, {@link #onboardingUnavailable} or {@link #unavailable};
 * check that a received one answers its request with {@link #verifyAnswers}.
 */
public record ControlPlaneResponse(
    Operation operation,
    ResponseStatus status,
    String message,
    String correlationId,
    boolean privateImplementationRequired,
    ResponsePayload payload)
    implements Envelope {

  /** The message of the generic unavailable response. */
  public static final String UNAVAILABLE_MESSAGE =
      "This operation requires the private CAVRA SaaS Control Plane or Enterprise service.";

  /** The message of the tenant onboarding unavailable response. */
  public static final String ONBOARDING_UNAVAILABLE_MESSAGE =
      "Tenant onboarding requires the private CAVRA SaaS Control Plane or Enterprise service.";

  public ControlPlaneResponse {
    if (operation == null) {
      throw ContractException.of(ErrorCode.MISSING_FIELD, "operation", "operation is required");
    }
    if (status == null) {
      throw ContractException.of(ErrorCode.MISSING_FIELD, "status", "status is required");
    }
    message = Checks.text(message, "message");
    Checks.guard(message, "message");
    correlationId = ControlPlaneRequest.checkCorrelationId(correlationId);
    if (payload == null) {
      throw ContractException.of(ErrorCode.MISSING_FIELD, "payload", "payload is required");
    }
    checkShape(operation, payload);
    Checks.guard(payload.toMap(), "payload");
  }

  /**
   * The summary response for {@code request}, with status {@code requires_private_service}.
   *
   * @throws ContractException {@code operation_mismatch} with the reference's text when the summary
   *     belongs to another operation; {@code tenant_mismatch} when it names another tenant
   */
  public static ControlPlaneResponse forSummary(ControlPlaneRequest request, Summary summary) {
    return forSummary(request, summary, ResponseStatus.REQUIRES_PRIVATE_SERVICE);
  }

  /**
   * {@link #forSummary(ControlPlaneRequest, Summary)} with another status, for private services.
   */
  public static ControlPlaneResponse forSummary(
      ControlPlaneRequest request, Summary summary, ResponseStatus status) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(status, "status");
    Operation.SummaryResponse fixed = summary.operation().summaryResponse();
    if (request.operation() != summary.operation()) {
      throw ContractException.of(
          ErrorCode.OPERATION_MISMATCH, "operation", fixed.mismatchMessage());
    }
    checkTenant(request, summary.tenantId(), "payload.summary.tenant_id");
    return new ControlPlaneResponse(
        request.operation(),
        status,
        fixed.message(),
        request.correlationId(),
        true,
        new ResponsePayload.SummaryReport(
            summary, fixed.privateModulesRequired(), fixed.nextStep(), Map.of()));
  }

  /**
   * The answer to tenant onboarding without a private service (status {@code
   * requires_private_service}).
   */
  public static ControlPlaneResponse onboardingUnavailable(ControlPlaneRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.operation() != Operation.TENANT_ONBOARDING) {
      throw ContractException.of(
          ErrorCode.OPERATION_MISMATCH,
          "operation",
          "tenant onboarding response requires a tenant_onboarding request");
    }
    return new ControlPlaneResponse(
        Operation.TENANT_ONBOARDING,
        ResponseStatus.REQUIRES_PRIVATE_SERVICE,
        ONBOARDING_UNAVAILABLE_MESSAGE,
        request.correlationId(),
        true,
        new ResponsePayload.OnboardingUnavailable(
            request.tenantId(),
            ResponsePayload.OnboardingUnavailable.PRIVATE_MODULES_REQUIRED,
            ResponsePayload.OnboardingUnavailable.NEXT_STEP,
            Map.of()));
  }

  /**
   * The generic answer for any operation when no private service is present. As in the reference,
   * its status is {@code requires_private_service}, not {@code unavailable}.
   */
  public static ControlPlaneResponse unavailable(ControlPlaneRequest request) {
    Objects.requireNonNull(request, "request");
    return new ControlPlaneResponse(
        request.operation(),
        ResponseStatus.REQUIRES_PRIVATE_SERVICE,
        UNAVAILABLE_MESSAGE,
        request.correlationId(),
        true,
        new ResponsePayload.Unavailable(
            request.tenantId(), ResponsePayload.Unavailable.NEXT_STEP, Map.of()));
  }

  /**
   * Checks that this response answers {@code request}: same operation, same correlation id, same
   * tenant. The reference does not check the tenant; a cross-tenant answer is a data leak.
   *
   * @return this response
   * @throws ContractException {@code operation_mismatch}, {@code correlation_mismatch} or {@code
   *     tenant_mismatch}
   */
  public ControlPlaneResponse verifyAnswers(ControlPlaneRequest request) {
    Objects.requireNonNull(request, "request");
    if (operation != request.operation()) {
      throw ContractException.of(
          ErrorCode.OPERATION_MISMATCH,
          "operation",
          "response operation must match the request operation");
    }
    if (!correlationId.equals(request.correlationId())) {
      throw ContractException.of(
          ErrorCode.CORRELATION_MISMATCH,
          "correlation_id",
          "response correlation_id must match the request correlation_id");
    }
    String location =
        payload instanceof ResponsePayload.SummaryReport
            ? "payload.summary.tenant_id"
            : "payload.tenant_id";
    checkTenant(request, payload.tenantId(), location);
    return this;
  }

  /** Always {@link SchemaVersion#RESPONSE}. */
  public SchemaVersion schemaVersion() {
    return SchemaVersion.RESPONSE;
  }

  /** The reference's {@code to_dict()}: an ordered, unmodifiable map in wire order. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(10);
    map.put("schema_version", SchemaVersion.RESPONSE.wireName());
    map.put("operation", operation.wireName());
    map.put("status", status.wireName());
    map.put("message", message);
    map.put("correlation_id", correlationId);
    map.put("private_implementation_required", privateImplementationRequired);
    map.put("payload", payload.toMap());
    return Collections.unmodifiableMap(map);
  }

  private static void checkTenant(ControlPlaneRequest request, String tenantId, String location) {
    if (!request.tenantId().equals(tenantId)) {
      throw ContractException.of(
          ErrorCode.TENANT_MISMATCH,
          location,
          "response tenant_id must match the request tenant_id");
    }
  }

  private static void checkShape(Operation operation, ResponsePayload payload) {
    if (payload instanceof ResponsePayload.SummaryReport) {
      Summary summary = ((ResponsePayload.SummaryReport) payload).summary();
      if (summary.operation() != operation) {
        throw ContractException.of(
            ErrorCode.OPERATION_MISMATCH,
            "payload.summary",
            operation.wireName()
                + " responses cannot carry a "
                + summary.operation().wireName()
                + " summary");
      }
    } else if (payload instanceof ResponsePayload.OnboardingUnavailable
        && operation != Operation.TENANT_ONBOARDING) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE,
          "payload",
          "only tenant_onboarding responses carry private_modules_required without a summary");
    }
  }
}
