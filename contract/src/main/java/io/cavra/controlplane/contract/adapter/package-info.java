/**
 * The adapter SPI: the interface a private control-plane implementation provides ({@link
 * io.cavra.controlplane.contract.adapter.ControlPlaneAdapter}), how hosts find it by name ({@link
 * io.cavra.controlplane.contract.adapter.ControlPlaneAdapterProvider}), and the built-in Community
 * adapter.
 */
package io.cavra.controlplane.contract.adapter;
