package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden vectors under {@code vectors/v1}: every valid document, written by Python's own {@code
 * json.dumps}, parses and serializes back to the same bytes in its form; every invalid one is
 * refused with its expected code, location and (where the manifest gives it) message, and never
 * with its secret in the message.
 */
class GoldenVectorTest {

  static Stream<String> validCases() {
    return GoldenVectors.all().stream()
        .filter(GoldenVectors.Case::valid)
        .map(GoldenVectors.Case::name);
  }

  static Stream<String> invalidCases() {
    return GoldenVectors.all().stream().filter(c -> !c.valid()).map(GoldenVectors.Case::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCases")
  void validVectorRoundTripsToTheSameBytes(String name) {
    GoldenVectors.Case vector = GoldenVectors.byName(name);
    byte[] input = vector.text().getBytes(StandardCharsets.UTF_8);
    boolean pretty = "pretty".equals(vector.form());
    String written;
    if (vector.kind().equals("contract")) {
      @SuppressWarnings("unchecked")
      Map<String, ?> tree = (Map<String, ?>) ContractJson.defaults().parseTree(input);
      assertThat(ContractJson.toJson(ContractDescription.toMap(), pretty)).isEqualTo(vector.text());
      written = ContractJson.toJson(tree, pretty);
    } else {
      Envelope envelope =
          vector.kind().equals("request")
              ? ContractJson.defaults().parseRequest(input)
              : ContractJson.defaults().parseResponse(input);
      written = pretty ? ContractJson.toPrettyJson(envelope) : ContractJson.toJson(envelope);
    }
    assertThat(written).isEqualTo(vector.text());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCases")
  void invalidVectorIsRefusedWithItsCodeAndLocation(String name) {
    GoldenVectors.Case vector = GoldenVectors.byName(name);
    String text = vector.text();
    ContractException error =
        catchThrowableOfType(ContractException.class, () -> parse(vector.kind(), text));
    assertThat(error).as("refused").isNotNull();
    assertThat(error.code().wireName()).isEqualTo(vector.code());
    if (vector.location() != null) {
      assertThat(error.location()).isEqualTo(vector.location());
    }
    if (vector.message() != null) {
      assertThat(error.getMessage()).isEqualTo(vector.message());
    }
    if (!vector.substitute().isEmpty()) {
      assertThat(error.getMessage()).doesNotContain(GoldenVectors.githubClassicToken());
      assertThat(error.ruleId()).isPresent();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCases")
  void invalidVectorIsRefusedAsBytesToo(String name) {
    GoldenVectors.Case vector = GoldenVectors.byName(name);
    byte[] bytes = vector.text().getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ContractJson.defaults().parseEnvelope(bytes))
        .isInstanceOf(ContractException.class);
  }

  private static Envelope parse(String kind, String text) {
    return kind.equals("response")
        ? ContractJson.defaults().parseResponse(text)
        : ContractJson.defaults().parseRequest(text);
  }
}
