package io.cavra.controlplane.conformance.compat;

import java.util.Objects;
import java.util.Optional;

/**
 * The rules that classify a schema change, each with a stable id and a fixed {@link Severity}, in
 * the manner of buf's and oasdiff's breaking-change checks. Ids are never renamed or reused. The
 * module's {@code README.md} lists them with their rationale.
 *
 * <p>The point of view is the consumer's: the current schemas must accept every document the
 * baseline accepted (so clients' requests keep validating), and must not take away or add anything
 * a reader of the baseline relies on — a property, a required member, or a closed set of values it
 * checks. Where a schema's content model is open (no {@code additionalProperties: false}), readers
 * are bound to tolerate additions, so widened value sets there are not breaking. A change the gate
 * cannot classify is breaking.
 */
public enum CompatRule {
  SCHEMA_REMOVED("schema-removed", Severity.BREAKING, "a schema of the baseline is gone"),
  SCHEMA_ADDED("schema-added", Severity.NON_BREAKING, "a new schema"),
  SCHEMA_ID_CHANGED(
      "schema-id-changed", Severity.BREAKING, "a schema's $id changed; references by id break"),
  PROPERTY_REMOVED(
      "property-removed",
      Severity.BREAKING,
      "a property was removed (a rename is a removal plus an addition)"),
  PROPERTY_ADDED_REQUIRED(
      "property-added-required",
      Severity.BREAKING,
      "a new property that is required: documents valid before lack it"),
  PROPERTY_ADDED_OPTIONAL(
      "property-added-optional", Severity.NON_BREAKING, "a new optional property"),
  REQUIRED_ADDED("required-added", Severity.BREAKING, "an existing property became required"),
  REQUIRED_REMOVED(
      "required-removed",
      Severity.BREAKING,
      "a property is no longer required: readers relied on its presence"),
  PROPERTY_FORBIDDEN(
      "property-forbidden",
      Severity.BREAKING,
      "a property's schema became false (reserved) in a model that allowed it"),
  PROPERTY_ALLOWED(
      "property-allowed", Severity.NON_BREAKING, "a reserved (false) property became allowed"),
  TYPE_NARROWED(
      "type-narrowed",
      Severity.BREAKING,
      "a JSON type is no longer allowed, or a type was imposed"),
  TYPE_WIDENED_OPEN(
      "type-widened-open",
      Severity.NON_BREAKING,
      "a JSON type was added inside an open content model, whose readers tolerate additions"),
  TYPE_WIDENED_CLOSED(
      "type-widened-closed",
      Severity.BREAKING,
      "a JSON type was added inside a closed content model, whose readers refuse what they do not"
          + " know"),
  ENUM_ADDED(
      "enum-added", Severity.BREAKING, "an enum or const now restricts a value that was free"),
  ENUM_VALUE_REMOVED("enum-value-removed", Severity.BREAKING, "an enum value was removed"),
  ENUM_WIDENED_OPEN(
      "enum-widened-open",
      Severity.NON_BREAKING,
      "enum values were added (or the enum or const dropped) inside an open content model"),
  ENUM_WIDENED_CLOSED(
      "enum-widened-closed",
      Severity.BREAKING,
      "enum values were added (or the enum or const dropped) inside a closed content model"),
  CONST_CHANGED(
      "const-changed",
      Severity.BREAKING,
      "a const value changed; a changed schema_version const is a new major version"),
  BOUND_TIGHTENED(
      "bound-tightened",
      Severity.BREAKING,
      "a bound was added or tightened: minLength, minItems, minProperties, minimum, maxLength,"
          + " maxItems, maxProperties, maximum (and exclusive forms), multipleOf, uniqueItems"),
  BOUND_LOOSENED("bound-loosened", Severity.NON_BREAKING, "a bound was removed or loosened"),
  PATTERN_ADDED("pattern-added", Severity.BREAKING, "a pattern or format now restricts a string"),
  PATTERN_CHANGED(
      "pattern-changed",
      Severity.BREAKING,
      "a pattern or format changed; whether it accepts less cannot be decided, so it counts as"
          + " breaking"),
  PATTERN_REMOVED("pattern-removed", Severity.NON_BREAKING, "a pattern or format was removed"),
  ADDITIONAL_PROPERTIES_CLOSED(
      "additional-properties-closed",
      Severity.BREAKING,
      "additionalProperties (or unevaluatedProperties) now refuses or constrains unknown keys"),
  ADDITIONAL_PROPERTIES_OPENED(
      "additional-properties-opened",
      Severity.NON_BREAKING,
      "additionalProperties (or unevaluatedProperties) no longer refuses unknown keys"),
  REF_CHANGED(
      "ref-changed",
      Severity.BREAKING,
      "a $ref points elsewhere; the target's compatibility is not proven, so it counts as"
          + " breaking"),
  ALL_OF_BRANCH_ADDED("all-of-branch-added", Severity.BREAKING, "a subschema was added to allOf"),
  ALL_OF_BRANCH_REMOVED(
      "all-of-branch-removed", Severity.NON_BREAKING, "a subschema was removed from allOf"),
  ANY_OF_BRANCH_ADDED(
      "any-of-branch-added", Severity.NON_BREAKING, "a subschema was added to anyOf"),
  ANY_OF_BRANCH_REMOVED(
      "any-of-branch-removed", Severity.BREAKING, "a subschema was removed from anyOf"),
  DEFINITION_ADDED("definition-added", Severity.NON_BREAKING, "a new entry under $defs"),
  DEFINITION_REMOVED(
      "definition-removed",
      Severity.NON_BREAKING,
      "an entry under $defs was removed; a reference to it shows as ref-changed"),
  CONSTRAINT_REMOVED(
      "constraint-removed",
      Severity.NON_BREAKING,
      "another assertion keyword was removed: the schema accepts more"),
  KEYWORD_CHANGED(
      "keyword-changed",
      Severity.BREAKING,
      "another assertion keyword was added or changed (not, if, oneOf, items, $schema …);"
          + " unclassified, so breaking"),
  ANNOTATION_CHANGED(
      "annotation-changed",
      Severity.NON_BREAKING,
      "title, description, examples, default, $comment, deprecated, readOnly, writeOnly or an"
          + " unknown keyword changed");

  private final String id;
  private final Severity severity;
  private final String description;

  CompatRule(String id, Severity severity, String description) {
    this.id = id;
    this.severity = severity;
    this.description = description;
  }

  /** The stable id, e.g. {@code property-removed}. */
  public String id() {
    return id;
  }

  /** Whether changes under this rule break consumers. */
  public Severity severity() {
    return severity;
  }

  /** What the rule matches. */
  public String description() {
    return description;
  }

  /** The rule whose id is {@code id}, if any. */
  public static Optional<CompatRule> fromId(String id) {
    Objects.requireNonNull(id, "id");
    for (CompatRule rule : values()) {
      if (rule.id.equals(id)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
