package io.cavra.controlplane.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The published JSON Schemas (draft 2020-12) of the control plane contract, version 1, shipped as
 * resources of this library. This class is stateless and thread-safe.
 *
 * <p>Each schema has a short name such as {@code request}, {@code response}, {@code contract},
 * {@code request-payload-tenant_status} or {@code summary-entitlement_status}; {@link #names()}
 * lists them. A schema's {@code $id} is {@value #ID_PREFIX} followed by {@code <name>.schema.json},
 * and schemas refer to each other by relative {@code $ref}, so a validator that maps the {@value
 * #ID_PREFIX} prefix to {@value #RESOURCE_DIRECTORY} on the class path resolves every reference
 * without network access:
 *
 * <pre>{@code
 * SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
 *     builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(
 *         ContractSchemas.ID_PREFIX, "classpath:" + ContractSchemas.RESOURCE_DIRECTORY)));
 * Schema request = registry.getSchema(SchemaLocation.of(ContractSchemas.id("request").toString()));
 * }</pre>
 *
 * <p>Requests and their payloads are closed (unknown keys are refused); responses are closed at the
 * envelope and open in their payloads and summaries, so that private services and later minor
 * versions may add public-safe keys. The schemas describe shape only: duplicate keys, nesting depth
 * and secret material are checked by the library, not by the schemas. The {@code
 * saas_operating_automation_worker_handoff} schemas are provisional.
 */
public final class ContractSchemas {
  /** The common prefix of every schema's {@code $id}. */
  public static final String ID_PREFIX = "https://schemas.cavra.io/control-plane/v1/";

  /** The class-path directory holding the schemas and {@code index.json}; no leading slash. */
  public static final String RESOURCE_DIRECTORY = "io/cavra/controlplane/contract/schemas/v1/";

  private static final String FILE_SUFFIX = ".schema.json";

  private ContractSchemas() {}

  /**
   * The names of all published schemas, in the stable order of {@code index.json}: the request,
   * response and contract envelopes, the license validation report, the payloads in operation
   * order, then the summaries. The list is unmodifiable.
   */
  public static List<String> names() {
    return Index.NAMES;
  }

  /**
   * The text of the schema called {@code name}, decoded as UTF-8.
   *
   * @throws ContractException with code {@code invalid_value} at location {@code schema} if the
   *     name is not one of {@link #names()}
   */
  public static String read(String name) {
    String path = resourcePath(name);
    try (InputStream in = open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema resource " + path, e);
    }
  }

  /**
   * The class-path resource path of the schema called {@code name}, without a leading slash, e.g.
   * {@code io/cavra/controlplane/contract/schemas/v1/request.schema.json}.
   *
   * @throws ContractException with code {@code invalid_value} if the name is unknown
   */
  public static String resourcePath(String name) {
    return RESOURCE_DIRECTORY + known(name) + FILE_SUFFIX;
  }

  /**
   * The {@code $id} of the schema called {@code name}, e.g. {@code
   * https://schemas.cavra.io/control-plane/v1/request.schema.json}.
   *
   * @throws ContractException with code {@code invalid_value} if the name is unknown
   */
  public static URI id(String name) {
    return URI.create(ID_PREFIX + known(name) + FILE_SUFFIX);
  }

  private static String known(String name) {
    Objects.requireNonNull(name, "name");
    if (!Index.NAMES.contains(name)) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE,
          "schema",
          "unknown schema name; known names: " + String.join(", ", Index.NAMES));
    }
    return name;
  }

  private static InputStream open(String path) throws IOException {
    InputStream in = ContractSchemas.class.getResourceAsStream("/" + path);
    if (in == null) {
      throw new IOException("missing resource " + path);
    }
    return in;
  }

  /** Reads {@code index.json} once, on first use. */
  private static final class Index {
    static final List<String> NAMES = load();

    private static List<String> load() {
      String path = RESOURCE_DIRECTORY + "index.json";
      try (InputStream in = open(path);
          JsonParser parser = new JsonFactory().createParser(in)) {
        return List.copyOf(schemaNames(parser));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read schema index " + path, e);
      }
    }

    /** The strings of the top-level {@code "schemas"} array; other keys are skipped. */
    private static List<String> schemaNames(JsonParser parser) throws IOException {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("schema index is not a JSON object");
      }
      List<String> names = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!"schemas".equals(field)) {
          parser.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) {
          throw new IOException("schema index: \"schemas\" is not an array");
        }
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
          names.add(parser.getText());
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
          throw new IOException("schema index: \"schemas\" holds a non-string");
        }
      }
      if (names.isEmpty()) {
        throw new IOException("schema index lists no schemas");
      }
      return names;
    }
  }
}
