package io.cavra.controlplane.contract;

/**
 * The state of an operating automation check; note that there is no {@code degraded} here.
 * Constants are declared in the reference's order; {@link #wireName()} is the JSON form.
 */
public enum AutomationState implements WireValue {
  READY("ready"),
  SCHEDULED("scheduled"),
  ENABLED("enabled"),
  AUTOMATED("automated"),
  BLOCKED("blocked"),
  UNKNOWN("unknown");

  private final String wireName;

  AutomationState(String wireName) {
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
