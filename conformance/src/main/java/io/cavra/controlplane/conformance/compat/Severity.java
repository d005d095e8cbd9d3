package io.cavra.controlplane.conformance.compat;

/** How a schema change affects consumers of the published contract. */
public enum Severity {
  /** A consumer written against the baseline can fail against the current schemas. */
  BREAKING,
  /** Consumers written against the baseline keep working. */
  NON_BREAKING
}
