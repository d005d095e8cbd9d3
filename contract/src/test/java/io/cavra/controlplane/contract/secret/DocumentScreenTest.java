package io.cavra.controlplane.contract.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import io.cavra.controlplane.contract.ScreenedReads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The screen that applies the guard while a document is read: it clears a document only when a scan
 * would find nothing, and runs the value rules only on strings that hold a keyword.
 */
class DocumentScreenTest {
  private static final ScreenedReads READER = new ScreenedReads(1 << 20, 64);
  private static final Samples SAMPLES = new Samples(7L);

  private static boolean clear(String json, SecretGuard guard) {
    return READER.clear(json.getBytes(StandardCharsets.UTF_8), guard);
  }

  private static boolean clear(String json) {
    return clear(json, SecretGuard.defaults());
  }

  private static String githubToken() {
    return "gh" + "p_" + SAMPLES.alnum(36);
  }

  @Test
  void aDocumentWithoutKeywordsIsClear() {
    assertThat(
            clear(
                "{\"tenant_id\":\"acme\",\"labels\":{\"team\":\"core\"},\"refs\":[\"a@1\",\"b@2\"],\"n\":3}"))
        .isTrue();
  }

  @Test
  void aSecretValueAnywhereIsNotClear() {
    String token = githubToken();
    assertThat(clear("\"" + token + "\"")).isFalse();
    assertThat(clear("{\"a\":\"" + token + "\"}")).isFalse();
    assertThat(clear("{\"a\":[1,{\"b\":[\"x\",\"see " + token + "\"]}]}")).isFalse();
    assertThat(clear("{\"a\" : \"x\" ,\n  \"b\" :\t\"" + token + "\" }")).isFalse();
  }

  @Test
  void keywordsThatNameNoSecretLeaveTheDocumentClearAndRunOnlyTheirStringsRules() {
    List<Integer> runs = new ArrayList<>();
    SecretGuard probed = SecretGuard.builtIn().withRegexProbe(runs::add);
    String json =
        "{\"region\":\"asia-east1\",\"team\":\"core\",\"docs\":\"https://example.com/x\"}";

    assertThat(clear(json, probed)).isTrue();

    List<String> ran = runs.stream().map(r -> probed.values().rule(r).id()).toList();
    assertThat(ran).containsExactly("aws-access-key-id", "basic-auth-url");
  }

  @Test
  void anEscapeSequenceMeansNoClearanceEvenWithoutSecrets() {
    assertThat(clear("{\"a\":\"say \\\"hi\\\"\"}")).isFalse();
    // An escape can spell a keyword that the raw text does not show.
    String hidden = "\\u0067hp_" + SAMPLES.alnum(36);
    assertThat(clear("{\"a\":\"" + hidden + "\"}")).isFalse();
    assertThat(SecretGuard.defaults().scanJson("{\"a\":\"" + hidden + "\"}")).isNotEmpty();
  }

  @Test
  void aKeyThatNamesASecretIsNotClearEvenWithAnExemptValue() {
    assertThat(clear("{\"payload\":{\"apiKey\":\"x1\"}}")).isFalse();
    assertThat(clear("{\"payload\":{\"client-secret\":null}}")).isFalse();
    assertThat(clear("{\"payload\":{\"max_tokens\":5,\"secretary\":\"x\"}}")).isTrue();
  }

  @Test
  void aKeyWhoseTextIsATokenIsNotClear() {
    assertThat(clear("{\"" + githubToken() + "\":1}")).isFalse();
  }

  @Test
  void aGuardWithARuleWithoutKeywordsNeverClears() {
    SecretGuard guard =
        SecretGuard.builder()
            .addRule(SecretRule.value("acme-pin", "ACME PIN", "pin-[0-9]{6}"))
            .build();
    assertThat(clear("{\"a\":\"b\"}", guard)).isFalse();
  }

  @Test
  void nonAsciiDocumentsAreScreenedByChars() {
    assertThat(clear("{\"name\":\"Zürich – 東京 \uD83D\uDE80\"}")).isTrue();
    assertThat(clear("{\"name\":\"Zürich – 東京 \uD83D\uDE80 " + githubToken() + "\"}")).isFalse();
  }

  /**
   * A reader that reports byte offsets of a UTF-8 document, as Jackson's byte parser counts them: a
   * string of multi-byte chars spans more bytes than chars, and a keyword near its end is still
   * found.
   */
  @Test
  void byteOffsetsCoverStringsOfMultiByteChars() throws IOException {
    String token = githubToken();
    String json = "{\"a\":\"" + "é".repeat(30) + " " + token + "\",\"b\":\"plain\"}";
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);

    DocumentScreen screen = SecretGuard.defaults().screen(utf8);
    try (JsonParser parser = new JsonFactory().createParser(utf8)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          screen.key(parser.currentName());
        } else if (t == JsonToken.VALUE_STRING) {
          screen.value(((ParserBase) parser).getTokenCharacterOffset(), parser.getText());
        }
      }
    }

    assertThat(screen.clear()).isFalse();
    assertThat(screen.toString()).doesNotContain(token);
  }

  @Test
  void aStringAtAnUnknownOffsetIsScannedAsItIs() {
    String token = githubToken();
    DocumentScreen screen =
        SecretGuard.defaults()
            .screen(("{\"a\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8));
    screen.value(-1, "plain");
    assertThat(screen.clear()).isTrue();
    screen.value(-1, token);
    assertThat(screen.clear()).isFalse();
  }

  /** Whatever the document, the screen clears it only if a scan of it finds nothing. */
  @Property(tries = 2000)
  void aClearedDocumentHasNoFindings(@ForAll("documents") String json) {
    if (clear(json)) {
      assertThat(SecretGuard.defaults().scanJson(json)).isEmpty();
    }
  }

  /**
   * Without escapes, exempt values or sensitive key names, a document is clear exactly when a scan
   * finds nothing.
   */
  @Property(tries = 1000)
  void aPlainDocumentIsClearExactlyWhenAScanFindsNothing(@ForAll("plainDocuments") String json) {
    assertThat(clear(json)).isEqualTo(SecretGuard.defaults().scanJson(json).isEmpty());
  }

  @Provide
  Arbitrary<String> documents() {
    return value(3, true);
  }

  @Provide
  Arbitrary<String> plainDocuments() {
    return value(3, false);
  }

  /** JSON text built from fragments: words, keywords, tokens, non-ASCII, and (if asked) escapes. */
  private static Arbitrary<String> value(int depth, boolean tricky) {
    Arbitrary<String> string = text(tricky).map(s -> "\"" + s + "\"");
    Arbitrary<String> scalar =
        Arbitraries.oneOf(string, Arbitraries.of("1", "true", "null", "-2.5"));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> inner = value(depth - 1, tricky);
    Arbitrary<String> array =
        inner.list().ofMaxSize(4).map(items -> "[" + String.join(", ", items) + "]");
    Arbitrary<String> object =
        Arbitraries.entries(key(tricky), inner)
            .list()
            .ofMaxSize(4)
            .uniqueElements(e -> e.getKey())
            .map(
                entries -> {
                  List<String> members = new ArrayList<>();
                  entries.forEach(e -> members.add("\"" + e.getKey() + "\" :" + e.getValue()));
                  return "{" + String.join(",\n ", members) + "}";
                });
    return Arbitraries.oneOf(scalar, array, object);
  }

  private static Arbitrary<String> text(boolean tricky) {
    List<String> pieces =
        new ArrayList<>(
            List.of(
                "a",
                "core",
                "asia",
                "Asia-east1",
                "https://",
                "user:",
                "x@h",
                "bearer ",
                "Basic ",
                "eyJ",
                "sk-",
                "xox",
                "gh",
                "p_",
                "é",
                "東京",
                "\uD83D\uDE80",
                " ",
                "-",
                "_",
                "@1.2"));
    pieces.add(githubToken());
    pieces.add("AKIA" + SAMPLES.from(Samples.UPPER_ALNUM, 16));
    pieces.add("xo" + "xb-" + SAMPLES.alnum(24));
    pieces.add(
        "eyJ"
            + SAMPLES.from(Samples.URL_SAFE, 20)
            + ".eyJ"
            + SAMPLES.from(Samples.URL_SAFE, 20)
            + "."
            + SAMPLES.from(Samples.URL_SAFE, 20));
    if (tricky) {
      pieces.addAll(List.of("\\\"", "\\\\", "\\u0067", "\\n", "\\u00e9", "***", "<redacted>"));
    }
    return Arbitraries.of(pieces).list().ofMaxSize(6).map(parts -> String.join("", parts));
  }

  private static Arbitrary<String> key(boolean tricky) {
    List<String> keys =
        new ArrayList<>(
            List.of("a", "team", "region", "labels", "max_tokens", "secretary", "東京", "key_id"));
    if (tricky) {
      keys.addAll(
          List.of(
              "api_key", "clientSecret", "x-auth-token", "password", githubToken(), "a\\u0062"));
    }
    return Arbitraries.of(keys);
  }
}
