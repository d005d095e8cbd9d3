package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** What the kit runs against: an adapter in this JVM, or a gateway over HTTP. */
interface Target {
  /** {@code in-process} or {@code http}. */
  String kind();

  /** The adapter's class name, or the base URL. */
  String name();

  /** The declared capabilities, when known. */
  Optional<Set<Operation>> capabilities();

  /** Whether error answers are HTTP problem documents (and {@code problem-details} applies). */
  boolean writesErrorBodies();

  /** Sends a request the contract accepts; {@code body} is its wire form. */
  Exchange answer(ControlPlaneRequest request, byte[] body, Duration timeout);

  /** Sends a request the contract refuses. */
  Exchange refuse(byte[] body, Duration timeout);
}
