package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ContractDescription;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ContractSchemas;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.RequestBuilder;
import io.cavra.controlplane.contract.RequestParameter;
import io.cavra.controlplane.contract.ResponseStatus;
import io.cavra.controlplane.contract.SummaryBuilder;
import io.cavra.controlplane.contract.SummaryField;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The public documents, rendered once: operations, contract description, schemas, OpenAPI. */
final class Documents {
  static final String OPENAPI_RESOURCE = "openapi.json";

  private final byte[] operations;
  private final byte[] contract;
  private final byte[] schemaIndex;
  private final Map<String, byte[]> schemas = new LinkedHashMap<>();
  private final Map<String, byte[]> schemaFiles = new LinkedHashMap<>();
  private final byte[] openApi;

  Documents(Set<Operation> capabilities) {
    operations = utf8(ContractJson.toJson(operationsDocument(capabilities), false));
    contract = utf8(ContractJson.toJson(ContractDescription.toMap(), false));
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemas", ContractSchemas.names());
    schemaIndex = utf8(ContractJson.toJson(index, false));
    for (String name : ContractSchemas.names()) {
      schemas.put(name, utf8(ContractSchemas.read(name)));
      schemaFiles.put(name, utf8(resolvable(name)));
    }
    openApi = resource(OPENAPI_RESOURCE);
  }

  byte[] operations() {
    return operations;
  }

  byte[] contract() {
    return contract;
  }

  byte[] schemaIndex() {
    return schemaIndex;
  }

  static final String SCHEMA_FILE_SUFFIX = ".schema.json";

  /**
   * The schema at {@code /v1/schemas/{segment}}, or {@code null}: for a bare name ({@code request})
   * the published text as it is; for a file name ({@code request.schema.json}), which is what the
   * relative references between the schemas and those of {@code openapi.json} resolve to, the
   * {@linkplain #resolvable gateway-resolvable copy}.
   */
  byte[] schema(String segment) {
    if (segment.endsWith(SCHEMA_FILE_SUFFIX)) {
      return schemaFiles.get(segment.substring(0, segment.length() - SCHEMA_FILE_SUFFIX.length()));
    }
    return schemas.get(segment);
  }

  /**
   * A published schema without its {@code $id}, its canonical URI kept in {@code $comment}. A
   * validator resolves a schema's relative references against its {@code $id} when it has one, and
   * the canonical ids name a host that does not serve them; without it, references resolve against
   * where the copy was fetched, that is against this gateway, so a client that can reach only the
   * gateway resolves every reference. Everything else is the published schema, key for key.
   */
  static String resolvable(String name) {
    Object tree =
        ContractJson.defaults()
            .parseTree(ContractSchemas.read(name).getBytes(StandardCharsets.UTF_8));
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) tree).entrySet()) {
      String key = (String) entry.getKey();
      if (key.equals("$id")) {
        copy.put(
            "$comment",
            "Served by the gateway without its $id, so that its references resolve here."
                + " Canonical $id: "
                + entry.getValue());
      } else {
        copy.put(key, entry.getValue());
      }
    }
    return ContractJson.toJson(copy, true) + "\n";
  }

  byte[] openApi() {
    return openApi;
  }

  /**
   * The {@code GET /v1/operations} document: each operation with its builder parameters and summary
   * fields.
   */
  static Map<String, Object> operationsDocument(Set<Operation> capabilities) {
    List<Object> list = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", operation.wireName());
      entry.put("request", operation.requestDescription());
      entry.put("response", operation.responseDescription());
      entry.put("provisional", operation.isProvisional());
      entry.put("has_summary", operation.hasSummary());
      entry.put(
          "answer_without_private_service", ResponseStatus.REQUIRES_PRIVATE_SERVICE.wireName());
      List<Object> parameters = new ArrayList<>();
      for (RequestParameter parameter : RequestBuilder.parameters(operation)) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", parameter.name());
        p.put("kind", parameter.kind().name().toLowerCase(Locale.ROOT));
        p.put("required", parameter.required());
        p.put("default", parameter.defaultValue());
        parameters.add(p);
      }
      entry.put("parameters", parameters);
      List<Object> fields = new ArrayList<>();
      if (operation.hasSummary()) {
        for (SummaryField field : SummaryBuilder.fields(operation)) {
          Map<String, Object> f = new LinkedHashMap<>();
          f.put("name", field.name());
          f.put("kind", field.kind().name().toLowerCase(Locale.ROOT));
          f.put("required", field.required());
          f.put("default", field.defaultValue());
          f.put("allowed", field.allowedValues());
          fields.add(f);
        }
      }
      entry.put("summary_fields", fields);
      entry.put("implemented_by_adapter", capabilities.contains(operation));
      list.add(entry);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("operations", list);
    return document;
  }

  static byte[] resource(String name) {
    try (InputStream in = Documents.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
