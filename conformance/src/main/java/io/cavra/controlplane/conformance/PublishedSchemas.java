package io.cavra.controlplane.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cavra.controlplane.contract.ContractSchemas;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's published schemas, loaded through {@link ContractSchemas} (never the network), so
 * they work on the class path and on the module path alike. Thread-safe.
 */
final class PublishedSchemas {
  private static final int MAX_REPORTED = 5;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SUFFIX = ".schema.json";

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder
                  .schemaLoader(loader -> loader.fetchRemoteResources(false))
                  .schemas(PublishedSchemas::published));
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private PublishedSchemas() {}

  private static String published(String iri) {
    if (iri.startsWith(ContractSchemas.ID_PREFIX) && iri.endsWith(SUFFIX)) {
      String name =
          iri.substring(ContractSchemas.ID_PREFIX.length(), iri.length() - SUFFIX.length());
      if (ContractSchemas.names().contains(name)) {
        return ContractSchemas.read(name);
      }
    }
    return null;
  }

  /**
   * The errors of a JSON document against the published schema called {@code name} (see {@link
   * ContractSchemas#names()}), at most five, each as {@code <instance location>: <keyword>},
   * without the offending values; empty when valid.
   */
  static List<String> errors(String name, byte[] json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (IOException e) {
      return List.of("$: not JSON");
    }
    Schema schema =
        SCHEMAS.computeIfAbsent(
            name, n -> REGISTRY.getSchema(SchemaLocation.of(ContractSchemas.id(n).toString())));
    List<Error> errors = schema.validate(node);
    List<String> out = new ArrayList<>();
    for (Error error : errors) {
      if (out.size() == MAX_REPORTED) {
        out.add("… " + (errors.size() - MAX_REPORTED) + " more");
        break;
      }
      out.add(error.getInstanceLocation() + ": " + error.getKeyword());
    }
    return out;
  }
}
