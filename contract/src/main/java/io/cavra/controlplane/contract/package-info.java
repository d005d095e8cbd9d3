/**
 * The CAVRA SaaS Control Plane Contract: request and response envelopes for the operations a
 * private hosted control plane performs, their builders, the canonical JSON codec ({@link
 * io.cavra.controlplane.contract.ContractJson}) and the one exception family ({@link
 * io.cavra.controlplane.contract.ContractException}).
 *
 * <p>Every type here is immutable unless it is a builder, and no value in this package is ever
 * {@code null} unless its documentation says so.
 */
package io.cavra.controlplane.contract;
