package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.JsonPaths;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares plain JSON trees (as {@link ContractJson#parseTree} returns them) and names differences
 * by path.
 */
final class JsonDiff {
  private JsonDiff() {}

  /**
   * The path of the first place where {@code actual} differs from {@code expected}, in the
   * contract's dotted form ({@code status}, {@code payload.next_step}, {@code payload.extra});
   * {@code $} is the root. Empty when the trees are equal; numbers compare by value.
   */
  static Optional<String> first(Object expected, Object actual, String path) {
    String here = path.isEmpty() ? "$" : path;
    if (expected instanceof Map && actual instanceof Map) {
      Map<?, ?> e = (Map<?, ?>) expected;
      Map<?, ?> a = (Map<?, ?>) actual;
      for (Map.Entry<?, ?> entry : e.entrySet()) {
        String child = child(path, entry.getKey().toString());
        if (!a.containsKey(entry.getKey())) {
          return Optional.of(child + " (missing)");
        }
        Optional<String> difference = first(entry.getValue(), a.get(entry.getKey()), child);
        if (difference.isPresent()) {
          return difference;
        }
      }
      for (Object key : a.keySet()) {
        if (!e.containsKey(key)) {
          return Optional.of(child(path, key.toString()) + " (not expected)");
        }
      }
      return Optional.empty();
    }
    if (expected instanceof List && actual instanceof List) {
      List<?> e = (List<?>) expected;
      List<?> a = (List<?>) actual;
      if (e.size() != a.size()) {
        return Optional.of(here + " (length)");
      }
      for (int i = 0; i < e.size(); i++) {
        Optional<String> difference = first(e.get(i), a.get(i), here + "[" + i + "]");
        if (difference.isPresent()) {
          return difference;
        }
      }
      return Optional.empty();
    }
    if (expected instanceof Number && actual instanceof Number) {
      return canonical(expected).equals(canonical(actual)) ? Optional.empty() : Optional.of(here);
    }
    return Objects.equals(expected, actual) ? Optional.empty() : Optional.of(here);
  }

  /** The compact canonical JSON text of any tree, {@code null} included. */
  static String canonical(Object tree) {
    String wrapped = ContractJson.toJson(Collections.singletonMap("v", tree), false);
    return wrapped.substring("{\"v\":".length(), wrapped.length() - 1);
  }

  private static String child(String path, String key) {
    // Keys come from the target: show only plain names, so that a path never repeats a leaked
    // value.
    String shown = key.matches("[A-Za-z0-9_-]{1,64}") ? key : "<key>";
    return JsonPaths.member(path, shown);
  }
}
