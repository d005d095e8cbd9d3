package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cavra.controlplane.contract.internal.Screening;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Records trust only values that prove where they came from: lists and maps of a document that the
 * default guard's screen cleared. Nothing depends on what else runs on the thread.
 */
class TrustedReadTest {
  private static final JsonTreeReader READER =
      new JsonTreeReader(ContractJson.DEFAULT_MAX_BYTES, ContractJson.DEFAULT_MAX_DEPTH);

  private static byte[] lookup(String team) {
    ControlPlaneRequest request =
        ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
            .tenantId("tenant-demo")
            .policyRefs("policy-a")
            .labels(Map.of("team", "placeholder"))
            .build();
    return ContractJson.toJson(request)
        .replace("placeholder", team)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void recordBuiltWhileTheReaderReadsACleanDocumentIsStillGuarded() {
    AtomicReference<ContractException> refused = new AtomicReference<>();
    Screening building =
        new Screening() {
          @Override
          public void check(Object value, String rootPath) {
            Checks.GUARD.check(value, rootPath);
          }

          @Override
          public Screen screen(byte[] utf8) {
            refused.set(
                catchThrowableOfType(
                    ContractException.class,
                    () ->
                        new ControlPlaneRequest(
                            "tenant-demo",
                            "tenant-admin",
                            "saas-0123456789ab",
                            true,
                            new RequestPayload.TenantStatus(List.of(FakeTokens.github())))));
            return Checks.GUARD.screen(utf8);
          }

          @Override
          public Screen screen(String json) {
            return Checks.GUARD.screen(json);
          }
        };

    READER.readScreened(lookup("platform"), building);

    assertThat(refused.get()).isNotNull();
    assertThat(refused.get().code()).isEqualTo(ErrorCode.SENSITIVE_VALUE);
    assertThat(refused.get().location()).isEqualTo("payload.requested_capabilities[0]");
  }

  @Test
  void recordMixingACleanDocumentsValuesWithASecretOfItsOwnIsRefused() {
    Object tree = READER.readScreened(lookup("platform"), Checks.GUARD).tree();
    ControlPlaneRequest clean = TreeReader.request(tree);
    RequestPayload.PolicyRegistryLookup payload =
        (RequestPayload.PolicyRegistryLookup) clean.payload();

    RequestPayload.PolicyRegistryLookup mixed =
        new RequestPayload.PolicyRegistryLookup(
            payload.policyRefs(), Map.of("note", FakeTokens.github()));

    ContractException error =
        catchThrowableOfType(
            ContractException.class,
            () ->
                new ControlPlaneRequest(
                    clean.tenantId(), clean.requestedBy(), clean.correlationId(), true, mixed));

    assertThat(error.code()).isEqualTo(ErrorCode.SENSITIVE_VALUE);
    assertThat(error.location()).isEqualTo("payload.labels.note");
  }

  @Test
  void documentClearedByAnotherGuardIsGuardedAgainWhenItsRecordIsBuilt() {
    SecretGuard noRules = SecretGuard.builder().retainRules(rule -> false).build();
    JsonTreeReader.Screened read = READER.readScreened(lookup(FakeTokens.github()), noRules);
    assertThat(read.clear()).isTrue();

    ContractException error =
        catchThrowableOfType(ContractException.class, () -> TreeReader.request(read.tree()));

    assertThat(error.code()).isEqualTo(ErrorCode.SENSITIVE_VALUE);
    assertThat(error.location()).isEqualTo("payload.labels.team");
  }

  @Test
  void documentTheDefaultGuardClearedBuildsTheSameRecordAsAnUnscreenedRead() {
    byte[] json = lookup("platform");

    ControlPlaneRequest screened =
        TreeReader.request(READER.readScreened(json, Checks.GUARD).tree());
    ControlPlaneRequest unscreened = TreeReader.request(READER.read(json));

    assertThat(screened).isEqualTo(unscreened);
    assertThat(ContractJson.toJson(screened)).isEqualTo(new String(json, StandardCharsets.UTF_8));
  }
}
