package io.cavra.controlplane.contract;

import io.cavra.controlplane.contract.secret.SecretGuard;

/** Lets the guard's tests read a document with the contract's reader, screened by any guard. */
public final class ScreenedReads {
  private final JsonTreeReader reader;

  public ScreenedReads(int maxBytes, int maxDepth) {
    this.reader = new JsonTreeReader(maxBytes, maxDepth);
  }

  /** Whether {@code guard}'s screen clears {@code utf8} while the reader reads it. */
  public boolean clear(byte[] utf8, SecretGuard guard) {
    return reader.readScreened(utf8, guard).clear();
  }
}
