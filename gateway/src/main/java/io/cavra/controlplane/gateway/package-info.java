/**
 * The reference gateway: an HTTP service that serves the control-plane contract in front of a
 * {@link io.cavra.controlplane.contract.adapter.ControlPlaneAdapter}, enforcing the contract on
 * both sides. Start one with {@link io.cavra.controlplane.gateway.Gateway#start} and a {@link
 * io.cavra.controlplane.gateway.GatewayConfig}; manage API keys with {@link
 * io.cavra.controlplane.gateway.ApiKeys}; the problem answers are listed in {@link
 * io.cavra.controlplane.gateway.ProblemType}.
 *
 * <p>Every type here is immutable and thread-safe unless its documentation says otherwise, and no
 * value in this package is ever {@code null} unless its documentation says so.
 */
package io.cavra.controlplane.gateway;
