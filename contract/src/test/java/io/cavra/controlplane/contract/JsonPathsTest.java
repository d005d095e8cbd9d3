package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

  @Test
  void identifiersUseShorthandAndOtherNamesAreBracketed() {
    assertThat(JsonPaths.member("$", "tenant_id")).isEqualTo("$.tenant_id");
    assertThat(JsonPaths.member("", "payload")).isEqualTo("payload");
    assertThat(JsonPaths.member("payload", "équipe")).isEqualTo("payload.équipe");
    assertThat(JsonPaths.member("payload.labels", "app.kubernetes.io/name"))
        .isEqualTo("payload.labels['app.kubernetes.io/name']");
    assertThat(JsonPaths.member("$", "9lives")).isEqualTo("$['9lives']");
    assertThat(JsonPaths.member("$", "")).isEqualTo("$['']");
    assertThat(JsonPaths.member("", "a b")).isEqualTo("['a b']");
  }

  @Test
  void bracketedNamesUseTheNormalizedEscapesOfRfc9535() {
    assertThat(JsonPaths.member("$", "it's")).isEqualTo("$['it\\'s']");
    assertThat(JsonPaths.member("$", "back\\slash")).isEqualTo("$['back\\\\slash']");
    assertThat(JsonPaths.member("$", "tab\there\n")).isEqualTo("$['tab\\there\\n']");
    assertThat(JsonPaths.member("$", "bell\u0007")).isEqualTo("$['bell\\u0007']");
    assertThat(JsonPaths.member("$", "quote\"d")).isEqualTo("$['quote\"d']");
  }

  @Test
  void theRedactionMarkerStaysAsTheGuardWritesIt() {
    assertThat(JsonPaths.member("$.payload", "<redacted>")).isEqualTo("$.payload.<redacted>");
  }

  @Test
  void theReferenceFormWritesBracketedNamesAsTheyAre() {
    assertThat(JsonPaths.reference("payload.labels['app.kubernetes.io/name'].password"))
        .isEqualTo("payload.labels.app.kubernetes.io/name.password");
    assertThat(JsonPaths.reference("['a.b'][0]")).isEqualTo("a.b[0]");
    assertThat(JsonPaths.reference("$['it\\'s']")).isEqualTo("$.it's");
    assertThat(JsonPaths.reference("line 1, column 2")).isEqualTo("line 1, column 2");
  }

  @Test
  void theParentOfAPathIgnoresDotsAndBracketsInsideQuotedNames() {
    assertThat(JsonPaths.parent("$.x['a.b']")).isEqualTo("$.x");
    assertThat(JsonPaths.parent("$.x['a[0]'].y")).isEqualTo("$.x['a[0]']");
    assertThat(JsonPaths.parent("$.x['it\\'s.here']")).isEqualTo("$.x");
    assertThat(JsonPaths.parent("$.x[3]")).isEqualTo("$.x");
    assertThat(JsonPaths.parent("$")).isNull();
  }

  @Property
  void everyNameRoundTripsThroughAPathAndItsParent(@ForAll String name) {
    String path = JsonPaths.member("$.payload", name);
    assertThat(JsonPaths.reference(path)).isEqualTo("$.payload." + name);
    assertThat(JsonPaths.parent(path)).isEqualTo("$.payload");
    assertThat(JsonPaths.parent(JsonPaths.index(path, 2))).isEqualTo(path);
  }

  @Test
  void aCredentialBelowALabelWithADottedNameHasAnUnambiguousPathAndTheReferencesMessage() {
    ContractException error =
        catchThrowableOfType(
            ContractException.class,
            () ->
                ContractJson.toJson(
                    ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                        .tenantId("t")
                        .policyRefs("p")
                        .label("app.kubernetes.io/name", Map.of("password", "placeholder"))
                        .build()));

    assertThat(error.path()).isEqualTo("$.payload.labels['app.kubernetes.io/name'].password");
    assertThat(error.location()).isEqualTo("payload.labels.app.kubernetes.io/name.password");
    assertThat(error.getMessage())
        .isEqualTo(
            "sensitive field is not allowed in public SaaS contract payload: "
                + "payload.labels.app.kubernetes.io/name.password");
  }

  @Test
  void aParseErrorBelowADottedNameIsLocatedByABracketedSegment() {
    String json = "{\"a.b\": {\"c\": 1, \"c\": 2}}";
    ContractException error =
        catchThrowableOfType(
            ContractException.class,
            () -> ContractJson.defaults().parseTree(json.getBytes(StandardCharsets.UTF_8)));

    assertThat(error.code()).isEqualTo(ErrorCode.DUPLICATE_KEY);
    assertThat(error.path()).isEqualTo("$['a.b'].c");
  }

  @Test
  void guardFindingsInTwoMembersThatOnceSharedAPathNowDiffer() {
    String flat = "{\"a.b\": {\"password\": \"placeholder\"}}";
    String nested = "{\"a\": {\"b\": {\"password\": \"placeholder\"}}}";
    List<String> paths =
        List.of(flat, nested).stream()
            .map(text -> ContractJson.defaults().parseTree(text.getBytes(StandardCharsets.UTF_8)))
            .map(
                tree ->
                    catchThrowableOfType(
                            ContractException.class,
                            () ->
                                io.cavra.controlplane.contract.secret.SecretGuard.defaults()
                                    .check(tree, "$"))
                        .path())
            .toList();

    assertThat(paths).containsExactly("$['a.b'].password", "$.a.b.password");
  }
}
