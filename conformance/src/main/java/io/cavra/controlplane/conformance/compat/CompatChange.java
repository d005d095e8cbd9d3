package io.cavra.controlplane.conformance.compat;

import java.util.Locale;
import java.util.Objects;

/**
 * One classified difference between a baseline schema and its current version. Immutable.
 *
 * @param rule the rule that classified it
 * @param kind whether something was added, removed or changed
 * @param schema the schema's file name, e.g. {@code request.schema.json}
 * @param pointer the JSON Pointer (RFC 6901) of the changed node inside the schema, e.g. {@code
 *     /properties/status/enum}; empty for the whole schema
 * @param message one line on what changed
 */
public record CompatChange(
    CompatRule rule, Kind kind, String schema, String pointer, String message) {

  /** What happened to the node. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED;

    /** Lower case, as in JSON output. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public CompatChange {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** The rule's id. */
  public String ruleId() {
    return rule.id();
  }

  /** The rule's severity. */
  public Severity severity() {
    return rule.severity();
  }

  /** {@code <schema>#<pointer>}, e.g. {@code response.schema.json#/properties/status/enum}. */
  public String location() {
    return schema + "#" + pointer;
  }
}
