/**
 * The reference gateway of the CAVRA SaaS Control Plane Contract: an HTTP service (Jetty 12 core,
 * no servlet container) in front of a control-plane adapter. Exports its API package only.
 */
@SuppressWarnings("requires-automatic")
module io.cavra.controlplane.gateway {
  requires transitive io.cavra.controlplane.contract;
  requires java.logging;
  requires jdk.unsupported;
  requires org.eclipse.jetty.server;
  requires io.prometheus.metrics.core;
  requires io.prometheus.metrics.model;
  requires io.prometheus.writer.text;

  exports io.cavra.controlplane.gateway;
}
