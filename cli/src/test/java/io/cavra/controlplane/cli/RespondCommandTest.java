package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.ResponseStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RespondCommandTest {
  static final String AUTOMATION_SUMMARY =
      """
      {"automation_status": "scheduled", "billing_monitoring_status": "enabled",
       "license_telemetry_status": "automated", "support_followup_status": "ready",
       "customer_success_review_status": "scheduled", "dashboard_refresh_status": "automated",
       "escalation_drill_status": "blocked", "closeout_retry_status": "enabled",
       "blockers": ["escalation drill owner pending"]}\
      """;

  @TempDir Path dir;

  @Test
  void withoutSummaryAnswersWithTheGenericUnavailableResponse() throws Exception {
    Path request =
        Cli.write(dir, "request.json", Cli.vector("request_tenant_status_default.pretty.json"));

    Cli.Result result = Cli.run("respond", "--request", request.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip())
        .isEqualTo(Cli.vector("response_tenant_status_generic_unavailable.pretty.json").strip());
  }

  @Test
  void tenantOnboardingWithoutSummaryAnswersWithTheOnboardingUnavailableResponse()
      throws Exception {
    Cli.Result result =
        Cli.runWithStdin(
            Cli.vector("request_tenant_onboarding_default.compact.json"),
            "respond",
            "--request",
            "-",
            "--compact");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip())
        .isEqualTo(Cli.vector("response_tenant_onboarding_unavailable.compact.json").strip());
  }

  @Test
  void summaryResponseTakesTenantScopeAndCadenceFromTheRequest() throws Exception {
    Path summary = Cli.write(dir, "summary.json", AUTOMATION_SUMMARY);
    String request =
        Cli.run(
                "request",
                "saas_operating_automation",
                "tenant-demo",
                "--automation-cadence",
                "weekly")
            .out();

    Cli.Result result =
        Cli.runWithStdin(
            request, "respond", "--request", "-", "--summary-json", summary.toString());

    assertThat(result.exitCode()).isZero();
    Map<String, Object> payload = payload(ContractJson.defaults().parseResponse(result.out()));
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) payload.get("summary");
    assertThat(fields)
        .containsEntry("tenant_id", "tenant-demo")
        .containsEntry("automation_cadence", "weekly")
        .containsEntry("automation_scope", "trial-to-paid-customer-scale")
        .containsEntry("automation_status", "scheduled");
  }

  @Test
  void statusOptionSetsTheSummaryResponseStatus() throws Exception {
    Path summary = Cli.write(dir, "summary.json", AUTOMATION_SUMMARY);
    String request = Cli.run("request", "saas_operating_automation", "tenant-demo").out();

    Cli.Result result =
        Cli.runWithStdin(
            request,
            "respond",
            "--request",
            "-",
            "--summary-json",
            summary.toString(),
            "--status",
            "accepted");

    assertThat(ContractJson.defaults().parseResponse(result.out()).status())
        .isEqualTo(ResponseStatus.ACCEPTED);
  }

  @Test
  void statusWithoutSummaryIsAUsageError() {
    Cli.Result result = Cli.run("respond", "--request", "-", "--status", "accepted");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: usage: --status applies only with --summary-json");
  }

  @Test
  void unknownStatusIsAUsageErrorThatDoesNotEchoIt() {
    Cli.Result result =
        Cli.run(
            "respond",
            "--request",
            "-",
            "--summary-json",
            "s.json",
            "--status",
            Cli.FAKE_GITHUB_TOKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith(
            "error: usage: invalid value for option '--status'; expected one of: accepted,"
                + " unavailable, requires_private_service");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void missingRequestOptionIsAUsageError() {
    Cli.Result result = Cli.run("respond");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: usage: Missing required option: '--request=FILE|-'");
  }

  @Test
  void summaryForAnOperationWithoutSummaryIsAContractError() throws Exception {
    Path summary = Cli.write(dir, "summary.json", "{}");
    String request = Cli.run("request", "tenant_status", "t1").out();

    Cli.Result result =
        Cli.runWithStdin(
            request, "respond", "--request", "-", "--summary-json", summary.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .startsWith("error: invalid_value at $.operation: tenant_status has no summary");
  }

  @Test
  void summaryNamingAnotherTenantIsATenantMismatch() throws Exception {
    Path summary =
        Cli.write(
            dir, "summary.json", AUTOMATION_SUMMARY.replace("{", "{\"tenant_id\": \"other\", "));
    String request = Cli.run("request", "saas_operating_automation", "tenant-demo").out();

    Cli.Result result =
        Cli.runWithStdin(
            request, "respond", "--request", "-", "--summary-json", summary.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("error: tenant_mismatch at $.payload.summary.tenant_id");
  }

  @Test
  void aResponseIsNotAcceptedAsTheRequest() throws Exception {
    Cli.Result result =
        Cli.runWithStdin(
            Cli.vector("response_tenant_status_generic_unavailable.compact.json"),
            "respond",
            "--request",
            "-");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("error: ");
  }

  @Test
  void secretInSummaryBlockersIsRejectedWithoutEchoingIt() throws Exception {
    Path summary =
        Cli.write(
            dir,
            "summary.json",
            AUTOMATION_SUMMARY.replace("escalation drill owner pending", Cli.FAKE_GITHUB_TOKEN));
    String request = Cli.run("request", "saas_operating_automation", "tenant-demo").out();

    Cli.Result result =
        Cli.runWithStdin(
            request, "respond", "--request", "-", "--summary-json", summary.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("error: sensitive_value at ");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void bothInputsFromStdinIsAUsageError() {
    Cli.Result result = Cli.run("respond", "--request", "-", "--summary-json", "-");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: usage: --request and --summary-json cannot both read standard input");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> payload(ControlPlaneResponse response) {
    return (Map<String, Object>) response.toMap().get("payload");
  }

  @SuppressWarnings("unchecked")
  static List<String> list(Object value) {
    return (List<String>) value;
  }
}
