package io.cavra.controlplane.contract;

/**
 * The status of a control-plane response. Every public builder answers {@link
 * #REQUIRES_PRIVATE_SERVICE}; the other two are for private services. Constants are declared in the
 * reference's order; {@link #wireName()} is the JSON form.
 */
public enum ResponseStatus implements WireValue {
  ACCEPTED("accepted"),
  UNAVAILABLE("unavailable"),
  REQUIRES_PRIVATE_SERVICE("requires_private_service");

  private final String wireName;

  ResponseStatus(String wireName) {
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
