package io.cavra.controlplane.cli;

/** A CLI class that the offending classes of {@link ArchitectureTest} reach for. */
public final class CliSide {
  private CliSide() {}

  public static String name() {
    return "cli";
  }
}
