package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.internal.WireMap;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Walks a Java JSON tree depth-first in pre-order without recursion, so deep trees cannot overflow
 * the stack. A container that is already on the current path (a cycle) is skipped: its contents are
 * being scanned by the enclosing visit.
 *
 * <p>What a key rule's key holds decides whether it is refused: a string by the rule's policy, a
 * number only if it is a card security code; a list has its strings judged as list elements and is
 * refused once, at the key; an object is searched, and those of its keys that only carry a value
 * ({@code value}, {@code current}, {@code b64} …) are judged as if the rule named them.
 */
final class TreeScanner {
  /** Frames below this are checked for cycles by a linear scan, deeper ones by a map. */
  private static final int LINEAR_FRAMES = 32;

  private static final int NONE = KeyMatcher.NO_MATCH;

  /** Key flags whose meaning depends on a sibling key, judged when the object ends. */
  static final int SIBLING_FLAGS =
      KeyMatcher.NAME_KEY
          | KeyMatcher.VALUE_KEY
          | KeyMatcher.JWK_TYPE_KEY
          | KeyMatcher.JWK_PRIVATE_KEY;

  private final Walk walk;
  private final int maxDepth;

  /** Frame i is the container whose path has i segments. */
  private Object[] containers = new Object[8];

  private Iterator<?>[] iterators = new Iterator<?>[8];
  private Object[][] arrays = new Object[8][];
  private WireMap[] wireMaps = new WireMap[8];
  private int[] positions = new int[8];
  private boolean[] isMap = new boolean[8];

  /** The key rule a container's owning key matched, or {@link #NONE}. */
  private int[] inherited = new int[8];

  /** For a list: the segment of the key it belongs to, where a finding about it is reported. */
  private int[] keyDepths = new int[8];

  /** For a list: whether its key has been reported already. */
  private boolean[] reported = new boolean[8];

  /**
   * Whether a container is an example or inside one ({@code "examples": {…}} of an API
   * description), where key rules do not judge: an example shows a field rather than fills it.
   * Value rules still run there.
   */
  private boolean[] examples = new boolean[8];

  /**
   * For an object: whether its name/value name is a credential's ({@code "name": "DB_PASSWORD"}).
   */
  private boolean[] named = new boolean[8];

  /** For an object: the path of its name/value value, if it has one, else null. */
  private String[] namedValuePaths = new String[8];

  /** For an object: whether its {@code kty} makes it a JSON Web Key. */
  private boolean[] jwk = new boolean[8];

  /**
   * For an object: the path of its first private JSON Web Key member holding key material, or null.
   */
  private String[] jwkMemberPaths = new String[8];

  private int top = -1;
  private IdentityHashMap<Object, Boolean> deepFrames;

  TreeScanner(Walk walk, int maxDepth) {
    this.walk = walk;
    this.maxDepth = maxDepth;
  }

  void scan(Object root) {
    example = false;
    visit(root, 0, NONE, -1);
    while (top >= 0 && !walk.done()) {
      int d = top;
      Object child;
      int rule;
      String key = null;
      if (wireMaps[d] != null) {
        WireMap map = wireMaps[d];
        int i = positions[d];
        if (i >= map.size()) {
          pop();
          continue;
        }
        positions[d] = i + 1;
        child = map.value(i);
        key = map.key(i);
        rule = enterKey(d, key, child);
      } else if (arrays[d] != null) {
        Object[] array = arrays[d];
        if (positions[d] >= array.length) {
          pop();
          continue;
        }
        walk.index(d, positions[d]);
        child = array[positions[d]++];
        rule = element(d, child);
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
          key = String.valueOf(entry.getKey());
          rule = enterKey(d, key, child);
        } else {
          walk.index(d, positions[d]++);
          child = next;
          rule = element(d, child);
        }
      }
      if (walk.done()) {
        return;
      }
      example = examples[d] || (key != null && (walk.keyFlags() & KeyMatcher.EXAMPLE_KEY) != 0);
      visit(child, d + 1, rule, isMap[d] ? d : keyDepths[d]);
    }
  }

  /** Whether the container {@link #visit} pushes next is an example; see {@link #examples}. */
  private boolean example;

  /**
   * Checks the key of a map entry at segment {@code d} and, for a key rule, a scalar value; returns
   * the rule that a container value inherits, or {@link #NONE}.
   */
  private int enterKey(int d, String key, Object value) {
    int rule = walk.enterKey(d, key);
    boolean inherits = false;
    if (examples[d]) {
      return NONE;
    }
    if (rule == NONE && inherited[d] != NONE && KeyWords.onlyCarriers(KeyMatcher.normalize(key))) {
      rule = inherited[d];
      inherits = true;
    }
    if (rule != NONE) {
      if (value instanceof CharSequence) {
        CharSequence text = (CharSequence) value;
        if (inherits ? walk.inheritedStringFires(rule, text) : walk.stringFires(rule, text)) {
          walk.reportKey(d, rule);
        }
      } else if (value instanceof Number) {
        if (walk.numberFires(rule, (Number) value)) {
          walk.reportKey(d, rule);
        }
      } else if (value instanceof char[]) {
        if (walk.stringFires(rule, java.nio.CharBuffer.wrap((char[]) value))) {
          walk.reportKey(d, rule);
        }
      }
    }
    int flags = walk.keyFlags() & SIBLING_FLAGS;
    if (flags != 0 && value instanceof CharSequence) {
      CharSequence text = (CharSequence) value;
      if ((flags & KeyMatcher.NAME_KEY) != 0 && !named[d]) {
        named[d] = walk.nameRule(text) != NONE;
      }
      if ((flags & KeyMatcher.VALUE_KEY) != 0
          && namedValuePaths[d] == null
          && !Placeholders.isPlaceholder(text)) {
        namedValuePaths[d] = walk.path(d + 1);
      }
      if ((flags & KeyMatcher.JWK_TYPE_KEY) != 0 && !jwk[d]) {
        jwk[d] = walk.isJwkType(text);
      }
      if ((flags & KeyMatcher.JWK_PRIVATE_KEY) != 0
          && jwkMemberPaths[d] == null
          && JsonWebKeys.isKeyMaterial(text)) {
        jwkMemberPaths[d] = walk.path(d + 1);
      }
    }
    return rule;
  }

  /**
   * Judges a list element under a key rule's key; returns the rule a container element inherits.
   */
  private int element(int d, Object value) {
    int rule = inherited[d];
    if (rule != NONE && !reported[d] && !examples[d]) {
      boolean fires =
          value instanceof CharSequence
              ? walk.elementFires(rule, (CharSequence) value)
              : value instanceof Number && walk.numberFires(rule, (Number) value);
      if (fires) {
        reported[d] = true;
        walk.reportKey(keyDepths[d], rule);
      }
    }
    return rule;
  }

  private void visit(Object value, int count, int rule, int keyDepth) {
    if (value instanceof String) {
      walk.checkString(count, (String) value);
    } else if (value == null || value instanceof Boolean) {
      return;
    } else if (value instanceof Long) {
      // Card numbers have 13 digits or more; most numbers are counts and sizes.
      if ((Long) value >= 1_000_000_000_000L) {
        walk.checkNumber(count, (Number) value);
      }
    } else if (value instanceof Number) {
      if (value instanceof BigInteger) {
        walk.checkNumber(count, (Number) value);
      }
    } else if (value instanceof WireMap) {
      push(value, null, null, true, count, rule, keyDepth);
    } else if (value instanceof Map) {
      push(value, ((Map<?, ?>) value).entrySet().iterator(), null, true, count, rule, keyDepth);
    } else if (value instanceof Collection) {
      push(value, ((Collection<?>) value).iterator(), null, false, count, rule, keyDepth);
    } else if (value instanceof Object[]) {
      push(value, null, (Object[]) value, false, count, rule, keyDepth);
    } else if (value instanceof CharSequence) {
      walk.checkString(count, value.toString());
    } else if (value instanceof char[]) {
      char[] chars = (char[]) value;
      walk.checkChars(count, chars, 0, chars.length);
    }
  }

  private void push(
      Object container,
      Iterator<?> it,
      Object[] array,
      boolean map,
      int count,
      int rule,
      int keyDepth) {
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
      inherited = Arrays.copyOf(inherited, size);
      keyDepths = Arrays.copyOf(keyDepths, size);
      reported = Arrays.copyOf(reported, size);
      examples = Arrays.copyOf(examples, size);
      named = Arrays.copyOf(named, size);
      namedValuePaths = Arrays.copyOf(namedValuePaths, size);
      jwk = Arrays.copyOf(jwk, size);
      jwkMemberPaths = Arrays.copyOf(jwkMemberPaths, size);
    }
    top = count;
    containers[top] = container;
    iterators[top] = it;
    arrays[top] = array;
    wireMaps[top] = container instanceof WireMap ? (WireMap) container : null;
    positions[top] = 0;
    isMap[top] = map;
    inherited[top] = rule;
    keyDepths[top] = keyDepth;
    reported[top] = false;
    examples[top] = example;
    named[top] = false;
    namedValuePaths[top] = null;
    jwk[top] = false;
    jwkMemberPaths[top] = null;
    if (top >= LINEAR_FRAMES) {
      if (deepFrames == null) {
        deepFrames = new IdentityHashMap<>();
      }
      deepFrames.put(container, Boolean.TRUE);
    }
  }

  /**
   * Leaves the top container; a name/value entry and a JSON Web Key are reported now, since the key
   * that decides may come last.
   */
  private void pop() {
    if (named[top] && namedValuePaths[top] != null && !examples[top]) {
      walk.reportNamedValue(namedValuePaths[top]);
    }
    if (jwk[top] && jwkMemberPaths[top] != null && !examples[top]) {
      walk.reportJwkMember(jwkMemberPaths[top]);
    }
    if (top >= LINEAR_FRAMES) {
      deepFrames.remove(containers[top]);
    }
    containers[top] = null;
    iterators[top] = null;
    arrays[top] = null;
    wireMaps[top] = null;
    namedValuePaths[top] = null;
    jwkMemberPaths[top] = null;
    top--;
  }
}
