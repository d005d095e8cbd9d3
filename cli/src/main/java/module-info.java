/**
 * The {@code cavra-cp} command line tool. It exports nothing: its interface is the command line.
 * Picocli reads and writes the command classes reflectively, so the package is opened to it.
 */
module io.cavra.controlplane.cli {
  requires io.cavra.controlplane.contract;
  requires io.cavra.controlplane.conformance;
  requires io.cavra.controlplane.gateway;
  requires info.picocli;
  requires com.fasterxml.jackson.core;
  requires org.snakeyaml.engine.v2;

  opens io.cavra.controlplane.cli to
      info.picocli;
}
