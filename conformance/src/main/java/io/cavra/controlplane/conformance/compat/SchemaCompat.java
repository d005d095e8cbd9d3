package io.cavra.controlplane.conformance.compat;

import io.cavra.controlplane.conformance.compat.CompatChange.Kind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The compatibility gate: compares two sets of JSON Schemas (draft 2020-12) and classifies every
 * difference with a {@link CompatRule}. Stateless and thread-safe.
 *
 * <pre>{@code
 * CompatReport report = SchemaCompat.compare(Path.of("baseline/v1"), Path.of("schemas/v1"));
 * System.out.print(report.text());
 * System.exit(report.exitCode());   // 1 when a change is breaking
 * }</pre>
 *
 * <p>Schemas are matched by file name and compared node by node, in parallel, along {@code
 * properties}, {@code items}, {@code additionalProperties}, {@code allOf}/{@code anyOf}, {@code
 * then}/{@code else}, {@code $defs} and the other subschema keywords; a {@code $ref} is compared as
 * text (its target is compared in its own file or under {@code $defs}).
 */
public final class SchemaCompat {
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "title",
          "description",
          "examples",
          "default",
          "$comment",
          "deprecated",
          "readOnly",
          "writeOnly",
          "contentMediaType",
          "contentEncoding");
  private static final Set<String> LOWER_BOUNDS =
      Set.of(
          "minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum", "minContains");
  private static final Set<String> UPPER_BOUNDS =
      Set.of(
          "maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum", "maxContains");

  /** Keywords whose value is one subschema that narrows when it narrows. */
  private static final Set<String> SUBSCHEMAS =
      Set.of(
          "items",
          "then",
          "else",
          "contains",
          "propertyNames",
          "additionalItems",
          "unevaluatedItems");

  /** Keywords whose value maps names to subschemas that narrow when they narrow. */
  private static final Set<String> SUBSCHEMA_MAPS = Set.of("patternProperties", "dependentSchemas");

  /** Every keyword of the 2020-12 vocabularies; others are unknown keywords, i.e. annotations. */
  private static final Set<String> KNOWN =
      Set.of(
          "$schema",
          "$id",
          "$ref",
          "$anchor",
          "$dynamicRef",
          "$dynamicAnchor",
          "$vocabulary",
          "$comment",
          "$defs",
          "definitions",
          "allOf",
          "anyOf",
          "oneOf",
          "not",
          "if",
          "then",
          "else",
          "dependentSchemas",
          "prefixItems",
          "items",
          "contains",
          "properties",
          "patternProperties",
          "additionalProperties",
          "propertyNames",
          "unevaluatedItems",
          "unevaluatedProperties",
          "type",
          "enum",
          "const",
          "multipleOf",
          "maximum",
          "exclusiveMaximum",
          "minimum",
          "exclusiveMinimum",
          "maxLength",
          "minLength",
          "pattern",
          "maxItems",
          "minItems",
          "uniqueItems",
          "maxContains",
          "minContains",
          "maxProperties",
          "minProperties",
          "required",
          "dependentRequired",
          "format",
          "title",
          "description",
          "default",
          "deprecated",
          "readOnly",
          "writeOnly",
          "examples",
          "contentEncoding",
          "contentMediaType",
          "contentSchema",
          "additionalItems");

  private static final Set<String> ALL_TYPES =
      Set.of("array", "boolean", "integer", "null", "number", "object", "string");

  private SchemaCompat() {}

  /**
   * Compares the schemas in two directories (every {@code *.json} but {@code index.json}).
   *
   * @see SchemaSet#directory(Path)
   */
  public static CompatReport compare(Path baselineDirectory, Path currentDirectory) {
    return compare(SchemaSet.directory(baselineDirectory), SchemaSet.directory(currentDirectory));
  }

  /**
   * Compares two schema sets, e.g. {@link SchemaSet#baselineV1()} and {@link
   * SchemaSet#published()}.
   */
  public static CompatReport compare(SchemaSet baseline, SchemaSet current) {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    List<CompatChange> changes = new ArrayList<>();
    Set<String> names = new TreeSet<>(baseline.names());
    names.addAll(current.names());
    for (String name : names) {
      Object before = baseline.schema(name);
      Object after = current.schema(name);
      if (after == null) {
        changes.add(
            new CompatChange(
                CompatRule.SCHEMA_REMOVED,
                Kind.REMOVED,
                name,
                "",
                "schema " + name + " was removed"));
      } else if (before == null) {
        changes.add(
            new CompatChange(
                CompatRule.SCHEMA_ADDED, Kind.ADDED, name, "", "schema " + name + " was added"));
      } else {
        new Walk(name, changes).schema(before, after, "", closed(before, false));
      }
    }
    return new CompatReport(baseline.description(), current.description(), changes);
  }

  /** Whether a schema node's own content model is closed, or, without properties, its context's. */
  private static boolean closed(Object schema, boolean context) {
    if (schema instanceof Map && ((Map<?, ?>) schema).containsKey("properties")) {
      Map<?, ?> map = (Map<?, ?>) schema;
      return Boolean.FALSE.equals(map.get("additionalProperties"))
          || Boolean.FALSE.equals(map.get("unevaluatedProperties"));
    }
    return context;
  }

  /** One schema file's walk. */
  private static final class Walk {
    private final String schema;
    private final List<CompatChange> changes;

    Walk(String schema, List<CompatChange> changes) {
      this.schema = schema;
      this.changes = changes;
    }

    private void add(CompatRule rule, Kind kind, String pointer, String message) {
      changes.add(new CompatChange(rule, kind, schema, pointer, message));
    }

    /**
     * Compares two subschemas at {@code pointer}; {@code closed} is the enclosing content model.
     */
    void schema(Object before, Object after, String pointer, boolean closed) {
      if (Objects.equals(before, after)) {
        return;
      }
      if (!(before instanceof Map) || !(after instanceof Map)) {
        booleanSchema(before, after, pointer);
        return;
      }
      Map<?, ?> b = (Map<?, ?>) before;
      Map<?, ?> a = (Map<?, ?>) after;
      boolean here = closed(b, closed);
      Set<String> keys = new LinkedHashSet<>();
      b.keySet().forEach(k -> keys.add((String) k));
      a.keySet().forEach(k -> keys.add((String) k));
      boolean valuesCompared = false;
      for (String key : keys) {
        Object x = b.get(key);
        Object y = a.get(key);
        if (Objects.equals(x, y)) {
          continue;
        }
        String at = pointer + "/" + escape(key);
        Kind kind = x == null ? Kind.ADDED : y == null ? Kind.REMOVED : Kind.CHANGED;
        if (ANNOTATIONS.contains(key) || !KNOWN.contains(key)) {
          add(CompatRule.ANNOTATION_CHANGED, kind, at, key + " " + kind.wireName());
        } else if (key.equals("type")) {
          type(x, y, at, here);
        } else if (key.equals("enum") || key.equals("const")) {
          if (!valuesCompared) {
            valuesCompared = true;
            values(b, a, pointer, here);
          }
        } else if (LOWER_BOUNDS.contains(key) || UPPER_BOUNDS.contains(key)) {
          bound(key, x, y, at);
        } else if (key.equals("uniqueItems")) {
          boolean tightened = Boolean.TRUE.equals(y);
          add(
              tightened ? CompatRule.BOUND_TIGHTENED : CompatRule.BOUND_LOOSENED,
              kind,
              at,
              tightened ? "items must now be unique" : "items need no longer be unique");
        } else if (key.equals("multipleOf")) {
          add(
              y == null ? CompatRule.BOUND_LOOSENED : CompatRule.BOUND_TIGHTENED,
              kind,
              at,
              "multipleOf " + kind.wireName());
        } else if (key.equals("pattern") || key.equals("format")) {
          CompatRule rule =
              x == null
                  ? CompatRule.PATTERN_ADDED
                  : y == null ? CompatRule.PATTERN_REMOVED : CompatRule.PATTERN_CHANGED;
          add(rule, kind, at, key + " " + kind.wireName());
        } else if (key.equals("required")) {
          required(b, a, at);
        } else if (key.equals("properties")) {
          properties(b, a, at, here);
        } else if (key.equals("additionalProperties") || key.equals("unevaluatedProperties")) {
          additional(key, x, y, at, here);
        } else if (key.equals("$ref")) {
          add(
              CompatRule.REF_CHANGED,
              kind,
              at,
              "$ref " + kind.wireName() + (y instanceof String ? ": now " + y : ""));
        } else if (key.equals("$id")) {
          add(CompatRule.SCHEMA_ID_CHANGED, kind, at, "$id " + kind.wireName());
        } else if (key.equals("allOf") || key.equals("anyOf")) {
          branches(key, x, y, at, here);
        } else if (key.equals("$defs") || key.equals("definitions")) {
          definitions(x, y, at, here);
        } else if (SUBSCHEMAS.contains(key) && x != null && y != null) {
          schema(x, y, at, here);
        } else if (SUBSCHEMA_MAPS.contains(key) && x instanceof Map && y instanceof Map) {
          subschemaMap(key, (Map<?, ?>) x, (Map<?, ?>) y, at, here);
        } else if (y == null) {
          add(CompatRule.CONSTRAINT_REMOVED, kind, at, key + " removed");
        } else {
          add(CompatRule.KEYWORD_CHANGED, kind, at, key + " " + kind.wireName());
        }
      }
    }

    private void booleanSchema(Object before, Object after, String pointer) {
      if (Boolean.TRUE.equals(before)
          || (before instanceof Map && ((Map<?, ?>) before).isEmpty())) {
        add(
            Boolean.FALSE.equals(after)
                ? CompatRule.PROPERTY_FORBIDDEN
                : CompatRule.KEYWORD_CHANGED,
            Kind.CHANGED,
            pointer,
            "the schema now restricts what it allowed");
      } else if (Boolean.FALSE.equals(before)) {
        add(
            CompatRule.PROPERTY_ALLOWED,
            Kind.CHANGED,
            pointer,
            "the schema now allows what it refused");
      } else {
        add(
            CompatRule.KEYWORD_CHANGED,
            Kind.CHANGED,
            pointer,
            "the schema was replaced by " + after);
      }
    }

    private void type(Object before, Object after, String pointer, boolean closed) {
      Set<String> x = types(before);
      Set<String> y = types(after);
      Set<String> removed = new TreeSet<>(x);
      removed.removeAll(y);
      Set<String> added = new TreeSet<>(y);
      added.removeAll(x);
      if (!removed.isEmpty()) {
        add(
            CompatRule.TYPE_NARROWED,
            Kind.CHANGED,
            pointer,
            before == null
                ? "a type is now required: " + String.join(", ", y)
                : "no longer allows " + String.join(", ", removed));
      }
      if (!added.isEmpty()) {
        add(
            closed ? CompatRule.TYPE_WIDENED_CLOSED : CompatRule.TYPE_WIDENED_OPEN,
            Kind.CHANGED,
            pointer,
            after == null
                ? "any type is now allowed"
                : "now also allows " + String.join(", ", added));
      }
    }

    private static Set<String> types(Object type) {
      Set<String> out = new TreeSet<>();
      if (type == null) {
        out.addAll(ALL_TYPES);
      } else if (type instanceof String) {
        out.add((String) type);
      } else if (type instanceof List) {
        ((List<?>) type).forEach(t -> out.add(String.valueOf(t)));
      }
      if (out.contains("number")) {
        out.add("integer");
      }
      return out;
    }

    /**
     * {@code enum} and {@code const} together, once per node: the set of allowed values, or any
     * value.
     */
    private void values(Map<?, ?> b, Map<?, ?> a, String pointer, boolean closed) {
      Set<Object> x = allowed(b);
      Set<Object> y = allowed(a);
      if (b.containsKey("const")
          && a.containsKey("const")
          && !Objects.equals(b.get("const"), a.get("const"))) {
        add(
            CompatRule.CONST_CHANGED,
            Kind.CHANGED,
            pointer + "/const",
            "const changed to " + a.get("const"));
        return;
      }
      String key =
          a.containsKey("const") || b.containsKey("const") && !a.containsKey("enum")
              ? "const"
              : "enum";
      String at = pointer + "/" + key;
      Kind kind =
          !b.containsKey(key) ? Kind.ADDED : !a.containsKey(key) ? Kind.REMOVED : Kind.CHANGED;
      if (x == null) {
        add(CompatRule.ENUM_ADDED, kind, at, key + " now restricts the value");
        return;
      }
      Set<Object> removed = y == null ? Set.of() : difference(x, y);
      Set<Object> added = y == null ? null : difference(y, x);
      if (!removed.isEmpty()) {
        add(CompatRule.ENUM_VALUE_REMOVED, kind, at, "no longer allows " + removed);
      }
      if (added == null || !added.isEmpty()) {
        add(
            closed ? CompatRule.ENUM_WIDENED_CLOSED : CompatRule.ENUM_WIDENED_OPEN,
            kind,
            at,
            added == null ? "the value is no longer restricted" : "now also allows " + added);
      } else if (removed.isEmpty()) {
        add(CompatRule.ANNOTATION_CHANGED, kind, at, "the same values, written differently");
      }
    }

    private static Set<Object> difference(Set<Object> a, Set<Object> b) {
      Set<Object> out = new LinkedHashSet<>(a);
      out.removeAll(b);
      return out;
    }

    private static Set<Object> allowed(Map<?, ?> schema) {
      if (schema.containsKey("const")) {
        Set<Object> one = new LinkedHashSet<>();
        one.add(schema.get("const"));
        if (schema.get("enum") instanceof List) {
          one.retainAll((List<?>) schema.get("enum"));
        }
        return one;
      }
      if (schema.get("enum") instanceof List) {
        return new LinkedHashSet<>((List<?>) schema.get("enum"));
      }
      return null;
    }

    private void bound(String key, Object before, Object after, String pointer) {
      boolean lower = LOWER_BOUNDS.contains(key);
      Kind kind = before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
      boolean tightened;
      if (before == null || after == null) {
        tightened = before == null;
      } else {
        int order = new BigDecimal(before.toString()).compareTo(new BigDecimal(after.toString()));
        tightened = lower ? order < 0 : order > 0;
      }
      add(
          tightened ? CompatRule.BOUND_TIGHTENED : CompatRule.BOUND_LOOSENED,
          kind,
          pointer,
          key
              + (after == null
                  ? " removed"
                  : before == null
                      ? " set to " + after
                      : " changed from " + before + " to " + after));
    }

    private void required(Map<?, ?> b, Map<?, ?> a, String pointer) {
      Set<Object> x = set(b.get("required"));
      Set<Object> y = set(a.get("required"));
      Map<?, ?> beforeProperties =
          b.get("properties") instanceof Map ? (Map<?, ?>) b.get("properties") : Map.of();
      Map<?, ?> afterProperties =
          a.get("properties") instanceof Map ? (Map<?, ?>) a.get("properties") : Map.of();
      for (Object name : y) {
        if (!x.contains(name)
            && (beforeProperties.containsKey(name) || !afterProperties.containsKey(name))) {
          add(
              CompatRule.REQUIRED_ADDED,
              Kind.ADDED,
              pointer,
              "property '" + name + "' is now required");
        }
      }
      for (Object name : x) {
        if (!y.contains(name)
            && (afterProperties.containsKey(name) || !beforeProperties.containsKey(name))) {
          add(
              CompatRule.REQUIRED_REMOVED,
              Kind.REMOVED,
              pointer,
              "property '" + name + "' is no longer required");
        }
      }
    }

    private static Set<Object> set(Object list) {
      return list instanceof List ? new LinkedHashSet<>((List<?>) list) : Set.of();
    }

    private void properties(Map<?, ?> b, Map<?, ?> a, String pointer, boolean closed) {
      Map<?, ?> x = b.get("properties") instanceof Map ? (Map<?, ?>) b.get("properties") : Map.of();
      Map<?, ?> y = a.get("properties") instanceof Map ? (Map<?, ?>) a.get("properties") : Map.of();
      Set<Object> required = set(a.get("required"));
      for (Map.Entry<?, ?> entry : x.entrySet()) {
        String at = pointer + "/" + escape((String) entry.getKey());
        if (!y.containsKey(entry.getKey())) {
          if (!Boolean.FALSE.equals(entry.getValue())) {
            add(
                CompatRule.PROPERTY_REMOVED,
                Kind.REMOVED,
                at,
                "property '" + entry.getKey() + "' was removed");
          } else if (!closed) {
            add(
                CompatRule.PROPERTY_ALLOWED,
                Kind.REMOVED,
                at,
                "property '" + entry.getKey() + "' is no longer reserved");
          }
        } else {
          schema(entry.getValue(), y.get(entry.getKey()), at, closed);
        }
      }
      for (Map.Entry<?, ?> entry : y.entrySet()) {
        if (x.containsKey(entry.getKey())) {
          continue;
        }
        String at = pointer + "/" + escape((String) entry.getKey());
        if (Boolean.FALSE.equals(entry.getValue())) {
          if (!closed) {
            add(
                CompatRule.PROPERTY_FORBIDDEN,
                Kind.ADDED,
                at,
                "property '" + entry.getKey() + "' is now reserved");
          }
        } else if (required.contains(entry.getKey())) {
          add(
              CompatRule.PROPERTY_ADDED_REQUIRED,
              Kind.ADDED,
              at,
              "required property '" + entry.getKey() + "' was added");
        } else {
          add(
              CompatRule.PROPERTY_ADDED_OPTIONAL,
              Kind.ADDED,
              at,
              "optional property '" + entry.getKey() + "' was added");
        }
      }
    }

    private void additional(
        String key, Object before, Object after, String pointer, boolean closed) {
      boolean wasOpen = before == null || Boolean.TRUE.equals(before);
      boolean isOpen = after == null || Boolean.TRUE.equals(after);
      Kind kind = before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
      if (wasOpen && isOpen) {
        add(CompatRule.ANNOTATION_CHANGED, kind, pointer, key + " rewritten with the same meaning");
      } else if (Boolean.FALSE.equals(after) || wasOpen) {
        add(
            CompatRule.ADDITIONAL_PROPERTIES_CLOSED,
            kind,
            pointer,
            Boolean.FALSE.equals(after)
                ? "unknown keys are now refused"
                : "unknown keys are now constrained");
      } else if (Boolean.FALSE.equals(before)) {
        add(
            CompatRule.ADDITIONAL_PROPERTIES_OPENED,
            kind,
            pointer,
            isOpen
                ? "unknown keys are now allowed"
                : "unknown keys are now allowed when they match a schema");
      } else if (isOpen) {
        // Keys were allowed already, with values constrained by a schema; dropping the schema
        // widens
        // those values (type, enum, bounds …), which is classified as against the empty schema.
        schema(before, Map.of(), pointer, closed);
      } else {
        schema(before, after, pointer, closed);
      }
    }

    private void branches(String key, Object before, Object after, String pointer, boolean closed) {
      List<?> x = before instanceof List ? (List<?>) before : List.of();
      List<?> y = after instanceof List ? (List<?>) after : List.of();
      boolean all = key.equals("allOf");
      for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
        String at = pointer + "/" + i;
        if (i >= y.size()) {
          add(
              all ? CompatRule.ALL_OF_BRANCH_REMOVED : CompatRule.ANY_OF_BRANCH_REMOVED,
              Kind.REMOVED,
              at,
              key + " lost a subschema");
        } else if (i >= x.size()) {
          add(
              all ? CompatRule.ALL_OF_BRANCH_ADDED : CompatRule.ANY_OF_BRANCH_ADDED,
              Kind.ADDED,
              at,
              key + " gained a subschema");
        } else {
          schema(x.get(i), y.get(i), at, closed);
        }
      }
    }

    private void definitions(Object before, Object after, String pointer, boolean closed) {
      Map<?, ?> x = before instanceof Map ? (Map<?, ?>) before : Map.of();
      Map<?, ?> y = after instanceof Map ? (Map<?, ?>) after : Map.of();
      for (Map.Entry<?, ?> entry : x.entrySet()) {
        String at = pointer + "/" + escape((String) entry.getKey());
        if (!y.containsKey(entry.getKey())) {
          add(
              CompatRule.DEFINITION_REMOVED,
              Kind.REMOVED,
              at,
              "definition '" + entry.getKey() + "' was removed");
        } else {
          schema(entry.getValue(), y.get(entry.getKey()), at, closed);
        }
      }
      for (Object name : y.keySet()) {
        if (!x.containsKey(name)) {
          add(
              CompatRule.DEFINITION_ADDED,
              Kind.ADDED,
              pointer + "/" + escape((String) name),
              "definition '" + name + "' was added");
        }
      }
    }

    private void subschemaMap(
        String key, Map<?, ?> x, Map<?, ?> y, String pointer, boolean closed) {
      for (Map.Entry<?, ?> entry : x.entrySet()) {
        String at = pointer + "/" + escape((String) entry.getKey());
        if (!y.containsKey(entry.getKey())) {
          add(CompatRule.CONSTRAINT_REMOVED, Kind.REMOVED, at, key + " entry removed");
        } else {
          schema(entry.getValue(), y.get(entry.getKey()), at, closed);
        }
      }
      for (Object name : y.keySet()) {
        if (!x.containsKey(name)) {
          add(
              CompatRule.KEYWORD_CHANGED,
              Kind.ADDED,
              pointer + "/" + escape((String) name),
              key + " entry added");
        }
      }
    }

    /** RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    private static String escape(String token) {
      return token.replace("~", "~0").replace("/", "~1");
    }
  }
}
