package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One RFC 9457 problem answer: its type, a detail that never repeats a submitted value, the JSON
 * path, and the correlation id and extra headers when known.
 */
record Problem(
    ProblemType type, String detail, String path, String correlationId, String ruleId, Map<String, String> headers) {

  static final String MEDIA_TYPE = "application/problem+json";
  static final String WITHHELD_DETAIL =
      "the problem's details were withheld because they looked like credential material";

  Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(path, "path");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  static Problem of(ProblemType type, String detail) {
    return new Problem(type, detail, "$", null, null, Map.of());
  }

  /** The problem for a contract error; its detail is the exception's message, which never holds a value. */
  static Problem of(ContractException e) {
    return new Problem(
        ProblemType.of(e.code()), e.getMessage(), e.path(), null, e.ruleId().orElse(null), Map.of());
  }

  /** The problem for a secret finding of the gateway's own guard. */
  static Problem of(Guard.Finding finding) {
    return new Problem(ProblemType.of(finding.code()), finding.message(), finding.path(), null, finding.ruleId(), Map.of());
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
   * replaced and nothing of the submitted text is sent.
   */
  byte[] toJsonBytes(Guard guard) {
    return toJsonBytes(guard, null);
  }

  /** {@link #toJsonBytes(Guard)} with a {@code request_id} member after the others, when not {@code null}. */
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
