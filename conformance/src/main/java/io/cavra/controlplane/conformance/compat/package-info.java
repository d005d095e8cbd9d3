/**
 * The schema compatibility gate: {@link io.cavra.controlplane.conformance.compat.SchemaCompat}
 * compares a baseline and a current set of JSON Schemas and classifies each difference with a
 * {@link io.cavra.controlplane.conformance.compat.CompatRule} as breaking or not, from the point of
 * view of the contract's consumers; {@link io.cavra.controlplane.conformance.compat.CompatReport}
 * renders the result as text or JSON with an exit code.
 */
package io.cavra.controlplane.conformance.compat;
