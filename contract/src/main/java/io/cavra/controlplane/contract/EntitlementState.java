package io.cavra.controlplane.contract;

/**
 * The entitlement state of an entitlement status summary. Constants are declared in the reference's
 * order; {@link #wireName()} is the JSON form.
 */
public enum EntitlementState implements WireValue {
  ACTIVE("active"),
  TRIAL("trial"),
  SUSPENDED("suspended"),
  EXPIRED("expired"),
  MISSING("missing"),
  UNKNOWN("unknown");

  private final String wireName;

  EntitlementState(String wireName) {
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
