package io.cavra.controlplane.contract.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard refuses credential material and nothing else: the kinds of false positive and miss that
 * labelled real-world payloads showed, each checked on trees and on JSON text (the streaming scan),
 * which must agree.
 */
class GuardPrecisionTest {
  private final SecretGuard guard = SecretGuard.builtIn();
  private final Samples samples = new Samples(1102L);

  /** Findings of the tree walk and of the streaming scan of the same document, which must agree. */
  private List<String> findings(String json) {
    List<String> streamed = guard.scanJson(json).stream().map(this::describe).toList();
    Object tree =
        io.cavra.controlplane.contract.ContractJson.defaults()
            .parseTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<String> walked = guard.scan(tree, "$").stream().map(this::describe).toList();
    assertThat(walked).as("tree walk").containsExactlyInAnyOrderElementsOf(streamed);
    return streamed;
  }

  private String describe(SecretFinding finding) {
    return finding.ruleId() + " at " + finding.path();
  }

  @Test
  void numbersAndBooleansUnderCredentialKeysAreNotCredentials() {
    assertThat(
            findings(
                """
                {"token_quota": 500000, "secret_detection_enabled": true, "password_set": false,
                 "api_key": 12, "tokens": 3, "secret": null}
                """))
        .isEmpty();
  }

  @Test
  void objectsThatDescribeACredentialFieldAreSearchedNotRefused() {
    assertThat(
            findings(
                """
                {"passphrase": {"type": "string", "writeOnly": true, "minLength": 12},
                 "token": {"description": "The access token", "format": "password"},
                 "credentials": {"username": "etl"}}
                """))
        .isEmpty();
  }

  @Test
  void objectsThatFillACredentialFieldAreRefusedWhereTheValueIs() {
    assertThat(
            findings(
                """
                {"password": {"value": "hunter2-%s"}, "api_key": {"prod": {"b64": "%s"}},
                 "credentials": {"username": "etl", "password": "x"}}
                """
                    .formatted(samples.alnum(6), samples.alnum(24))))
        .containsExactly(
            "key-password at $.password.value",
            "key-api-key at $.api_key.prod.b64",
            "key-password at $.credentials.password");
  }

  @Test
  void userInterfaceTextKeyedByCredentialWordsPasses() {
    assertThat(
            findings(
                """
                {"settings": {"password": {"current": "Current password", "new": "New password",
                                           "confirm": "Confirm password"}},
                 "errors": {"invalid_password": "The password is not valid.", "expired_token": "Your session expired."},
                 "password": "Change password", "permissions": {"id-token": "write"}}
                """))
        .isEmpty();
  }

  @Test
  void examplesInAnApiDescriptionAreNotJudgedByKeyButStillByValue() {
    String token = "gh" + "p_" + samples.alnum(36);
    assertThat(
            findings(
                """
                {"requestBody": {"examples": {"default": {"value": {"access_token": "e72e16c7e42f292c",
                                                                    "vcs_password": "secret"}}}},
                 "schema": {"properties": {"token": {"type": "string", "example": "%s"}}}}
                """
                    .formatted(token)))
        .containsExactly("github-pat-classic at $.schema.properties.token.example");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "token_ttl_seconds", "authorization_endpoint", "secrets_manager_region",
            "api_key_expires_at",
        "key_rotation_interval_days", "private_key_jwt_enabled", "api_key_header_name", "secretary",
        "settings.password.title", "login.token.placeholder", "password_reset_url", "tokenizer",
        "client_secret_expires_at", "passwordless", "cvc_check"
      })
  void keysThatNameAPropertyOfACredentialAreNotCredentials(String key) {
    assertThat(findings("{\"" + key + "\": \"Change password\"}")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "db_password",
        "DB_PASSWORD",
        "dbPassword",
        "api-key",
        "x-api-key",
        "accessToken",
        "client_secret",
        "password_old",
        "api_key_b64",
        "secret_key_base",
        "ADMIN_PASSWORD_2",
        "spring.datasource.password",
        "aws_secret_access_key",
        "SharedAccessKey",
        "secret_id"
      })
  void keysThatNameACredentialAreRefusedWithAStringValue(String key) {
    assertThat(findings("{\"" + key + "\": \"x\"}")).hasSize(1);
  }

  /** Where the reference refuses, we refuse with its message too. */
  @Test
  void aCredentialKeyWithAnyStringKeepsTheReferenceMessage() {
    for (Map.Entry<String, String> entry :
        Map.of("password", "placeholder", "api_token", "x").entrySet()) {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put(entry.getKey(), entry.getValue());
      ContractException error =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              ContractException.class, () -> guard.check(payload, "payload"));
      assertThat(error.code()).isEqualTo(ErrorCode.SENSITIVE_FIELD);
      assertThat(error.getMessage())
          .isEqualTo(
              "sensitive field is not allowed in public SaaS contract payload: payload."
                  + entry.getKey());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%DB_PASSWORD%",
        "<hidden>",
        "sm://prod/app/db",
        "$(cat /run/secrets/x)",
        "${{ secrets.X }}",
        "${DB_PASSWORD}",
        "{{ .Values.password }}",
        "op://Platform/db/password",
        "env:DB_PASSWORD",
        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db",
        "/run/secrets/db_password",
        "projects/acme/secrets/db/versions/latest",
        "REDACTED",
        "********",
        "****1234",
        "n/a"
      })
  void referencesAndPlaceholdersUnderCredentialKeysPass(String value) {
    assertThat(
            findings(
                "{\"password\": \""
                    + value.replace("\"", "\\\"")
                    + "\", \"token\": [\""
                    + value
                    + "\"]}"))
        .isEmpty();
  }

  @Test
  void listsOfSecretNamesPassButListsOfSecretsAreRefusedOnceAtTheKey() {
    assertThat(findings("{\"secrets\": [\"db_password\", \"NPM_TOKEN\", \"api-key\"]}")).isEmpty();
    assertThat(
            findings(
                "{\"tokens\": [\"ok\", \""
                    + samples.alnum(24)
                    + "\", \""
                    + samples.alnum(24)
                    + "\"]}"))
        .containsExactly("key-token at $.tokens");
  }

  @Test
  void abbreviatedNamesRefuseCredentialLikeValuesOnly() {
    assertThat(
            findings(
                """
                {"login": {"usr": "etl", "pwd": "%s"}, "db": {"user": "app", "pw": "Xk9#%s"},
                 "auth": "oauth2", "pass": "yes", "pw_hint": "first pet"}
                """
                    .formatted(samples.alnum(12), samples.alnum(8))))
        .containsExactly("key-password at $.login.pwd", "key-abbreviated-credential at $.db.pw");
  }

  @Test
  void nameValueEntriesWithACredentialNameAreRefusedAtTheValueInEitherOrder() {
    String value = samples.alnum(20);
    assertThat(
            findings(
                """
                {"env": [{"name": "SOME_SECRET_KEY", "value": "%s"},
                         {"value": "%s", "name": "DB_PASSWORD"},
                         {"name": "LOG_LEVEL", "value": "debug"},
                         {"name": "API_TOKEN", "value": "${API_TOKEN}"},
                         {"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}],
                 "Parameters": [{"ParameterKey": "AdminPassword", "ParameterValue": "%s"}]}
                """
                    .formatted(value, value, value)))
        .containsExactlyInAnyOrder(
            "credential-assignment at $.env[0].value",
            "credential-assignment at $.env[1].value",
            "credential-assignment at $.Parameters[0].ParameterValue");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tool configure set some_secret_key %s",
        "export SOME_TOKEN=%s",
        "SOME_TOKEN=%s",
        "docker login --password %s registry.example.com",
        "Server=db;User Id=app;PASSWORD=%s;",
        "server=db;user id=app;Pwd=%s;",
        "password: %s",
        "https://example.com/callback?access_token=%s&state=1"
      })
  void credentialsNamedInFreeTextAreRefused(String template) {
    String text = template.formatted(samples.alnum(18));
    assertThat(guard.checkText(text).map(SecretFinding::ruleId))
        .as(text)
        .contains("credential-assignment");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password: required", "Reset your password: see the help page", "PASSWORD_MIN_LENGTH=12",
        "TOKEN_TTL_SECONDS=3600", "export DB_PASSWORD=${DB_PASSWORD}", "password=%DB_PASSWORD%",
        "the token is rotated daily", "api_key_header_name: X-API-Key", "secret: true"
      })
  void proseAndSettingsThatMentionCredentialsPass(String text) {
    assertThat(guard.checkText(text)).as(text).isEmpty();
  }

  @Test
  void hostsAndConnectionStringKeysMatchInAnyCase() {
    String path =
        "services/T"
            + samples.from(Samples.UPPER_ALNUM, 8)
            + "/B"
            + samples.from(Samples.UPPER_ALNUM, 8)
            + "/"
            + samples.alnum(24);
    assertThat(guard.checkText("https://HOOKS.Slack.COM/" + path).map(SecretFinding::ruleId))
        .contains("slack-webhook-url");
    assertThat(
            guard
                .checkText("accountkey=" + samples.from(Samples.BASE64, 86) + "==")
                .map(SecretFinding::ruleId))
        .contains("azure-storage-account-key");
  }

  @Test
  void proseThatBeginsLikeATokenPrefixPasses() {
    assertThat(guard.checkText("ghp_tokens_are_rotated_every_ninety_days")).isEmpty();
    assertThat(guard.checkText("xoxp-enterprise-grid-migration-plan")).isEmpty();
    assertThat(guard.checkText("hvs.customer-success-scorecard-monthly")).isEmpty();
  }

  @Test
  void cardNumbersAreRefusedAsTextGroupedOrAsJsonNumbers() {
    String pan = samples.pan("4", 16);
    String amex = samples.pan("37", 15);
    assertThat(
            findings(
                """
                {"a": "%s", "b": "%s", "c": "paid with %s", "d": %s, "e": ["%s"]}
                """
                    .formatted(
                        pan, Samples.grouped(amex, " "), Samples.grouped(pan, "-"), pan, pan)))
        .containsExactly(
            "payment-card-number at $.a",
            "payment-card-number at $.b",
            "payment-card-number at $.c",
            "payment-card-number at $.d",
            "payment-card-number at $.e[0]");
  }

  @Test
  void maskedCardNumbersAndOtherLongNumbersPass() {
    String pan = samples.pan("5500", 16);
    assertThat(
            findings(
                """
                {"masked": "%s", "last4": "************%s", "invoice_number": "%s",
                 "created_ms": 1733130000000, "snowflake": 1234567890123456789, "order": %s}
                """
                    .formatted(
                        pan.substring(0, 6) + "******" + pan.substring(12),
                        pan.substring(12),
                        Samples.nonLuhn(pan),
                        Samples.nonLuhn(samples.pan("4", 16)))))
        .isEmpty();
  }

  @Test
  void cardSecurityCodesAreRefusedAsStringsOrNumbers() {
    assertThat(
            findings(
                """
                {"card": {"cvv": "737", "cvc": 123, "card_security_code": "1234", "cvc_check": "pass",
                          "cvv_required": true}, "security_code_length": 3}
                """))
        .containsExactly(
            "key-card-security-code at $.card.cvv",
            "key-card-security-code at $.card.cvc",
            "key-card-security-code at $.card.card_security_code");
  }

  @Test
  void aScreenDoesNotClearACardNumberWrittenAsANumberNorACredentialName() {
    String pan = samples.pan("4", 16);
    for (String json :
        List.of(
            "{\"amount\": 12, \"pan\": " + pan + "}",
            "[{\"name\": \"DB_PASSWORD\", \"value\": \"" + samples.alnum(16) + "\"}]")) {
      DocumentScreen screen = guard.screen(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Object tree =
          io.cavra.controlplane.contract.ContractJson.defaults()
              .parseTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      feed(screen, tree, json);
      assertThat(screen.clear()).as(json).isFalse();
      assertThat(guard.scan(tree, "$")).as(json).isNotEmpty();
    }
  }

  /** A JSON Web Key's private member, random base64url as RFC 7518 writes it. */
  private String keyMaterial(int length) {
    return samples.from(Samples.URL_SAFE, length - 2) + "Aa";
  }

  @Test
  void privateJsonWebKeysAreRefusedWhereTheirKeyMaterialIs() {
    assertThat(
            findings(
                """
                {"jwks": {"keys": [{"kty": "RSA", "kid": "2026-12", "n": "%s", "e": "AQAB", "d": "%s",
                                    "p": "%s", "q": "%s"}]},
                 "private_key": {"d": "%s", "crv": "P-256", "x": "%s", "kty": "EC"},
                 "webhook": {"signing": {"kty": "oct", "alg": "HS256", "k": "%s"}}}
                """
                    .formatted(
                        keyMaterial(342),
                        keyMaterial(342),
                        keyMaterial(171),
                        keyMaterial(171),
                        keyMaterial(43),
                        keyMaterial(43),
                        keyMaterial(43))))
        .containsExactlyInAnyOrder(
            "jwk-private-key at $.jwks.keys[0].d",
            "jwk-private-key at $.private_key.d",
            "jwk-private-key at $.webhook.signing.k");
  }

  @Test
  void publicJsonWebKeysStandInsAndUnrelatedShortKeysPass() {
    assertThat(
            findings(
                """
                {"jwks": {"keys": [{"kty": "RSA", "use": "sig", "n": "%s", "e": "AQAB"},
                                   {"kty": "OKP", "crv": "Ed25519", "x": "%s"}]},
                 "rotation": {"kty": "RSA", "d": "${JWK_PRIVATE_EXPONENT}", "k": "REDACTED_SYMMETRIC_KEY"},
                 "chart": {"kty": "line", "d": "%s"},
                 "geometry": {"d": "%s", "p": "%s"},
                 "examples": {"signing": {"kty": "oct", "k": "%s"}}}
                """
                    .formatted(
                        keyMaterial(342),
                        keyMaterial(43),
                        keyMaterial(40),
                        keyMaterial(40),
                        keyMaterial(40),
                        keyMaterial(43))))
        .isEmpty();
  }

  @Test
  void aJsonWebKeyWrittenAsTextIsRefusedAndAScreenDoesNotClearOne() {
    String jwk = "{\"kty\":\"oct\",\"k\":\"" + keyMaterial(43) + "\"}";
    assertThat(findings("{\"config\": \"" + jwk.replace("\"", "\\\"") + "\"}"))
        .containsExactly("jwk-private-key at $.config");

    String json = "{\"kid\": \"k1\", \"signing\": " + jwk + "}";
    DocumentScreen screen = guard.screen(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    feed(
        screen,
        io.cavra.controlplane.contract.ContractJson.defaults()
            .parseTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        json);
    assertThat(screen.clear()).isFalse();
  }

  /**
   * Feeds the screen every key, string and long integer of the tree, with offsets from the text.
   */
  private static void feed(DocumentScreen screen, Object node, String json) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        screen.key((String) entry.getKey());
        feed(screen, entry.getValue(), json);
      }
    } else if (node instanceof List<?> list) {
      list.forEach(element -> feed(screen, element, json));
    } else if (node instanceof String text) {
      screen.value(json.indexOf("\"" + text + "\""), text);
    } else if (node instanceof Long number && String.valueOf(number).length() >= 13) {
      screen.value(json.indexOf(String.valueOf(number)), String.valueOf(number));
    }
  }
}
