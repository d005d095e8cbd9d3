package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.ErrorCode;
import java.util.Objects;

/**
 * One place where a {@link SecretGuard} found credential material: which rule fired and where. It
 * never holds the matched value, so it is safe to log and to put in error bodies.
 *
 * @param code {@link ErrorCode#SENSITIVE_FIELD} for a key rule, {@link ErrorCode#SENSITIVE_VALUE}
 *     for a value rule
 * @param ruleId the id of the rule that fired, e.g. {@code key-token} or {@code github-pat-classic}
 * @param path where, e.g. {@code payload.contacts.api_token}, {@code payload.blockers[0]} or {@code
 *     $.a[0]}; a key that itself matches a value rule appears as {@code <redacted>}
 */
public record SecretFinding(ErrorCode code, String ruleId, String path) {
  /** Checks that all components are present and that {@code code} is a secret finding code. */
  public SecretFinding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(path, "path");
    if (code != ErrorCode.SENSITIVE_FIELD && code != ErrorCode.SENSITIVE_VALUE) {
      throw new IllegalArgumentException("not a secret finding code: " + code);
    }
  }
}
