package io.cavra.controlplane.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.Operation;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConformanceVectorsTest {
  private static final ConformanceVectors VECTORS = ConformanceVectors.load();

  private static final List<Invariant> REJECTION_INVARIANTS =
      List.of(
          Invariant.TIMELY,
          Invariant.REJECTS_INVALID_REQUEST,
          Invariant.PROBLEM_DETAILS,
          Invariant.NO_SECRET_MATERIAL,
          Invariant.NO_CANARY_ECHO);

  private static byte[] resource(String file) throws Exception {
    try (InputStream in =
        ConformanceVectorsTest.class.getResourceAsStream(
            "/" + ConformanceVectors.RESOURCE_DIRECTORY + file)) {
      return in.readAllBytes();
    }
  }

  @Test
  void casesAreCountedByOperationInIndexOrder() {
    Map<String, Long> counts =
        VECTORS.cases().stream()
            .collect(
                Collectors.groupingBy(
                    ConformanceCase::operation, LinkedHashMap::new, Collectors.counting()));

    assertThat(counts)
        .containsExactly(
            Map.entry("envelope", 21L),
            Map.entry("entitlement_status", 7L),
            Map.entry("tenant_onboarding", 14L),
            Map.entry("tenant_status", 4L),
            Map.entry("license_validation", 6L),
            Map.entry("policy_registry_readiness", 6L),
            Map.entry("policy_registry_lookup", 11L),
            Map.entry("tenant_audit_store_operating", 6L),
            Map.entry("customer_operating_dashboard", 6L),
            Map.entry("support_handoff_readiness", 6L),
            Map.entry("saas_operating_automation", 6L),
            Map.entry("evidence_export", 6L),
            Map.entry("saas_operating_automation_worker_handoff", 6L));
  }

  @Test
  void theIndexListsTheEnvelopeFileThenOneFilePerDeclaredOperationInOrder() {
    List<String> expected = new java.util.ArrayList<>(List.of("envelope.json"));
    for (Operation operation : Operation.values()) {
      expected.add(operation.wireName() + ".json");
    }

    assertThat(VECTORS.files()).containsExactlyElementsOf(expected);
  }

  @Test
  void everyOperationHasDefaultsCustomAndRejectedCases() {
    for (Operation operation : Operation.values()) {
      List<ConformanceCase> cases =
          VECTORS.cases().stream().filter(c -> c.operation().equals(operation.wireName())).toList();
      assertThat(cases)
          .extracting(ConformanceCase::name)
          .as(operation.wireName())
          .contains("defaults", "custom");
      assertThat(cases)
          .filteredOn(c -> c.verdict() == ConformanceCase.Verdict.REJECTED)
          .as(operation.wireName())
          .isNotEmpty();
      if (operation.hasSummary()) {
        assertThat(cases)
            .extracting(ConformanceCase::name)
            .as(operation.wireName())
            .contains("other-tenant");
      }
    }
  }

  @Test
  void rejectedCasesCoverTheContractsRefusals() {
    Set<ErrorCode> codes =
        VECTORS.cases().stream()
            .map(ConformanceCase::expectedCode)
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ErrorCode.class)));

    assertThat(codes)
        .containsExactlyInAnyOrder(
            ErrorCode.INVALID_JSON,
            ErrorCode.DUPLICATE_KEY,
            ErrorCode.TOO_DEEP,
            ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
            ErrorCode.UNKNOWN_OPERATION,
            ErrorCode.UNKNOWN_FIELD,
            ErrorCode.MISSING_FIELD,
            ErrorCode.INVALID_TYPE,
            ErrorCode.INVALID_VALUE,
            ErrorCode.EMPTY_VALUE,
            ErrorCode.EMPTY_LIST,
            ErrorCode.SENSITIVE_FIELD,
            ErrorCode.SENSITIVE_VALUE);
  }

  @Test
  void canaryCasesPlantEveryKindAndAreAllRejected() {
    List<ConformanceCase> canaries =
        VECTORS.cases().stream().filter(ConformanceCase::plantsCanary).toList();

    assertThat(canaries)
        .allSatisfy(c -> assertThat(c.verdict()).isEqualTo(ConformanceCase.Verdict.REJECTED));
    assertThat(canaries.stream().flatMap(c -> c.canaryKinds().stream()).distinct())
        .containsExactlyInAnyOrderElementsOf(VECTORS.canaryKinds());
    assertThat(canaries).hasSizeGreaterThanOrEqualTo(25);
  }

  @Test
  void acceptedCasesListEveryResponseInvariantAndRejectedCasesTheRejectionOnes() {
    for (ConformanceCase c : VECTORS.cases()) {
      if (c.verdict() == ConformanceCase.Verdict.REJECTED) {
        assertThat(c.invariants())
            .as(c.displayName())
            .containsExactlyElementsOf(REJECTION_INVARIANTS);
      } else {
        assertThat(c.invariants())
            .as(c.displayName())
            .contains(
                Invariant.TIMELY,
                Invariant.SCHEMA_VALID,
                Invariant.SAME_OPERATION,
                Invariant.SAME_CORRELATION_ID,
                Invariant.SAME_TENANT,
                Invariant.STATUS_IN_SET,
                Invariant.UNAVAILABLE_FOR_UNDECLARED,
                Invariant.DECLARED_CAPABILITY_ANSWERED,
                Invariant.NO_SECRET_MATERIAL,
                Invariant.NO_CANARY_ECHO);
        assertThat(c.invariants().contains(Invariant.SUMMARY_STATES_IN_SET))
            .as(c.displayName())
            .isEqualTo(c.contractOperation().orElseThrow().hasSummary());
      }
    }
  }

  @Test
  void acceptedRequestsValidateAgainstThePublishedRequestSchema() {
    for (ConformanceCase c : VECTORS.cases()) {
      if (c.verdict() == ConformanceCase.Verdict.ACCEPTED) {
        assertThat(
                PublishedSchemas.errors(
                    "request", c.requestTemplate().getBytes(StandardCharsets.UTF_8)))
            .as(c.displayName())
            .isEmpty();
      }
    }
  }

  @Test
  void caseNamesAreLowerCaseWordsWithDashes() {
    assertThat(VECTORS.cases())
        .allSatisfy(c -> assertThat(c.name()).matches("[a-z0-9]+(-[a-z0-9]+)*"));
  }

  @Test
  void digestFollowsTheDocumentedRule() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<String> files = new ArrayList<>(List.of("index.json"));
    files.addAll(VECTORS.files());
    for (String file : files) {
      byte[] bytes = resource(file);
      sha.update((file + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
      sha.update(bytes);
    }

    assertThat(VECTORS.sha256()).isEqualTo(HexFormat.of().formatHex(sha.digest())).hasSize(64);
  }

  @Test
  void noVectorFileHoldsCredentialShapedText() throws Exception {
    Pattern aws = Pattern.compile("AKIA[0-9A-Z]{16}");
    for (String file : VECTORS.files()) {
      String text = new String(resource(file), StandardCharsets.UTF_8);
      assertThat(TestReports.CREDENTIAL.matcher(text).find()).as(file).isFalse();
      assertThat(aws.matcher(text).find()).as(file).isFalse();
    }
  }

  @Test
  void findsCasesByDisplayName() {
    assertThat(VECTORS.find("envelope: duplicate-key"))
        .get()
        .satisfies(c -> assertThat(c.expectedCode()).isEqualTo(ErrorCode.DUPLICATE_KEY));
    assertThat(VECTORS.find("envelope: nothing-like-this")).isEmpty();
  }

  @Test
  void aCaseKnowsItsTenantUnlessTheRequestHidesIt() {
    assertThat(VECTORS.find("policy_registry_readiness: other-tenant").orElseThrow().tenantId())
        .hasValue("tenant-conformance-b");
    assertThat(VECTORS.find("envelope: canary-in-tenant-id").orElseThrow().tenantId()).isEmpty();
    assertThat(VECTORS.find("envelope: not-json").orElseThrow().tenantId()).isEmpty();
  }

  @Test
  void tenantsAreThoseTheAcceptedCasesActForInOrderOfFirstUse() {
    assertThat(VECTORS.tenants()).containsExactly("tenant-demo", "tenant-conformance-b");
  }
}
