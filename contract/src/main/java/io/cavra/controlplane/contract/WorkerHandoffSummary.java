package io.cavra.controlplane.contract;

import java.util.List;
import java.util.Map;

/**
 * The summary of a {@code saas_operating_automation_worker_handoff} response: the handoff of SaaS
 * operating automation to private workers.
 *
 * <p><b>Provisional</b>: the reference published no source for it; the key order follows its
 * documentation with {@code tenant_id}, {@code required_checks}, {@code blockers} and the boundary
 * placed as in the other summaries, and the boundary text is ours. Immutable; construction
 * validates in the reference's order (states, counts, the secret guard over the free-text fields,
 * then {@code tenant_id}), with paths below {@code payload.summary}.
 *
 * <p>{@code extensions} holds keys this version does not know, read from a newer or private
 * producer; they are guarded, kept in order and written after the contract's keys. Builders leave
 * it empty. Use {@link Summary#builder(Operation)} to build one from wire-form values with the
 * reference's defaults.
 */
public record WorkerHandoffSummary(
    String tenantId,
    HandoffStatus handoffStatus,
    String deploymentEnvironment,
    String schedulerRef,
    String evidenceSinkRef,
    String retryPolicyRef,
    String workerOwner,
    WorkerMode workerMode,
    List<String> requiredChecks,
    List<String> workerTargets,
    List<String> blockers,
    boolean privateValidationRequired,
    Map<String, Object> extensions)
    implements Summary {
  /** The fixed boundary text written as {@code handoff_boundary}. */
  public static final String BOUNDARY =
      "scheduler execution, worker runtime, retry handling, and evidence sinks remain private"
          + " service responsibilities";

  static final List<String> KEYS =
      SummaryBuilder.wireKeys(Operation.SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF);
  private static final String P = "payload.summary.";

  public WorkerHandoffSummary {
    WireMaps.required(handoffStatus, P + "handoff_status");
    deploymentEnvironment = Checks.text(deploymentEnvironment, P + "deployment_environment");
    schedulerRef = Checks.text(schedulerRef, P + "scheduler_ref");
    evidenceSinkRef = Checks.text(evidenceSinkRef, P + "evidence_sink_ref");
    retryPolicyRef = Checks.text(retryPolicyRef, P + "retry_policy_ref");
    workerOwner = Checks.text(workerOwner, P + "worker_owner");
    WireMaps.required(workerMode, P + "worker_mode");
    requiredChecks = Checks.textList(requiredChecks, P + "required_checks");
    workerTargets = Checks.textList(workerTargets, P + "worker_targets");
    blockers = Checks.textList(blockers, P + "blockers");
    extensions = WireMaps.extensions(extensions, KEYS);
    Checks.guard(
        WireMaps.ordered(
            "deployment_environment",
            deploymentEnvironment,
            "scheduler_ref",
            schedulerRef,
            "evidence_sink_ref",
            evidenceSinkRef,
            "retry_policy_ref",
            retryPolicyRef,
            "worker_owner",
            workerOwner,
            "required_checks",
            requiredChecks,
            "worker_targets",
            workerTargets,
            "blockers",
            blockers),
        "payload.summary");
    Checks.guard(extensions, "payload.summary");
    tenantId = Checks.identifier(tenantId, "tenant_id", P + "tenant_id");
  }
}
