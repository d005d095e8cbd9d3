package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ErrorCode;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The closed table of problems the gateway answers with: every contract {@link ErrorCode} plus the
 * gateway's own HTTP-level codes, each with one HTTP status and one title. A problem body is an RFC
 * 9457 {@code application/problem+json} document whose {@code type} is {@link #type()} and whose
 * {@code code} is {@link #code()}. The README's problem table lists the same rows (a test keeps
 * them equal). Codes are never renamed or reused.
 */
public enum ProblemType {
  /** The body is not well-formed UTF-8 JSON. */
  INVALID_JSON(ErrorCode.INVALID_JSON, 400, "Body is not valid JSON"),
  /** An object in the body repeats a key. */
  DUPLICATE_KEY(ErrorCode.DUPLICATE_KEY, 400, "Duplicate key"),
  /** The body nests deeper than the configured limit. */
  TOO_DEEP(ErrorCode.TOO_DEEP, 400, "Body nests too deep"),
  /**
   * The body is larger than the configured limit; sent before the body is read when its length is
   * declared.
   */
  TOO_LARGE(ErrorCode.TOO_LARGE, 413, "Body too large"),
  /** The envelope's {@code schema_version} is not one the contract reads. */
  UNSUPPORTED_SCHEMA_VERSION(
      ErrorCode.UNSUPPORTED_SCHEMA_VERSION, 400, "Unsupported schema version"),
  /** The envelope names an operation the contract does not define. */
  UNKNOWN_OPERATION(ErrorCode.UNKNOWN_OPERATION, 400, "Unknown operation"),
  /** A key or builder parameter the contract does not define. */
  UNKNOWN_FIELD(ErrorCode.UNKNOWN_FIELD, 400, "Unknown field"),
  /** A required key or builder parameter is missing. */
  MISSING_FIELD(ErrorCode.MISSING_FIELD, 400, "Missing field"),
  /** A value has the wrong JSON type. */
  INVALID_TYPE(ErrorCode.INVALID_TYPE, 400, "Invalid type"),
  /** A value is not one the contract allows. */
  INVALID_VALUE(ErrorCode.INVALID_VALUE, 400, "Invalid value"),
  /** A string that must carry text is blank. */
  EMPTY_VALUE(ErrorCode.EMPTY_VALUE, 400, "Empty value"),
  /** A list that must have elements is empty. */
  EMPTY_LIST(ErrorCode.EMPTY_LIST, 400, "Empty list"),
  /** A key names credential material. */
  SENSITIVE_FIELD(ErrorCode.SENSITIVE_FIELD, 400, "Sensitive field refused"),
  /** A value looks like a credential. */
  SENSITIVE_VALUE(ErrorCode.SENSITIVE_VALUE, 400, "Sensitive value refused"),
  /** A response or summary belongs to another operation (reported by {@code /v1/validate}). */
  OPERATION_MISMATCH(ErrorCode.OPERATION_MISMATCH, 400, "Operation mismatch"),
  /** A response carries another correlation id (reported by {@code /v1/validate}). */
  CORRELATION_MISMATCH(ErrorCode.CORRELATION_MISMATCH, 400, "Correlation id mismatch"),
  /** A response names another tenant (reported by {@code /v1/validate}). */
  TENANT_MISMATCH(ErrorCode.TENANT_MISMATCH, 400, "Tenant mismatch"),

  /** The HTTP request itself is malformed (reported by the server before routing). */
  BAD_REQUEST(null, 400, "Bad request"),
  /** No API key, or one the gateway does not know. Sent with {@code WWW-Authenticate: Bearer}. */
  UNAUTHORIZED(null, 401, "Unauthorized"),
  /** The API key may not act for this tenant or call this operation. */
  FORBIDDEN(null, 403, "Forbidden"),
  /** No resource at this path. */
  NOT_FOUND(null, 404, "Not found"),
  /** The path exists but not for this method. Sent with {@code Allow}. */
  METHOD_NOT_ALLOWED(null, 405, "Method not allowed"),
  /**
   * The body did not arrive whole within the body deadline. Sent with {@code Connection: close}.
   */
  REQUEST_TIMEOUT(null, 408, "Request timeout"),
  /** The request line is longer than the server accepts. */
  URI_TOO_LONG(null, 414, "URI too long"),
  /** The body is not {@code application/json}. */
  UNSUPPORTED_MEDIA_TYPE(null, 415, "Unsupported media type"),
  /** The API key's rate limit is exhausted. Sent with {@code Retry-After}. */
  RATE_LIMITED(null, 429, "Rate limit exceeded"),
  /** The request headers are larger than the configured limit. */
  HEADER_TOO_LARGE(null, 431, "Request headers too large"),
  /** An unexpected failure inside the gateway; details are in its log, never in the answer. */
  INTERNAL_ERROR(null, 500, "Internal error"),
  /** The adapter threw, or its response failed the gateway's checks and was withheld. */
  BAD_GATEWAY(null, 502, "Bad gateway"),
  /** The adapter did not answer within the configured timeout. */
  ADAPTER_TIMEOUT(null, 502, "Adapter timeout"),
  /** Too many requests in flight. Sent with {@code Retry-After}. */
  OVERLOADED(null, 503, "Overloaded"),
  /** The gateway is draining before it stops. Sent with {@code Retry-After}. */
  SHUTTING_DOWN(null, 503, "Shutting down"),
  /** The request line names an HTTP version other than 1.0 or 1.1 (HTTP/0.9, HTTP/1.2 …). */
  HTTP_VERSION_NOT_SUPPORTED(null, 505, "HTTP version not supported");

  /** The common prefix of every problem {@link #type()}. */
  public static final String TYPE_PREFIX = "https://schemas.cavra.io/control-plane/problems/";

  private final ErrorCode errorCode;
  private final int status;
  private final String title;
  private final String code = name().toLowerCase(Locale.ROOT);

  ProblemType(ErrorCode errorCode, int status, String title) {
    this.errorCode = errorCode;
    this.status = status;
    this.title = title;
  }

  /**
   * The stable lower-case code, e.g. {@code rate_limited}; equal to the contract's wire name for
   * contract errors.
   */
  public String code() {
    return code;
  }

  /** The HTTP status sent with this problem. */
  public int status() {
    return status;
  }

  /** The short human-readable summary, the same for every occurrence. */
  public String title() {
    return title;
  }

  /** The problem's {@code type} URI: {@value #TYPE_PREFIX} followed by {@link #code()}. */
  public URI type() {
    return URI.create(TYPE_PREFIX + code);
  }

  /** The contract error code this problem reports, for contract problems. */
  public Optional<ErrorCode> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The problem that reports the contract error {@code code}. */
  public static ProblemType of(ErrorCode code) {
    Objects.requireNonNull(code, "code");
    return valueOf(code.name());
  }

  /** The problem whose {@link #code()} is {@code code}, if any. */
  public static Optional<ProblemType> fromCode(String code) {
    for (ProblemType type : values()) {
      if (type.code.equals(code)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
