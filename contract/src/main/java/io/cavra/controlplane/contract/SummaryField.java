package io.cavra.controlplane.contract;

import java.util.List;
import java.util.Objects;

/**
 * One field of a summary, named as on the wire. Tools derive their options and JSON readers from
 * these; {@link SummaryBuilder#fields()} lists them in wire order.
 *
 * @param name the wire name, e.g. {@code readiness_status}
 * @param kind what kind of value it takes
 * @param required whether it has no default
 * @param defaultValue the reference's default, or {@code null}
 * @param states for {@link Kind#STATE}, the enum of allowed values; otherwise {@code null}
 */
public record SummaryField(
    String name,
    Kind kind,
    boolean required,
    Object defaultValue,
    Class<? extends Enum<?>> states) {

  /** The kinds of summary field. */
  public enum Kind {
    /** One of a closed set of strings, checked in field order with the reference's text. */
    STATE,
    /** A string. */
    TEXT,
    /** A string or {@code null}. */
    OPTIONAL_TEXT,
    /** A list of strings. */
    TEXT_LIST,
    /** A whole number that must not be negative. */
    COUNT,
    /** {@code true} or {@code false}. */
    BOOLEAN
  }

  public SummaryField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (defaultValue instanceof List) {
      defaultValue = List.copyOf((List<?>) defaultValue);
    }
  }

  /** For a {@link Kind#STATE} field, the allowed wire values in declaration order. */
  public List<String> allowedValues() {
    if (states == null) {
      return List.of();
    }
    return java.util.Arrays.stream(states.getEnumConstants())
        .map(c -> ((WireValue) c).wireName())
        .toList();
  }
}
