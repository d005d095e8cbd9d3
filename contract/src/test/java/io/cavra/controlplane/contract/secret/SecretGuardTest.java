package io.cavra.controlplane.contract.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.MalformedJsonException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecretGuardTest {
  private final SecretGuard guard = SecretGuard.builtIn();
  private final Samples samples = new Samples(7L);

  /** A planted credential that must never show up in findings, messages or toString. */
  private final String canary = "ghp_" + samples.alnum(36);

  @Test
  void scanReportsEveryFindingInPreOrder() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("contacts", Map.of("api_token", "x"));
    payload.put("notes", List.of("fine", canary, List.of(Map.of("password", "x"))));
    payload.put("url", "https://ops:" + samples.alnum(12) + "@example.com");
    assertThat(guard.scan(payload, "payload"))
        .containsExactly(
            new SecretFinding(ErrorCode.SENSITIVE_FIELD, "key-token", "payload.contacts.api_token"),
            new SecretFinding(ErrorCode.SENSITIVE_VALUE, "github-pat-classic", "payload.notes[1]"),
            new SecretFinding(
                ErrorCode.SENSITIVE_FIELD, "key-password", "payload.notes[2][0].password"),
            new SecretFinding(ErrorCode.SENSITIVE_VALUE, "basic-auth-url", "payload.url"));
  }

  @Test
  void manyStringsInOneContainerReportTheirOwnPathsInWalkOrder() {
    List<Object> refs = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      refs.add(i == 3 || i == 66 ? canary : "cavra-starter/policy-" + i + "@1.0." + i);
    }
    refs.set(5, List.of("nested", canary));
    assertThat(guard.scan(refs, "refs"))
        .extracting(SecretFinding::path)
        .containsExactly("refs[3]", "refs[5][1]", "refs[66]");
    assertThat(guard.scan(refs.toArray(), "refs")).hasSize(3);
    assertThat(guard.scan(refs.subList(0, 4), "refs"))
        .extracting(SecretFinding::path)
        .containsExactly("refs[3]");
  }

  @Test
  void aKeyFindingBeforeALaterValueFindingComesFirstInEveryKindOfMap() {
    for (Map<String, Object> labels :
        List.of(
            io.cavra.controlplane.contract.internal.WireMap.of(
                "team", "governance", "password", "x", "note", canary),
            orderedMap("team", "governance", "password", "x", "note", canary))) {
      assertThat(guard.scan(labels, "labels"))
          .containsExactly(
              new SecretFinding(ErrorCode.SENSITIVE_FIELD, "key-password", "labels.password"),
              new SecretFinding(ErrorCode.SENSITIVE_VALUE, "github-pat-classic", "labels.note"));
      assertThat(guard.firstFinding(labels, "labels").orElseThrow().path())
          .isEqualTo("labels.password");
    }
  }

  private static Map<String, Object> orderedMap(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void firstFindingIsTheFirstOfScan() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("a", List.of("ok", canary));
    payload.put("secret", "x");
    assertThat(guard.firstFinding(payload, "payload"))
        .contains(guard.scan(payload, "payload").get(0));
    assertThat(guard.firstFinding(Map.of("ok", "fine"), "payload")).isEmpty();
  }

  @Test
  void checkPassesCleanPayloads() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("tenant_id", "tenant-demo");
    payload.put("requested_checks", List.of("billing", "license"));
    payload.put("max_tokens", 4096);
    payload.put("next_step", "See docs/architecture/saas-control-plane-contract.md");
    assertThatCode(() -> guard.check(payload, "payload")).doesNotThrowAnyException();
    assertThatCode(() -> guard.check(null, "payload")).doesNotThrowAnyException();
    assertThatCode(() -> guard.check("plain text", "payload")).doesNotThrowAnyException();

    // The same payload with one credential in it is refused: the check looks, it does not just
    // return.
    payload.put("note", canary);
    assertThatThrownBy(() -> guard.check(payload, "payload"))
        .isInstanceOfSatisfying(
            ContractException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SENSITIVE_VALUE);
              assertThat(e.path()).isEqualTo("$.payload.note");
              assertThat(e.getMessage()).doesNotContain(canary);
            });
  }

  @Test
  void arraysSetsAndOtherCharSequencesAreWalked() {
    assertThat(guard.scan(new Object[] {"a", canary}, "payload"))
        .extracting(SecretFinding::path)
        .containsExactly("payload[1]");
    assertThat(guard.scan(new LinkedHashSet<>(List.of(canary)), "payload"))
        .extracting(SecretFinding::path)
        .containsExactly("payload[0]");
    assertThat(guard.scan(Map.of("note", new StringBuilder(canary)), "payload"))
        .extracting(SecretFinding::path)
        .containsExactly("payload.note");
    assertThat(guard.scan(Map.of("note", canary.toCharArray()), "payload"))
        .extracting(SecretFinding::path)
        .containsExactly("payload.note");
    assertThat(guard.scan(canary, "payload"))
        .extracting(SecretFinding::path)
        .containsExactly("payload");
  }

  @Test
  void selfReferencingCollectionsTerminate() {
    List<Object> list = new ArrayList<>();
    list.add(list);
    list.add(canary);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("self", map);
    map.put("token", "x");
    map.put("list", list);
    assertThat(guard.scan(map, "payload"))
        .extracting(SecretFinding::path)
        .containsExactly("payload.token", "payload.list[1]");
  }

  @Test
  void deeplyNestedCycleIsSkippedToo() {
    List<Object> root = new ArrayList<>();
    List<Object> current = root;
    for (int i = 0; i < 100; i++) {
      List<Object> next = new ArrayList<>();
      current.add(next);
      current = next;
    }
    current.add(root);
    current.add(canary);
    SecretGuard deep = guard.toBuilder().maxDepth(1000).build();
    assertThat(deep.scan(root, "$"))
        .singleElement()
        .satisfies(f -> assertThat(f.path()).endsWith("[0][1]"));
  }

  @Test
  void sharedSubtreesAreScannedAtEveryPath() {
    Map<String, Object> shared = Map.of("token", "x");
    assertThat(guard.scan(List.of(shared, shared), "payload"))
        .extracting(SecretFinding::path)
        .containsExactly("payload[0].token", "payload[1].token");
  }

  @Test
  void tooDeepTreeFailsWithoutStackOverflow() {
    List<Object> root = nested(100_000);
    assertThatThrownBy(() -> guard.scan(root, "payload"))
        .isInstanceOfSatisfying(
            MalformedJsonException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TOO_DEEP);
              assertThat(e.location()).isEqualTo("payload" + "[0]".repeat(256));
            })
        .hasMessage("nesting is deeper than 256 levels");
  }

  @Test
  void deepTreeWithinALargeLimitIsWalkedIteratively() {
    List<Object> root = nested(100_000);
    SecretGuard unbounded = guard.toBuilder().maxDepth(Integer.MAX_VALUE).build();
    assertThat(unbounded.scan(root, "$")).isEmpty();
  }

  @Test
  void nestingUpToTheLimitIsAccepted() {
    assertThat(guard.scan(nested(255), "$")).isEmpty(); // 256 lists
    assertThatThrownBy(() -> guard.scan(nested(256), "$"))
        .isInstanceOf(MalformedJsonException.class);
  }

  @Test
  void checkTextAppliesValueRulesOnly() {
    assertThat(guard.checkText("password")).isEmpty();
    assertThat(guard.checkText("token: " + canary))
        .contains(new SecretFinding(ErrorCode.SENSITIVE_VALUE, "github-pat-classic", "$"));
  }

  @Test
  void findingsAndMessagesNeverContainTheValue() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("note", "see " + canary);
    payload.put("password", canary);
    List<SecretFinding> findings = guard.scan(payload, "payload");
    assertThat(findings).hasSize(3);
    assertThat(findings.toString()).doesNotContain(canary).doesNotContain(canary.substring(4));
    assertThatThrownBy(() -> guard.check(payload, "payload"))
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain(canary);
              assertThat(e.toString()).doesNotContain(canary);
            });
  }

  @Test
  void keyThatIsItselfASecretIsRedactedFromEveryPath() {
    Map<String, Object> payload =
        Map.of("tokens", Map.of(canary, Map.of("password", "x", "note", canary)));
    List<SecretFinding> findings = guard.scan(payload, "payload");
    // "tokens" holds an object, which is searched rather than refused as a whole.
    assertThat(findings)
        .extracting(SecretFinding::path)
        .containsExactlyInAnyOrder(
            "payload.tokens.<redacted>",
            "payload.tokens.<redacted>.password",
            "payload.tokens.<redacted>.note");
    assertThat(findings.get(0))
        .isEqualTo(
            new SecretFinding(
                ErrorCode.SENSITIVE_VALUE, "github-pat-classic", "payload.tokens.<redacted>"));
    assertThat(findings.toString()).doesNotContain(canary);
    assertThatThrownBy(() -> guard.check(Map.of(canary, 1), "payload"))
        .hasMessage(
            "sensitive value is not allowed in public SaaS contract payload: payload.<redacted>");
  }

  @Test
  void secretKeysAreNotCached() {
    guard.scan(Map.of(canary, 1), "$");
    assertThat(guard.keys().cached(canary)).isNull();
    guard.scan(Map.of("tenant_id", 1), "$");
    assertThat(KeyMatcher.ruleOf(guard.keys().cached("tenant_id"))).isEqualTo(KeyMatcher.NO_MATCH);
  }

  @Test
  void ruleToStringShowsIdAndTargetOnly() {
    for (SecretRule rule : guard.rules()) {
      assertThat(rule.toString())
          .isEqualTo(
              "SecretRule[id="
                  + rule.id()
                  + ", target="
                  + rule.target().name().toLowerCase()
                  + "]");
    }
  }

  @Test
  void guardToStringIsShort() {
    assertThat(guard.toString())
        .isEqualTo("SecretGuard[rules=" + guard.rules().size() + ", maxDepth=256]");
  }

  @Test
  void builderAddsRemovesAndRetainsRules() {
    SecretRule acme = SecretRule.value("acme-token", "ACME token", "acme_[a-z0-9]{32}", "acme_");
    SecretGuard custom =
        SecretGuard.builder()
            .addRule(acme)
            .removeRule("key-cookie")
            .retainRules(rule -> !rule.id().startsWith("stripe-"))
            .build();
    assertThat(custom.rules())
        .contains(acme)
        .noneMatch(r -> r.id().startsWith("stripe-"))
        .noneMatch(r -> r.id().equals("key-cookie"));
    assertThat(custom.checkText("acme_" + samples.from(Samples.HEX, 32)).map(SecretFinding::ruleId))
        .contains("acme-token");
    assertThat(custom.checkText("sk_live_" + samples.alnum(24))).isEmpty();
    assertThat(custom.scan(Map.of("cookie", "x"), "$")).isEmpty();
    assertThat(custom.toBuilder().build().rules()).isEqualTo(custom.rules());
  }

  @Test
  void duplicateRuleIdIsRejected() {
    SecretRule clash = SecretRule.key("key-token", "again", "token");
    assertThatThrownBy(() -> SecretGuard.builder().addRule(clash))
        .isInstanceOfSatisfying(
            ContractException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
        .hasMessage("duplicate rule id: key-token");
  }

  @Test
  void removingAnUnknownRuleFails() {
    assertThatThrownBy(() -> SecretGuard.builder().removeRule("no-such-rule"))
        .isInstanceOf(ContractException.class)
        .hasMessage("no rule with id: no-such-rule");
  }

  @Test
  void benignKeyMasksOrganisationFieldNames() {
    SecretGuard custom =
        SecretGuard.builder()
            .addBenignKey("tokenBucket")
            .addBenignKey("secret_[a-z]+_hint")
            .build();
    assertThat(custom.scan(Map.of("token_bucket_size", 1, "rate_token_bucket", 2), "$")).isEmpty();
    assertThat(custom.scan(Map.of("secret_reset_hint", "x"), "$")).isEmpty();
    assertThat(custom.scan(Map.of("token_bucket_token", "x"), "$")).hasSize(1);
    assertThat(custom.benignKeys()).endsWith("tokenBucket", "secret_[a-z]+_hint");
  }

  @Test
  void invalidBenignKeyRegexIsRejected() {
    assertThatThrownBy(() -> SecretGuard.builder().addBenignKey("token(["))
        .isInstanceOfSatisfying(
            ContractException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
        .hasMessage("invalid regular expression for a benign key");
  }

  @Test
  void maxDepthMustBePositive() {
    assertThatThrownBy(() -> SecretGuard.builder().maxDepth(0))
        .isInstanceOf(ContractException.class)
        .hasMessage("max_depth must be positive");
  }

  @Test
  void ruleFactoriesValidateTheirArguments() {
    assertThatThrownBy(() -> SecretRule.value("Bad_Id", "d", "x", "x"))
        .isInstanceOfSatisfying(
            ContractException.class, e -> assertThat(e.location()).isEqualTo("id"))
        .hasMessage("rule id must be lower-case kebab-case");
    assertThatThrownBy(() -> SecretRule.value("acme", " ", "x", "x"))
        .isInstanceOfSatisfying(
            ContractException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EMPTY_VALUE));
    assertThatThrownBy(() -> SecretRule.value("acme", "d", "acme_[", "acme_"))
        .isInstanceOfSatisfying(
            ContractException.class, e -> assertThat(e.location()).isEqualTo("regex"))
        .hasMessage("invalid regular expression in rule acme");
    assertThatThrownBy(() -> SecretRule.value("acme", "d", "x", "é"))
        .hasMessage("keywords must be non-empty printable ASCII, tab or newline");
    assertThatThrownBy(() -> SecretRule.key(null, "d", "x"))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void ruleKeywordsAreStoredLowerCase() {
    SecretRule rule = SecretRule.value("acme", "d", "ACME_[0-9]{8}", "ACME_", "acme_");
    assertThat(rule.keywords()).containsExactly("acme_");
    assertThat(SecretGuard.builder().addRule(rule).build().checkText("id ACME_12345678"))
        .map(SecretFinding::ruleId)
        .contains("acme");
  }

  @Test
  void ruleWithoutKeywordsRunsOnEveryString() {
    SecretRule rule = SecretRule.value("acme-pin", "d", "(?<![0-9])[0-9]{4}-[0-9]{4}(?![0-9])");
    SecretGuard custom = SecretGuard.builder().addRule(rule).build();
    assertThat(custom.checkText("pin 1234-5678").map(SecretFinding::ruleId)).contains("acme-pin");
    assertThat(custom.checkText("pin 1234")).isEmpty();
  }

  @Test
  void findingRecordRejectsOtherCodes() {
    assertThatThrownBy(() -> new SecretFinding(ErrorCode.INVALID_VALUE, "x", "$"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void guardIsSafeToShareAcrossThreads() {
    Map<String, Object> payload = new LinkedHashMap<>();
    IntStream.range(0, 200)
        .forEach(i -> payload.put("field_" + i, i % 50 == 0 ? canary : "value " + i));
    payload.put("api_key", "x");
    List<SecretFinding> expected = guard.scan(payload, "payload");
    List<List<SecretFinding>> results =
        IntStream.range(0, 64)
            .parallel()
            .mapToObj(i -> guard.scan(payload, "payload"))
            .collect(Collectors.toList());
    assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(expected));
    assertThat(expected).hasSize(5);
  }

  @Test
  void builtInAndDefaultsAreCachedSingletons() {
    assertThat(SecretGuard.builtIn()).isSameAs(SecretGuard.builtIn());
    assertThat(SecretGuard.defaults()).isSameAs(SecretGuard.defaults());
  }

  private static List<Object> nested(int depth) {
    List<Object> root = new ArrayList<>();
    List<Object> current = root;
    for (int i = 0; i < depth; i++) {
      List<Object> next = new ArrayList<>();
      current.add(next);
      current = next;
    }
    return root;
  }
}
