package io.cavra.controlplane.contract;

import java.util.Map;

/** A contract envelope: a {@link ControlPlaneRequest} or a {@link ControlPlaneResponse}. */
public sealed interface Envelope permits ControlPlaneRequest, ControlPlaneResponse {
  /** The envelope's schema version. */
  SchemaVersion schemaVersion();

  /** The operation. */
  Operation operation();

  /** The correlation id shared by a request and its response. */
  String correlationId();

  /** The serialized form in wire order. */
  Map<String, Object> toMap();
}
