package io.cavra.controlplane.contract.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable, insertion-ordered map over one array of alternating keys and values, for the small
 * maps the model writes (envelopes, payloads, labels). Lookups scan the keys, which beats hashing
 * at these sizes; the secret guard and the canonical writer read entries by index, so walking one
 * allocates nothing. Values may be null; keys are distinct, which callers guarantee.
 */
public final class WireMap extends AbstractMap<String, Object> {
  private final Object[] keysAndValues;
  private final ReadDocument document;

  private WireMap(Object[] keysAndValues, ReadDocument document) {
    this.keysAndValues = keysAndValues;
    this.document = document;
  }

  /**
   * A map over {@code keysAndValues}, which the map takes over: the caller must not keep or change
   * the array. Keys must be distinct strings.
   */
  public static WireMap of(Object... keysAndValues) {
    if ((keysAndValues.length & 1) != 0) {
      throw new IllegalArgumentException("keys and values must alternate");
    }
    return new WireMap(keysAndValues, null);
  }

  /**
   * A map the reader built from {@code document}, over {@code keysAndValues} as {@link #of} takes
   * them.
   */
  public static WireMap read(ReadDocument document, Object[] keysAndValues) {
    return new WireMap(keysAndValues, document);
  }

  ReadDocument document() {
    return document;
  }

  @Override
  public int size() {
    return keysAndValues.length >>> 1;
  }

  /** The key of entry {@code i}, in insertion order. */
  public String key(int i) {
    return (String) keysAndValues[i << 1];
  }

  /** The value of entry {@code i}, in insertion order. */
  public Object value(int i) {
    return keysAndValues[(i << 1) + 1];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : keysAndValues[i + 1];
  }

  private int indexOf(Object key) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return WireMap.this.size();
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keysAndValues.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= keysAndValues.length) {
              throw new NoSuchElementException();
            }
            Entry<String, Object> entry =
                new SimpleImmutableEntry<>((String) keysAndValues[next], keysAndValues[next + 1]);
            next += 2;
            return entry;
          }
        };
      }
    };
  }
}
