package io.cavra.controlplane.contract;

/**
 * How a SaaS operating automation worker runs.
 *
 * <p><b>Provisional:</b> taken from the reference's documentation; its source was not published.
 * Constants are declared in the reference's order; {@link #wireName()} is the JSON form.
 */
public enum WorkerMode implements WireValue {
  DRY_RUN("dry_run"),
  SHADOW("shadow"),
  LIVE("live"),
  UNKNOWN("unknown");

  private final String wireName;

  WorkerMode(String wireName) {
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
