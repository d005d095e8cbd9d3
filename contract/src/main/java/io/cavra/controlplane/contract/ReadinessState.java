package io.cavra.controlplane.contract;

/**
 * A readiness or health state used by the registry readiness, audit-store, dashboard and support
 * handoff summaries. Constants are declared in the reference's order; {@link #wireName()} is the
 * JSON form.
 */
public enum ReadinessState implements WireValue {
  READY("ready"),
  DEGRADED("degraded"),
  BLOCKED("blocked"),
  UNKNOWN("unknown");

  private final String wireName;

  ReadinessState(String wireName) {
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
