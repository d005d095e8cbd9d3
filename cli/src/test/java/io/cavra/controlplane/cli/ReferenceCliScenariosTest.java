package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference CLI's SaaS tests (wire spec §6.5, {@code tests/test_cli.py}) reproduced with {@code
 * request} and {@code respond}: the reference's one command becomes two, the summary options become
 * a {@code --summary-json} file.
 */
class ReferenceCliScenariosTest {
  static final List<String> DEFAULT_CHECKS =
      List.of(
          "billing_monitoring",
          "license_telemetry_sync",
          "support_followup",
          "customer_success_review",
          "dashboard_refresh",
          "escalation_drill",
          "closeout_retry");

  @TempDir Path dir;

  @Test
  void contractDescriptionListsSaasOperatingAutomationAndNoBackend() {
    Cli.Result result = Cli.run("describe", "--format", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("\"name\": \"saas_operating_automation\"", "\"contains_saas_backend\": false");
  }

  @Test
  void operatingAutomationRequestAndSummaryResponseMatchTheReferenceScenario() throws Exception {
    Cli.Result request =
        Cli.run("request", "saas_operating_automation", "tenant-demo", "--requested-by", "console");
    Path summary = Cli.write(dir, "summary.json", RespondCommandTest.AUTOMATION_SUMMARY);

    Cli.Result response =
        Cli.runWithStdin(
            request.out(), "respond", "--request", "-", "--summary-json", summary.toString());

    assertThat(request.exitCode()).isZero();
    assertThat(response.exitCode()).isZero();
    ControlPlaneRequest parsedRequest = ContractJson.defaults().parseRequest(request.out());
    assertThat(parsedRequest.operation().wireName()).isEqualTo("saas_operating_automation");
    assertThat(RequestCommandTest.payload(parsedRequest).get("required_checks"))
        .isEqualTo(DEFAULT_CHECKS);
    ControlPlaneResponse parsedResponse = ContractJson.defaults().parseResponse(response.out());
    assertThat(parsedResponse.status().wireName()).isEqualTo("requires_private_service");
    Map<?, ?> fields = (Map<?, ?>) RespondCommandTest.payload(parsedResponse).get("summary");
    assertThat(fields.get("automation_status")).isEqualTo("scheduled");
    assertThat(fields.get("blockers")).isEqualTo(List.of("escalation drill owner pending"));
  }

  @Test
  void operatingAutomationRejectsAGithubTokenCadenceWithSensitiveValue() {
    Cli.Result result =
        Cli.run(
            "request",
            "saas_operating_automation",
            "tenant-demo",
            "--automation-cadence",
            Cli.FAKE_GITHUB_TOKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("sensitive_value", "sensitive value");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void workerHandoffRequestAndSummaryResponseMatchTheReferenceScenario() throws Exception {
    Cli.Result request =
        Cli.run(
            "request",
            "saas_operating_automation_worker_handoff",
            "tenant-demo",
            "--requested-by",
            "console",
            "--deployment-environment",
            "production",
            "--worker-mode",
            "shadow",
            "--worker-target",
            "billing_monitoring",
            "--worker-target",
            "support_followup");
    Path summary =
        Cli.write(
            dir,
            "summary.json",
            """
            {"handoff_status": "requires_private_service",
             "scheduler_ref": "scheduler-saas-operating-automation",
             "evidence_sink_ref": "evidence-sink-saas-operating-automation",
             "retry_policy_ref": "retry-policy-saas-operating-automation",
             "worker_owner": "operations-owner",
             "blockers": ["private scheduler validation required"]}\
            """);

    Cli.Result response =
        Cli.runWithStdin(
            request.out(), "respond", "--request", "-", "--summary-json", summary.toString());

    assertThat(response.exitCode()).isZero();
    ControlPlaneRequest parsedRequest = ContractJson.defaults().parseRequest(request.out());
    assertThat(parsedRequest.operation().wireName())
        .isEqualTo("saas_operating_automation_worker_handoff");
    assertThat(RequestCommandTest.payload(parsedRequest))
        .containsEntry("worker_mode", "shadow")
        .containsEntry("worker_targets", List.of("billing_monitoring", "support_followup"));
    ControlPlaneResponse parsedResponse = ContractJson.defaults().parseResponse(response.out());
    assertThat(parsedResponse.status().wireName()).isEqualTo("requires_private_service");
    Map<?, ?> fields = (Map<?, ?>) RespondCommandTest.payload(parsedResponse).get("summary");
    assertThat(fields.get("handoff_status")).isEqualTo("requires_private_service");
    assertThat(fields.get("worker_mode")).isEqualTo("shadow");
    assertThat(fields.get("worker_targets"))
        .isEqualTo(List.of("billing_monitoring", "support_followup"));
  }

  @Test
  void workerHandoffRejectsAGithubTokenWorkerTargetWithSensitiveValue() {
    Cli.Result result =
        Cli.run(
            "request",
            "saas_operating_automation_worker_handoff",
            "tenant-demo",
            "--worker-target",
            Cli.FAKE_GITHUB_TOKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("sensitive_value", "sensitive value");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }
}
