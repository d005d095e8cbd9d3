package io.cavra.controlplane.contract;

/**
 * A {@link ContractException} for input that is not usable JSON at all, as opposed to JSON with the
 * wrong shape: codes {@code invalid_json}, {@code duplicate_key}, {@code too_deep} and {@code
 * too_large}. Its location is a JSON path where known, else {@code line L, column C}.
 */
public final class MalformedJsonException extends ContractException {
  private static final long serialVersionUID = 1L;

  MalformedJsonException(ErrorCode code, String location, String message) {
    super(code, location, message, null);
  }

  /** Creates the exception; {@code code} must be one of the four malformed-input codes. */
  public static MalformedJsonException of(ErrorCode code, String location, String message) {
    switch (code) {
      case INVALID_JSON:
      case DUPLICATE_KEY:
      case TOO_DEEP:
      case TOO_LARGE:
        return new MalformedJsonException(code, location, message);
      default:
        throw new IllegalArgumentException("not a malformed-input code: " + code);
    }
  }
}
