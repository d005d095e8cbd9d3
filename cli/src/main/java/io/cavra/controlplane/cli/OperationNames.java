package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.Operation;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The operations' wire names, in declaration order: help text and shell completion for options that
 * name one.
 */
final class OperationNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(Operation.values()).map(Operation::wireName).iterator();
  }
}
