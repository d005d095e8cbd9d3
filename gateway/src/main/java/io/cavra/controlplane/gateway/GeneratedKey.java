package io.cavra.controlplane.gateway;

import java.util.Arrays;
import java.util.Objects;

/**
 * A freshly generated API key, returned once by {@link ApiKeys#add}: the only place the key exists
 * outside its holder, since the key file keeps its hash. Not a record, so that it cannot print the
 * key: {@link #toString()} shows the key id only. Thread-safe.
 */
public final class GeneratedKey {
  private final String keyId;
  private final char[] key;
  private boolean destroyed;

  GeneratedKey(String keyId, char[] key) {
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.key = Objects.requireNonNull(key, "key");
  }

  /** The key's id, as stored in the key file. */
  public String keyId() {
    return keyId;
  }

  /**
   * The key itself, to show the user once (for example {@code cavra-cp keys add} prints it) and
   * then {@link #destroy()}.
   *
   * @throws IllegalStateException after {@link #destroy()}
   */
  public synchronized String reveal() {
    if (destroyed) {
      throw new IllegalStateException("the key was destroyed");
    }
    return new String(key);
  }

  /** Overwrites the key in memory; {@link #reveal()} fails afterwards. */
  public synchronized void destroy() {
    Arrays.fill(key, '\0');
    destroyed = true;
  }

  /** The key id and a redaction marker, never the key. */
  @Override
  public String toString() {
    return "GeneratedKey[keyId=" + keyId + ", key=[REDACTED]]";
  }
}
