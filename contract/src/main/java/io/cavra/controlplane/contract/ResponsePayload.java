package io.cavra.controlplane.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The payload of a response envelope: one of three shapes. Records are immutable and validate
 * themselves; {@code extensions} keeps keys written by a newer or private producer (guarded, in
 * order, after the contract's keys) and is empty from every builder.
 */
public sealed interface ResponsePayload
    permits ResponsePayload.Unavailable,
        ResponsePayload.OnboardingUnavailable,
        ResponsePayload.SummaryReport {

  /** The tenant the response is about. */
  String tenantId();

  /** Keys this version does not know, in order. */
  Map<String, Object> extensions();

  /** The serialized form, keys in wire order. */
  Map<String, Object> toMap();

  /**
   * The generic answer of a Community deployment for any operation: {@code tenant_id} and {@code
   * next_step}.
   */
  record Unavailable(String tenantId, String nextStep, Map<String, Object> extensions)
      implements ResponsePayload {
    /** Where the generic answer points. */
    public static final String NEXT_STEP = "See docs/architecture/saas-control-plane-contract.md";

    static final List<String> KEYS = List.of("tenant_id", "next_step");

    public Unavailable {
      nextStep = Checks.text(nextStep, "payload.next_step");
      extensions = WireMaps.extensions(extensions, KEYS, "payload", 1);
      tenantId = Checks.identifier(tenantId, "tenant_id", "payload.tenant_id");
    }

    @Override
    public Map<String, Object> toMap() {
      return ordered(extensions, "tenant_id", tenantId, "next_step", nextStep);
    }
  }

  /** The answer to tenant onboarding when no private service is present. */
  record OnboardingUnavailable(
      String tenantId,
      List<String> privateModulesRequired,
      String nextStep,
      Map<String, Object> extensions)
      implements ResponsePayload {
    public static final List<String> PRIVATE_MODULES_REQUIRED =
        List.of(
            "identity onboarding",
            "license service",
            "policy registry",
            "audit store",
            "support ownership");
    public static final String NEXT_STEP = "See docs/architecture/tenant-onboarding-contract.md";
    static final List<String> KEYS = List.of("tenant_id", "private_modules_required", "next_step");

    public OnboardingUnavailable {
      privateModulesRequired =
          Checks.textList(privateModulesRequired, "payload.private_modules_required");
      nextStep = Checks.text(nextStep, "payload.next_step");
      extensions = WireMaps.extensions(extensions, KEYS, "payload", 1);
      tenantId = Checks.identifier(tenantId, "tenant_id", "payload.tenant_id");
    }

    @Override
    public Map<String, Object> toMap() {
      return ordered(
          extensions,
          "tenant_id",
          tenantId,
          "private_modules_required",
          privateModulesRequired,
          "next_step",
          nextStep);
    }
  }

  /** A summary answer: {@code summary}, {@code private_modules_required}, {@code next_step}. */
  record SummaryReport(
      Summary summary,
      List<String> privateModulesRequired,
      String nextStep,
      Map<String, Object> extensions)
      implements ResponsePayload {
    static final List<String> KEYS = List.of("summary", "private_modules_required", "next_step");

    public SummaryReport {
      if (summary == null) {
        throw ContractException.of(
            ErrorCode.MISSING_FIELD, "payload.summary", "summary is required");
      }
      if (!isDeclared(summary)) {
        throw ContractException.of(
            ErrorCode.INVALID_TYPE,
            "payload.summary",
            "payload.summary must be one of the contract's summary records");
      }
      privateModulesRequired =
          Checks.textList(privateModulesRequired, "payload.private_modules_required");
      nextStep = Checks.text(nextStep, "payload.next_step");
      extensions = WireMaps.extensions(extensions, KEYS, "payload", 1);
    }

    /** Whether {@code summary} is the record its operation's declaration names. */
    private static boolean isDeclared(Summary summary) {
      Operation operation = summary.operation();
      return operation != null
          && operation.hasSummary()
          && summary.getClass() == operation.summaryResponse().type();
    }

    @Override
    public String tenantId() {
      return summary.tenantId();
    }

    @Override
    public Map<String, Object> toMap() {
      return ordered(
          extensions,
          "summary",
          summary.toMap(),
          "private_modules_required",
          privateModulesRequired,
          "next_step",
          nextStep);
    }
  }

  private static Map<String, Object> ordered(
      Map<String, Object> extensions, Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>(keysAndValues.length + extensions.size());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) Objects.requireNonNull(keysAndValues[i]), keysAndValues[i + 1]);
    }
    map.putAll(extensions);
    return Collections.unmodifiableMap(map);
  }
}
