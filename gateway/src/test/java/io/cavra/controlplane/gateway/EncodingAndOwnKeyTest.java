package io.cavra.controlplane.gateway;

import static io.cavra.controlplane.gateway.ProblemsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies in encodings other than UTF-8, and our own API keys sent as identifiers: refused before
 * the adapter runs, never echoed, never audited, never logged.
 */
class EncodingAndOwnKeyTest {
  @TempDir static Path dir;
  static TestGateway gateway;
  static String bearer;

  @BeforeAll
  static void start() {
    Path keys = dir.resolve("keys.jsonl");
    GeneratedKey key = ApiKeys.add(keys, "demo", Set.of("tenant-demo"), Set.of("*"));
    bearer = "Bearer " + key.reveal();
    key.destroy();
    gateway =
        TestGateway.start(dir, config -> TestGateway.adapter(config.withKeyFile(keys), "honest"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void reset() {
    MisbehavingAdapter.reset();
  }

  /**
   * A policy lookup whose reference is a fake GitHub token, in {@code charset}, with a byte order
   * mark or not.
   */
  private static byte[] encoded(String charset, boolean bom) {
    String text = EndpointsTest.lookup().replace("REF", MisbehavingAdapter.canary());
    byte[] body = text.getBytes(Charset.forName(charset));
    if (!bom) {
      return body;
    }
    byte[] mark = "\uFEFF".getBytes(Charset.forName(charset));
    byte[] both = new byte[mark.length + body.length];
    System.arraycopy(mark, 0, both, 0, mark.length);
    System.arraycopy(body, 0, both, mark.length, body.length);
    return both;
  }

  private static HttpResponse<String> post(String path, byte[] body, String contentType) {
    return gateway.send(
        HttpRequest.newBuilder(gateway.uri(path))
            .header("Content-Type", contentType)
            .header("Authorization", bearer)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  @ParameterizedTest(name = "{0}, byte order mark {1}")
  @CsvSource({
    "UTF-16LE, false",
    "UTF-16LE, true",
    "UTF-16BE, false",
    "UTF-16BE, true",
    "UTF-32LE, false",
    "UTF-32LE, true",
    "UTF-32BE, false",
    "UTF-32BE, true",
    "UTF-8, true"
  })
  void aBodyInAnotherEncodingIsInvalidJsonBeforeTheAdapterRunsEvenLabelledUtf8(
      String charset, boolean bom) {
    for (String route : new String[] {"/v1/control-plane", "/v1/validate"}) {
      HttpResponse<String> response =
          post(route, encoded(charset, bom), "application/json; charset=utf-8");

      if (route.equals("/v1/control-plane")) {
        assertProblem(response, ProblemType.INVALID_JSON);
      } else {
        assertThat(response.body())
            .startsWith("{\"valid\":false,\"problems\":[{\"code\":\"invalid_json\"");
      }
      assertThat(response.body()).doesNotContain(MisbehavingAdapter.canary());
    }
    assertThat(MisbehavingAdapter.CALLERS).isEmpty();
    assertThat(gateway.audit()).doesNotContain(MisbehavingAdapter.canary());
    assertThat(gateway.logs()).doesNotContain(MisbehavingAdapter.canary());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"utf-16", "UTF-16LE", "utf-32", "iso-8859-1", "\"utf-16\""})
  void aDeclaredCharsetOtherThanUtf8Is415(String charset) {
    HttpResponse<String> response =
        post(
            "/v1/control-plane",
            EndpointsTest.lookup().getBytes(StandardCharsets.UTF_8),
            "application/json; charset=" + charset);

    assertProblem(response, ProblemType.UNSUPPORTED_MEDIA_TYPE);
    assertThat(MisbehavingAdapter.CALLERS).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"tenant_id, tenant-demo", "requested_by, community", "correlation_id, c-1"})
  void ourOwnApiKeyAsAnIdentifierIsRefusedAndNeverEchoedNorAudited(String field, String value) {
    GeneratedKey other =
        ApiKeys.add(dir.resolve("other-" + field + ".jsonl"), "other", Set.of("*"), Set.of("*"));
    String key = other.reveal();
    String body =
        ProblemsTest.REQUEST.replace(
            "\"" + field + "\":\"" + value + "\"", "\"" + field + "\":\"" + key + "\"");
    assertThat(body).contains(key);

    HttpResponse<String> response =
        post("/v1/control-plane", body.getBytes(StandardCharsets.UTF_8), "application/json");

    assertProblem(response, ProblemType.SENSITIVE_VALUE);
    assertThat(response.body()).doesNotContain(key);
    assertThat(MisbehavingAdapter.CALLERS).isEmpty();
    assertThat(gateway.audit()).doesNotContain(key).doesNotContain(key.substring(6, 20));
    assertThat(gateway.logs()).doesNotContain(key);
    other.destroy();
  }
}
