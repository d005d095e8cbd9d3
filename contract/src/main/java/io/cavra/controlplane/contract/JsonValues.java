package io.cavra.controlplane.contract;

import io.cavra.controlplane.contract.internal.CanonicalJsonWriter;
import io.cavra.controlplane.contract.internal.ReadDocument;
import io.cavra.controlplane.contract.internal.WireMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain Java JSON values: {@code Map<String, ?>}, {@code List<?>}, String, Boolean, numbers, null.
 * The model holds them as {@code String}, {@code Boolean}, {@code Long}, {@code BigInteger} (beyond
 * a long), {@code BigDecimal} (a float: the decimal Python's {@code repr} writes for the nearest
 * double, which is what the writer prints), {@code null}, and deeply unmodifiable, order-preserving
 * lists and maps.
 */
final class JsonValues {
  /** Maps up to this size are {@link WireMap}s; larger ones are hashed. */
  private static final int SMALL_MAP = 16;

  private JsonValues() {}

  /**
   * An immutable deep copy of a value that sits {@code depth} levels below the root of its document
   * (the root object is level 0). Maps keep their order. Integral numbers become {@code Long} or
   * {@code BigInteger}, other numbers {@code BigDecimal}; anything that is not a JSON value is
   * refused, and so is an array or object at level {@link ContractJson#DEFAULT_MAX_DEPTH} or
   * deeper, which the default reader would refuse (a reader may allow deeper documents, so the
   * depth of a list or map the reader built is not checked again). A list or map of a document the
   * default guard's screen cleared is returned as it is: the reader checked it already.
   */
  public static Object copy(Object value, String location, int depth) {
    return copy(value, location, null, depth);
  }

  /**
   * {@link #copy(Object, String, int)} of the value at {@code parent} followed by {@code segment}
   * (a key or an index; null for {@code parent} itself). The location is only rendered when it is
   * needed, since rendering a key asks the secret guard whether the key must be redacted.
   */
  private static Object copy(Object value, String parent, Object segment, int depth) {
    if (value == null
        || value instanceof Boolean
        || value instanceof Long
        || ReadDocument.isCleared(value)) {
      return value;
    }
    if (value instanceof String) {
      if (!Checks.isValidUnicode((String) value)) {
        String location = location(parent, segment);
        throw ContractException.of(
            ErrorCode.INVALID_VALUE, location, location + " must be valid Unicode text");
      }
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger) {
      BigInteger integer = (BigInteger) value;
      return integer.bitLength() < Long.SIZE ? (Object) integer.longValue() : integer;
    }
    if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
      return decimal(((Number) value).doubleValue(), parent, segment);
    }
    if (value instanceof Map || value instanceof List) {
      String location = location(parent, segment);
      if (depth >= ContractJson.DEFAULT_MAX_DEPTH && ReadDocument.of(value) == null) {
        throw ContractException.of(
            ErrorCode.TOO_DEEP,
            location,
            location + " nests deeper than " + ContractJson.DEFAULT_MAX_DEPTH + " levels");
      }
      return value instanceof Map
          ? copyMap((Map<?, ?>) value, location, depth)
          : copyList((List<?>) value, location, depth);
    }
    String location = location(parent, segment);
    throw ContractException.of(
        ErrorCode.INVALID_TYPE, location, location + " must be a JSON value");
  }

  /** {@link #copy} of a map's entries, each at {@code location.key}. */
  static Map<String, Object> copyMap(Map<?, ?> map, String location, int depth) {
    Object[] entries = new Object[map.size() * 2];
    int i = 0;
    if (map instanceof WireMap) {
      // Read by index: a wire map's entry set makes an entry object per key.
      WireMap wire = (WireMap) map;
      for (int j = 0; j < wire.size(); j++) {
        String key = key(wire.key(j), location);
        entries[i++] = key;
        entries[i++] = copy(wire.value(j), location, key, depth + 1);
      }
    } else {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = key(entry.getKey(), location);
        entries[i++] = key;
        entries[i++] = copy(entry.getValue(), location, key, depth + 1);
      }
    }
    if (entries.length <= SMALL_MAP * 2) {
      return WireMap.of(entries);
    }
    Map<String, Object> large = new LinkedHashMap<>();
    for (int j = 0; j < entries.length; j += 2) {
      large.put((String) entries[j], entries[j + 1]);
    }
    return Collections.unmodifiableMap(large);
  }

  private static List<Object> copyList(List<?> list, String location, int depth) {
    List<Object> copy = new ArrayList<>(list.size());
    int index = 0;
    for (Object element : list) {
      copy.add(copy(element, location, index++, depth + 1));
    }
    return Collections.unmodifiableList(copy);
  }

  private static String location(String parent, Object segment) {
    if (segment == null) {
      return parent;
    }
    return segment instanceof Integer
        ? parent + "[" + segment + "]"
        : JsonPaths.member(parent, Checks.keyInPath((String) segment));
  }

  private static String key(Object key, String location) {
    if (!(key instanceof String)) {
      throw ContractException.of(
          ErrorCode.INVALID_TYPE, location, location + " keys must be strings");
    }
    if (!Checks.isValidUnicode((String) key)) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE, location, location + " keys must be valid Unicode text");
    }
    return (String) key;
  }

  /**
   * A float as the model holds it: the decimal Python writes for the nearest double, so that equal
   * doubles are equal values whichever way they were written.
   */
  private static BigDecimal decimal(double d, String parent, Object segment) {
    if (!Double.isFinite(d)) {
      String location = location(parent, segment);
      throw ContractException.of(
          ErrorCode.INVALID_VALUE, location, location + " must be a finite number");
    }
    return new BigDecimal(CanonicalJsonWriter.pythonFloatRepr(d));
  }
}
