package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.util.List;
import java.util.Objects;

/** The gateway's view of a {@link SecretGuard}: every finding in a tree or a JSON document. */
final class Guard {
  /** One finding: code, rule and path, never the value. */
  record Finding(ErrorCode code, String ruleId, String path) {
    String message() {
      String what = code == ErrorCode.SENSITIVE_FIELD ? "field" : "value";
      return "sensitive " + what + " is not allowed in public SaaS contract payload: " + path;
    }
  }

  private final SecretGuard guard;

  Guard(SecretGuard guard) {
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  SecretGuard secretGuard() {
    return guard;
  }

  /** Every finding in a Java JSON tree, paths rooted at {@code rootPath}. */
  List<Finding> scan(Object tree, String rootPath) {
    try {
      guard.check(tree, rootPath);
      return List.of();
    } catch (ContractException e) {
      if (e.code() == ErrorCode.SENSITIVE_FIELD || e.code() == ErrorCode.SENSITIVE_VALUE) {
        return List.of(new Finding(e.code(), e.ruleId().orElse("unknown"), e.location()));
      }
      throw e;
    }
  }

  /**
   * Every finding in a JSON document, paths rooted at {@code $}.
   *
   * @throws ContractException if the document is not well-formed JSON
   */
  List<Finding> scanJson(byte[] utf8) {
    return scan(ContractJson.defaults().withMaxBytes(Integer.MAX_VALUE).withMaxDepth(1024).parseTree(utf8), "$");
  }
}
