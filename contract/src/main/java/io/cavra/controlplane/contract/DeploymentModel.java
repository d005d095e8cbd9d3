package io.cavra.controlplane.contract;

/**
 * Where an onboarded tenant runs. Constants are declared in the reference's order; {@link
 * #wireName()} is the JSON form.
 */
public enum DeploymentModel implements WireValue {
  HOSTED_SAAS("hosted_saas"),
  SELF_HOSTED_ENTERPRISE("self_hosted_enterprise"),
  HYBRID("hybrid");

  private final String wireName;

  DeploymentModel(String wireName) {
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
