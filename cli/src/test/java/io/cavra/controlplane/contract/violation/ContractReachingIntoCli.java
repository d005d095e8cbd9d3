package io.cavra.controlplane.contract.violation;

import io.cavra.controlplane.cli.CliSide;

/**
 * A class in a contract package that uses the CLI: what {@code ArchitectureTest}'s rules refuse.
 */
public final class ContractReachingIntoCli {
  private ContractReachingIntoCli() {}

  public static String reach() {
    return CliSide.name();
  }
}
