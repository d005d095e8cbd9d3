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

/**
 * Builder behaviour beyond the reference's own tests: the derived vectors of wire-spec §6.7 and our
 * additions.
 */
class RequestBuilderTest {

  private static ContractException failure(RequestBuilder builder) {
    return catchThrowableOfType(ContractException.class, builder::build);
  }

  @Test
  void generatedCorrelationIdsAreSaasPrefixedLowerHexAndFresh() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String id =
          ControlPlaneRequest.builder(Operation.TENANT_STATUS)
              .tenantId("t")
              .build()
              .correlationId();
      assertThat(id).matches("saas-[0-9a-f]{12}");
      seen.add(id);
    }
    assertThat(seen).hasSize(200);
  }

  /** Our own gateway's API keys are credentials too, wherever a caller puts one. */
  @ParameterizedTest
  @ValueSource(strings = {"tenant_id", "requested_by", "correlation_id"})
  void aCavraApiKeyAsAnIdentifierIsRefusedBuiltOrParsed(String field) {
    String key =
        "cav"
            + "ra_"
            + new java.util.Random(field.hashCode())
                .ints(49, 0, 62)
                .map(
                    i -> "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".charAt(i))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    RequestBuilder builder =
        ControlPlaneRequest.builder(Operation.TENANT_STATUS)
            .tenantId("tenant-demo")
            .correlationId("saas-0123456789ab")
            .set(field, key);
    String valid =
        ContractJson.toJson(
            ControlPlaneRequest.builder(Operation.TENANT_STATUS)
                .tenantId("tenant-demo")
                .correlationId("saas-0123456789ab")
                .build());
    String json =
        valid.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":\"" + key + "\"");

    ContractException built = failure(builder);
    ContractException parsed =
        catchThrowableOfType(
            ContractException.class,
            () ->
                ContractJson.defaults()
                    .parseRequest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    for (ContractException error : List.of(built, parsed)) {
      assertThat(error.code()).isEqualTo(ErrorCode.SENSITIVE_VALUE);
      assertThat(error.ruleId()).contains("cavra-api-key");
      assertThat(error.getMessage() + error.location()).doesNotContain(key);
    }
  }

  @Test
  void callerMaySetTheCorrelationIdAndTheResponseCopiesIt() {
    ControlPlaneRequest request =
        ControlPlaneRequest.builder(Operation.TENANT_STATUS)
            .tenantId("t")
            .correlationId("saas-example")
            .build();
    assertThat(ControlPlaneResponse.unavailable(request).correlationId()).isEqualTo("saas-example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "-leading-dash", "semi;colon"})
  void malformedCorrelationIdIsRefused(String id) {
    ContractException error =
        failure(
            ControlPlaneRequest.builder(Operation.TENANT_STATUS).tenantId("t").correlationId(id));
    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_VALUE);
    assertThat(error.location()).isEqualTo("correlation_id");
    assertThat(error.getMessage()).doesNotContain(id.isEmpty() ? "\u0000" : id);
  }

  @Test
  void identifiersAreStrippedLikePythonStrip() {
    // U+00A0, U+2007 and U+0085 are white space to Python's str.strip() but not to String.strip().
    ControlPlaneRequest request =
        ControlPlaneRequest.builder(Operation.TENANT_STATUS)
            .tenantId("\u00a0 tenant-demo\u2007\u0085")
            .requestedBy("\tconsole\n")
            .build();
    assertThat(request.tenantId()).isEqualTo("tenant-demo");
    assertThat(request.requestedBy()).isEqualTo("console");
  }

  @Test
  void blankTenantFailsWithTheReferenceText() {
    ContractException error =
        failure(ControlPlaneRequest.builder(Operation.TENANT_STATUS).tenantId("   "));
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
    ContractException error =
        failure(
            ControlPlaneRequest.builder(Operation.TENANT_STATUS)
                .tenantId("t")
                .requestedBy(FakeTokens.github()));
    assertThat(error.code()).isEqualTo(ErrorCode.SENSITIVE_VALUE);
    // Deviation: the reference reports payload.requested_by; the field sits at the envelope's root.
    assertThat(error.getMessage())
        .isEqualTo("sensitive value is not allowed in public SaaS contract payload: requested_by");
    assertThat(error.getMessage()).doesNotContain(FakeTokens.github());
  }

  @Test
  void policyLookupReportsEmptyRefsBeforeABlankTenant() {
    ContractException error =
        failure(ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP).tenantId(""));
    assertThat(error.getMessage())
        .isEqualTo("policy_refs must include at least one policy reference");
    assertThat(error.code()).isEqualTo(ErrorCode.EMPTY_LIST);
  }

  @Test
  void evidenceExportReportsTheFormatBeforeEmptyRefs() {
    ContractException error =
        failure(
            ControlPlaneRequest.builder(Operation.EVIDENCE_EXPORT)
                .tenantId("t")
                .exportFormat("pdf"));
    assertThat(error.getMessage())
        .isEqualTo("export_format must be one of: json, jsonl, markdown, zip");
  }

  @Test
  void exportFormatIsCaseSensitiveLikeTheReference() {
    assertThat(
            failure(
                    ControlPlaneRequest.builder(Operation.EVIDENCE_EXPORT)
                        .tenantId("t")
                        .evidenceRefs("e")
                        .exportFormat("JSON"))
                .code())
        .isEqualTo(ErrorCode.INVALID_VALUE);
  }

  @Test
  void sensitiveLabelKeyIsRefusedAtBuildTimeWithItsFullPath() {
    ContractException error =
        failure(
            ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                .tenantId("t")
                .policyRefs("p")
                .label("team_token", "x"));
    assertThat(error.code()).isEqualTo(ErrorCode.SENSITIVE_FIELD);
    assertThat(error.location()).isEqualTo("payload.labels.team_token");
  }

  @Test
  void sensitiveContactHasTheReferencesMessageAndItsRealLocation() {
    ContractException error =
        failure(
            ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
                .tenantId("t")
                .organizationName("Demo")
                .contact("api_token", "placeholder"));
    assertThat(error.getMessage())
        .isEqualTo(
            "sensitive field is not allowed in public SaaS contract payload: payload.api_token");
    assertThat(error.location()).isEqualTo("payload.contacts.api_token");
  }

  @Test
  void labelsTakeEveryJavaFormOfAJsonValueAndWriteThemAsPythonDoes() {
    Map<String, Object> labels = new java.util.LinkedHashMap<>();
    labels.put("int", 7);
    labels.put("long", -9L);
    labels.put("big", java.math.BigInteger.TWO.pow(70));
    labels.put("double", 0.1);
    labels.put("float", 1.5f);
    labels.put("decimal", new java.math.BigDecimal("2.50"));
    labels.put("tiny", 1e-7);
    labels.put("huge", 1e22);
    labels.put("neg", -2.5e-300);
    labels.put("yes", true);
    labels.put("none", null);
    labels.put("list", List.of(1, "x"));
    labels.put("map", Map.of("a", List.of()));

    ControlPlaneRequest request =
        ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
            .tenantId("t")
            .correlationId("saas-0123456789ab")
            .policyRefs("p")
            .labels(labels)
            .build();

    // Python: json.dumps(labels, separators=(",", ":"), ensure_ascii=False) with the same values.
    assertThat(ContractJson.toJson(request))
        .contains(
            "\"labels\":{\"int\":7,\"long\":-9,"
                + "\"big\":1180591620717411303424,\"double\":0.1,\"float\":1.5,\"decimal\":2.5,\"tiny\":1e-07,"
                + "\"huge\":1e+22,\"neg\":-2.5e-300,\"yes\":true,\"none\":null,\"list\":[1,\"x\"],\"map\":{\"a\":[]}}");
    assertThat(ContractJson.defaults().parseRequest(ContractJson.toJson(request)))
        .isEqualTo(request);
  }

  @Test
  void nestedLabelsAreAnImmutableDeepCopyInTheirOrder() {
    List<Object> owners = new java.util.ArrayList<>(List.of("alice"));
    Map<String, Object> team = new java.util.LinkedHashMap<>();
    team.put("owners", owners);
    team.put("name", "platform");
    RequestPayload.PolicyRegistryLookup payload =
        (RequestPayload.PolicyRegistryLookup)
            ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                .tenantId("t")
                .policyRefs("p")
                .label("team", team)
                .label("tier", "gold")
                .build()
                .payload();
    owners.add("mallory");
    team.put("name", "changed");

    assertThat(payload.labels().keySet()).containsExactly("team", "tier");
    @SuppressWarnings("unchecked")
    Map<String, Object> copied = (Map<String, Object>) payload.labels().get("team");
    assertThat(copied)
        .containsExactly(Map.entry("owners", List.of("alice")), Map.entry("name", "platform"));
    assertThatThrownBy(() -> ((List<Object>) copied.get("owners")).add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copied.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> payload.labels().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void labelTextAndContactTextAnswerTheStringCase() {
    RequestPayload.PolicyRegistryLookup lookup =
        (RequestPayload.PolicyRegistryLookup)
            ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                .tenantId("t")
                .policyRefs("p")
                .label("team", "platform")
                .label("tier", 2)
                .build()
                .payload();
    RequestPayload.TenantOnboarding onboarding =
        (RequestPayload.TenantOnboarding)
            ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
                .tenantId("t")
                .organizationName("Demo")
                .contact("owner", "owner@example.invalid")
                .contact("escalation", List.of("ops"))
                .build()
                .payload();

    assertThat(lookup.labelText("team")).contains("platform");
    assertThat(lookup.labelText("tier")).isEmpty();
    assertThat(lookup.labelText("absent")).isEmpty();
    assertThat(onboarding.contactText("owner")).contains("owner@example.invalid");
    assertThat(onboarding.contactText("escalation")).isEmpty();
  }

  @Test
  void aLabelValueThatIsNotJsonIsRefusedAtItsPath() {
    ContractException error =
        failure(
            ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                .tenantId("t")
                .policyRefs("p")
                .label("team", Map.of("since", java.time.LocalDate.of(2024, 1, 1))));

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_TYPE);
    assertThat(error.location()).isEqualTo("payload.labels.team.since");
    assertThat(error.getMessage()).isEqualTo("payload.labels.team.since must be a JSON value");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void aNonFiniteNumberInAContactIsRefused(double number) {
    ContractException error =
        failure(
            ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
                .tenantId("t")
                .organizationName("Demo")
                .contact("hours", List.of(8, number)));

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_VALUE);
    assertThat(error.location()).isEqualTo("payload.contacts.hours[1]");
  }

  @Test
  void aLabelKeyThatIsNotAStringIsRefused() {
    ContractException error =
        failure(
            ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                .tenantId("t")
                .policyRefs("p")
                .label("team", Map.of(1, "x")));

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_TYPE);
    assertThat(error.location()).isEqualTo("payload.labels.team");
  }

  @Test
  void labelsThatAreNotAnObjectAreRefusedByName() {
    ContractException error =
        catchThrowableOfType(
            ContractException.class,
            () ->
                ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                    .set("labels", List.of("team")));

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_TYPE);
    assertThat(error.getMessage()).isEqualTo("labels must be an object");
  }

  /**
   * Labels sit two levels below the root; the default reader allows containers down to level 63.
   */
  @Test
  void labelsNestedDeeperThanTheDefaultReaderAllowsAreRefusedWhenBuilt() {
    Object deepest = "x";
    for (int i = 0; i < 61; i++) {
      deepest = List.of(deepest);
    }
    ControlPlaneRequest readable =
        ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
            .tenantId("t")
            .policyRefs("p")
            .label("chain", deepest)
            .build();
    assertThat(ContractJson.defaults().parseRequest(ContractJson.toJson(readable)))
        .isEqualTo(readable);

    ContractException error =
        failure(
            ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                .tenantId("t")
                .policyRefs("p")
                .label("chain", List.of(deepest)));
    assertThat(error.code()).isEqualTo(ErrorCode.TOO_DEEP);
    assertThat(error.getMessage()).endsWith(" nests deeper than 64 levels");
  }

  @Test
  void aCyclicContactIsTooDeepNotAStackOverflow() {
    List<Object> cycle = new java.util.ArrayList<>();
    cycle.add(cycle);

    assertThat(
            failure(
                    ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
                        .tenantId("t")
                        .organizationName("Demo")
                        .contact("loop", cycle))
                .code())
        .isEqualTo(ErrorCode.TOO_DEEP);
  }

  /**
   * Wire-spec 2.2.5: contacts are guarded at build, and the reference's path has no contacts.
   * segment.
   */
  @Test
  void credentialsBelowAContactHaveTheReferencesMessageAndTheirRealLocation() {
    Map<String, Object> nestedKey =
        Map.of("owners", Map.of("primary", Map.of("password", "placeholder")));
    Map<String, Object> inList =
        Map.of("escalation", List.of("ops@example.invalid", FakeTokens.github()));
    Map<String, Object> keyInList =
        Map.of("owners", List.of(Map.of("name", "ops"), Map.of("token", "placeholder")));
    String field = "sensitive field is not allowed in public SaaS contract payload: ";
    String value = "sensitive value is not allowed in public SaaS contract payload: ";
    Object[][] cases = {
      {
        nestedKey,
        ErrorCode.SENSITIVE_FIELD,
        "payload.contacts.owners.primary.password",
        field + "payload.owners.primary.password"
      },
      {
        inList,
        ErrorCode.SENSITIVE_VALUE,
        "payload.contacts.escalation[1]",
        value + "payload.escalation[1]"
      },
      {
        keyInList,
        ErrorCode.SENSITIVE_FIELD,
        "payload.contacts.owners[1].token",
        field + "payload.owners[1].token"
      },
    };
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      Map<String, Object> contacts = (Map<String, Object>) c[0];
      ContractException error =
          failure(
              ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
                  .tenantId("t")
                  .organizationName("Demo")
                  .contacts(contacts));
      assertThat(error.code()).isEqualTo(c[1]);
      assertThat(error.location()).isEqualTo(c[2]);
      assertThat(error.getMessage()).isEqualTo(c[3]).doesNotContain(FakeTokens.github());
      assertThat(error.ruleId()).isPresent();
    }
  }

  /**
   * Labels keep their segment in the reference's message (wire-spec 6.7); refused at construction
   * here.
   */
  @Test
  void credentialsBelowALabelAreRefusedWhenBuiltWithTheReferencesPath() {
    String field = "sensitive field is not allowed in public SaaS contract payload: ";
    ContractException nested =
        failure(
            ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                .tenantId("t")
                .policyRefs("p")
                .label("team", Map.of("owner", Map.of("password", "placeholder"))));
    ContractException inList =
        failure(
            ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                .tenantId("t")
                .policyRefs("p")
                .label("owners", List.of("alice", FakeTokens.slack())));

    assertThat(nested.location()).isEqualTo("payload.labels.team.owner.password");
    assertThat(nested.getMessage()).isEqualTo(field + "payload.labels.team.owner.password");
    assertThat(inList.code()).isEqualTo(ErrorCode.SENSITIVE_VALUE);
    assertThat(inList.location()).isEqualTo("payload.labels.owners[1]");
    assertThat(inList.getMessage())
        .isEqualTo(
            "sensitive value is not allowed in public SaaS contract payload:"
                + " payload.labels.owners[1]");
  }

  @Test
  void parsedNestedContactsReportTheSameAsBuiltOnes() {
    String json =
        ContractJson.toJson(
                ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
                    .tenantId("tenant-demo")
                    .correlationId("saas-0123456789ab")
                    .organizationName("Demo")
                    .contact("owners", Map.of("primary", "ops"))
                    .build())
            .replace("\"primary\":\"ops\"", "\"primary\":{\"pass\\u0077ord\":\"placeholder\"}");

    ContractException error =
        catchThrowableOfType(
            ContractException.class, () -> ContractJson.defaults().parseRequest(json));

    assertThat(error.location()).isEqualTo("payload.contacts.owners.primary.password");
    assertThat(error.getMessage())
        .isEqualTo(
            "sensitive field is not allowed in public SaaS contract payload:"
                + " payload.owners.primary.password");
  }

  @Test
  void onboardingStripsOrganizationAndRegionAndChecksInReferenceOrder() {
    ControlPlaneRequest request =
        ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
            .tenantId("t")
            .organizationName("  Demo  ")
            .region("  eu-west  ")
            .build();
    RequestPayload.TenantOnboarding payload = (RequestPayload.TenantOnboarding) request.payload();
    assertThat(payload.organizationName()).isEqualTo("Demo");
    assertThat(payload.region()).isEqualTo("eu-west");
    assertThat(
            failure(
                    ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
                        .tenantId("")
                        .organizationName(" ")
                        .deploymentModel("public_demo"))
                .getMessage())
        .isEqualTo("deployment_model must be one of: hosted_saas, hybrid, self_hosted_enterprise");
    assertThat(
            failure(
                    ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
                        .tenantId("")
                        .organizationName(" ")
                        .requirements())
                .getMessage())
        .isEqualTo("organization_name must not be empty");
    assertThat(
            failure(
                    ControlPlaneRequest.builder(Operation.TENANT_ONBOARDING)
                        .tenantId("")
                        .organizationName("Demo")
                        .requirements())
                .getMessage())
        .isEqualTo("requirements must include at least one onboarding requirement");
  }

  @Test
  void everyEmptyChecksMessageIsTheReferenceText() {
    Map<Operation, String> expected =
        Map.of(
            Operation.POLICY_REGISTRY_READINESS,
                "required_checks must include at least one policy registry readiness check",
            Operation.TENANT_AUDIT_STORE_OPERATING,
                "required_checks must include at least one tenant audit-store operating check",
            Operation.CUSTOMER_OPERATING_DASHBOARD,
                "required_checks must include at least one customer operating dashboard check",
            Operation.SUPPORT_HANDOFF_READINESS,
                "required_checks must include at least one support handoff readiness check",
            Operation.SAAS_OPERATING_AUTOMATION,
                "required_checks must include at least one SaaS operating automation check");
    expected.forEach(
        (operation, message) -> {
          ContractException error =
              failure(ControlPlaneRequest.builder(operation).tenantId("").requiredChecks());
          assertThat(error.getMessage()).isEqualTo(message);
          assertThat(error.location()).isEqualTo("payload.required_checks");
        });
  }

  @Test
  void workerHandoffChecksModeThenListsAndGuardsTargets() {
    assertThat(
            failure(
                    ControlPlaneRequest.builder(Operation.SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF)
                        .tenantId("t")
                        .workerMode("turbo")
                        .requiredChecks())
                .getMessage())
        .isEqualTo("worker_mode must be one of: dry_run, live, shadow, unknown");
    assertThat(
            failure(
                    ControlPlaneRequest.builder(Operation.SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF)
                        .tenantId("t")
                        .workerTargets())
                .code())
        .isEqualTo(ErrorCode.EMPTY_LIST);
    ContractException error =
        failure(
            ControlPlaneRequest.builder(Operation.SAAS_OPERATING_AUTOMATION_WORKER_HANDOFF)
                .tenantId("t")
                .workerTargets(FakeTokens.github()));
    assertThat(error.code()).isEqualTo(ErrorCode.SENSITIVE_VALUE);
    assertThat(error.location()).isEqualTo("payload.worker_targets[0]");
  }

  @Test
  void unknownParameterIsRefusedWithItsName() {
    assertThatThrownBy(
            () ->
                ControlPlaneRequest.builder(Operation.TENANT_STATUS)
                    .set("policy_refs", List.of("x")))
        .isInstanceOfSatisfying(
            ContractException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
              assertThat(e.location()).isEqualTo("policy_refs");
            });
  }

  @Test
  void wrongParameterKindIsAnInvalidType() {
    assertThatThrownBy(
            () ->
                ControlPlaneRequest.builder(Operation.TENANT_STATUS).set("capabilities", "license"))
        .isInstanceOfSatisfying(
            ContractException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TYPE));
  }

  @Test
  void nonStringListElementIsRefusedAtItsIndex() {
    ContractException error =
        failure(
            ControlPlaneRequest.builder(Operation.TENANT_STATUS)
                .tenantId("t")
                .set("capabilities", List.of("license", 7)));
    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_TYPE);
    assertThat(error.location()).isEqualTo("payload.requested_capabilities[1]");
  }

  @Test
  void unpairedSurrogateIsRefusedBecauseUtf8CannotCarryIt() {
    ContractException error =
        failure(ControlPlaneRequest.builder(Operation.TENANT_STATUS).tenantId("t\ud800"));
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
    assertThat(RequestBuilder.parameters(Operation.EVIDENCE_EXPORT))
        .extracting(RequestParameter::name)
        .containsExactly(
            "tenant_id",
            "requested_by",
            "correlation_id",
            "evidence_refs",
            "export_format",
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
