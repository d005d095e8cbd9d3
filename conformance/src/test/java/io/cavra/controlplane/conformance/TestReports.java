package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.Summary;
import io.cavra.controlplane.contract.SummaryBuilder;
import io.cavra.controlplane.contract.SummaryField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Helpers for reading reports and building answers in tests. */
final class TestReports {
  /** Credential shapes that must never appear in anything the kit writes. */
  static final Pattern CREDENTIAL =
      Pattern.compile(
          "gh[pousr]_[A-Za-z0-9]{30,}|xox[abprs]-[0-9A-Za-z-]{20,}|sk_live_[0-9A-Za-z]{20,}|-----BEGIN"
              + " [A-Z ]*PRIVATE KEY-----|AKIA[0-9A-Z]{16}");

  private TestReports() {}

  static CaseResult result(ConformanceReport report, String displayName) {
    return report.results().stream()
        .filter(r -> r.testCase().displayName().equals(displayName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + displayName));
  }

  static Set<Invariant> broken(CaseResult result) {
    return result.violations().stream().map(Violation::invariant).collect(Collectors.toSet());
  }

  static Set<Invariant> broken(ConformanceReport report) {
    return report.results().stream()
        .flatMap(r -> r.violations().stream())
        .map(Violation::invariant)
        .collect(Collectors.toSet());
  }

  static List<CaseResult> accepted(ConformanceReport report) {
    return report.results().stream()
        .filter(r -> r.testCase().verdict() == ConformanceCase.Verdict.ACCEPTED)
        .toList();
  }

  static List<CaseResult> rejected(ConformanceReport report) {
    return report.results().stream()
        .filter(r -> r.testCase().verdict() == ConformanceCase.Verdict.REJECTED)
        .toList();
  }

  static ConformanceCase testCase(String displayName) {
    return ConformanceVectors.load().find(displayName).orElseThrow();
  }

  /** A summary with every state at its first allowed value and every required text set. */
  static SummaryBuilder summary(Operation operation, String tenantId) {
    SummaryBuilder builder = Summary.builder(operation).set("tenant_id", tenantId);
    for (SummaryField field : SummaryBuilder.fields(operation)) {
      if (field.kind() == SummaryField.Kind.STATE) {
        builder.set(field.name(), field.allowedValues().get(0));
      } else if (field.required()
          && field.kind() == SummaryField.Kind.TEXT
          && !field.name().equals("tenant_id")) {
        builder.set(field.name(), "example");
      }
    }
    return builder;
  }

  /** A deep, mutable copy of a parsed JSON tree. */
  @SuppressWarnings("unchecked")
  static <T> T mutable(T tree) {
    if (tree instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) tree).forEach((k, v) -> copy.put(k, mutable(v)));
      return (T) copy;
    }
    if (tree instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<Object>) tree).forEach(v -> copy.add(mutable(v)));
      return (T) copy;
    }
    return tree;
  }

  /** A GitHub-shaped token built at run time, so that no committed file holds one. */
  static String githubToken() {
    return "gh" + "p_" + "abcdefghijklmnopqrstuvwxyz0123456789";
  }
}
