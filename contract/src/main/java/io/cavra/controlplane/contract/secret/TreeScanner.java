package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.internal.WireMap;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Walks a Java JSON tree depth-first in pre-order without recursion, so deep trees cannot overflow
 * the stack. A container that is already on the current path (a cycle) is skipped: its contents are
 * being scanned by the enclosing visit.
 */
final class TreeScanner {
  /** Frames below this are checked for cycles by a linear scan, deeper ones by a map. */
  private static final int LINEAR_FRAMES = 32;

  private final Walk walk;
  private final int maxDepth;

  /** Frame i is the container whose path has i segments. */
  private Object[] containers = new Object[8];

  private Iterator<?>[] iterators = new Iterator<?>[8];
  private Object[][] arrays = new Object[8][];
  private WireMap[] wireMaps = new WireMap[8];
  private int[] positions = new int[8];
  private boolean[] isMap = new boolean[8];
  private int top = -1;
  private IdentityHashMap<Object, Boolean> deepFrames;

  TreeScanner(Walk walk, int maxDepth) {
    this.walk = walk;
    this.maxDepth = maxDepth;
  }

  void scan(Object root) {
    visit(root, 0);
    while (top >= 0 && !walk.done()) {
      int d = top;
      Object child;
      if (wireMaps[d] != null) {
        WireMap map = wireMaps[d];
        int i = positions[d];
        if (i >= map.size()) {
          pop();
          continue;
        }
        positions[d] = i + 1;
        child = map.value(i);
        if (!enterKey(d, map.key(i), child)) {
          return;
        }
      } else if (arrays[d] != null) {
        Object[] array = arrays[d];
        if (positions[d] >= array.length) {
          pop();
          continue;
        }
        walk.index(d, positions[d]);
        child = array[positions[d]++];
      } else {
        Iterator<?> it = iterators[d];
        if (!it.hasNext()) {
          pop();
          continue;
        }
        Object next = it.next();
        if (isMap[d]) {
          Map.Entry<?, ?> entry = (Map.Entry<?, ?>) next;
          child = entry.getValue();
          if (!enterKey(d, String.valueOf(entry.getKey()), child)) {
            return;
          }
        } else {
          walk.index(d, positions[d]++);
          child = next;
        }
      }
      visit(child, d + 1);
    }
  }

  /** Checks the key of a map entry at segment {@code d}; returns whether the walk goes on. */
  private boolean enterKey(int d, String key, Object value) {
    int rule = walk.enterKey(d, key);
    if (rule != KeyMatcher.NO_MATCH && !isExempt(value)) {
      walk.reportKey(d, rule);
    }
    return !walk.done();
  }

  /** A null or placeholder value names no secret, so key rules let it pass. */
  private static boolean isExempt(Object value) {
    return value == null
        || (value instanceof CharSequence && Placeholders.isPlaceholder((CharSequence) value));
  }

  private void visit(Object value, int count) {
    if (value instanceof String) {
      walk.checkString(count, (String) value);
    } else if (value == null || value instanceof Number || value instanceof Boolean) {
      // Most non-strings: answered by class checks before the interface checks below.
      return;
    } else if (value instanceof WireMap) {
      push(value, null, null, true, count);
    } else if (value instanceof Map) {
      push(value, ((Map<?, ?>) value).entrySet().iterator(), null, true, count);
    } else if (value instanceof Collection) {
      push(value, ((Collection<?>) value).iterator(), null, false, count);
    } else if (value instanceof Object[]) {
      push(value, null, (Object[]) value, false, count);
    } else if (value instanceof CharSequence) {
      walk.checkString(count, value.toString());
    } else if (value instanceof char[]) {
      char[] chars = (char[]) value;
      walk.checkChars(count, chars, 0, chars.length);
    }
  }

  private void push(Object container, Iterator<?> it, Object[] array, boolean map, int count) {
    for (int i = 0, n = Math.min(top, LINEAR_FRAMES - 1); i <= n; i++) {
      if (containers[i] == container) {
        return;
      }
    }
    if (deepFrames != null && deepFrames.containsKey(container)) {
      return;
    }
    if (count + 1 > maxDepth) {
      throw walk.tooDeep(count);
    }
    if (count == containers.length) {
      int size = containers.length * 2;
      containers = Arrays.copyOf(containers, size);
      iterators = Arrays.copyOf(iterators, size);
      arrays = Arrays.copyOf(arrays, size);
      wireMaps = Arrays.copyOf(wireMaps, size);
      positions = Arrays.copyOf(positions, size);
      isMap = Arrays.copyOf(isMap, size);
    }
    top = count;
    containers[top] = container;
    iterators[top] = it;
    arrays[top] = array;
    wireMaps[top] = container instanceof WireMap ? (WireMap) container : null;
    positions[top] = 0;
    isMap[top] = map;
    if (top >= LINEAR_FRAMES) {
      if (deepFrames == null) {
        deepFrames = new IdentityHashMap<>();
      }
      deepFrames.put(container, Boolean.TRUE);
    }
  }

  private void pop() {
    if (top >= LINEAR_FRAMES) {
      deepFrames.remove(containers[top]);
    }
    containers[top] = null;
    iterators[top] = null;
    arrays[top] = null;
    wireMaps[top] = null;
    top--;
  }
}
