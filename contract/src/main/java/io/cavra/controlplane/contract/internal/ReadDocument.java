package io.cavra.controlplane.contract.internal;

/**
 * The document a list or map came from, when the contract's reader built it: such containers are
 * immutable, hold only JSON values in the model's number forms, and nest within the reader's depth
 * limit. The reader marks the document cleared, before the tree leaves it, when the default secret
 * guard's screen found nothing in it and every string in it is valid Unicode; a record then takes a
 * cleared container as it is, without checking its strings again. Any other value, whoever builds
 * the record and wherever it is built, is checked in full.
 */
public final class ReadDocument {
  private boolean cleared;

  /** Whether the reader's screen cleared the whole document. */
  public boolean cleared() {
    return cleared;
  }

  /** Called by the reader once, before the document's tree is handed out. */
  public void markCleared() {
    cleared = true;
  }

  /** The document {@code value} came from, or null if it is not a list or map the reader built. */
  public static ReadDocument of(Object value) {
    if (value instanceof WireMap) {
      return ((WireMap) value).document();
    }
    if (value instanceof ReadList) {
      return ((ReadList) value).document();
    }
    if (value instanceof ReadMap) {
      return ((ReadMap) value).document();
    }
    return null;
  }

  /** Whether {@code value} is a list or map of a document the reader's screen cleared. */
  public static boolean isCleared(Object value) {
    ReadDocument document = of(value);
    return document != null && document.cleared;
  }
}
