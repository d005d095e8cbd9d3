package io.cavra.controlplane.contract;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the request payload and summary records from values in declaration order, through their
 * canonical constructors, and writes them back in wire order through their accessors, so that the
 * builders, the reader and the records' {@code toMap()} need no code per operation.
 *
 * <p>Each record is matched against its {@link Operation} declaration once, when this class is
 * loaded: the components must be the declared keys, in order, camelCased, with the Java type of
 * their kind. A record that drifts from its declaration fails the first use of the contract, and
 * {@code DeclaredRecordsTest}, instead of building payloads with values in the wrong places.
 */
final class DeclaredRecords {
  /** A component the declaration expects: its wire name and Java type. */
  record Component(String wireName, Class<?> type) {}

  /**
   * One argument of a request payload record: the wire key, the builder parameter that fills it,
   * and whether the payload strips it.
   */
  record Argument(String key, RequestParameter parameter, boolean stripped) {}

  private static final Map<Operation, Argument[]> ARGUMENTS = new EnumMap<>(Operation.class);
  private static final Map<Operation, Operation.RequestKey[]> FIXED_KEYS =
      new EnumMap<>(Operation.class);
  private static final Map<Operation, MethodHandle> PAYLOADS = new EnumMap<>(Operation.class);
  private static final Map<Operation, MethodHandle> SUMMARIES = new EnumMap<>(Operation.class);
  private static final Map<Operation, MethodHandle[]> PAYLOAD_ACCESSORS =
      new EnumMap<>(Operation.class);
  private static final Map<Operation, MethodHandle[]> SUMMARY_ACCESSORS =
      new EnumMap<>(Operation.class);

  /** The operation whose declaration names a record, for the records' {@code operation()}. */
  private static final ClassValue<Operation> OPERATIONS =
      new ClassValue<>() {
        @Override
        protected Operation computeValue(Class<?> type) {
          for (Operation operation : Operation.values()) {
            if (operation.payloadType() == type
                || (operation.hasSummary() && operation.summaryResponse().type() == type)) {
              return operation;
            }
          }
          return null;
        }
      };

  static {
    for (Operation operation : Operation.values()) {
      List<Argument> arguments = new ArrayList<>();
      List<Operation.RequestKey> fixed = new ArrayList<>();
      for (Operation.RequestKey key : operation.requestPayload()) {
        if (key.isFixed()) {
          fixed.add(key);
        } else {
          arguments.add(
              new Argument(key.key(), parameter(operation, key.parameter()), key.stripped()));
        }
      }
      ARGUMENTS.put(operation, arguments.toArray(new Argument[0]));
      FIXED_KEYS.put(operation, fixed.toArray(new Operation.RequestKey[0]));
      PAYLOADS.put(operation, constructor(operation.payloadType(), payloadComponents(operation)));
      PAYLOAD_ACCESSORS.put(operation, accessors(operation.payloadType()));
      if (operation.hasSummary()) {
        Operation.SummaryResponse response = operation.summaryResponse();
        SUMMARIES.put(operation, constructor(response.type(), summaryComponents(response)));
        SUMMARY_ACCESSORS.put(operation, accessors(response.type()));
      }
    }
  }

  private DeclaredRecords() {}

  /** The arguments of {@code operation}'s payload record, in order. Callers must not modify it. */
  static Argument[] arguments(Operation operation) {
    return ARGUMENTS.get(operation);
  }

  /** The fixed keys of {@code operation}'s request payload, in wire order. Not to be modified. */
  static Operation.RequestKey[] fixedKeys(Operation operation) {
    return FIXED_KEYS.get(operation);
  }

  /** The request payload of {@code operation} with the parameters' values in declared order. */
  static RequestPayload payload(Operation operation, Object[] values) {
    return (RequestPayload) construct(PAYLOADS.get(operation), values);
  }

  /**
   * The summary of {@code operation} from {@code tenant_id}, the declared fields' values in order,
   * {@code private_validation_required} and the extensions.
   */
  static Summary summary(Operation operation, Object[] values) {
    return (Summary) construct(SUMMARIES.get(operation), values);
  }

  /** The operation whose declaration names {@code record}'s class. */
  static Operation operation(Record record) {
    return OPERATIONS.get(record.getClass());
  }

  /**
   * A request payload in wire order: the parameters' values as the record holds them (enums by
   * their wire names, the license report as its map), with the fixed keys in their places.
   */
  static Map<String, Object> write(RequestPayload payload) {
    Operation operation = payload.operation();
    List<Operation.RequestKey> keys = operation.requestPayload();
    MethodHandle[] accessors = PAYLOAD_ACCESSORS.get(operation);
    Object[] keysAndValues = new Object[keys.size() * 2];
    int component = 0;
    for (int i = 0; i < keys.size(); i++) {
      Operation.RequestKey key = keys.get(i);
      keysAndValues[2 * i] = key.key();
      keysAndValues[2 * i + 1] =
          key.isFixed() ? key.fixedValue() : wire(get(accessors[component++], payload));
    }
    return WireMaps.ordered(keysAndValues);
  }

  /**
   * A summary in wire order: {@code tenant_id}, the declared fields, {@code
   * private_validation_required}, the boundary, then the extensions.
   */
  static Map<String, Object> write(Summary summary) {
    Operation operation = summary.operation();
    List<SummaryField> fields = SummaryBuilder.fields(operation);
    MethodHandle[] accessors = SUMMARY_ACCESSORS.get(operation);
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      map.put(fields.get(i).name(), wire(get(accessors[i], summary)));
    }
    Operation.SummaryResponse response = operation.summaryResponse();
    map.put(response.boundaryKey(), response.boundary());
    map.putAll(summary.extensions());
    return Collections.unmodifiableMap(map);
  }

  /** The components a request payload record must have: one per parameter key, in wire order. */
  static List<Component> payloadComponents(Operation operation) {
    List<Component> components = new ArrayList<>();
    for (Operation.RequestKey key : operation.requestPayload()) {
      if (!key.isFixed()) {
        components.add(new Component(key.key(), javaType(parameter(operation, key.parameter()))));
      }
    }
    return components;
  }

  /** The components a summary record must have, around the declared fields. */
  static List<Component> summaryComponents(Operation.SummaryResponse response) {
    List<Component> components = new ArrayList<>();
    components.add(new Component("tenant_id", String.class));
    for (SummaryField field : response.fields()) {
      components.add(new Component(field.name(), javaType(field)));
    }
    components.add(new Component("private_validation_required", boolean.class));
    components.add(new Component("extensions", Map.class));
    return components;
  }

  /**
   * The canonical constructor of {@code type}, taking one {@code Object[]} of the components in
   * order, after checking the components against {@code expected}.
   *
   * @throws IllegalStateException naming the first component that differs
   */
  static MethodHandle constructor(Class<?> type, List<Component> expected) {
    RecordComponent[] components = type.getRecordComponents();
    if (components == null) {
      throw new IllegalStateException(type.getName() + " is not a record");
    }
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < Math.max(components.length, expected.size()); i++) {
      RecordComponent actual = i < components.length ? components[i] : null;
      Component wanted = i < expected.size() ? expected.get(i) : null;
      if (actual == null
          || wanted == null
          || !actual.getName().equals(camelCase(wanted.wireName()))
          || actual.getType() != wanted.type()) {
        throw new IllegalStateException(
            type.getName()
                + " component "
                + (i + 1)
                + " is "
                + (actual == null
                    ? "missing"
                    : actual.getType().getSimpleName() + " " + actual.getName())
                + " but its declaration says "
                + (wanted == null
                    ? "nothing"
                    : wanted.type().getSimpleName() + " " + camelCase(wanted.wireName())));
      }
      types[i] = actual.getType();
    }
    try {
      return MethodHandles.lookup()
          .findConstructor(type, MethodType.methodType(void.class, types))
          .asSpreader(Object[].class, types.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getName() + " has no public canonical constructor", e);
    }
  }

  static String camelCase(String wireName) {
    StringBuilder name = new StringBuilder(wireName.length());
    boolean upper = false;
    for (int i = 0; i < wireName.length(); i++) {
      char c = wireName.charAt(i);
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }

  /** A record's accessors in component order, each taking the record and giving an Object. */
  private static MethodHandle[] accessors(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    MethodHandle[] accessors = new MethodHandle[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        accessors[i] =
            MethodHandles.lookup()
                .unreflect(components[i].getAccessor())
                .asType(MethodType.methodType(Object.class, Object.class));
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(type.getName() + " has an accessor that is not public", e);
    }
    return accessors;
  }

  private static Object wire(Object value) {
    if (value instanceof WireValue wireValue) {
      return wireValue.wireName();
    }
    if (value instanceof LicenseValidationReport report) {
      return report.toMap();
    }
    return value;
  }

  private static Object get(MethodHandle accessor, Object record) {
    try {
      return (Object) accessor.invokeExact(record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object construct(MethodHandle constructor, Object[] values) {
    try {
      return (Object) constructor.invokeExact(values);
    } catch (RuntimeException | Error e) {
      // The records' own checks throw ContractException: it reaches the caller unchanged.
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static RequestParameter parameter(Operation operation, String name) {
    for (RequestParameter parameter : operation.requestParameters()) {
      if (parameter.name().equals(name)) {
        return parameter;
      }
    }
    throw new IllegalStateException(operation + " declares no parameter " + name);
  }

  private static Class<?> javaType(RequestParameter parameter) {
    return switch (parameter.kind()) {
      case TEXT -> parameter.states() == null ? String.class : parameter.states();
      case TEXT_LIST -> List.class;
      case JSON_MAP -> Map.class;
      case LICENSE_REPORT -> LicenseValidationReport.class;
    };
  }

  private static Class<?> javaType(SummaryField field) {
    return switch (field.kind()) {
      case STATE -> field.states();
      case TEXT, OPTIONAL_TEXT -> String.class;
      case TEXT_LIST -> List.class;
      case COUNT -> long.class;
      case BOOLEAN -> boolean.class;
    };
  }
}
