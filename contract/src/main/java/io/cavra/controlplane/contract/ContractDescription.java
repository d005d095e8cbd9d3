package io.cavra.controlplane.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public contract description document ({@code describe_public_contract()} in the reference):
 * which operations exist and what their requests and responses carry, and what the public
 * repository does not contain. It holds no tenant data and needs no guard.
 */
public final class ContractDescription {
  /** What the public code is for. */
  public static final String PURPOSE =
      "Public-safe client request and response contracts for future private services.";

  private static final Map<String, Object> DOCUMENT = build();

  private ContractDescription() {}

  /** The description as an ordered, unmodifiable map in wire order. */
  public static Map<String, Object> toMap() {
    return DOCUMENT;
  }

  private static Map<String, Object> build() {
    Map<String, Object> boundary = new LinkedHashMap<>();
    boundary.put("contains_saas_backend", false);
    boundary.put("contains_license_service", false);
    boundary.put("contains_customer_records", false);
    boundary.put("purpose", PURPOSE);
    List<Object> operations = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", operation.wireName());
      entry.put("request", operation.requestDescription());
      entry.put("response", operation.responseDescription());
      operations.add(Collections.unmodifiableMap(entry));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("schema_version", SchemaVersion.CONTRACT.wireName());
    document.put("product", "CAVRA");
    document.put("public_repository_boundary", Collections.unmodifiableMap(boundary));
    document.put("operations", Collections.unmodifiableList(operations));
    return Collections.unmodifiableMap(document);
  }
}
