package io.cavra.controlplane.contract.violation.cycle;

import io.cavra.controlplane.contract.violation.UpperHalf;

/** Half of a package cycle inside the contract: it uses the package that uses it. */
public final class LowerHalf {
  private LowerHalf() {}

  public static String reach() {
    return UpperHalf.name();
  }
}
