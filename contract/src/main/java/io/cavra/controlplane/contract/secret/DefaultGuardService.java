package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.internal.Screening;

/**
 * Hands {@link SecretGuard#defaults()} to the contract's own records and reader, which find it with
 * {@link java.util.ServiceLoader}. Not for applications: use {@link SecretGuard} itself.
 */
public final class DefaultGuardService implements Screening {
  private final SecretGuard guard = SecretGuard.defaults();

  /** Called by {@link java.util.ServiceLoader}. */
  public DefaultGuardService() {}

  @Override
  public void check(Object value, String rootPath) {
    guard.check(value, rootPath);
  }

  @Override
  public DocumentScreen screen(byte[] utf8) {
    return guard.screen(utf8);
  }

  @Override
  public DocumentScreen screen(String json) {
    return guard.screen(json);
  }
}
