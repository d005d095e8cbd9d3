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
  private final byte[] openApi;

  Documents(Set<Operation> capabilities) {
    operations = utf8(ContractJson.toJson(operationsDocument(capabilities), false));
    contract = utf8(ContractJson.toJson(ContractDescription.toMap(), false));
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemas", ContractSchemas.names());
    schemaIndex = utf8(ContractJson.toJson(index, false));
    for (String name : ContractSchemas.names()) {
      schemas.put(name, utf8(ContractSchemas.read(name)));
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

  /** The schema's text, or {@code null} for an unknown name. */
  byte[] schema(String name) {
    return schemas.get(name);
  }

  byte[] openApi() {
    return openApi;
  }

  /** The {@code GET /v1/operations} document: each operation with its builder parameters and summary fields. */
  static Map<String, Object> operationsDocument(Set<Operation> capabilities) {
    List<Object> list = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", operation.wireName());
      entry.put("request", operation.requestDescription());
      entry.put("response", operation.responseDescription());
      entry.put("provisional", operation.isProvisional());
      entry.put("has_summary", operation.hasSummary());
      entry.put("answer_without_private_service", ResponseStatus.REQUIRES_PRIVATE_SERVICE.wireName());
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
