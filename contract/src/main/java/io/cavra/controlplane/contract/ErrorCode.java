package io.cavra.controlplane.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * The closed vocabulary of contract errors. Each code has a fixed lower-case wire form that tools
 * (the CLI, the gateway, the conformance kit) may rely on; codes are never renamed or reused.
 *
 * <p>Codes fall into three groups: the input is not usable JSON ({@link #INVALID_JSON}, {@link
 * #DUPLICATE_KEY}, {@link #TOO_DEEP}, {@link #TOO_LARGE}), the JSON does not have the contract's
 * shape (everything from {@link #UNSUPPORTED_SCHEMA_VERSION} to {@link #EMPTY_LIST}), or the
 * content is refused for safety or consistency (the rest).
 */
public enum ErrorCode {
  /** The input is not well-formed JSON, is not UTF-8, or has trailing content. */
  INVALID_JSON,
  /**
   * An object repeats a key; the contract refuses documents whose meaning depends on the reader.
   */
  DUPLICATE_KEY,
  /** Arrays and objects nest deeper than the configured limit. */
  TOO_DEEP,
  /** The input is larger than the configured limit. */
  TOO_LARGE,
  /** The {@code schema_version} is not one this library reads. */
  UNSUPPORTED_SCHEMA_VERSION,
  /** The {@code operation} is not one of the contract's operations. */
  UNKNOWN_OPERATION,
  /**
   * A key or builder parameter that the contract does not define, where unknown ones are refused.
   */
  UNKNOWN_FIELD,
  /** A required key or builder parameter is absent or null. */
  MISSING_FIELD,
  /** A value has the wrong JSON type, e.g. a number where a string is expected. */
  INVALID_TYPE,
  /** A value has the right type but is not allowed, e.g. a status outside its set. */
  INVALID_VALUE,
  /** A string that must carry text is empty after trimming white space. */
  EMPTY_VALUE,
  /** A list that must have at least one element is empty. */
  EMPTY_LIST,
  /** A key names credential material (password, token, private key …). */
  SENSITIVE_FIELD,
  /** A value looks like a credential (a known token format, a private key, a basic-auth URL …). */
  SENSITIVE_VALUE,
  /** A response or summary belongs to another operation than its request. */
  OPERATION_MISMATCH,
  /** A response carries another correlation id than its request. */
  CORRELATION_MISMATCH,
  /** A response or summary names another tenant than its request. */
  TENANT_MISMATCH;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The stable lower-case form, e.g. {@code "sensitive_value"}. */
  public String wireName() {
    return wireName;
  }

  /** The code whose wire form is {@code wireName}, if any. */
  public static Optional<ErrorCode> fromWireName(String wireName) {
    for (ErrorCode code : values()) {
      if (code.wireName.equals(wireName)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
