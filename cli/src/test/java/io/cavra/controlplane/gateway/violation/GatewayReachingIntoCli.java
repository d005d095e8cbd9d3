package io.cavra.controlplane.gateway.violation;

import io.cavra.controlplane.cli.CliSide;

/** A class in a gateway package that uses the CLI: what {@code ArchitectureTest}'s rules refuse. */
public final class GatewayReachingIntoCli {
  private GatewayReachingIntoCli() {}

  public static String reach() {
    return CliSide.name();
  }
}
