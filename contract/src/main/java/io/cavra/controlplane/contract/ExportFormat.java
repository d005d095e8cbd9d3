package io.cavra.controlplane.contract;

/**
 * The format of an evidence export. Matching is case-sensitive, as in the reference: {@code JSON}
 * is refused. Constants are declared in the reference's order; {@link #wireName()} is the JSON
 * form.
 */
public enum ExportFormat implements WireValue {
  JSON("json"),
  JSONL("jsonl"),
  MARKDOWN("markdown"),
  ZIP("zip");

  private final String wireName;

  ExportFormat(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
