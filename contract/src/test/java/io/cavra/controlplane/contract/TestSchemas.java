package io.cavra.controlplane.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published schemas loaded from the class path (never the network), for validating documents in
 * tests.
 */
final class TestSchemas {
  static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaLoader(
                  loader ->
                      loader
                          .fetchRemoteResources(false)
                          .schemaIdResolvers(
                              resolvers ->
                                  resolvers.mapPrefix(
                                      ContractSchemas.ID_PREFIX,
                                      "classpath:" + ContractSchemas.RESOURCE_DIRECTORY))));
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private TestSchemas() {}

  static Schema schema(String name) {
    return SCHEMAS.computeIfAbsent(
        name, n -> REGISTRY.getSchema(SchemaLocation.of(ContractSchemas.id(n).toString())));
  }

  /** The schema errors of {@code json} against the named schema; empty when valid. */
  static List<Error> errors(String name, String json) {
    try {
      return schema(name).validate(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
