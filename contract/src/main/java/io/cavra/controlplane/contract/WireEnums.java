package io.cavra.controlplane.contract;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Lookup of contract enums by wire name, failing with the reference's "must be one of" text. */
final class WireEnums {
  private WireEnums() {}

  /**
   * The constant of {@code type} whose wire name is exactly {@code value} (case-sensitive, as in
   * the reference). Otherwise fails with {@code <field> must be one of: <sorted names>}.
   */
  public static <E extends Enum<E> & WireValue> E parse(
      Class<E> type, String value, String field, String location) {
    return type.cast(parseDeclared(type, value, field, location));
  }

  /**
   * {@link #parse} for an enum a declaration names ({@link RequestParameter#states()}, {@link
   * SummaryField#states()}), whose constants are {@link WireValue}s.
   */
  static Enum<?> parseDeclared(
      Class<? extends Enum<?>> type, String value, String field, String location) {
    if (value != null) {
      for (Enum<?> constant : type.getEnumConstants()) {
        if (((WireValue) constant).wireName().equals(value)) {
          return constant;
        }
      }
    }
    throw ContractException.of(ErrorCode.INVALID_VALUE, location, mustBeOneOf(type, field));
  }

  /** The reference's message: the allowed names sorted and joined by ", ". */
  public static String mustBeOneOf(Class<? extends Enum<?>> type, String field) {
    return field
        + " must be one of: "
        + Arrays.stream(type.getEnumConstants())
            .map(constant -> ((WireValue) constant).wireName())
            .sorted()
            .collect(Collectors.joining(", "));
  }
}
