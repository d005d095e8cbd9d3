package io.cavra.controlplane.contract;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a request builder, named in snake_case exactly as the reference's builder
 * keyword (and usually the payload key). Tools such as the CLI derive their options from these.
 *
 * @param name the snake_case name, e.g. {@code policy_refs}
 * @param kind what kind of value it takes
 * @param required whether the caller must give it (there is no default)
 * @param defaultValue the reference's default; {@code null} when required, or when the default is
 *     generated (the correlation id)
 * @param states for a {@link Kind#TEXT} parameter that names one of a closed set of values (such as
 *     {@code deployment_model}), the enum of allowed values; otherwise {@code null}
 */
public record RequestParameter(
    String name,
    Kind kind,
    boolean required,
    Object defaultValue,
    Class<? extends Enum<?>> states) {

  /** The kinds of parameter value. */
  public enum Kind {
    /** A string. */
    TEXT,
    /** A list of strings; Java {@code List<String>}. */
    TEXT_LIST,
    /**
     * An object whose values are any JSON values (strings, numbers, booleans, null, arrays and
     * objects at any depth); Java {@code Map<String, ?>}, order kept. Replaces {@code TEXT_MAP}.
     */
    JSON_MAP,
    /** A {@link LicenseValidationReport} (or its JSON object form). */
    LICENSE_REPORT
  }

  public RequestParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (defaultValue instanceof List) {
      defaultValue = List.copyOf((List<?>) defaultValue);
    } else if (defaultValue instanceof Map && !((Map<?, ?>) defaultValue).isEmpty()) {
      throw new IllegalArgumentException("map defaults are always empty");
    }
  }

  /** A parameter that takes any value of its kind. */
  public RequestParameter(String name, Kind kind, boolean required, Object defaultValue) {
    this(name, kind, required, defaultValue, null);
  }

  /** For a parameter with {@link #states()}, the allowed wire values in declaration order. */
  public List<String> allowedValues() {
    if (states == null) {
      return List.of();
    }
    return java.util.Arrays.stream(states.getEnumConstants())
        .map(c -> ((WireValue) c).wireName())
        .toList();
  }

  /** The default, when there is one. */
  public Optional<Object> defaultValueIfAny() {
    return Optional.ofNullable(defaultValue);
  }
}
