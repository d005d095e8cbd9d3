package io.cavra.controlplane.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads the golden vectors of {@code vectors/v1} and their manifest from the test class path. */
final class GoldenVectors {
  static final String ROOT = "/vectors/v1/";
  static final String GITHUB_TOKEN_PLACEHOLDER = "@@GITHUB_TOKEN@@";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, Case> CASES = load();

  private GoldenVectors() {}

  /** One manifest entry. */
  record Case(
      String name,
      String file,
      String kind,
      String form,
      boolean valid,
      String code,
      String location,
      String message,
      boolean schemaRejects,
      Map<String, String> substitute,
      String description) {

    /** The group of a valid case: its name without the {@code .compact}/{@code .pretty} form. */
    String document() {
      return form == null || !name.endsWith("." + form)
          ? name
          : name.substring(0, name.length() - form.length() - 1);
    }

    /** The stored text, exactly as committed (placeholders not substituted). */
    String rawText() {
      return resource(ROOT + file);
    }

    /** The text with every placeholder replaced by a value built at run time. */
    String text() {
      String text = rawText();
      for (Map.Entry<String, String> entry : substitute.entrySet()) {
        text = text.replace(entry.getKey(), generate(entry.getValue()));
      }
      return text;
    }
  }

  static List<Case> all() {
    return List.copyOf(CASES.values());
  }

  static Case byName(String name) {
    return Optional.ofNullable(CASES.get(name))
        .orElseThrow(() -> new IllegalArgumentException("no vector case " + name));
  }

  static JsonNode manifest() {
    return readTree(resource(ROOT + "manifest.json"));
  }

  static JsonNode readTree(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A GitHub classic personal access token shape ({@code ghp_} and 36 letters and digits), built at
   * run time so that no credential-shaped text is committed.
   */
  static String githubClassicToken() {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    StringBuilder token = new StringBuilder("ghp").append('_');
    for (int i = 0; i < 36; i++) {
      token.append(alphabet.charAt((i * 7 + 3) % alphabet.length()));
    }
    return token.toString();
  }

  static String generate(String generator) {
    if (generator.equals("github-classic")) {
      return githubClassicToken();
    }
    throw new IllegalArgumentException("unknown substitution generator " + generator);
  }

  static String resource(String path) {
    try (InputStream in = GoldenVectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Case> load() {
    Map<String, Case> cases = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    for (JsonNode node : manifest().get("cases")) {
      Map<String, String> substitute = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : node.path("substitute").properties()) {
        substitute.put(entry.getKey(), entry.getValue().asText());
      }
      Case c =
          new Case(
              node.get("name").asText(),
              node.get("file").asText(),
              node.get("kind").asText(),
              textOrNull(node.get("form")),
              node.get("verdict").asText().equals("valid"),
              textOrNull(node.get("code")),
              textOrNull(node.get("location")),
              textOrNull(node.get("message")),
              node.get("schema_rejects").asBoolean(),
              Collections.unmodifiableMap(substitute),
              node.get("description").asText());
      if (cases.put(c.name(), c) != null) {
        duplicates.add(c.name());
      }
    }
    if (!duplicates.isEmpty()) {
      throw new IllegalStateException("duplicate vector case names " + duplicates);
    }
    return Collections.unmodifiableMap(cases);
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
