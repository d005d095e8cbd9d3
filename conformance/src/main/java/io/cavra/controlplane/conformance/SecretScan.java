package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.util.List;

/** The contract's secret guard over what a target sent back; findings name rule and path only. */
final class SecretScan {
  private SecretScan() {}

  /** Findings in a parsed JSON tree, as {@code <rule> at <path>}; empty when clean. */
  static List<String> tree(Object tree) {
    try {
      SecretGuard.defaults().check(tree, "$");
      return List.of();
    } catch (ContractException e) {
      return List.of(e.code().wireName() + " (" + e.ruleId().orElse("unknown rule") + ") at " + e.location());
    }
  }

  /** Findings in one piece of text, such as an error message. */
  static List<String> text(String text, String location) {
    try {
      SecretGuard.defaults().check(text, location);
      return List.of();
    } catch (ContractException e) {
      return List.of(e.code().wireName() + " (" + e.ruleId().orElse("unknown rule") + ") at " + e.location());
    }
  }
}
