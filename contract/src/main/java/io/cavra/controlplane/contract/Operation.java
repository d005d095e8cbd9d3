package io.cavra.controlplane.contract;

import java.util.List;
import java.util.Optional;

/**
 * The operations a private control plane performs, in the reference's declaration order, with
 * their wire names and the texts of the contract description.
 *
 * <p>{@link #SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF} is <b>provisional</b>: the reference
 * published its callers and documentation but not its source, so its payload, summary, messages
 * and position are inferred (see {@link #isProvisional()} and the README).
 */
public enum Operation implements WireValue {
  ENTITLEMENT_STATUS(
      "entitlement_status",
      "tenant identifier and optional feature names",
      "subscription, license, and feature entitlement summary",
      new SummaryResponse(
          "entitlement status response requires an entitlement_status request",
          "Entitlement status requires private billing, subscription, and license-service validation.",
          List.of("billing integration", "license service", "subscription status", "feature entitlement registry"),
          "See docs/architecture/entitlement-status-contract.md")),
  TENANT_ONBOARDING(
      "tenant_onboarding",
      "tenant activation metadata, deployment model, contacts, and readiness requirements",
      "tenant activation state, blockers, and private service handoff status",
      null),
  TENANT_STATUS(
      "tenant_status",
      "tenant identifier and requested capabilities",
      "tenant entitlement and service availability summary",
      null),
  LICENSE_VALIDATION(
      "license_validation",
      "local validation report and requested server checks",
      "validated entitlement and feature grant summary",
      null),
  POLICY_REGISTRY_READINESS(
      "policy_registry_readiness",
      "tenant identifier, catalog scope, policy-pack references, and readiness checks",
      "hosted registry availability, catalog freshness, version state, blockers, and private service handoff status",
      new SummaryResponse(
          "policy registry readiness response requires a policy_registry_readiness request",
          "Hosted policy registry readiness requires private registry, artifact, entitlement, and rollout validation.",
          List.of("hosted policy registry service", "policy-pack artifact store", "feature entitlement registry",
              "approval workflow", "rollout telemetry"),
          "See docs/architecture/hosted-policy-registry-readiness-contract.md")),
  POLICY_REGISTRY_LOOKUP(
      "policy_registry_lookup",
      "policy references and public labels",
      "policy metadata and downloadable artifact references",
      null),
  TENANT_AUDIT_STORE_OPERATING(
      "tenant_audit_store_operating",
      "tenant identifier, retention profile, evidence window, and operating checks",
      "audit-store health, retention posture, evidence freshness, export readiness, blockers, and private service handoff status",
      new SummaryResponse(
          "tenant audit-store operating response requires a tenant_audit_store_operating request",
          "Tenant audit-store operating status requires private archive, retention, evidence, export, and dashboard validation.",
          List.of("tenant audit store", "retention enforcement", "evidence freshness monitor",
              "export connector service", "operating dashboard"),
          "See docs/architecture/tenant-audit-store-operating-contract.md")),
  CUSTOMER_OPERATING_DASHBOARD(
      "customer_operating_dashboard",
      "tenant identifier, dashboard scope, evidence window, and operating dashboard checks",
      "customer operating dashboard readiness across billing, license service, support, customer success, escalation, and release closeout",
      new SummaryResponse(
          "customer operating dashboard response requires a customer_operating_dashboard request",
          "Customer operating dashboard status requires private billing, license-service, support, customer-success, escalation, and release closeout validation.",
          List.of("billing observability", "license-service telemetry", "support handoff", "customer-success health",
              "escalation routing", "release closeout", "operating dashboard"),
          "See docs/architecture/customer-operating-dashboard-support-handoff-contract.md")),
  SUPPORT_HANDOFF_READINESS(
      "support_handoff_readiness",
      "tenant identifier, handoff scope, support tier, and support handoff checks",
      "support, customer-success, escalation, health review, dashboard, and release owner readiness",
      new SummaryResponse(
          "support handoff readiness response requires a support_handoff_readiness request",
          "Support handoff readiness requires private support, customer-success, escalation, health-review, and dashboard validation.",
          List.of("support ownership", "customer-success ownership", "escalation routing", "customer health review",
              "handoff dashboard", "release owner acceptance"),
          "See docs/architecture/customer-operating-dashboard-support-handoff-contract.md")),
  SAAS_OPERATING_AUTOMATION(
      "saas_operating_automation",
      "tenant identifier, automation scope, automation cadence, and operating automation checks",
      "billing monitoring, license telemetry, support follow-up, customer-success review, dashboard refresh, escalation drill, and closeout retry readiness",
      new SummaryResponse(
          "SaaS operating automation response requires a saas_operating_automation request",
          "SaaS operating automation requires private billing monitoring, license telemetry, support, customer-success, dashboard, escalation, closeout retry, and scheduler validation.",
          List.of("billing monitoring", "license telemetry sync", "support follow-up", "customer-success review",
              "dashboard refresh automation", "escalation drill scheduler", "closeout retry automation"),
          "See docs/architecture/saas-operating-automation-contract.md")),
  EVIDENCE_EXPORT(
      "evidence_export",
      "evidence references, format, and retention profile",
      "export job status and governed artifact references",
      null),
  /** Provisional: inferred from the reference's callers and docs; every guess is listed in the README. */
  SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF(
      "saas_operating_automation_worker_handoff",
      "tenant identifier, deployment environment, worker mode, required checks, and worker targets",
      "worker handoff status, scheduler, evidence-sink, and retry-policy references, worker owner, worker mode, worker targets, and blockers",
      new SummaryResponse(
          "SaaS operating automation worker handoff response requires a saas_operating_automation_worker_handoff request",
          "SaaS operating automation worker handoff requires private scheduler, worker runtime, retry, and evidence-sink validation.",
          List.of("automation scheduler", "worker runtime", "retry policy service", "evidence sink",
              "operations ownership"),
          "See docs/architecture/saas-operating-automation-worker-handoff.md"));

  /** The fixed parts of an operation's summary response. */
  record SummaryResponse(
      String mismatchMessage, String message, List<String> privateModulesRequired, String nextStep) {}

  private final String wireName;
  private final String requestDescription;
  private final String responseDescription;
  private final SummaryResponse summaryResponse;

  Operation(String wireName, String requestDescription, String responseDescription, SummaryResponse summaryResponse) {
    this.wireName = wireName;
    this.requestDescription = requestDescription;
    this.responseDescription = responseDescription;
    this.summaryResponse = summaryResponse;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** What the request carries, as written in the contract description. */
  public String requestDescription() {
    return requestDescription;
  }

  /** What the response carries, as written in the contract description. */
  public String responseDescription() {
    return responseDescription;
  }

  /** Whether the operation answers with a typed summary (and so has a summary response builder). */
  public boolean hasSummary() {
    return summaryResponse != null;
  }

  /** Whether the shape is inferred rather than taken from published reference source. */
  public boolean isProvisional() {
    return this == SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF;
  }

  /** The operation whose wire name is {@code wireName}, matched exactly. */
  public static Optional<Operation> fromWireName(String wireName) {
    for (Operation operation : values()) {
      if (operation.wireName.equals(wireName)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }

  SummaryResponse summaryResponse() {
    if (summaryResponse == null) {
      throw new IllegalStateException(wireName + " has no summary response");
    }
    return summaryResponse;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
