package io.cavra.controlplane.contract;

/** A value with a fixed string form on the wire, such as an enum constant of the contract. */
public interface WireValue {
  /** The exact string used in JSON. */
  String wireName();
}
