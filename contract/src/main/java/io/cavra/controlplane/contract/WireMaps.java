package io.cavra.controlplane.contract;

import io.cavra.controlplane.contract.internal.WireMap;
import java.util.List;
import java.util.Map;

/** Ordered wire maps and extension copies shared by payloads and summaries. */
final class WireMaps {
  private WireMaps() {}

  static void required(Object state, String location) {
    if (state == null) {
      String field = location.substring(location.lastIndexOf('.') + 1);
      throw ContractException.of(ErrorCode.MISSING_FIELD, location, field + " is required");
    }
  }

  /**
   * An immutable deep copy of a summary's extension values; a key of the contract's own is refused.
   */
  static Map<String, Object> extensions(Map<String, Object> extensions, List<String> knownKeys) {
    return extensions(extensions, knownKeys, "payload.summary", 2);
  }

  /**
   * An immutable deep copy of JSON extension values of the object at {@code location}, which sits
   * {@code depth} levels below the document root; contract keys are refused.
   */
  static Map<String, Object> extensions(
      Map<String, Object> extensions, List<String> knownKeys, String location, int depth) {
    if (extensions == null || extensions.isEmpty()) {
      return Map.of();
    }
    for (String key : extensions.keySet()) {
      if (knownKeys.contains(key)) {
        throw ContractException.of(
            ErrorCode.INVALID_VALUE,
            location + "." + key,
            key + " is a contract field, not an extension");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) JsonValues.copy(extensions, location, depth);
    return copy;
  }

  /** An unmodifiable insertion-ordered map from alternating keys and values. */
  static Map<String, Object> ordered(Object... keysAndValues) {
    return WireMap.of(keysAndValues);
  }
}
