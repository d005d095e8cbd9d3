package io.cavra.controlplane.contract;

/**
 * The status of a SaaS operating automation worker handoff.
 *
 * <p><b>Provisional:</b> taken from the reference's documentation; its source was not published.
 * Constants are declared in the reference's order; {@link #wireName()} is the JSON form.
 */
public enum HandoffStatus implements WireValue {
  PLANNED("planned"),
  READY("ready"),
  BLOCKED("blocked"),
  REQUIRES_PRIVATE_SERVICE("requires_private_service"),
  UNKNOWN("unknown");

  private final String wireName;

  HandoffStatus(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
