package io.cavra.controlplane.contract.internal;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain Java JSON values: {@code Map<String, ?>}, {@code List<?>}, String, Boolean, numbers, null. */
public final class JsonValues {
  private JsonValues() {}

  /**
   * An immutable deep copy (maps keep their order). Integral numbers become {@code Long} or
   * {@code BigInteger}, other numbers {@code BigDecimal}; anything that is not a JSON value is refused.
   */
  public static Object copy(Object value, String location) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal) {
      if (value instanceof String) {
        Checks.text((String) value, location);
      }
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw ContractException.of(ErrorCode.INVALID_VALUE, location, location + " must be a finite number");
      }
      return new BigDecimal(Double.toString(d));
    }
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw ContractException.of(ErrorCode.INVALID_TYPE, location, location + " keys must be strings");
        }
        String key = (String) entry.getKey();
        copy.put(key, copy(entry.getValue(), location + "." + Checks.keyInPath(key)));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(copy(list.get(i), location + "[" + i + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
    throw ContractException.of(ErrorCode.INVALID_TYPE, location, location + " must be a JSON value");
  }
}
