package io.cavra.controlplane.contract.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.MalformedJsonException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Organisation rules: the {@link SecretRuleProvider} SPI and JSON rules files. */
class RuleProviderTest {
  private final Samples samples = new Samples(3L);

  @TempDir Path dir;

  @Test
  void defaultsIncludeRulesOfServiceLoaderProviders() {
    SecretGuard defaults = SecretGuard.defaults();
    assertThat(defaults.rules())
        .extracting(SecretRule::id)
        .contains("test-provider-token", "key-test-provider-pin", "github-pat-classic");
    assertThat(
            defaults
                .checkText("id tstprov_" + samples.from(Samples.HEX, 24))
                .map(SecretFinding::ruleId))
        .contains("test-provider-token");
    assertThat(defaults.scan(Map.of("tstprovPin", "1234"), "payload"))
        .containsExactly(
            new SecretFinding(
                ErrorCode.SENSITIVE_FIELD, "key-test-provider-pin", "payload.tstprovPin"));
  }

  @Test
  void builtInIgnoresProviders() {
    assertThat(SecretGuard.builtIn().rules())
        .extracting(SecretRule::id)
        .doesNotContain("test-provider-token");
    assertThat(SecretGuard.builtIn().rules()).hasSize(BuiltInRules.all().size());
  }

  @Test
  void rulesFileAddsValueRulesKeyRulesAndBenignKeys() throws URISyntaxException {
    Path file = Path.of(getClass().getResource("/secret/acme-rules.json").toURI());
    SecretGuard guard = SecretGuard.builder().addRulesFile(file).build();
    assertThat(guard.rules()).extracting(SecretRule::id).endsWith("acme-token", "key-acme-pin");
    assertThat(
            guard.checkText("use acme_" + samples.from(Samples.HEX, 32)).map(SecretFinding::ruleId))
        .contains("acme-token");
    assertThat(guard.scan(Map.of("acmePin", "1234"), "$"))
        .extracting(SecretFinding::ruleId)
        .containsExactly("key-acme-pin");
    assertThat(
            guard.scan(
                Map.of("acme_pin_length", 4, "pin_policy", "x", "token_bucket_size", 9), "$"))
        .isEmpty();
    assertThat(guard.rules().get(guard.rules().size() - 2).anchored()).isTrue();
  }

  @Test
  void malformedRulesFileReportsLineAndColumn() throws IOException {
    assertRulesFileFails(
        "{\"rules\": [\n  {\"id\": }",
        MalformedJsonException.class,
        ErrorCode.INVALID_JSON,
        "line 2, column 10",
        "malformed JSON");
  }

  @Test
  void invalidRegexIsReportedAtItsPathByRuleId() throws IOException {
    assertRulesFileFails(
        """
        {"rules": [{"id": "acme-token", "description": "d", "target": "value", "regex": "acme_("}]}
        """,
        ContractException.class,
        ErrorCode.INVALID_VALUE,
        "$.rules[0].regex",
        "invalid regular expression in rule acme-token");
  }

  @Test
  void unknownTargetIsRejected() throws IOException {
    assertRulesFileFails(
        """
        {"rules": [{"id": "a", "description": "d", "target": "header", "regex": "x"}]}
        """,
        ContractException.class,
        ErrorCode.INVALID_VALUE,
        "$.rules[0].target",
        "target must be one of: key, value");
  }

  @Test
  void missingFieldIsRejected() throws IOException {
    assertRulesFileFails(
        """
        {"rules": [{"id": "a", "target": "key", "regex": "x"}, {}]}
        """,
        ContractException.class,
        ErrorCode.MISSING_FIELD,
        "$.rules[0]",
        "required field 'description' missing at $.rules[0]");
  }

  @Test
  void unknownFieldIsRejected() throws IOException {
    assertRulesFileFails(
        """
        {"rules": [], "allowlist": []}
        """,
        ContractException.class,
        ErrorCode.UNKNOWN_FIELD,
        "$.allowlist",
        "unknown field at $.allowlist");
  }

  @Test
  void wrongTypeIsRejected() throws IOException {
    assertRulesFileFails(
        """
        {"rules": [{"id": 7}]}
        """,
        ContractException.class,
        ErrorCode.INVALID_TYPE,
        "$.rules[0].id",
        "expected string at $.rules[0].id");
    assertRulesFileFails(
        "[]", ContractException.class, ErrorCode.INVALID_TYPE, "$", "expected object at $");
  }

  @Test
  void duplicateKeyIsRejected() throws IOException {
    assertRulesFileFails(
        """
        {"rules": [{"id": "a", "id": "b"}]}
        """,
        MalformedJsonException.class,
        ErrorCode.DUPLICATE_KEY,
        "$.rules[0].id",
        "duplicate key at $.rules[0].id");
  }

  @Test
  void keywordsOnKeyRulesAreRejected() throws IOException {
    assertRulesFileFails(
        """
        {"rules": [{"id": "a", "description": "d", "target": "key", "regex": "x", "keywords": ["x"]}]}
        """,
        ContractException.class,
        ErrorCode.INVALID_VALUE,
        "$.rules[0].keywords",
        "keywords apply to value rules only");
  }

  @Test
  void ruleIdClashingWithABuiltInRuleIsRejected() throws IOException {
    assertRulesFileFails(
        """
        {"rules": [{"id": "jwt", "description": "d", "target": "value", "regex": "x"}]}
        """,
        ContractException.class,
        ErrorCode.INVALID_VALUE,
        "$.rules[0].id",
        "duplicate rule id: jwt");
  }

  @Test
  void invalidBenignKeyIsReportedAtItsPath() throws IOException {
    assertRulesFileFails(
        """
        {"benign_keys": ["ok", "bad(["]}
        """,
        ContractException.class,
        ErrorCode.INVALID_VALUE,
        "$.benign_keys[1]",
        "invalid regular expression for a benign key");
  }

  @Test
  void missingFileIsAnIoError() {
    assertThatThrownBy(() -> SecretGuard.builder().addRulesFile(dir.resolve("absent.json")))
        .isInstanceOf(UncheckedIOException.class);
  }

  private void assertRulesFileFails(
      String json,
      Class<? extends ContractException> type,
      ErrorCode code,
      String location,
      String message)
      throws IOException {
    Path file = Files.writeString(dir.resolve("rules.json"), json);
    assertThatThrownBy(() -> SecretGuard.builder().addRulesFile(file))
        .isInstanceOfSatisfying(
            type,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.location()).isEqualTo(location);
            })
        .hasMessage(message);
  }
}
