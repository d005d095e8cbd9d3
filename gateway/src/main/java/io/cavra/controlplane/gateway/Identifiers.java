package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ControlPlaneRequest;

/**
 * The gateway's bound on a request's identifiers, stricter than the contract's (which, like the
 * reference, takes any non-blank text): {@code tenant_id} and {@code requested_by} are 1–128
 * characters of letters, digits, {@code .}, {@code _}, {@code :}, {@code @} or {@code -}, starting
 * with a letter or digit, as correlation ids already are (plus {@code @}, for people). They travel
 * into audit lines, logs, metrics and the adapter's own systems, so what they may hold is bounded.
 */
final class Identifiers {
  static final int MAX_LENGTH = 128;
  static final String RULE =
      " must be 1 to 128 characters of letters, digits, '.', '_', ':', '@' or '-',"
          + " starting with a letter or digit";

  private Identifiers() {}

  /** Whether {@code id} is within the bound; {@code null} is not. */
  static boolean bounded(String id) {
    return token(id, "._:@-");
  }

  /**
   * Whether {@code id} is 1–128 characters, letters and digits or one of {@code punctuation},
   * starting with a letter or digit; {@code null} is not. (Request ids take {@code ._:-}.)
   */
  static boolean token(String id, String punctuation) {
    if (id == null) {
      return false;
    }
    int n = id.length();
    if (n == 0 || n > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && (i == 0 || punctuation.indexOf(c) < 0)) {
        return false;
      }
    }
    return true;
  }

  /** The problem for the first identifier of {@code request} outside the bound, or {@code null}. */
  static Problem check(ControlPlaneRequest request) {
    if (!bounded(request.tenantId())) {
      return Problem.invalidValue("tenant_id");
    }
    if (!bounded(request.requestedBy())) {
      return Problem.invalidValue("requested_by");
    }
    return null;
  }
}
