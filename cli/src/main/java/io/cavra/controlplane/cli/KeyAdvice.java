package io.cavra.controlplane.cli;

import io.cavra.controlplane.conformance.CaseResult;
import io.cavra.controlplane.conformance.ConformanceCase;
import io.cavra.controlplane.conformance.ConformanceReport;
import io.cavra.controlplane.conformance.ConformanceVectors;
import io.cavra.controlplane.contract.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code verify} tells its user when the gateway refused the kit's requests for want of a key
 * (401) or because the key may not make them (403): which key the kit needs, and how to make one
 * for the reference gateway. Names tenants and operations only, never a key.
 */
final class KeyAdvice {
  private KeyAdvice() {}

  /** The lines to print after the summary; empty when no case was answered 401 or 403. */
  static List<String> explain(ConformanceReport report, boolean keySent) {
    long unauthorized = count(report, 401);
    long forbidden = count(report, 403);
    if (unauthorized == 0 && forbidden == 0) {
      return List.of();
    }
    // No counts: a gateway that throttles failed authentications (429) answers a varying share of
    // them.
    List<String> lines = new ArrayList<>();
    if (unauthorized > 0) {
      lines.add(
          "the gateway answered 401 Unauthorized: "
              + (keySent
                  ? "it does not accept the API key that was sent."
                  : "it requires an API key, and none was sent (--api-key-file or"
                      + " --api-key-env)."));
    }
    if (forbidden > 0) {
      lines.add("the gateway answered 403 Forbidden: the API key may not " + refused(report) + ".");
    }
    List<String> tenants = ConformanceVectors.load().tenants();
    StringBuilder recipe =
        new StringBuilder("cavra-cp keys add --key-store keys.jsonl --key-id conformance");
    tenants.forEach(tenant -> recipe.append(" --tenant ").append(tenant));
    recipe.append(" --api-key-file conformance.key");
    lines.add(
        "the kit acts for the tenants "
            + String.join(" and ", tenants)
            + " and calls every operation; a key for them, with the reference gateway:");
    lines.add("  " + recipe);
    lines.add(
        "then serve with --key-store keys.jsonl and verify with --api-key-file conformance.key.");
    return lines;
  }

  private static long count(ConformanceReport report, int status) {
    return report.results().stream().filter(r -> r.httpStatus().orElse(0) == status).count();
  }

  /**
   * What the key lacks, as far as the answers tell. Only accepted cases count (a refused request is
   * answered 400 before any key scope is checked). A 403 is put down to its operation when no case
   * of that operation was answered (200), else to its tenant; when none was answered, nothing can
   * be told.
   */
  private static String refused(ConformanceReport report) {
    Set<String> allowedOperations = new LinkedHashSet<>();
    List<CaseResult> forbidden = new ArrayList<>();
    for (CaseResult result : report.results()) {
      int status = result.httpStatus().orElse(0);
      if (result.testCase().verdict() != ConformanceCase.Verdict.ACCEPTED) {
        continue;
      }
      if (status == 403) {
        forbidden.add(result);
      } else if (status == 200) {
        result
            .testCase()
            .contractOperation()
            .ifPresent(operation -> allowedOperations.add(operation.wireName()));
      }
    }
    if (allowedOperations.isEmpty()) {
      return "make any of the kit's requests";
    }
    Set<String> tenants = new LinkedHashSet<>();
    Set<String> operations = new LinkedHashSet<>();
    for (CaseResult result : forbidden) {
      String operation = result.testCase().contractOperation().map(Operation::wireName).orElse("");
      if (!allowedOperations.contains(operation)) {
        operations.add(operation);
      } else {
        result.testCase().tenantId().ifPresent(tenants::add);
      }
    }
    List<String> parts = new ArrayList<>();
    if (!tenants.isEmpty()) {
      parts.add(
          (tenants.size() == 1 ? "act for the tenant " : "act for the tenants ")
              + String.join(", ", tenants));
    }
    if (!operations.isEmpty()) {
      parts.add(
          (operations.size() == 1 ? "call the operation " : "call the operations ")
              + String.join(", ", operations));
    }
    return String.join(" or ", parts);
  }
}
