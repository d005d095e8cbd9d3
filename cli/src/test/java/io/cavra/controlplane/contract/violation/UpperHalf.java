package io.cavra.controlplane.contract.violation;

import io.cavra.controlplane.contract.violation.cycle.LowerHalf;

/**
 * Half of a package cycle inside the contract, as the root package, {@code internal} and {@code
 * secret} once formed: what {@code ArchitectureTest}'s cycle rule refuses.
 */
public final class UpperHalf {
  private UpperHalf() {}

  public static String name() {
    return "upper";
  }

  public static String down() {
    return LowerHalf.reach();
  }
}
