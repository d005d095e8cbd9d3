package io.cavra.controlplane.contract.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An immutable list the reader built, over the array it filled, remembering its document. */
public final class ReadList extends AbstractList<Object> implements RandomAccess {
  private final Object[] elements;
  private final ReadDocument document;

  /**
   * A list over {@code elements}, which the list takes over: the caller must not keep the array.
   */
  public ReadList(Object[] elements, ReadDocument document) {
    this.elements = elements;
    this.document = document;
  }

  @Override
  public Object get(int index) {
    return elements[index];
  }

  @Override
  public int size() {
    return elements.length;
  }

  ReadDocument document() {
    return document;
  }
}
