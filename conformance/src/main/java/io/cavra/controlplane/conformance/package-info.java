/**
 * The conformance kit: language-neutral vectors ({@link
 * io.cavra.controlplane.conformance.ConformanceVectors}), the invariants every answer must meet
 * ({@link io.cavra.controlplane.conformance.Invariant}), two ways to run them — in process through
 * the abstract JUnit 5 {@link io.cavra.controlplane.conformance.ConformanceSuite}, or against any
 * gateway over HTTP with {@link io.cavra.controlplane.conformance.ConformanceRunner#http} — and the
 * {@link io.cavra.controlplane.conformance.ConformanceReport} with its summary, JUnit XML and
 * certification record.
 *
 * <p>Every type here is immutable and thread-safe unless its documentation says otherwise, and no
 * value is {@code null} unless documented.
 */
package io.cavra.controlplane.conformance;
