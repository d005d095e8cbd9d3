/**
 * The CAVRA control plane conformance kit and schema compatibility gate. Depends on the contract,
 * JUnit 5's API (the suite is a test class adapters extend), and the networknt JSON Schema
 * validator.
 */
module io.cavra.controlplane.conformance {
  requires transitive io.cavra.controlplane.contract;
  requires transitive org.junit.jupiter.api;
  requires com.fasterxml.jackson.databind;
  requires com.networknt.schema;
  requires java.net.http;

  exports io.cavra.controlplane.conformance;
  exports io.cavra.controlplane.conformance.compat;

  // JUnit instantiates subclasses of ConformanceSuite and calls its test factory reflectively.
  opens io.cavra.controlplane.conformance to
      org.junit.platform.commons;
}
