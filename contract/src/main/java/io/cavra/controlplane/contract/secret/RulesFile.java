package io.cavra.controlplane.contract.secret;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.MalformedJsonException;
import io.cavra.controlplane.contract.internal.Utf8Only;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON rules file into a {@link SecretGuard.Builder}, streaming with jackson-core. Errors
 * name the JSON path inside the file (for example {@code $.rules[1].regex}) and never quote the
 * file's text.
 */
final class RulesFile {
  private final JsonParser p;
  private final SecretGuard.Builder builder;

  private RulesFile(JsonParser p, SecretGuard.Builder builder) {
    this.p = p;
    this.builder = builder;
  }

  static void read(Path file, SecretGuard.Builder builder) {
    try (InputStream in = Files.newInputStream(file);
        JsonParser p =
            JsonScanner.FACTORY.createParser(Utf8Only.checking(in, JsonScanner.REFUSED))) {
      new RulesFile(p, builder).document();
    } catch (JsonParseException e) {
      throw JsonScanner.invalid(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void document() throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw JsonScanner.invalid(p.currentLocation(), "no JSON value");
    }
    expect(t, JsonToken.START_OBJECT, "$", "object");
    Set<String> seen = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = field(seen, "$");
      String path = "$." + name;
      if (name.equals("rules")) {
        expect(p.nextToken(), JsonToken.START_ARRAY, path, "array");
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
          rule(path + "[" + i + "]");
        }
      } else if (name.equals("benign_keys")) {
        expect(p.nextToken(), JsonToken.START_ARRAY, path, "array");
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
          String itemPath = path + "[" + i + "]";
          String entry = string(p.currentToken(), itemPath);
          try {
            builder.addBenignKey(entry);
          } catch (ContractException e) {
            throw relocate(e, itemPath);
          }
        }
      } else {
        throw ContractException.of(ErrorCode.UNKNOWN_FIELD, path, "unknown field at " + path);
      }
    }
    if (p.nextToken() != null) {
      throw JsonScanner.invalid(p.currentTokenLocation(), "trailing content after the JSON value");
    }
  }

  private void rule(String path) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, path, "object");
    Set<String> seen = new HashSet<>();
    String id = null;
    String description = null;
    String target = null;
    String regex = null;
    List<String> keywords = null;
    String fullDescription = null;
    String remediation = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = field(seen, path);
      String fieldPath = path + "." + name;
      JsonToken t = p.nextToken();
      switch (name) {
        case "id":
          id = string(t, fieldPath);
          break;
        case "description":
          description = string(t, fieldPath);
          break;
        case "target":
          target = string(t, fieldPath);
          if (!target.equals("key") && !target.equals("value")) {
            throw ContractException.of(
                ErrorCode.INVALID_VALUE, fieldPath, "target must be one of: key, value");
          }
          break;
        case "regex":
          regex = string(t, fieldPath);
          break;
        case "full_description":
          fullDescription = string(t, fieldPath);
          break;
        case "remediation":
          remediation = string(t, fieldPath);
          break;
        case "keywords":
          expect(t, JsonToken.START_ARRAY, fieldPath, "array");
          keywords = new ArrayList<>();
          for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            keywords.add(string(p.currentToken(), fieldPath + "[" + i + "]"));
          }
          break;
        default:
          throw ContractException.of(
              ErrorCode.UNKNOWN_FIELD, fieldPath, "unknown field at " + fieldPath);
      }
    }
    require(id, "id", path);
    require(description, "description", path);
    require(target, "target", path);
    require(regex, "regex", path);
    if (target.equals("key") && keywords != null) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE, path + ".keywords", "keywords apply to value rules only");
    }
    SecretRule rule;
    try {
      rule =
          target.equals("key")
              ? SecretRule.key(id, description, regex)
              : SecretRule.value(
                  id,
                  description,
                  regex,
                  keywords == null ? new String[0] : keywords.toArray(new String[0]));
      if (fullDescription != null || remediation != null) {
        rule =
            rule.withHelp(
                fullDescription != null ? fullDescription : rule.fullDescription(),
                remediation != null ? remediation : rule.remediation());
      }
    } catch (ContractException e) {
      throw relocate(e, path + "." + e.location());
    }
    try {
      builder.addRule(rule);
    } catch (ContractException e) {
      throw relocate(e, path + ".id");
    }
  }

  private String field(Set<String> seen, String path) throws IOException {
    String name = p.currentName();
    if (!seen.add(name)) {
      throw MalformedJsonException.of(
          ErrorCode.DUPLICATE_KEY, path + "." + name, "duplicate key at " + path + "." + name);
    }
    return name;
  }

  private String string(JsonToken t, String path) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw ContractException.of(ErrorCode.INVALID_TYPE, path, "expected string at " + path);
    }
    return p.getText();
  }

  private static void expect(JsonToken actual, JsonToken expected, String path, String what) {
    if (actual != expected) {
      throw ContractException.of(ErrorCode.INVALID_TYPE, path, "expected " + what + " at " + path);
    }
  }

  private static void require(Object value, String name, String path) {
    if (value == null) {
      throw ContractException.of(
          ErrorCode.MISSING_FIELD, path, "required field '" + name + "' missing at " + path);
    }
  }

  private static ContractException relocate(ContractException e, String location) {
    return ContractException.of(e.code(), location, e.getMessage());
  }
}
