package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.secret.SecretFinding;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.util.List;

/**
 * The contract's secret guard over what a target sent back; findings name rule and path, never the
 * value.
 */
final class SecretScan {
  private SecretScan() {}

  /** Every finding in a JSON body, as {@code <code> (<rule>) at <path>}; empty when clean. */
  static List<String> json(byte[] body) {
    return describe(SecretGuard.defaults().scanJson(body));
  }

  /** Every finding in one piece of text, such as an error message, located at {@code location}. */
  static List<String> text(String text, String location) {
    return describe(SecretGuard.defaults().scan(text, location));
  }

  private static List<String> describe(List<SecretFinding> findings) {
    return findings.stream()
        .map(f -> f.code().wireName() + " (" + f.ruleId() + ") at " + f.path())
        .toList();
  }
}
