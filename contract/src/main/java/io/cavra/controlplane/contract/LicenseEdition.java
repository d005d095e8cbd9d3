package io.cavra.controlplane.contract;

/**
 * The edition named by a license. Constants are declared in the reference's order; {@link
 * #wireName()} is the JSON form.
 */
public enum LicenseEdition implements WireValue {
  COMMUNITY("community"),
  TRIAL("trial"),
  BUSINESS("business"),
  ENTERPRISE("enterprise"),
  SAAS("saas");

  private final String wireName;

  LicenseEdition(String wireName) {
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
