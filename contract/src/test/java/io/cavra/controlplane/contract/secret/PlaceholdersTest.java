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
        "  <redacted>  "
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
        "x*x",
        "${X",
        "{x}",
        "<",
        "hunter2",
        "REDACTED!",
        "$X",
        "x x x"
      })
  void otherValuesAreNotPlaceholders(String value) {
    assertThat(Placeholders.isPlaceholder(value)).isFalse();
  }
}
