package io.cavra.controlplane.contract.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "${GITHUB_TOKEN}",
        "${}",
        "{{ secrets.API_KEY }}",
        "${{ secrets.X }}",
        "<redacted>",
        "<token>",
        "***",
        "********",
        "xxx",
        "XXXXXXXX",
        "xXxX",
        "REDACTED",
        "redacted",
        "[REDACTED]",
        "  <redacted>  ",
        "x*x",
        "$X",
        "%DB_PASSWORD%",
        "@DB_PASSWORD@",
        "$(cat /run/secrets/db)",
        "${{ secrets.DEPLOY_TOKEN }}",
        "{{ .Values.password }}",
        "<hidden>",
        "hidden",
        "N/A",
        "sm://prod/app/db",
        "vault://secret/data/app#password",
        "op://Engineering/db/password",
        "ref+vault://secret/app#/pw",
        "env:DB_PASSWORD",
        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
        "projects/acme/secrets/db/versions/3",
        "https://acme.vault.azure.net/secrets/db-password",
        "/run/secrets/db_password",
        "./secrets/db.txt",
        "****1234",
        "sk_live_****abcd",
        "ab12\u2022\u2022\u2022\u2022"
      })
  void placeholdersAreRecognised(String value) {
    assertThat(Placeholders.isPlaceholder(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "placeholder",
        "**",
        "xx",
        "${X",
        "{x}",
        "<",
        "hunter2",
        "REDACTED!",
        "x x x",
        "changeme",
        "/x",
        "https://user:pw@example.com",
        "s3cr3t-value"
      })
  void otherValuesAreNotPlaceholders(String value) {
    assertThat(Placeholders.isPlaceholder(value)).isFalse();
  }
}
