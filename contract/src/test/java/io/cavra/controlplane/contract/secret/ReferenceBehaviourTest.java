package io.cavra.controlplane.contract.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Python reference's vectors and its verified behaviour table (wire spec §4.5). Where the guard
 * is deliberately stricter or more lenient, the test name says "unlike the reference".
 */
class ReferenceBehaviourTest {
  private static final String FIELD =
      "sensitive field is not allowed in public SaaS contract payload: ";
  private static final String VALUE =
      "sensitive value is not allowed in public SaaS contract payload: ";

  /** The reference's test vector, split so that no credential-shaped literal is committed. */
  private static final String GHP_VECTOR = "ghp_" + "123456789012345678901234567890";

  private static final String XOXB_VECTOR = "xoxb-" + "12345678901234567890";

  private final SecretGuard guard = SecretGuard.builtIn();
  private final Samples samples = new Samples(45L);

  @Test
  void clientSecretKeyIsRejectedWithTheReferenceMessage() {
    assertThatThrownBy(() -> guard.check(Map.of("client_secret", "placeholder"), "payload"))
        .isInstanceOfSatisfying(
            ContractException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SENSITIVE_FIELD);
              assertThat(e.location()).isEqualTo("payload.client_secret");
              assertThat(e.ruleId()).contains("key-secret");
            })
        .hasMessage(FIELD + "payload.client_secret");
  }

  @Test
  void nestedTokenKeyIsRejectedWithTheReferencePath() {
    assertThatThrownBy(
            () -> guard.check(Map.of("nested", Map.of("token", "placeholder")), "payload"))
        .isInstanceOfSatisfying(
            ContractException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SENSITIVE_FIELD))
        .hasMessage(FIELD + "payload.nested.token");
  }

  @Test
  void githubTokenValueIsRejectedWithTheReferenceMessage() {
    assertThatThrownBy(() -> guard.check(Map.of("value", GHP_VECTOR), "payload"))
        .isInstanceOfSatisfying(
            ContractException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SENSITIVE_VALUE);
              assertThat(e.location()).isEqualTo("payload.value");
              assertThat(e.ruleId()).contains("github-pat-classic");
            })
        .hasMessage(VALUE + "payload.value");
  }

  @Test
  void requestedByTokenIsRejectedAtItsPath() {
    assertThatThrownBy(() -> guard.check(Map.of("requested_by", GHP_VECTOR), "payload"))
        .hasMessage(VALUE + "payload.requested_by");
  }

  @Test
  void integerKeyIsPrintedLikePythonStr() {
    Map<Object, Object> payload = Map.of(1, Map.of("token", "x"));
    assertThatThrownBy(() -> guard.check(payload, "payload")).hasMessage(FIELD + "payload.1.token");
  }

  @Test
  void listElementsUseIndexedPaths() {
    Map<String, Object> payload = Map.of("a", List.of(Map.of("b", GHP_VECTOR)));
    assertThatThrownBy(() -> guard.check(payload, "payload")).hasMessage(VALUE + "payload.a[0].b");
    assertThat(guard.firstFinding(Map.of("blockers", List.of("ok", XOXB_VECTOR)), "payload"))
        .contains(
            new SecretFinding(ErrorCode.SENSITIVE_VALUE, "slack-token", "payload.blockers[1]"));
  }

  @Test
  void teamTokenLabelFailsAtItsLabelPath() {
    Map<String, Object> payload = Map.of("labels", Map.of("team_token", "x"));
    assertThatThrownBy(() -> guard.check(payload, "payload"))
        .hasMessage(FIELD + "payload.labels.team_token");
  }

  @Test
  void keyIsCheckedBeforeItsValue() {
    Map<String, Object> payload = Map.of("token", GHP_VECTOR);
    assertThat(guard.scan(payload, "payload"))
        .extracting(SecretFinding::code)
        .containsExactly(ErrorCode.SENSITIVE_FIELD, ErrorCode.SENSITIVE_VALUE);
    assertThatThrownBy(() -> guard.check(payload, "payload")).hasMessage(FIELD + "payload.token");
  }

  @Test
  void firstFindingFollowsInsertionOrderDepthFirst() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("a", Map.of("b", List.of("fine", Map.of("password", "x"))));
    payload.put("token", "x");
    assertThatThrownBy(() -> guard.check(payload, "payload"))
        .hasMessage(FIELD + "payload.a.b[1].password");
  }

  // §4.5, keys

  @Test
  void upperSnakeAndCamelCaseKeysAreRejectedLikeTheReference() {
    for (String key :
        List.of(
            "API_KEY",
            "clientSecret",
            "accessToken",
            "webhookSecret",
            "passwords",
            "signing_key",
            "private_key",
            "authorization",
            "api_token")) {
      assertThat(fieldRule(key)).as(key).isPresent();
    }
  }

  @Test
  void camelCaseApiKeyIsRejectedUnlikeTheReference() {
    assertThat(fieldRule("apiKey")).contains("key-api-key");
  }

  @Test
  void kebabCaseApiKeyIsRejectedUnlikeTheReference() {
    assertThat(fieldRule("api-key")).contains("key-api-key");
  }

  @Test
  void camelCasePrivateAndSigningKeysAreRejectedUnlikeTheReference() {
    assertThat(fieldRule("privateKey")).contains("key-private-key");
    assertThat(fieldRule("signingKey")).contains("key-private-key");
  }

  @Test
  void maxTokensKeyIsAcceptedUnlikeTheReference() {
    assertThat(fieldRule("max_tokens")).isEmpty();
  }

  @Test
  void tokenTypeKeyIsAcceptedUnlikeTheReference() {
    assertThat(fieldRule("token_type")).isEmpty();
  }

  @Test
  void secretaryKeyIsAcceptedUnlikeTheReference() {
    assertThat(fieldRule("secretary")).isEmpty();
  }

  @Test
  void passwdAndPwdKeysAreRejectedUnlikeTheReference() {
    assertThat(fieldRule("passwd")).contains("key-password");
    assertThat(fieldRule("pwd")).contains("key-password");
  }

  @Test
  void credentialsKeyIsRejectedUnlikeTheReference() {
    assertThat(fieldRule("credentials")).contains("key-credentials");
  }

  @Test
  void bearerKeyIsRejectedUnlikeTheReference() {
    assertThat(fieldRule("bearer")).contains("key-authorization");
  }

  @Test
  void cookieKeyIsRejectedUnlikeTheReference() {
    assertThat(fieldRule("cookie")).contains("key-cookie");
  }

  @Test
  void awsSecretAccessKeyIsRejected() {
    assertThat(fieldRule("aws_secret_access_key")).contains("key-api-key");
  }

  @Test
  void authSessionJwtAccessKeyIdAndSignatureKeysAreAcceptedLikeTheReference() {
    for (String key : List.of("auth", "session", "jwt", "aws_access_key_id", "signature")) {
      assertThat(fieldRule(key)).as(key).isEmpty();
    }
  }

  @Test
  void nullOrPlaceholderValuedSecretKeyIsAcceptedUnlikeTheReference() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("client_secret", null);
    payload.put("password", "");
    payload.put("api_key", "${API_KEY}");
    payload.put("token", "<redacted>");
    payload.put("webhook_secret", "****");
    assertThat(guard.scan(payload, "payload")).isEmpty();
  }

  // §4.5, values

  @Test
  void githubTokenBoundaryIsTwentyCharacters() {
    assertThat(valueRule("ghp_" + samples.alnum(19))).isEmpty();
    assertThat(valueRule("ghp_" + samples.alnum(20))).contains("github-pat-classic");
  }

  @Test
  void upperCaseGithubPrefixIsAcceptedLikeTheReference() {
    assertThat(valueRule("GHP_" + samples.alnum(30))).isEmpty();
  }

  @Test
  void githubTokenAfterWordCharacterIsAcceptedLikeTheReference() {
    assertThat(valueRule("xghp_" + samples.alnum(30))).isEmpty();
    assertThat(valueRule("-ghp_" + samples.alnum(30))).contains("github-pat-classic");
  }

  @Test
  void githubTokenFollowedByAccentedLetterIsRejectedUnlikeTheReference() {
    assertThat(valueRule("ghp_" + samples.alnum(20) + "é")).contains("github-pat-classic");
  }

  @Test
  void fineGrainedGithubTokenIsRejectedUnlikeTheReference() {
    assertThat(valueRule("github_pat_" + samples.alnum(22) + "_" + samples.alnum(59)))
        .contains("github-pat-fine-grained");
  }

  @Test
  void slackTokenBoundaryIsSixteenCharacters() {
    assertThat(valueRule(XOXB_VECTOR)).contains("slack-token");
    assertThat(valueRule("xoxb-" + "1" + samples.alnum(14))).isEmpty();
    assertThat(valueRule("xoxb-" + "1" + samples.alnum(15))).contains("slack-token");
  }

  @Test
  void slackRefreshAndAppTokensAreRejectedUnlikeTheReference() {
    assertThat(valueRule("xoxe-1-" + samples.alnum(30))).contains("slack-token");
    assertThat(valueRule("xapp-1-" + samples.alnum(30))).contains("slack-app-token");
  }

  @Test
  void stripeSecretKeyBoundaryIsSixteenCharacters() {
    assertThat(valueRule("sk_live_" + samples.alnum(16))).contains("stripe-secret-key");
    assertThat(valueRule("sk_live_" + samples.alnum(15))).isEmpty();
  }

  @Test
  void otherStripeOpenAiAndAnthropicKeysAreRejectedUnlikeTheReference() {
    assertThat(valueRule("rk_live_" + samples.alnum(24))).contains("stripe-restricted-key");
    assertThat(valueRule("whsec_" + samples.alnum(32))).contains("stripe-webhook-secret");
    assertThat(valueRule("sk-proj-" + samples.alnum(60))).contains("openai-api-key");
    assertThat(valueRule("sk-ant-api03-" + samples.alnum(95))).contains("anthropic-api-key");
  }

  @Test
  void pemPrivateKeyHeadersAreRejected() {
    for (String kind : List.of("", "RSA ", "EC ", "OPENSSH ")) {
      assertThat(valueRule("-----BEGIN " + kind + "PRIVATE KEY-----"))
          .as(kind)
          .contains("private-key-pem");
    }
  }

  @Test
  void pgpPrivateKeyBlockIsRejectedUnlikeTheReference() {
    assertThat(valueRule("-----BEGIN PGP " + "PRIVATE KEY BLOCK-----"))
        .contains("pgp-private-key-block");
  }

  @Test
  void lowerCasePemHeaderIsRejectedUnlikeTheReference() {
    assertThat(valueRule("-----begin " + "private key-----")).contains("private-key-pem");
  }

  @Test
  void awsJwtBearerBasicAuthUrlGoogleAndGitlabValuesAreRejectedUnlikeTheReference() {
    assertThat(valueRule("AKIA" + samples.from(Samples.UPPER_ALNUM, 16)))
        .contains("aws-access-key-id");
    assertThat(
            valueRule(
                "eyJ" + samples.alnum(20) + ".eyJ" + samples.alnum(20) + "." + samples.alnum(43)))
        .contains("jwt");
    assertThat(valueRule("Bearer " + samples.alnum(32))).contains("http-bearer-token");
    assertThat(valueRule("https://admin:" + samples.alnum(12) + "@example.com"))
        .contains("basic-auth-url");
    assertThat(valueRule("AIza" + samples.from(Samples.URL_SAFE, 35))).contains("google-api-key");
    assertThat(valueRule("glpat-" + samples.alnum(20))).contains("gitlab-pat");
  }

  @Test
  void bytesNumbersAndBooleansAreIgnored() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("data", GHP_VECTOR.getBytes(StandardCharsets.UTF_8));
    payload.put("count", 7);
    payload.put("valid", true);
    payload.put("ratio", 0.5);
    assertThat(guard.scan(payload, "payload")).isEmpty();
  }

  private Optional<String> fieldRule(String key) {
    return guard.firstFinding(Map.of(key, "x"), "payload").map(SecretFinding::ruleId);
  }

  private Optional<String> valueRule(String value) {
    return guard.firstFinding(Map.of("value", value), "payload").map(SecretFinding::ruleId);
  }
}
