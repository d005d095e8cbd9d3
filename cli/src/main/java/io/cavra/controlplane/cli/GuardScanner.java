package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.nio.file.Path;
import java.util.List;

/**
 * The only place the CLI calls the contract's secret guard, so that {@code scan} depends on one
 * small surface: "all findings in a JSON tree" and "the rules".
 */
final class GuardScanner {
  /** One finding: what kind, which rule, where. Never the value. */
  record Finding(ErrorCode code, String ruleId, String path) {}

  /** A rule as listed in SARIF output. */
  record Rule(String id, String description) {}

  private final SecretGuard guard;

  GuardScanner(SecretGuard guard) {
    this.guard = guard;
  }

  static GuardScanner defaults() {
    return new GuardScanner(SecretGuard.defaults());
  }

  /** The default guard plus an organisation's rules file. */
  static GuardScanner withRulesFile(Path rules) {
    return new GuardScanner(SecretGuard.defaults().toBuilder().addRulesFile(rules).build());
  }

  /** All findings in a parsed JSON tree, with JSON paths rooted at {@code $}. */
  List<Finding> scan(Object tree) {
    return guard.scan(tree, "$").stream().map(f -> new Finding(f.code(), f.ruleId(), f.path())).toList();
  }

  /** The guard's rules, in its order. */
  List<Rule> rules() {
    return guard.rules().stream().map(r -> new Rule(r.id(), r.description())).toList();
  }
}
