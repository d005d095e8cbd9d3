package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder behaviour beyond the reference's own tests: the derived vectors of wire-spec §6.7 and our additions. */
class RequestBuilderTest {

  private static ContractException failure(RequestBuilder builder) {
    return catchThrowableOfType(ContractException.class, builder::build);
  }

  @Test
  void generatedCorrelationIdsAreSaasPrefixedLowerHexAndFresh() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String id = ControlPlaneRequest.builder(Operation.TENANT_STATUS).tenantId("t").build().correlationId();
      assertThat(id).matches("saas-[0-9a-f]{12}");
      seen.add(id);
    }
    assertThat(seen).hasSize(200);
  }

  /** Our own gateway's API keys are credentials too, wherever a caller puts one. */
  @ParameterizedTest
  @ValueSource(strings = {"tenant_id", "requested_by", "correlation_id"})
  void aCavraApiKeyAsAnIdentifierIsRefusedBuiltOrParsed(String field) {
    String key = "cav" + "ra_" + new java.util.Random(field.hashCode()).ints(49, 0, 62)
        .map(i -> "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".charAt(i))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    RequestBuilder builder = ControlPlaneRequest.builder(Operation.TENANT_STATUS)
        .tenantId("tenant-demo").correlationId("saas-0123456789ab").set(field, key);
    String valid = ContractJson.toJson(ControlPlaneRequest.builder(Operation.TENANT_STATUS)
        .tenantId("tenant-demo").correlationId("saas-0123456789ab").build());
    String json = valid.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":\"" + key + "\"");

    ContractException built = failure(builder);
    ContractException parsed = catchThrowableOfType(ContractException.class,
        () -> ContractJson.defaults().parseRequest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    for (ContractException error : List.of(built, parsed)) {
      assertThat(error.code()).isEqualTo(ErrorCode.SENSITIVE_VALUE);
      assertThat(error.ruleId()).contains("cavra-api-key");
      assertThat(error.getMessage() + error.location()).doesNotContain(key);
    }
  }

  @Test
  void callerMaySetTheCorrelationIdAndTheResponseCopiesIt() {
    ControlPlaneRequest request = ControlPlaneRequest.builder(Operation.TENANT_STATUS)
        .tenantId("t").correlationId("saas-example").build();
    assertThat(ControlPlaneResponse.unavailable(request).correlationId()).isEqualTo("saas-example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "-leading-dash", "semi;colon"})
  void malformedCorrelationIdIsRefused(String id) {
    ContractException error = failure(ControlPlaneRequest.builder(Operation.TENANT_STATUS).tenantId("t").correlationId(id));
    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_VALUE);
    assertThat(error.location()).isEqualTo("correlation_id");
    assertThat(error.getMessage()).doesNotContain(id.isEmpty() ? "\u0000" : id);
  }

  @Test
  void identifiersAreStrippedLikePythonStrip() {
    // U+00A0, U+2007 and U+0085 are white space to Python's str.strip() but not to String.strip().
    ControlPlaneRequest request = ControlPlaneRequest.builder(Operation.TENANT_STATUS)
        .tenantId("\u00a0 tenant-demo\u2007\u0085").requestedBy("\tconsole\n").build();
    assertThat(request.tenantId()).isEqualTo("tenant-demo");
    assertThat(request.requestedBy()).isEqualTo("console");
  }

  @Test
  void blankTenantFailsWithTheReferenceText() {
    ContractException error = failure(ControlPlaneRequest.builder(Operation.TENANT_STATUS).tenantId("   "));
    assertThat(error.code()).isEqualTo(ErrorCode.EMPTY_VALUE);
    assertThat(error.getMessage()).isEqualTo("tenant_id must not be empty");
    assertThat(error.location()).isEqualTo("tenant_id");
  }

  @Test
  void missingTenantIsAMissingFieldNotTheTenantNone() {
    ContractException error = failure(ControlPlaneRequest.builder(Operation.TENANT_STATUS));
    assertThat(error.code()).isEqualTo(ErrorCode.MISSING_FIELD);
    assertThat(error.location()).isEqualTo("tenant_id");
  }

  @Test
  void tokenInRequestedByIsRefusedAtItsPathWithoutTheValue() {
    ContractException error = failure(ControlPlaneRequest.builder(Operation.TENANT_STATUS)
        .tenantId("t").requestedBy(FakeTokens.github()));
    assertThat(error.code()).isEqualTo(ErrorCode.SENSITIVE_VALUE);
    // Deviation: the reference reports payload.requested_by; the field sits at the envelope's root.
    assertThat(error.getMessage()).isEqualTo("sensitive value is not allowed in public SaaS contract payload: requested_by");
    assertThat(error.getMessage()).doesNotContain(FakeTokens.github());
  }

  @Test
  void policyLookupReportsEmptyRefsBeforeABlankTenant() {
    ContractException error = failure(ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP).tenantId(""));
    assertThat(error.getMessage()).isEqualTo("policy_refs must include at least one policy reference");
    assertThat(error.code()).isEqualTo(ErrorCode.EMPTY_LIST);
  }

  @Test
  void evidenceExportReportsTheFormatBeforeEmptyRefs() {
    ContractException error = failure(ControlPlaneRequest.builder(Operation.EVIDENCE_EXPORT).tenantId("t").exportFormat("pdf"));
    assertThat(error.getMessage()).isEqualTo("export_format must be one of: json, jsonl, markdown, zip");
  }

  @Test
  void exportFormatIsCaseSensitiveLikeTheReference() {
    assertThat(failure(ControlPlaneRequest.builder(Operation.EVIDENCE_EXPORT)
        .tenantId("t").evidenceRefs("e").exportFormat("JSON")).code()).isEqualTo(ErrorCode.INVALID_VALUE);
  }

  @Test
  void sensitiveLabelKeyIsRefusedAtBuildTimeWithItsFullPath() {
    ContractException error = failure(ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
        .tenantId("t").policyRefs("p").label("team_token", "x"));
    assertThat(error.code()).isEqualTo(ErrorCode.SENSITIVE_FIELD);
    assertThat(error.location()).isEqualTo("payload.labels.team_token");
  }

  @Test
  void sensitiveContactIsReportedBelowContactsUnlikeTheReference() {
    ContractException error = failure(ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
        .tenantId("t").organizationName("Demo").contact("api_token", "placeholder"));
    assertThat(error.getMessage())
        .isEqualTo("sensitive field is not allowed in public SaaS contract payload: payload.contacts.api_token");
  }

  @Test
  void onboardingStripsOrganizationAndRegionAndChecksInReferenceOrder() {
    ControlPlaneRequest request = ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
        .tenantId("t").organizationName("  Demo  ").region("  eu-west  ").build();
    RequestPayload.TenantOnboarding payload = (RequestPayload.TenantOnboarding) request.payload();
    assertThat(payload.organizationName()).isEqualTo("Demo");
    assertThat(payload.region()).isEqualTo("eu-west");
    assertThat(failure(ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING).tenantId("")
        .organizationName(" ").deploymentModel("public_demo")).getMessage())
        .isEqualTo("deployment_model must be one of: hosted_saas, hybrid, self_hosted_enterprise");
    assertThat(failure(ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING).tenantId("")
        .organizationName(" ").requirements()).getMessage()).isEqualTo("organization_name must not be empty");
    assertThat(failure(ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING).tenantId("")
        .organizationName("Demo").requirements()).getMessage())
        .isEqualTo("requirements must include at least one onboarding requirement");
  }

  @Test
  void everyEmptyChecksMessageIsTheReferenceText() {
    Map<Operation, String> expected = Map.of(
        Operation.POLICY_REGISTRY_READINESS, "required_checks must include at least one policy registry readiness check",
        Operation.TENANT_AUDIT_STORE_OPERATING, "required_checks must include at least one tenant audit-store operating check",
        Operation.CUSTOMER_OPERATING_DASHBOARD, "required_checks must include at least one customer operating dashboard check",
        Operation.SUPPORT_HANDOFF_READINESS, "required_checks must include at least one support handoff readiness check",
        Operation.SAAS_OPERATING_AUTOMATION, "required_checks must include at least one SaaS operating automation check");
    expected.forEach((operation, message) -> {
      ContractException error = failure(ControlPlaneRequest.builder(operation).tenantId("").requiredChecks());
      assertThat(error.getMessage()).isEqualTo(message);
      assertThat(error.location()).isEqualTo("payload.required_checks");
    });
  }

  @Test
  void workerHandoffChecksModeThenListsAndGuardsTargets() {
    assertThat(failure(ControlPlaneRequest.builder(Operation.SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF)
        .tenantId("t").workerMode("turbo").requiredChecks()).getMessage())
        .isEqualTo("worker_mode must be one of: dry_run, live, shadow, unknown");
    assertThat(failure(ControlPlaneRequest.builder(Operation.SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF)
        .tenantId("t").workerTargets()).code()).isEqualTo(ErrorCode.EMPTY_LIST);
    ContractException error = failure(ControlPlaneRequest.builder(Operation.SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF)
        .tenantId("t").workerTargets(FakeTokens.github()));
    assertThat(error.code()).isEqualTo(ErrorCode.SENSITIVE_VALUE);
    assertThat(error.location()).isEqualTo("payload.worker_targets[0]");
  }

  @Test
  void unknownParameterIsRefusedWithItsName() {
    assertThatThrownBy(() -> ControlPlaneRequest.builder(Operation.TENANT_STATUS).set("policy_refs", List.of("x")))
        .isInstanceOfSatisfying(ContractException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
          assertThat(e.location()).isEqualTo("policy_refs");
        });
  }

  @Test
  void wrongParameterKindIsAnInvalidType() {
    assertThatThrownBy(() -> ControlPlaneRequest.builder(Operation.TENANT_STATUS).set("capabilities", "license"))
        .isInstanceOfSatisfying(ContractException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TYPE));
  }

  @Test
  void nonStringListElementIsRefusedAtItsIndex() {
    ContractException error = failure(ControlPlaneRequest.builder(Operation.TENANT_STATUS)
        .tenantId("t").set("capabilities", List.of("license", 7)));
    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_TYPE);
    assertThat(error.location()).isEqualTo("payload.requested_capabilities[1]");
  }

  @Test
  void unpairedSurrogateIsRefusedBecauseUtf8CannotCarryIt() {
    ContractException error = failure(ControlPlaneRequest.builder(Operation.TENANT_STATUS).tenantId("t\ud800"));
    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_VALUE);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void everyOperationBuildsFromDefaultsAndAnswersUnavailable(Operation operation) {
    RequestBuilder builder = ControlPlaneRequest.builder(operation).tenantId("tenant-demo");
    for (RequestParameter parameter : builder.parameters()) {
      if (parameter.required() && !parameter.name().equals("tenant_id")) {
        builder.set(parameter.name(), sample(parameter));
      }
    }
    ControlPlaneRequest request = builder.build();
    assertThat(request.operation()).isEqualTo(operation);
    assertThat(request.privateImplementationRequired()).isTrue();
    ControlPlaneResponse response = ControlPlaneResponse.unavailable(request);
    assertThat(response.status()).isEqualTo(ResponseStatus.REQUIRES_PRIVATE_SERVICE);
    assertThat(response.verifyAnswers(request)).isSameAs(response);
  }

  @Test
  void parameterTablesNameTheReferenceKeywords() {
    assertThat(RequestBuilder.parameters(Operation.EVIDENCE_EXPORT)).extracting(RequestParameter::name)
        .containsExactly("tenant_id", "requested_by", "correlation_id", "evidence_refs", "export_format",
            "retention_profile");
    assertThat(RequestBuilder.parameters(Operation.TENANT_STATUS).get(3).defaultValue())
        .isEqualTo(List.of("license", "policy_registry", "evidence_export"));
  }

  static Object sample(RequestParameter parameter) {
    switch (parameter.kind()) {
      case TEXT:
        return "Demo Organization";
      case TEXT_LIST:
        return List.of("ref-1");
      case LICENSE_REPORT:
        return LicenseValidationReport.communityDefault();
      default:
        return Map.of();
    }
  }
}
