package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.secret.SecretFinding;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.util.ArrayList;
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

  /** Every finding in a Java JSON tree, paths rooted at {@code rootPath}. */
  List<Finding> scan(Object tree, String rootPath) {
    return convert(guard.scan(tree, rootPath));
  }

  /**
   * Every finding in a JSON document, streamed once, paths rooted at {@code $}.
   *
   * @throws io.cavra.controlplane.contract.ContractException if the document is not one well-formed
   *     JSON value or nests too deep
   */
  List<Finding> scanJson(byte[] utf8) {
    return convert(guard.scanJson(utf8));
  }

  private static List<Finding> convert(List<SecretFinding> findings) {
    if (findings.isEmpty()) {
      return List.of();
    }
    List<Finding> converted = new ArrayList<>(findings.size());
    for (SecretFinding finding : findings) {
      converted.add(new Finding(finding.code(), finding.ruleId(), finding.path()));
    }
    return converted;
  }
}
