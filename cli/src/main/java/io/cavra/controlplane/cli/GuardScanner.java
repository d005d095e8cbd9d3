package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.util.List;

/**
 * The only place the CLI calls the contract's secret guard, so that {@code scan} depends on one
 * small surface: "all findings in a JSON tree" and "the rules".
 *
 * <p>STAND-IN: the guard in this build only has {@code check(Object, String)}, which throws on the
 * first finding, so {@link #scan} reports at most one finding per document and {@link #rules}
 * lists the stand-in's two rule ids. When the real guard lands, replace the two method bodies as
 * noted in each and delete the stand-in rule list.
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

  /** All findings in a parsed JSON tree, with JSON paths rooted at {@code $}. */
  List<Finding> scan(Object tree) {
    // Real guard: return guard.scan(tree, "$").stream()
    //     .map(f -> new Finding(f.code(), f.ruleId(), f.path())).toList();
    try {
      guard.check(tree, "$");
      return List.of();
    } catch (ContractException e) {
      if (e.code() != ErrorCode.SENSITIVE_FIELD && e.code() != ErrorCode.SENSITIVE_VALUE) {
        throw e;
      }
      return List.of(new Finding(e.code(), e.ruleId().orElse(e.code().wireName()), e.location()));
    }
  }

  /** The guard's rules, in its order. */
  List<Rule> rules() {
    // Real guard: return guard.rules().stream().map(r -> new Rule(r.id(), r.description())).toList();
    return List.of(
        new Rule("key-stub", "A key names credential material (password, token, private key ...)."),
        new Rule("value-stub", "A value looks like a credential (a known token format or a private key)."));
  }
}
