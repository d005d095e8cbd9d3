package io.cavra.controlplane.conformance;

import java.util.Objects;

/**
 * One broken invariant in one case: which, and what the kit saw. Messages name locations and
 * expected values, never a value the target sent back that could hold secret material.
 *
 * @param invariant the invariant that does not hold
 * @param message what was wrong, e.g. {@code payload.summary.tenant_id names another tenant}
 */
public record Violation(Invariant invariant, String message) {
  public Violation {
    Objects.requireNonNull(invariant, "invariant");
    Objects.requireNonNull(message, "message");
  }

  /** {@code [<invariant id>] <message>}. */
  @Override
  public String toString() {
    return "[" + invariant.id() + "] " + message;
  }
}
