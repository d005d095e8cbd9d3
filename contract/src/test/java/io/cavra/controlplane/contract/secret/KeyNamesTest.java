package io.cavra.controlplane.contract.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Key normalisation, benign masking and the documented word lists. */
class KeyNamesTest {
  private final SecretGuard guard = SecretGuard.builtIn();

  @ParameterizedTest
  @CsvSource({
    "apiKey, api_key",
    "APIKey, api_key",
    "API_KEY, api_key",
    "api-key, api_key",
    "X-API-Key, x_api_key",
    "clientSecret, client_secret",
    "ClientSecret, client_secret",
    "'api.key', api_key",
    "'api key', api_key",
    "'__token__', token",
    "'a--b..c', a_b_c",
    "oauth2Token, oauth_2_token",
    "userID, user_id",
    "sha256, sha_256",
    "tokenizationId, tokenization_id",
    "'$password', password",
    "İD, id",
    "TITLE, title",
  })
  void keysAreNormalised(String key, String normalized) {
    assertThat(KeyMatcher.normalize(key)).isEqualTo(normalized);
  }

  @Test
  void benignCompoundsAreMaskedOnWordBoundaries() {
    KeyMatcher keys = guard.keys();
    assertThat(keys.mask("max_tokens")).isEqualTo("#");
    assertThat(keys.mask("model_max_tokens_secret")).isEqualTo("model_#_secret");
    assertThat(keys.mask("api_key_id")).isEqualTo("#");
    assertThat(keys.mask("xmax_tokens")).isEqualTo("xmax_tokens");
    assertThat(keys.mask("public_key_pem")).isEqualTo("#");
  }

  @Test
  void everySensitiveWordIsRejectedAsAKey() {
    for (SecretRule rule : BuiltInRules.KEY_RULES) {
      // Each rule's words with a value of the shape its policy refuses.
      Object value =
          rule.policy() == SecretRule.ValuePolicy.CARD_CODE
              ? "737"
              : rule.policy() == SecretRule.ValuePolicy.CREDENTIAL_LIKE ? "Xk9#" + "mQ2vLp" : "x";
      for (String word : rule.keywords()) {
        assertThat(guard.scan(Map.of(word, value), "$")).as(word).hasSize(1);
      }
    }
  }

  @Test
  void everyBenignCompoundIsAcceptedAsAKey() {
    for (String compound : SecretGuard.benignKeyCompounds()) {
      assertThat(guard.scan(Map.of(compound, "x"), "$")).as(compound).isEmpty();
    }
  }

  @Test
  void benignCompoundsOnlyMaskTheirOwnWords() {
    assertThat(guard.scan(Map.of("max_tokens_secret", "x"), "$")).hasSize(1);
    assertThat(guard.scan(Map.of("secret_name_password", "x"), "$")).hasSize(1);
    assertThat(guard.scan(Map.of("modelMaxOutputTokens", 1), "$")).isEmpty();
  }

  @Test
  void vaultSecretIdIsNotBenign() {
    assertThat(guard.scan(Map.of("secret_id", "x"), "$")).hasSize(1);
  }

  @Test
  void wordListsMatchTheDocumentation() {
    assertThat(SecretGuard.sensitiveKeyWords())
        .startsWith("private_key", "privkey", "signing_key")
        .contains(
            "password",
            "passwd",
            "pwd",
            "secret",
            "token",
            "api_key",
            "authorization",
            "bearer",
            "credentials",
            "cookie",
            "connection_string")
        .doesNotHaveDuplicates();
    assertThat(SecretGuard.benignKeyCompounds())
        .contains(
            "max_tokens",
            "token_count",
            "token_limit",
            "token_type",
            "tokens_used",
            "token_url",
            "token_endpoint",
            "auth_url",
            "secret_name",
            "secret_ref",
            "key_id",
            "api_key_id",
            "token_id",
            "credentials_id",
            "password_policy",
            "password_min_length",
            "public_key",
            "public_key_pem",
            "expires_in",
            "secretary",
            "tokenizer",
            "tokenization_id")
        .doesNotHaveDuplicates()
        .doesNotContain("secret_id");
    assertThat(guard.benignKeys()).isEqualTo(SecretGuard.benignKeyCompounds());
  }

  @Test
  void guardJavadocListsEveryWord() throws IOException {
    // The README copies these lists from the Javadoc, so the Javadoc must stay complete.
    String source =
        Files.readString(
            Path.of("src/main/java/io/cavra/controlplane/contract/secret/SecretGuard.java"));
    String javadoc = source.substring(0, source.indexOf("public final class SecretGuard"));
    for (String word : SecretGuard.sensitiveKeyWords()) {
      assertThat(javadoc).as(word).containsPattern("[ (]" + word + "[,) \\n]");
    }
    for (String compound : SecretGuard.benignKeyCompounds()) {
      assertThat(javadoc).as(compound).containsPattern("[ (]" + compound + "[,)\\n]");
    }
  }

  @Test
  void keyVerdictsAreCachedPerRawKey() {
    SecretGuard fresh = SecretGuard.builder().build();
    fresh.scan(Map.of("clientSecret", "x", "tenant_id", "t"), "$");
    assertThat(fresh.keys().cached("clientSecret")).isNotNull().isNotNegative();
    assertThat(KeyMatcher.ruleOf(fresh.keys().cached("tenant_id"))).isEqualTo(KeyMatcher.NO_MATCH);
    assertThat(fresh.keys().cached("other")).isNull();
  }

  @Test
  void contractFieldNamesAreAccepted() {
    List<String> fields =
        List.of(
            "schema_version",
            "operation",
            "tenant_id",
            "correlation_id",
            "requested_by",
            "payload",
            "private_implementation_required",
            "requested_checks",
            "policy_pack_refs",
            "evidence_sink_ref",
            "retry_policy_ref",
            "license_id",
            "expires_at",
            "organization_name",
            "deployment_model",
            "contacts",
            "enabled_features",
            "locked_features",
            "support_tier",
            "worker_targets",
            "private_modules_required",
            "next_step",
            "checked_at");
    for (String field : fields) {
      assertThat(guard.scan(Map.of(field, "x"), "$")).as(field).isEmpty();
    }
  }
}
