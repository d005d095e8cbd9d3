package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Properties over generated inputs: for every valid request and response, build → serialize → parse
 * → serialize is the identity in both canonical forms and the output validates against the
 * published schema; and the parser fails on arbitrary input only with the contract's exception.
 */
class RoundTripPropertiesTest {

  @Property(tries = 300)
  void requestsRoundTripAndMatchTheSchema(@ForAll("requests") ControlPlaneRequest request) {
    String compact = ContractJson.toJson(request);
    String pretty = ContractJson.toPrettyJson(request);
    ControlPlaneRequest parsed =
        ContractJson.defaults().parseRequest(compact.getBytes(StandardCharsets.UTF_8));
    assertThat(parsed).isEqualTo(request);
    assertThat(ContractJson.toJson(parsed)).isEqualTo(compact);
    assertThat(ContractJson.toPrettyJson(ContractJson.defaults().parseRequest(pretty)))
        .isEqualTo(pretty);
    assertThat(TestSchemas.errors("request", compact)).isEmpty();
  }

  @Property(tries = 300)
  void responsesRoundTripAndMatchTheSchema(@ForAll("responses") ControlPlaneResponse response) {
    String compact = ContractJson.toJson(response);
    String pretty = ContractJson.toPrettyJson(response);
    ControlPlaneResponse parsed = ContractJson.defaults().parseResponse(compact);
    assertThat(parsed).isEqualTo(response);
    assertThat(ContractJson.toJson(parsed)).isEqualTo(compact);
    assertThat(ContractJson.toPrettyJson(ContractJson.defaults().parseResponse(pretty)))
        .isEqualTo(pretty);
    assertThat(TestSchemas.errors("response", compact)).isEmpty();
  }

  @Property(tries = 1000)
  void parserFailsOnArbitraryBytesOnlyWithContractExceptions(@ForAll byte[] input) {
    try {
      ContractJson.defaults().parseEnvelope(input);
    } catch (ContractException expected) {
      assertThat(expected.code()).isNotNull();
    }
  }

  @Property(tries = 500)
  void parserFailsOnMutatedEnvelopesOnlyWithContractExceptions(
      @ForAll("requests") ControlPlaneRequest request, @ForAll("mutations") int[] mutation) {
    byte[] bytes = ContractJson.toJsonBytes(request);
    int position = Math.floorMod(mutation[0], bytes.length);
    bytes[position] = (byte) mutation[1];
    try {
      ContractJson.defaults().parseEnvelope(bytes);
    } catch (ContractException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  /**
   * Input is screened for secrets while it is read, and a cleared document skips the guard and the
   * Unicode checks over its model. Screened parsing of bytes and of text must agree with reading
   * the tree unscreened on every document: same envelope, or same error (code, location, message,
   * rule). The same document in UTF-16 or UTF-32, with or without a byte order mark, is refused
   * alike by both. The documents are valid envelopes whose strings and keys are partly replaced by
   * generated JSON text with keywords, tokens, escapes, lone surrogates and non-ASCII chars.
   */
  // Not shrunk: shrinking these flat-mapped envelopes takes minutes, and the report names both
  // outcomes.
  @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
  void screenedAndUnscreenedParsingAgree(
      @ForAll("envelopes") Envelope envelope,
      @ForAll("replacements") List<String> values,
      @ForAll("keyReplacements") List<String> keys,
      @ForAll("otherEncodings") String encoding,
      @ForAll boolean bom) {
    String json =
        withReplacedStrings(
            ContractJson.defaults().parseTree(ContractJson.toJsonBytes(envelope)),
            values.iterator(),
            keys.iterator());
    String unscreened = outcome(() -> TreeReader.envelope(UNSCREENED.read(json)));

    assertThat(outcome(() -> ContractJson.defaults().parseEnvelope(json))).isEqualTo(unscreened);
    if (validUnicode(json)) {
      // UTF-8 cannot carry a lone surrogate: such text has no byte form to compare.
      byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
      assertThat(outcome(() -> ContractJson.defaults().parseEnvelope(utf8))).isEqualTo(unscreened);
      // Other encodings: refused alike, screened or not, whatever the document holds.
      byte[] other =
          ((bom ? "\uFEFF" : "") + json).getBytes(java.nio.charset.Charset.forName(encoding));
      String refused = outcome(() -> TreeReader.envelope(UNSCREENED.read(other)));
      assertThat(refused).startsWith("invalid_json at line 1, column ");
      assertThat(outcome(() -> ContractJson.defaults().parseEnvelope(other))).isEqualTo(refused);
    }
  }

  @Provide
  Arbitrary<String> otherEncodings() {
    return Arbitraries.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE");
  }

  private static final JsonTreeReader UNSCREENED =
      new JsonTreeReader(ContractJson.DEFAULT_MAX_BYTES, ContractJson.DEFAULT_MAX_DEPTH);

  /**
   * What a parse gave, with every non-ASCII char escaped so that a failure report stays readable.
   */
  private static String outcome(java.util.function.Supplier<Envelope> parse) {
    String outcome;
    try {
      outcome = "parsed " + ContractJson.toJson(parse.get());
    } catch (ContractException e) {
      outcome = e.code() + " at " + e.location() + ": " + e.getMessage() + " " + e.ruleId();
    }
    StringBuilder ascii = new StringBuilder();
    outcome
        .chars()
        .forEach(
            c -> ascii.append(c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
    return ascii.toString();
  }

  /**
   * The tree as JSON text, each string value and each key taken in turn from {@code values} or
   * {@code keys} (raw JSON string content) where the next one is not null, kept otherwise.
   */
  private static String withReplacedStrings(
      Object value, java.util.Iterator<String> values, java.util.Iterator<String> keys) {
    if (value instanceof Map) {
      List<String> members = new java.util.ArrayList<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        members.add(
            string((String) entry.getKey(), keys)
                + ":"
                + withReplacedStrings(entry.getValue(), values, keys));
      }
      return "{" + String.join(",", members) + "}";
    }
    if (value instanceof List) {
      List<String> items = new java.util.ArrayList<>();
      for (Object item : (List<?>) value) {
        items.add(withReplacedStrings(item, values, keys));
      }
      return "[" + String.join(",", items) + "]";
    }
    if (value instanceof String) {
      return string((String) value, values);
    }
    return String.valueOf(value);
  }

  private static String string(String original, java.util.Iterator<String> replacements) {
    String replacement = replacements.hasNext() ? replacements.next() : null;
    String content =
        replacement != null
            ? replacement
            : new String(
                com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
                    .quoteAsString(original));
    return "\"" + content + "\"";
  }

  @Provide
  Arbitrary<Envelope> envelopes() {
    return Arbitraries.oneOf(requests().map(r -> r), responses().map(r -> r));
  }

  @Provide
  Arbitrary<List<String>> replacements() {
    return replacement().injectNull(0.85).list().ofMaxSize(40);
  }

  /** As {@link #replacements()}, rarer: a strange key in a strict object ends the parse at once. */
  @Provide
  Arbitrary<List<String>> keyReplacements() {
    return replacement().injectNull(0.97).list().ofMaxSize(40);
  }

  private static Arbitrary<String> replacement() {
    List<String> pieces =
        List.of(
            "core",
            "asia-east1",
            "https://h/x",
            "user:pw@h",
            "Bearer ",
            "eyJ",
            "\\u00e9",
            "\\\"",
            "\\ud800",
            "\uDC00",
            "\\u0067",
            "\\t",
            "Z\u00fcrich",
            "\uD83D\uDE80",
            " ",
            "api_key",
            "clientSecret",
            "max_tokens",
            "***",
            FakeTokens.github(),
            FakeTokens.slack());
    return Arbitraries.of(pieces)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<int[]> mutations() {
    return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 255))
        .as((position, value) -> new int[] {position, value});
  }

  @Provide
  Arbitrary<ControlPlaneRequest> requests() {
    return Arbitraries.of(Operation.class).flatMap(this::request);
  }

  @Provide
  Arbitrary<ControlPlaneResponse> responses() {
    return Arbitraries.of(Operation.class)
        .flatMap(
            operation ->
                request(operation)
                    .flatMap(
                        request -> {
                          if (!operation.hasSummary()) {
                            return Arbitraries.of(
                                operation == Operation.TENANT_ONBOARDING
                                    ? ControlPlaneResponse.onboardingUnavailable(request)
                                    : ControlPlaneResponse.unavailable(request));
                          }
                          return Combinators.combine(
                                  summary(request), Arbitraries.of(ResponseStatus.class))
                              .as(
                                  (summary, status) ->
                                      ControlPlaneResponse.forSummary(request, summary, status));
                        }));
  }

  private Arbitrary<ControlPlaneRequest> request(Operation operation) {
    return Combinators.combine(identifier(), identifier())
        .flatAs(
            (tenant, requester) ->
                parameterValues(operation)
                    .map(
                        values -> {
                          RequestBuilder builder =
                              ControlPlaneRequest.builder(operation)
                                  .tenantId(tenant)
                                  .requestedBy(requester);
                          values.forEach(builder::set);
                          return unlessGuarded(builder::build);
                        })
                    .filter(java.util.Objects::nonNull));
  }

  private Arbitrary<Map<String, Object>> parameterValues(Operation operation) {
    Arbitrary<Map<String, Object>> values = Arbitraries.just(Map.of());
    for (RequestParameter parameter : RequestBuilder.parameters(operation)) {
      String name = parameter.name();
      if (name.equals("tenant_id")
          || name.equals("requested_by")
          || name.equals("correlation_id")) {
        continue;
      }
      Arbitrary<Object> value = value(parameter);
      values =
          values.flatMap(
              map ->
                  value.map(
                      v -> {
                        Map<String, Object> copy = new java.util.LinkedHashMap<>(map);
                        copy.put(name, v);
                        return copy;
                      }));
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  private Arbitrary<Object> value(RequestParameter parameter) {
    switch (parameter.name()) {
      case "deployment_model":
        return Arbitraries.of(DeploymentModel.class).map(DeploymentModel::wireName);
      case "export_format":
        return Arbitraries.of(ExportFormat.class).map(ExportFormat::wireName);
      case "worker_mode":
        return Arbitraries.of(WorkerMode.class).map(WorkerMode::wireName);
      case "organization_name":
      case "region":
        // Stored stripped, so generated values must already be stripped to round-trip.
        return identifier().map(s -> s);
      default:
        break;
    }
    switch (parameter.kind()) {
      case TEXT:
        return text().map(s -> s);
      case TEXT_LIST:
        // Lists whose default is non-empty must stay non-empty (the builders refuse empty check
        // lists).
        boolean nonEmpty =
            parameter.required() || !((List<String>) parameter.defaultValue()).isEmpty();
        int min = nonEmpty ? 1 : 0;
        return text().list().ofMinSize(min).ofMaxSize(4).map(l -> l);
      case JSON_MAP:
        return Arbitraries.maps(key(), jsonValue(3)).ofMaxSize(3).map(m -> m);
      case LICENSE_REPORT:
        return Combinators.combine(
                Arbitraries.of(LicenseStatus.class),
                Arbitraries.of(LicenseEdition.class),
                identifier(),
                text().list().ofMaxSize(3))
            .as(LicenseValidationReport::local);
      default:
        throw new AssertionError(parameter.kind());
    }
  }

  private Arbitrary<Summary> summary(ControlPlaneRequest request) {
    Arbitrary<SummaryBuilder> builder =
        Arbitraries.just(0)
            .map(x -> Summary.builder(request.operation()).set("tenant_id", request.tenantId()));
    for (SummaryField field : SummaryBuilder.fields(request.operation())) {
      if (field.name().equals("tenant_id")) {
        continue;
      }
      Arbitrary<Object> value;
      switch (field.kind()) {
        case STATE:
          value = Arbitraries.of(field.allowedValues()).map(v -> v);
          break;
        case TEXT:
          value = text().map(v -> v);
          break;
        case OPTIONAL_TEXT:
          value = text().injectNull(0.3).map(v -> v);
          break;
        case TEXT_LIST:
          value = text().list().ofMaxSize(3).map(v -> v);
          break;
        case COUNT:
          value = Arbitraries.longs().between(0, Long.MAX_VALUE).map(v -> v);
          break;
        default:
          value = Arbitraries.of(true, false).map(v -> v);
      }
      Arbitrary<Object> fieldValue = value;
      builder = builder.flatMap(b -> fieldValue.map(v -> b.set(field.name(), v)));
    }
    return builder.flatMap(
        b ->
            Arbitraries.maps(Arbitraries.strings().withCharRange('f', 'k').ofLength(6), text())
                .ofMaxSize(2)
                .map(
                    extra -> {
                      extra.forEach(b::extension);
                      return unlessGuarded(b::build);
                    })
                .filter(java.util.Objects::nonNull));
  }

  /**
   * What {@code build} builds, or null when the secret guard refuses it: random text sometimes has
   * a credential's shape, alone or next to a name such as {@code "token"} in a list, and a sample
   * the builders refuse cannot start a round trip.
   */
  private static <T> T unlessGuarded(java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (ContractException e) {
      if (e.code() == ErrorCode.SENSITIVE_VALUE || e.code() == ErrorCode.SENSITIVE_FIELD) {
        return null;
      }
      throw e;
    }
  }

  private static Arbitrary<String> identifier() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars('-', '0', '7')
        .ofMinLength(1)
        .ofMaxLength(24)
        .filter(s -> !s.isBlank());
  }

  /**
   * Any JSON value as a builder takes it: text, whole numbers of every size, finite doubles,
   * booleans, null, and lists and maps of these nested up to {@code depth} levels.
   */
  private static Arbitrary<Object> jsonValue(int depth) {
    Arbitrary<Object> scalar =
        Arbitraries.oneOf(
            text().map(v -> v),
            Arbitraries.longs().map(v -> v),
            Arbitraries.bigIntegers()
                .between(java.math.BigInteger.TWO.pow(63), java.math.BigInteger.TWO.pow(80))
                .map(v -> v),
            Arbitraries.doubles().ofScale(20).between(-1e300, 1e300).map(v -> v),
            Arbitraries.longs()
                .map(bits -> Double.longBitsToDouble(bits))
                .filter(Double::isFinite)
                .map(v -> v),
            Arbitraries.of(true, false).map(v -> v),
            Arbitraries.just(null));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> inner = Arbitraries.lazy(() -> jsonValue(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, scalar),
        net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(3).map(v -> v)),
        net.jqwik.api.Tuple.of(1, Arbitraries.maps(key(), inner).ofMaxSize(3).map(v -> v)));
  }

  private static Arbitrary<String> key() {
    return Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(8);
  }

  /**
   * Free text across escaping classes: control characters, quotes, non-ASCII, astral code points.
   */
  private static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withCharRange('\u0000', '\u001f')
        .withChars('\u007f', '\u00e9', '\u2028', '\u6771', '\uD83D', '\uDE80')
        .ofMaxLength(30)
        .filter(RoundTripPropertiesTest::validUnicode);
  }

  private static boolean validUnicode(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
