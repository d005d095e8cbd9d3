package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.RequestBuilder;
import io.cavra.controlplane.contract.RequestParameter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestCommandTest {
  @TempDir Path dir;

  @Test
  void optionsReproduceTheGoldenVectorByteForByte() throws Exception {
    Cli.Result result =
        Cli.run(
            "request",
            "policy_registry_lookup",
            "--tenant-id",
            "tenant-demo",
            "--requested-by",
            "console",
            "--correlation-id",
            "saas-a1b2c3d4e5f6",
            "--policy-ref",
            "starter-policy-1",
            "--policy-ref",
            "starter-policy-2",
            "--label",
            "team=platform",
            "--label",
            "environment=production");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out().strip())
        .isEqualTo(Cli.vector("request_policy_registry_lookup_labels.pretty.json").strip());
  }

  @Test
  void compactOutputMatchesTheCompactGoldenVector() throws Exception {
    Cli.Result result =
        Cli.run(
            "request",
            "tenant_onboarding",
            "tenant-demo",
            "--requested-by",
            "sales-engineering",
            "--correlation-id",
            "saas-0123456789ab",
            "--organization-name",
            "Demo Organization",
            "--contact",
            "commercial_owner=owner@example.invalid",
            "--compact");

    assertThat(result.out())
        .isEqualTo(Cli.vector("request_tenant_onboarding_contacts.compact.json").strip() + "\n");
  }

  @Test
  void labelJsonTakesAnyJsonValueAndKeepsCommandLineOrderWithLabel() throws Exception {
    Cli.Result result =
        Cli.run(
            "request",
            "policy_registry_lookup",
            "tenant-demo",
            "--requested-by",
            "console",
            "--correlation-id",
            "saas-a1b2c3d4e5f6",
            "--policy-ref",
            "starter-policy-1",
            "--label-json",
            "team={\"name\": \"platform\", \"owners\": [\"alice\", \"bob\"]}",
            "--label-json",
            "tier=2",
            "--label-json",
            "weight=0.1",
            "--label-json",
            "critical=true",
            "--label-json",
            "retired=null",
            "--label-json",
            "tags=[]",
            "--label-json",
            "matrix=[[1, -2], [3.25, -0.001], []]",
            "--label-json",
            "limits={\"requests_per_day\": 12345678901234567890, \"burst\": 1e16,"
                + " \"floor\": 0.00001, \"ratio\": 0.66666666666666663}",
            "--label",
            "region=eu-west-1",
            "--label",
            "note=\u00fcn\u00efc\u00f6d\u00e9 \u201cquoted\u201d \u2028 tab\tend",
            "--compact");

    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .isEqualTo(Cli.vector("request_policy_registry_lookup_nested_labels.compact.json") + "\n");
  }

  @Test
  void contactJsonBuildsNestedContactsByteForByte() throws Exception {
    Cli.Result result =
        Cli.run(
            "request",
            "tenant_onboarding",
            "tenant-demo",
            "--requested-by",
            "sales-engineering",
            "--correlation-id",
            "saas-0123456789ab",
            "--organization-name",
            "Demo Organization",
            "--contact",
            "commercial_owner=owner@example.invalid",
            "--contact-json",
            "escalation=[\"ops@example.invalid\", \"oncall@example.invalid\"]",
            "--contact-json",
            "owners={\"primary\": \"ops\", \"backup\": {\"team\": \"platform\", \"pager\": null}}",
            "--contact-json",
            "support_hours={\"start\": 8, \"end\": 17.5, \"weekend\": false,"
                + " \"timezone\": \"Europe/Z\u00fcrich\"}",
            "--contact-json",
            "languages=[]",
            "--contact-json",
            "notes={}",
            "--contact-json",
            "priority=1",
            "--contact-json",
            "response_target_hours=0.25");

    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .isEqualTo(Cli.vector("request_tenant_onboarding_nested_contacts.pretty.json") + "\n");
  }

  @Test
  void labelGivenAgainKeepsItsFirstPlaceAndTakesTheLaterValue() {
    Cli.Result result =
        Cli.run(
            "request",
            "policy_registry_lookup",
            "t1",
            "--policy-ref",
            "p",
            "--label",
            "a=1",
            "--label-json",
            "b=2",
            "--label-json",
            "a=[3]",
            "--compact");

    assertThat(result.out()).contains("\"labels\":{\"a\":[3],\"b\":2}");
  }

  @Test
  void malformedLabelJsonIsAContractErrorNamingTheOptionAndKeyButNotTheValue() {
    Cli.Result result =
        Cli.run(
            "request",
            "policy_registry_lookup",
            "t1",
            "--policy-ref",
            "p",
            "--label-json",
            "team={\"owner\": " + Cli.FAKE_GITHUB_TOKEN + "}");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .matches(
            "error: invalid_json at --label-json team: the value of --label-json team is not"
                + " usable JSON: input is not valid JSON \\(at line 1, column \\d+\\)\n");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void labelJsonUnderACredentialKeyIsRedactedInTheError() {
    Cli.Result result =
        Cli.run(
            "request",
            "policy_registry_lookup",
            "t1",
            "--policy-ref",
            "p",
            "--label-json",
            Cli.FAKE_GITHUB_TOKEN + "=[");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("error: invalid_json at --label-json <redacted>: ");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void labelJsonWithoutEqualsIsAUsageErrorThatDoesNotEchoTheValue() {
    Cli.Result result =
        Cli.run(
            "request",
            "policy_registry_lookup",
            "t1",
            "--policy-ref",
            "p",
            "--label-json",
            Cli.FAKE_GITHUB_TOKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: usage: option '--label-json' expects KEY=JSON (value not shown)");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void credentialInANestedContactIsRefusedWithTheReferencesMessage() {
    Cli.Result result =
        Cli.run(
            "request",
            "tenant_onboarding",
            "t1",
            "--organization-name",
            "Demo",
            "--contact-json",
            "escalation=[\"ops@example.invalid\", \"" + Cli.FAKE_GITHUB_TOKEN + "\"]");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "error: sensitive_value at $.payload.contacts.escalation[1]: sensitive value is not"
                + " allowed in public SaaS contract payload: payload.escalation[1]\n");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void inputJsonTakesNestedLabelsAndContacts() throws Exception {
    Path input =
        Cli.write(
            dir,
            "params.json",
            """
            {"tenant_id": "tenant-demo", "organization_name": "Demo",
             "contacts": {"owners": {"primary": "ops"}, "escalation": ["ops@example.invalid"], "priority": 1}}\
            """);

    Cli.Result result =
        Cli.run("request", "tenant_onboarding", "--input-json", input.toString(), "--compact");

    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .contains(
            "\"contacts\":{\"owners\":{\"primary\":\"ops\"},\"escalation\":[\"ops@example.invalid\"],\"priority\":1}");
  }

  @Test
  void reportFileWithoutFeatureListsReadsThemAsEmpty() throws Exception {
    Path report =
        Cli.write(
            dir,
            "report.json",
            """
            {"status":"valid","edition":"community","license_id":"community","valid":true,
             "message":"CAVRA Community is valid and does not require a license key for local or self-hosted use.",
             "private_validation_required":false}\
            """);

    Cli.Result result =
        Cli.run(
            "request",
            "license_validation",
            "--tenant-id",
            "tenant-demo",
            "--requested-by",
            "cli",
            "--correlation-id",
            "saas-0123456789ab",
            "--report",
            report.toString(),
            "--compact");

    assertThat(result.err()).isEmpty();
    assertThat(result.out().strip())
        .isEqualTo(Cli.vector("request_license_validation_cli.compact.json").strip());
  }

  @Test
  void reportFileBuildsALicenseValidationRequest() throws Exception {
    Path report =
        Cli.write(
            dir,
            "report.json",
            """
            {"status":"valid","edition":"community","license_id":"community","valid":true,
             "message":"CAVRA Community is valid and does not require a license key for local or self-hosted use.",
             "private_validation_required":false,"enabled_features":[],"locked_features":[]}\
            """);

    Cli.Result result =
        Cli.run(
            "request",
            "license_validation",
            "--tenant-id",
            "tenant-demo",
            "--requested-by",
            "cli",
            "--correlation-id",
            "saas-0123456789ab",
            "--report",
            report.toString(),
            "--compact");

    assertThat(result.err()).isEmpty();
    assertThat(result.out().strip())
        .isEqualTo(Cli.vector("request_license_validation_cli.compact.json").strip());
  }

  @Test
  void everyBuilderParameterHasAnOption() {
    for (Operation operation : Operation.values()) {
      String help = Cli.run("request", operation.wireName(), "--help").out();
      for (RequestParameter parameter : RequestBuilder.parameters(operation)) {
        assertThat(help)
            .as(operation + " " + parameter.name())
            .contains(OperationCommand.optionName(parameter) + "=")
            .contains("JSON key: " + parameter.name());
      }
    }
    assertThat(
            OperationCommand.optionName(
                new RequestParameter("policy_refs", RequestParameter.Kind.TEXT_LIST, true, null)))
        .isEqualTo("--policy-ref");
    assertThat(
            OperationCommand.optionName(
                new RequestParameter(
                    "capabilities", RequestParameter.Kind.TEXT_LIST, false, List.of())))
        .isEqualTo("--capability");
  }

  @Test
  void inputJsonSuppliesParametersAndOptionsOverrideIt() throws Exception {
    Path input =
        Cli.write(
            dir,
            "params.json",
            """
            {"tenant_id": "tenant-json", "requested_by": "json", "automation_cadence": "weekly",
             "required_checks": ["billing_monitoring"]}\
            """);

    Cli.Result result =
        Cli.run(
            "request",
            "saas_operating_automation",
            "--input-json",
            input.toString(),
            "--requested-by",
            "console",
            "--required-check",
            "support_followup",
            "--required-check",
            "closeout_retry");

    ControlPlaneRequest request = ContractJson.defaults().parseRequest(result.out());
    assertThat(request.tenantId()).isEqualTo("tenant-json");
    assertThat(request.requestedBy()).isEqualTo("console");
    Map<String, Object> payload = payload(request);
    assertThat(payload.get("automation_cadence")).isEqualTo("weekly");
    assertThat(payload.get("required_checks"))
        .isEqualTo(List.of("support_followup", "closeout_retry"));
  }

  @Test
  void inputJsonFromStdinWithAnExplicitEmptyArrayGivesAnEmptyList() {
    Cli.Result result =
        Cli.runWithStdin(
            "{\"tenant_id\":\"t1\",\"capabilities\":[]}",
            "request",
            "tenant_status",
            "--input-json",
            "-");

    assertThat(result.exitCode()).isZero();
    assertThat(
            payload(ContractJson.defaults().parseRequest(result.out()))
                .get("requested_capabilities"))
        .isEqualTo(List.of());
  }

  @Test
  void absentInputJsonKeyMeansTheDefault() {
    Cli.Result result =
        Cli.runWithStdin("{\"tenant_id\":\"t1\"}", "request", "tenant_status", "--input-json", "-");

    assertThat(
            payload(ContractJson.defaults().parseRequest(result.out()))
                .get("requested_capabilities"))
        .isEqualTo(List.of("license", "policy_registry", "evidence_export"));
  }

  @Test
  void unknownInputJsonKeyIsAContractError() {
    Cli.Result result =
        Cli.runWithStdin(
            "{\"tenant_id\":\"t1\",\"colour\":\"red\"}",
            "request",
            "tenant_status",
            "--input-json",
            "-");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "error: unknown_field at $.colour: tenant_status requests have no parameter colour\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void inputJsonThatIsNotAnObjectIsInvalidInput() {
    Cli.Result result = Cli.runWithStdin("[1]", "request", "tenant_status", "--input-json", "-");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("error: invalid_type at $: ");
  }

  @Test
  void malformedInputJsonIsReportedWithItsPosition() {
    Cli.Result result =
        Cli.runWithStdin("{\"tenant_id\": ", "request", "tenant_status", "--input-json", "-");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .matches("error: invalid_json at line 1, column \\d+: unexpected end of input\n");
  }

  @Test
  void missingTenantIsAContractErrorOnOneLine() {
    Cli.Result result = Cli.run("request", "tenant_status");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo("error: missing_field at $.tenant_id: tenant_id is required\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void requestRejectsSecretInCadenceWithoutEchoingIt() {
    Cli.Result result =
        Cli.run(
            "request",
            "saas_operating_automation",
            "tenant-demo",
            "--automation-cadence",
            Cli.FAKE_GITHUB_TOKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .startsWith("error: sensitive_value at $.payload.automation_cadence: sensitive value");
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void debugAddsAStackTraceButStillNoSecret() {
    Cli.Result result =
        Cli.run(
            "--debug",
            "request",
            "saas_operating_automation",
            "tenant-demo",
            "--automation-cadence",
            Cli.FAKE_GITHUB_TOKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("\tat io.cavra.controlplane.");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
    assertThat(Cli.run("request", "tenant_status").err()).doesNotContain("\tat ");
  }

  @Test
  void secretInAnUnexpectedPositionalArgumentIsNotEchoed() {
    Cli.Result result = Cli.run("request", "tenant_status", "t1", Cli.FAKE_STRIPE_KEY);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: usage: unexpected argument (values not shown)");
    assertThat(result.all()).doesNotContain(Cli.FAKE_STRIPE_KEY);
  }

  @Test
  void secretAsAnUnknownOperationIsNotEchoed() {
    Cli.Result result = Cli.run("request", Cli.FAKE_GITHUB_TOKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: usage: unknown operation; expected one of: entitlement_status,");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void aMistypedOperationGetsTheNearestOneInsteadOfTheList() {
    Cli.Result result = Cli.run("request", "tenant-status", "tenant-demo");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "error: usage: unknown operation; did you mean 'tenant_status'?\n"
                + "Try 'cavra-cp request --help' for more information.\n");
  }

  @Test
  void enumeratedParametersListTheirValuesInHelp() {
    assertThat(Cli.run("request", "tenant_onboarding", "--help").out())
        .containsPattern(
            "--deployment-model=DEPLOYMENT_MODEL\\s+JSON key: deployment_model\\. Default:"
                + " hosted_saas\\.\\s+One of: hosted_saas,\\s+self_hosted_enterprise, hybrid\\.");
    assertThat(Cli.run("request", "evidence_export", "--help").out().replaceAll("\\s+", " "))
        .contains("One of: json, jsonl, markdown, zip.");
    assertThat(
            Cli.run("request", "saas_operating_automation_worker_handoff", "--help")
                .out()
                .replaceAll("\\s+", " "))
        .contains("One of: dry_run, shadow, live, unknown.");
  }

  @Test
  void labelWithoutEqualsIsAUsageErrorThatDoesNotEchoTheValue() {
    Cli.Result result =
        Cli.run(
            "request",
            "policy_registry_lookup",
            "t1",
            "--policy-ref",
            "p",
            "--label",
            Cli.FAKE_GITHUB_TOKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: usage: option '--label' expects KEY=VALUE (value not shown)");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void missingOperationIsAUsageError() {
    Cli.Result result = Cli.run("request");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: usage: missing OPERATION; expected one of: entitlement_status");
  }

  @Test
  void optionWithoutItsValueIsAUsageError() {
    Cli.Result result = Cli.run("request", "tenant_status", "--tenant-id");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: usage: Missing required parameter for option '--tenant-id'");
  }

  @Test
  void tenantGivenTwiceIsAUsageError() {
    Cli.Result result = Cli.run("request", "tenant_status", "t1", "--tenant-id", "t2");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("either as TENANT_ID or with --tenant-id");
  }

  @Test
  void readingStdinTwiceIsAUsageError() {
    Cli.Result result =
        Cli.run("request", "license_validation", "--input-json", "-", "--report", "-");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: usage: --input-json and --report cannot both read standard input");
  }

  @Test
  void missingReportFileIsAnIoError() {
    Cli.Result result =
        Cli.run(
            "request",
            "license_validation",
            "t1",
            "--report",
            dir.resolve("absent.json").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
    assertThat(result.err())
        .isEqualTo("error: io_error at " + dir.resolve("absent.json") + ": no such file\n");
  }

  @Test
  void invalidEnumValueIsAContractErrorWithTheAllowedValues() {
    Cli.Result result =
        Cli.run(
            "request", "evidence_export", "t1", "--evidence-ref", "e1", "--export-format", "pdf");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("error: invalid_value at $.payload.export_format: ");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> payload(ControlPlaneRequest request) {
    return (Map<String, Object>) request.toMap().get("payload");
  }
}
