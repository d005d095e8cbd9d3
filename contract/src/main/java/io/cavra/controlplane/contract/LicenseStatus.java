package io.cavra.controlplane.contract;

/**
 * The status of a local license validation report. Constants are declared in the reference's order;
 * {@link #wireName()} is the JSON form.
 */
public enum LicenseStatus implements WireValue {
  VALID("valid"),
  EXPIRED("expired"),
  INVALID("invalid"),
  MISSING("missing"),
  UNSUPPORTED("unsupported"),
  REVOKED("revoked"),
  SUSPENDED("suspended");

  private final String wireName;

  LicenseStatus(String wireName) {
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
