package io.cavra.controlplane.contract;

/** The three schema versions of the contract, one per document kind. */
public enum SchemaVersion implements WireValue {
  /** The contract description document ({@link ContractDescription}). */
  CONTRACT("cavra.saas_control_plane.contract.v1"),
  /** Request envelopes ({@link ControlPlaneRequest}). */
  REQUEST("cavra.saas_control_plane.request.v1"),
  /** Response envelopes ({@link ControlPlaneResponse}). */
  RESPONSE("cavra.saas_control_plane.response.v1");

  private final String wireName;

  SchemaVersion(String wireName) {
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
