package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One RFC 9457 problem answer: its type, a detail that never repeats a submitted value, the JSON
 * path, and the correlation id and extra headers when known. Immutable. Each problem the gateway
 * composes itself comes from the one factory of its code below ({@link #notFound}, {@link
 * #rateLimited} …), so every text the gateway answers with is in this file; contract errors and
 * guard findings bring the contract's own texts.
 */
record Problem(
    ProblemType type,
    String detail,
    String path,
    String correlationId,
    String ruleId,
    Map<String, String> headers) {

  static final String MEDIA_TYPE = "application/problem+json";
  static final String WITHHELD_DETAIL =
      "the problem's details were withheld because they looked like credential material";

  Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(path, "path");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * The problem for a contract error; its detail is the exception's message, which never holds a
   * value.
   */
  static Problem of(ContractException e) {
    return new Problem(
        ProblemType.of(e.code()),
        e.getMessage(),
        e.path(),
        null,
        e.ruleId().orElse(null),
        Map.of());
  }

  /** The problem for a secret finding of the gateway's own guard. */
  static Problem of(Guard.Finding finding) {
    return new Problem(
        ProblemType.of(finding.code()),
        finding.message(),
        finding.path(),
        null,
        finding.ruleId(),
        Map.of());
  }

  // One factory per problem the gateway writes itself, in the order of ProblemType: every text of
  // an answer the gateway composes is here.

  /** {@code invalid_type}: the body of {@code POST /v1/build/{operation}} is not a JSON object. */
  static Problem invalidType() {
    return new Problem(
        ProblemType.INVALID_TYPE,
        "the body must be a JSON object of builder parameters",
        "$",
        null,
        null,
        Map.of());
  }

  /** {@code invalid_value}: {@code field} (an identifier) is outside the gateway's bound. */
  static Problem invalidValue(String field) {
    return new Problem(
        ProblemType.INVALID_VALUE, field + Identifiers.RULE, "$." + field, null, null, Map.of());
  }

  /**
   * {@code too_large}: the body is over {@code maxBytes}; the connection closes after the answer.
   */
  static Problem tooLarge(int maxBytes) {
    return of(ProblemType.TOO_LARGE, "input exceeds " + maxBytes + " bytes")
        .withHeader("Connection", "close");
  }

  /** {@code too_large} as the server reports it before routing, where the limit is not known. */
  static Problem tooLarge() {
    return of(ProblemType.TOO_LARGE, "the request is too large");
  }

  /** Why an HTTP request is a {@code bad_request}. */
  enum BadRequest {
    /** The server's parser refused it before routing. */
    MALFORMED("the HTTP request is malformed"),
    /** Reading the body failed; the connection closes after the answer. */
    UNREADABLE_BODY("the request body could not be read");

    private final String detail;

    BadRequest(String detail) {
      this.detail = detail;
    }
  }

  /** {@code bad_request}. */
  static Problem badRequest(BadRequest why) {
    Problem problem = of(ProblemType.BAD_REQUEST, why.detail);
    return why == BadRequest.UNREADABLE_BODY ? problem.withHeader("Connection", "close") : problem;
  }

  /** What an {@code unauthorized} request lacked. */
  enum Credentials {
    /** No {@code Authorization: Bearer} key at all. */
    MISSING,
    /** A key the gateway does not know (or one revoked or expired). */
    INVALID
  }

  /** {@code unauthorized}, with the {@code WWW-Authenticate} challenge. */
  static Problem unauthorized(Credentials what) {
    return switch (what) {
      case MISSING ->
          of(ProblemType.UNAUTHORIZED, "an API key is required: send Authorization: Bearer <key>")
              .withHeader("WWW-Authenticate", Dispatcher.REALM);
      case INVALID ->
          of(ProblemType.UNAUTHORIZED, "the API key is not valid")
              .withHeader("WWW-Authenticate", Dispatcher.REALM + ", error=\"invalid_token\"");
    };
  }

  /** What a {@code forbidden} key may not do. */
  enum Scope {
    /** Act for the request's tenant. */
    TENANT("the API key may not act for this tenant", "$.tenant_id"),
    /** Call the request's operation. */
    OPERATION("the API key may not call this operation", "$.operation");

    private final String detail;
    private final String path;

    Scope(String detail, String path) {
      this.detail = detail;
      this.path = path;
    }
  }

  /** {@code forbidden}, at the member the key's scope does not cover. */
  static Problem forbidden(Scope scope) {
    return new Problem(ProblemType.FORBIDDEN, scope.detail, scope.path, null, null, Map.of());
  }

  /** What was {@code not_found}. */
  enum Missing {
    /** No route at the path. */
    RESOURCE("no resource at this path"),
    /** {@code /v1/build/{operation}} names no operation. */
    OPERATION("unknown operation; GET /v1/operations lists them"),
    /** {@code /v1/schemas/{name}} names no schema. */
    SCHEMA("unknown schema; GET /v1/schemas lists them"),
    /** No explorer file at the path. */
    EXPLORER_FILE("no explorer file at this path");

    private final String detail;

    Missing(String detail) {
      this.detail = detail;
    }
  }

  /** {@code not_found}. */
  static Problem notFound(Missing what) {
    return of(ProblemType.NOT_FOUND, what.detail);
  }

  /**
   * {@code method_not_allowed}: the path exists for the {@code allowed} methods only, which the
   * answer lists in {@code Allow}; empty when the server refused the method before routing.
   */
  static Problem methodNotAllowed(Collection<String> allowed) {
    if (allowed.isEmpty()) {
      return of(ProblemType.METHOD_NOT_ALLOWED, "this method is not allowed here");
    }
    String allow = String.join(", ", allowed);
    return of(ProblemType.METHOD_NOT_ALLOWED, "this resource allows " + allow)
        .withHeader("Allow", allow);
  }

  /**
   * {@code request_timeout}: the body did not arrive within {@code deadline}; the connection
   * closes.
   */
  static Problem requestTimeout(Duration deadline) {
    return of(
            ProblemType.REQUEST_TIMEOUT,
            "the request body did not arrive within " + Gateway.seconds(deadline))
        .withHeader("Connection", "close");
  }

  /** {@code uri_too_long}, as the server reports it before routing. */
  static Problem uriTooLong() {
    return of(ProblemType.URI_TOO_LONG, "the request line is longer than the server accepts");
  }

  /** {@code unsupported_media_type}: the body is not UTF-8 {@code application/json}. */
  static Problem unsupportedMediaType() {
    return of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json (UTF-8)");
  }

  /** Which limit a {@code rate_limited} client has exhausted. */
  enum Limit {
    /** The API key's request rate. */
    KEY("the API key's rate limit is exhausted; retry later"),
    /** The client address's request rate, without API keys. */
    ADDRESS("this address's rate limit is exhausted; retry later"),
    /** The client address's failed authentications. */
    FAILED_AUTHENTICATIONS("too many failed authentications from this address; retry later");

    private final String detail;

    Limit(String detail) {
      this.detail = detail;
    }
  }

  /** {@code rate_limited}, with {@code Retry-After: retryAfterSeconds}. */
  static Problem rateLimited(Limit limit, long retryAfterSeconds) {
    return of(ProblemType.RATE_LIMITED, limit.detail)
        .withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }

  /** {@code header_too_large}, as the server reports it before routing. */
  static Problem headerTooLarge() {
    return of(
        ProblemType.HEADER_TOO_LARGE, "the request headers are larger than the server accepts");
  }

  /** {@code internal_error}: the details go to the log, never into the answer. */
  static Problem internalError() {
    return of(ProblemType.INTERNAL_ERROR, "the gateway failed; its log has the details");
  }

  /** {@code bad_gateway}: the adapter threw instead of answering. */
  static Problem badGateway() {
    return of(ProblemType.BAD_GATEWAY, "the adapter failed to answer");
  }

  /**
   * {@code bad_gateway}: the adapter's answer failed the gateway's {@code check} and was withheld.
   */
  static Problem badGateway(String check) {
    return of(
        ProblemType.BAD_GATEWAY,
        "the adapter's answer was withheld because it failed the gateway's checks (" + check + ")");
  }

  /** {@code adapter_timeout}: no answer within {@code timeout}. */
  static Problem adapterTimeout(Duration timeout) {
    return of(
        ProblemType.ADAPTER_TIMEOUT,
        "the adapter did not answer within " + Gateway.seconds(timeout));
  }

  /** Which bound an {@code overloaded} request found full. */
  enum Bound {
    /** The gateway's concurrency bound. */
    GATEWAY("too many requests in flight; retry later"),
    /** The API key's share of it. */
    KEY("this API key has too many requests in flight; retry later"),
    /** The client address's share of it, without API keys. */
    ADDRESS("this address has too many requests in flight; retry later"),
    /** The adapter pool's queue. */
    ADAPTER_QUEUE("the adapter's queue is full; retry later"),
    /** Every slot, as readiness reports it. */
    EVERY_SLOT("every request slot is taken");

    private final String detail;

    Bound(String detail) {
      this.detail = detail;
    }
  }

  /** {@code overloaded}, with {@code Retry-After: 1}. */
  static Problem overloaded(Bound bound) {
    return of(ProblemType.OVERLOADED, bound.detail).withHeader("Retry-After", "1");
  }

  /** Who reports that the gateway is {@code shutting_down}. */
  enum Drain {
    /** A work endpoint: retry elsewhere; the connection closes. */
    WORK,
    /** Readiness: a load balancer should stop sending work. */
    READINESS,
    /** The server itself, before routing. */
    SERVER
  }

  /** {@code shutting_down}. */
  static Problem shuttingDown(Drain who) {
    return switch (who) {
      case WORK ->
          of(ProblemType.SHUTTING_DOWN, "the gateway is shutting down; retry on another instance")
              .withHeader("Retry-After", "5")
              .withHeader("Connection", "close");
      case READINESS ->
          of(ProblemType.SHUTTING_DOWN, "the gateway is draining").withHeader("Retry-After", "5");
      case SERVER -> of(ProblemType.SHUTTING_DOWN, "the gateway is not accepting requests");
    };
  }

  /** {@code http_version_not_supported}, as the server reports it before routing. */
  static Problem httpVersionNotSupported() {
    return of(ProblemType.HTTP_VERSION_NOT_SUPPORTED, "the gateway speaks HTTP/1.0 and HTTP/1.1");
  }

  private static Problem of(ProblemType type, String detail) {
    return new Problem(type, detail, "$", null, null, Map.of());
  }

  Problem withCorrelationId(String id) {
    return new Problem(type, detail, path, id, ruleId, headers);
  }

  Problem withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Problem(type, detail, path, correlationId, ruleId, copy);
  }

  int status() {
    return type.status();
  }

  /** The body in wire order: type, title, status, detail, code, path, correlation_id, rule_id. */
  Map<String, Object> toMap() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.type().toString());
    body.put("title", type.title());
    body.put("status", type.status());
    body.put("detail", detail);
    body.put("code", type.code());
    body.put("path", path);
    if (correlationId != null) {
      body.put("correlation_id", correlationId);
    }
    if (ruleId != null && isSecretFinding()) {
      body.put("rule_id", ruleId);
    }
    return body;
  }

  /**
   * The body as compact JSON, scanned by {@code guard} first: if any of its text looks like
   * credential material (a submitted key name echoed in a path, say), the path and detail are
   * replaced and nothing of the submitted text is sent. A {@code request_id} member follows the
   * others when {@code requestId} is not {@code null}.
   */
  byte[] toJsonBytes(Guard guard, String requestId) {
    Map<String, Object> body = toMap();
    List<Guard.Finding> findings = guard.scan(body, "$");
    if (!findings.isEmpty()) {
      body = new Problem(type, WITHHELD_DETAIL, "$", correlationId, ruleId, headers).toMap();
    }
    if (requestId != null) {
      body.put("request_id", requestId);
    }
    return ContractJson.toJson(body, false).getBytes(StandardCharsets.UTF_8);
  }

  private boolean isSecretFinding() {
    return type == ProblemType.SENSITIVE_FIELD || type == ProblemType.SENSITIVE_VALUE;
  }

  /** Whether {@code code} is a secret finding code. */
  static boolean isSecret(ErrorCode code) {
    return code == ErrorCode.SENSITIVE_FIELD || code == ErrorCode.SENSITIVE_VALUE;
  }
}
