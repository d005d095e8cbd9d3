package io.cavra.controlplane.contract.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * An immutable view of a large object the reader built (hashed, in order), remembering its
 * document.
 */
public final class ReadMap extends AbstractMap<String, Object> {
  private final Map<String, Object> entries;
  private final ReadDocument document;

  /** A view of {@code entries}, which the map takes over: the caller must not keep or change it. */
  public ReadMap(Map<String, Object> entries, ReadDocument document) {
    this.entries = Collections.unmodifiableMap(entries);
    this.document = document;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return entries.entrySet();
  }

  @Override
  public Object get(Object key) {
    return entries.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public int size() {
    return entries.size();
  }

  ReadDocument document() {
    return document;
  }
}
