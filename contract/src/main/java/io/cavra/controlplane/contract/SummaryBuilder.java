package io.cavra.controlplane.contract;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Summary} from wire-form values (strings for states), with the reference's
 * defaults and its validation order: states in field order, then counts, then the secret guard over
 * free-text fields, then {@code tenant_id}. Not thread-safe.
 *
 * <pre>{@code
 * Summary summary = Summary.builder(Operation.POLICY_REGISTRY_READINESS)
 *     .set("tenant_id", "tenant-demo")
 *     .set("readiness_status", "degraded")
 *     .set("catalog_status", "ready")
 *     .set("blockers", List.of("approval workflow pending"))
 *     .build();
 * }</pre>
 */
public final class SummaryBuilder {
  private static final Map<Operation, List<SummaryField>> FIELDS = fieldTable();
  private static final Map<Operation, List<String>> WIRE_KEYS = wireKeyTable();

  private final Operation operation;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Object> extensions = new LinkedHashMap<>();

  SummaryBuilder(Operation operation) {
    if (!operation.hasSummary()) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE,
          "operation",
          operation.wireName() + " has no summary; its responses are unavailable responses");
    }
    this.operation = operation;
  }

  /** The fields of {@code operation}'s summary in wire order, {@code tenant_id} first. */
  public static List<SummaryField> fields(Operation operation) {
    List<SummaryField> fields = FIELDS.get(operation);
    if (fields == null) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE, "operation", operation.wireName() + " has no summary");
    }
    return fields;
  }

  /** The keys of {@code operation}'s summary on the wire: its fields, then its boundary. */
  static List<String> wireKeys(Operation operation) {
    return WIRE_KEYS.get(operation);
  }

  /** The fields of this builder's summary. */
  public List<SummaryField> fields() {
    return fields(operation);
  }

  /**
   * Sets a field by its wire name: states and text take a {@code String} ({@code null} clears an
   * optional one), lists a {@code List} of strings, counts an integral {@code Number}, booleans a
   * {@code Boolean}.
   *
   * @throws ContractException {@code unknown_field} for a name the summary does not have, {@code
   *     invalid_type} for a value of the wrong kind
   */
  public SummaryBuilder set(String name, Object value) {
    SummaryField field = field(name);
    values.put(name, coerce(field, value));
    return this;
  }

  /** Adds a key this version of the contract does not define; it is guarded like every value. */
  public SummaryBuilder extension(String key, Object value) {
    for (SummaryField field : fields()) {
      if (field.name().equals(key)) {
        throw ContractException.of(
            ErrorCode.INVALID_VALUE, key, key + " is a contract field, not an extension");
      }
    }
    extensions.put(
        key, JsonValues.copy(value, JsonPaths.member("payload.summary", Checks.keyInPath(key)), 3));
    return this;
  }

  /** Whether a field of this name was set. */
  public boolean isSet(String name) {
    return values.containsKey(name);
  }

  /** Validates and builds the summary. */
  public Summary build() {
    List<SummaryField> fields = fields();
    Object[] arguments = new Object[fields.size() + 1];
    for (int i = 0; i < fields.size(); i++) {
      arguments[i] = argument(fields.get(i));
    }
    arguments[fields.size()] = extensions;
    return DeclaredRecords.summary(operation, arguments);
  }

  /** A field's value (or default) as the summary record takes it; states are parsed here. */
  private Object argument(SummaryField field) {
    String name = field.name();
    return switch (field.kind()) {
      case STATE -> state(field.states(), name);
      case TEXT, OPTIONAL_TEXT -> text(name);
      case TEXT_LIST -> list(name);
      case COUNT -> count(name);
      case BOOLEAN -> bool(name);
    };
  }

  private SummaryField field(String name) {
    for (SummaryField field : fields()) {
      if (field.name().equals(name)) {
        return field;
      }
    }
    String shown = name == null ? "null" : Checks.keyInPath(name);
    throw ContractException.of(
        ErrorCode.UNKNOWN_FIELD,
        JsonPaths.member("", shown),
        operation.wireName() + " summaries have no field " + shown);
  }

  private Object value(String name) {
    return values.containsKey(name) ? values.get(name) : field(name).defaultValue();
  }

  private String text(String name) {
    return (String) value(name);
  }

  @SuppressWarnings("unchecked")
  private List<String> list(String name) {
    return (List<String>) value(name);
  }

  private long count(String name) {
    return (Long) value(name);
  }

  private boolean bool(String name) {
    return (Boolean) value(name);
  }

  private Enum<?> state(Class<? extends Enum<?>> type, String name) {
    String location = "payload.summary." + name;
    String value = text(name);
    if (value == null) {
      throw ContractException.of(ErrorCode.MISSING_FIELD, location, name + " is required");
    }
    return WireEnums.parseDeclared(type, value, name, location);
  }

  private static Object coerce(SummaryField field, Object value) {
    String name = field.name();
    return switch (field.kind()) {
      case STATE, TEXT, OPTIONAL_TEXT -> {
        if (value instanceof String || (value == null && field.kind() != SummaryField.Kind.TEXT)) {
          yield value;
        }
        throw ContractException.of(ErrorCode.INVALID_TYPE, name, name + " must be a string");
      }
      case TEXT_LIST -> {
        if (value instanceof List) {
          yield Collections.unmodifiableList(new ArrayList<>((List<?>) value));
        }
        throw ContractException.of(
            ErrorCode.INVALID_TYPE, name, name + " must be a list of strings");
      }
      case COUNT -> {
        if (value instanceof Long
            || value instanceof Integer
            || value instanceof Short
            || value instanceof Byte) {
          yield ((Number) value).longValue();
        }
        if (value instanceof BigInteger) {
          if (((BigInteger) value).bitLength() < 64) {
            yield ((BigInteger) value).longValue();
          }
          throw ContractException.of(ErrorCode.INVALID_VALUE, name, name + " is too large");
        }
        throw ContractException.of(ErrorCode.INVALID_TYPE, name, name + " must be a whole number");
      }
      case BOOLEAN -> {
        if (value instanceof Boolean) {
          yield value;
        }
        throw ContractException.of(ErrorCode.INVALID_TYPE, name, name + " must be true or false");
      }
    };
  }

  private static Map<Operation, List<SummaryField>> fieldTable() {
    Map<Operation, List<SummaryField>> table = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      if (operation.hasSummary()) {
        table.put(operation, operation.summaryResponse().fields());
      }
    }
    for (Map.Entry<Operation, List<SummaryField>> entry : table.entrySet()) {
      List<SummaryField> fields = new ArrayList<>();
      fields.add(new SummaryField("tenant_id", SummaryField.Kind.TEXT, true, null, null));
      fields.addAll(entry.getValue());
      fields.add(
          new SummaryField(
              "private_validation_required", SummaryField.Kind.BOOLEAN, false, true, null));
      entry.setValue(List.copyOf(fields));
    }
    return Collections.unmodifiableMap(table);
  }

  private static Map<Operation, List<String>> wireKeyTable() {
    Map<Operation, List<String>> table = new EnumMap<>(Operation.class);
    for (Map.Entry<Operation, List<SummaryField>> entry : FIELDS.entrySet()) {
      List<String> keys = new ArrayList<>();
      for (SummaryField field : entry.getValue()) {
        keys.add(field.name());
      }
      keys.add(entry.getKey().summaryResponse().boundaryKey());
      table.put(entry.getKey(), List.copyOf(keys));
    }
    return Collections.unmodifiableMap(table);
  }
}
