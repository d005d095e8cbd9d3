package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.JsonPaths;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each JSON path of a document is in its text: the region of every value and of every key, in
 * document order. A guard finding is placed by its path: a key finding ({@code sensitive_field})
 * and a value finding at the value, a key that is itself credential text ({@code <redacted>}) at
 * the key. Paths are the guard's, in which a name such as {@code a.b} is bracketed ({@code
 * $['a.b']}), so no two members share one; a path with no entry (below a YAML alias) falls back to
 * its nearest ancestor.
 */
final class Locations {
  private final Map<String, List<ScanFinding.Region>> values = new HashMap<>();
  private final Map<String, List<ScanFinding.Region>> keys = new HashMap<>();
  private final Map<String, Integer> used = new HashMap<>();

  void value(String path, ScanFinding.Region region) {
    values.computeIfAbsent(path, p -> new ArrayList<>(1)).add(region);
  }

  void key(String path, ScanFinding.Region region) {
    keys.computeIfAbsent(path, p -> new ArrayList<>(1)).add(region);
  }

  /** The region of a finding, or {@code fallback} if no part of its path is known. */
  ScanFinding.Region place(ErrorCode code, String path, ScanFinding.Region fallback) {
    boolean atKey =
        code == ErrorCode.SENSITIVE_VALUE && path.endsWith("." + SecretGuard.REDACTED_KEY);
    Map<String, List<ScanFinding.Region>> index = atKey ? keys : values;
    List<ScanFinding.Region> regions = index.get(path);
    if (regions != null) {
      String usedKey = (atKey ? "k" : "v") + code + path;
      int n = used.merge(usedKey, 1, Integer::sum) - 1;
      return regions.get(Math.min(n, regions.size() - 1));
    }
    for (String parent = parent(path); parent != null; parent = parent(parent)) {
      List<ScanFinding.Region> found = values.get(parent);
      if (found != null) {
        return found.get(0);
      }
    }
    return fallback;
  }

  /** The path without its last segment, or {@code null} at the root. */
  static String parent(String path) {
    return JsonPaths.parent(path);
  }

  /** {@code base.key} as the guard writes it, with a key that is credential text redacted. */
  static String member(String base, String key, GuardScanner guard) {
    return JsonPaths.member(base, guard.isCredentialText(key) ? SecretGuard.REDACTED_KEY : key);
  }
}
