package io.cavra.controlplane.contract.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.MalformedJsonException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScanJsonTest {
  private static final JsonFactory JSON = new JsonFactory();
  private final SecretGuard guard = SecretGuard.builtIn();
  private final Samples samples = new Samples(11L);
  private final String canary = "ghp_" + samples.alnum(36);

  @Test
  void pathsAreRootedAtDollar() {
    String json =
        """
        {"payload": {"contacts": {"api_token": "x"}, "a": ["ok", "%s"]}, "n": 1, "z": null}
        """
            .formatted(canary);
    assertThat(guard.scanJson(json))
        .containsExactly(
            new SecretFinding(
                ErrorCode.SENSITIVE_FIELD, "key-token", "$.payload.contacts.api_token"),
            new SecretFinding(ErrorCode.SENSITIVE_VALUE, "github-pat-classic", "$.payload.a[1]"));
  }

  /**
   * Jackson decodes UTF-16 and UTF-32 by itself; the guard refuses them instead, on bytes and on
   * streams, so that what it scans is what every UTF-8 reader of the same bytes sees.
   */
  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "UTF-16"})
  void nonUtf8InputIsInvalidJsonOnBytesAndStreams(String charset) {
    byte[] bytes =
        ("{\"a\": \"" + canary + "\"}").getBytes(java.nio.charset.Charset.forName(charset));

    MalformedJsonException fromBytes =
        catchThrowableOfType(MalformedJsonException.class, () -> guard.scanJson(bytes));
    MalformedJsonException fromStream =
        catchThrowableOfType(
            MalformedJsonException.class,
            () -> guard.scanJson(new java.io.ByteArrayInputStream(bytes)));
    MalformedJsonException fromScreen =
        catchThrowableOfType(MalformedJsonException.class, () -> guard.screen(bytes));

    for (MalformedJsonException error : java.util.List.of(fromBytes, fromStream, fromScreen)) {
      assertThat(error.code()).isEqualTo(ErrorCode.INVALID_JSON);
      assertThat(error.getMessage()).isEqualTo("input is not UTF-8: UTF-16 and UTF-32 are refused");
    }
    assertThat(fromStream.location()).isEqualTo(fromBytes.location());
  }

  @Test
  void scalarRootIsChecked() {
    assertThat(guard.scanJson("\"" + canary + "\""))
        .extracting(SecretFinding::path)
        .containsExactly("$");
    assertThat(guard.scanJson("42")).isEmpty();
  }

  @Test
  void nullPlaceholderNumberBooleanAndObjectValuesDoNotFireKeyRules() {
    assertThat(
            guard.scanJson(
                """
                {"password": null, "token": "${TOKEN}", "secret": "", "api_key": 5,
                 "token_quota": 500000, "password_set": false, "cookie": {},
                 "passphrase": {"type": "string", "writeOnly": true}, "client_secret": "s3cr3t-value"}
                """))
        .extracting(SecretFinding::path)
        .containsExactly("$.client_secret");
  }

  @Test
  void duplicateKeysAreScannedEachTime() {
    assertThat(guard.scanJson("{\"token\": \"a\", \"token\": \"b\"}")).hasSize(2);
  }

  @Test
  void stringBytesAndStreamGiveTheSameFindings() throws IOException {
    Random random = new Random(3);
    String json = document(random, 6);
    while (guard.scanJson(json).size() < 3) {
      json = document(random, 6);
    }
    List<SecretFinding> expected = guard.scanJson(json);
    assertThat(guard.scanJson(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
      assertThat(guard.scanJson(in)).isEqualTo(expected);
    }
  }

  @Test
  void streamingScanMatchesTheTreeScan() throws IOException {
    Random random = new Random(99);
    for (int i = 0; i < 200; i++) {
      String json = document(random, 5);
      assertThat(guard.scanJson(json)).as(json).isEqualTo(guard.scan(parse(json), "$"));
    }
  }

  @Test
  void streamIsNotClosed() {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    guard.scanJson(in);
    assertThat(closed[0]).isFalse();
  }

  @Test
  void readFailureIsUnchecked() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk");
          }
        };
    assertThatThrownBy(() -> guard.scanJson(failing)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void malformedJsonReportsLineAndColumnWithoutInputText() {
    assertMalformed(
        "{\"a\": " + "\"" + canary + "\" " + canary + "}", "line 1, column 50", "malformed JSON");
    assertMalformed("{\n  \"a\": }", "line 2, column 8", "malformed JSON");
  }

  @Test
  void truncatedJsonIsInvalid() {
    assertMalformed("{\"a\": [\"" + canary, "line 1, column 49", "unexpected end of input");
  }

  @Test
  void emptyInputIsInvalid() {
    assertMalformed("   ", "line 1, column 4", "no JSON value");
  }

  @Test
  void trailingContentIsInvalid() {
    assertMalformed(
        "{} {\"token\": 1}", "line 1, column 4", "trailing content after the JSON value");
    assertMalformed("1 2", "line 1, column 3", "trailing content after the JSON value");
  }

  @Test
  void invalidUtf8IsInvalid() {
    byte[] bytes = {'"', (byte) 0xC3, (byte) 0x28, '"'};
    assertThatThrownBy(() -> guard.scanJson(bytes))
        .isInstanceOfSatisfying(
            MalformedJsonException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_JSON))
        .hasMessage("input is not valid UTF-8");
  }

  @Test
  void nestingDeeperThanTheLimitIsTooDeep() {
    String json = "[".repeat(300) + "]".repeat(300);
    assertThatThrownBy(() -> guard.scanJson(json))
        .isInstanceOfSatisfying(
            MalformedJsonException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TOO_DEEP);
              assertThat(e.location()).isEqualTo("$" + "[0]".repeat(256));
            })
        .hasMessage("nesting is deeper than 256 levels");
    assertThat(guard.scanJson("[".repeat(256) + "]".repeat(256))).isEmpty();
  }

  @Test
  void customDepthAllowsDeepDocumentsWithoutStackOverflow() {
    SecretGuard deep = guard.toBuilder().maxDepth(100_000).build();
    String json = "{\"a\":".repeat(50_000) + "{\"token\": \"x\"}" + "}".repeat(50_000);
    assertThat(deep.scanJson(json))
        .singleElement()
        .satisfies(f -> assertThat(f.path()).endsWith(".a.token"));
  }

  private void assertMalformed(String json, String location, String message) {
    assertThatThrownBy(() -> guard.scanJson(json))
        .isInstanceOfSatisfying(
            MalformedJsonException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_JSON);
              assertThat(e.location()).isEqualTo(location);
              assertThat(e.getMessage()).doesNotContain(canary);
            })
        .hasMessage(message);
  }

  /** A random document mixing clean and sensitive keys and values. */
  private String document(Random random, int depth) throws IOException {
    List<String> keys =
        List.of(
            "tenant_id",
            "token",
            "notes",
            "max_tokens",
            "apiKey",
            "1",
            "a b",
            "secretary",
            "password",
            "items",
            "x-api-key",
            "labels");
    List<String> values =
        List.of(
            "tenant-demo",
            canary,
            "See docs",
            "",
            "${X}",
            "basic plan",
            "Bearer " + samples.alnum(30),
            "https://user:" + samples.alnum(10) + "@h",
            "asia-east1");
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, random, depth, keys, values);
    }
    return out.toString();
  }

  private void write(
      JsonGenerator g, Random random, int depth, List<String> keys, List<String> values)
      throws IOException {
    int kind = depth == 0 ? 2 + random.nextInt(3) : random.nextInt(5);
    switch (kind) {
      case 0:
        g.writeStartObject();
        Set<String> names = new HashSet<>();
        for (int i = random.nextInt(4); i >= 0; i--) {
          String name = keys.get(random.nextInt(keys.size())) + (random.nextInt(3) == 0 ? "" : i);
          if (names.add(name)) {
            g.writeFieldName(name);
            write(g, random, depth - 1, keys, values);
          }
        }
        g.writeEndObject();
        break;
      case 1:
        g.writeStartArray();
        for (int i = random.nextInt(4); i > 0; i--) {
          write(g, random, depth - 1, keys, values);
        }
        g.writeEndArray();
        break;
      case 2:
        g.writeString(values.get(random.nextInt(values.size())));
        break;
      case 3:
        g.writeNumber(random.nextInt(100));
        break;
      default:
        g.writeNull();
    }
  }

  /** Parses to LinkedHashMap, ArrayList, String, Long, Double, Boolean and null. */
  static Object parse(String json) throws IOException {
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      return read(p);
    }
  }

  private static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Object> map = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        map.put(name, read(p));
      }
      return map;
    }
    if (t == JsonToken.START_ARRAY) {
      List<Object> list = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        list.add(read(p));
      }
      return list;
    }
    switch (t) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return p.getBooleanValue();
      default:
        return null;
    }
  }
}
