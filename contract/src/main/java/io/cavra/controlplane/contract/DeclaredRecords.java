package io.cavra.controlplane.contract;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the request payload and summary records from values in declaration order, through their
 * canonical constructors, so that the builders and the reader need no code per operation.
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
      if (operation.hasSummary()) {
        Operation.SummaryResponse response = operation.summaryResponse();
        SUMMARIES.put(operation, constructor(response.type(), summaryComponents(response)));
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
