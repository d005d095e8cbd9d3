package io.cavra.controlplane.contract.adapter;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a request, as established by the host (for the gateway: the API key's id, never the
 * key).
 *
 * @param keyId the id of the credential used, or {@code null} when the host runs without
 *     authentication (loopback development mode)
 * @param principal a display name for logs, never secret; {@code anonymous} without authentication
 */
public record Caller(String keyId, String principal) {

  /** The caller when authentication is off. */
  public static final Caller ANONYMOUS = new Caller(null, "anonymous");

  public Caller {
    Objects.requireNonNull(principal, "principal");
  }

  /** The credential id, when the caller authenticated. */
  public Optional<String> authenticatedKeyId() {
    return Optional.ofNullable(keyId);
  }
}
