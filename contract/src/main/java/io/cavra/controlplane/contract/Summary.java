package io.cavra.controlplane.contract;

import java.util.Map;
import java.util.Objects;

/**
 * The typed summary a private service returns for an operation that has one (see {@link
 * Operation#hasSummary()}). Implementations are immutable records that validate themselves.
 *
 * <p>The implementations are this package's summary records, one per operation with a summary, each
 * named by its operation's declaration. The interface is not sealed, so that adding an operation
 * does not mean editing a {@code permits} list here as well; a response refuses any other
 * implementation (see {@link ResponsePayload.SummaryReport}), so no other class reaches the wire.
 */
public interface Summary {

  /** Starts a builder that takes wire-form values and applies the reference's defaults. */
  static SummaryBuilder builder(Operation operation) {
    return new SummaryBuilder(Objects.requireNonNull(operation, "operation"));
  }

  /** The operation this summary answers: the one whose declaration names this record. */
  default Operation operation() {
    return this instanceof Record record ? DeclaredRecords.operation(record) : null;
  }

  /** The tenant the summary is about; it must be the request's tenant. */
  String tenantId();

  /**
   * Whether a private service must still validate the summary. Builders default it to {@code true}.
   */
  boolean privateValidationRequired();

  /**
   * Keys this version does not know, in order; empty unless read from a newer or private producer.
   */
  Map<String, Object> extensions();

  /**
   * The serialized form, keys in wire order, ending with the boundary text and any extensions.
   * Written from the operation's declaration, with states by their wire names.
   */
  default Map<String, Object> toMap() {
    return DeclaredRecords.write(this);
  }
}
