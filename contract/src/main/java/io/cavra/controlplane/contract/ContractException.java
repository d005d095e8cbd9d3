package io.cavra.controlplane.contract;

import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when a value violates the control-plane contract. It carries a stable {@link ErrorCode},
 * the location of the problem (a JSON path such as {@code payload.policy_refs[0]}, or a builder
 * parameter name such as {@code tenant_id}) and a message.
 *
 * <p>Where the Python reference has an error text, the message is exactly that text, so callers
 * that match on messages keep working. A message never contains the offending value: only names,
 * paths and the allowed alternatives. For secret findings {@link #ruleId()} names the rule that
 * fired.
 *
 * <p>This is an {@link IllegalArgumentException} because the reference's {@code SaaSContractError}
 * is a {@code ValueError}: bad input, not a broken program.
 */
public class ContractException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String location;
  private final String ruleId;

  ContractException(ErrorCode code, String location, String message, String ruleId) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
    this.location = Objects.requireNonNull(location, "location");
    this.ruleId = ruleId;
  }

  /**
   * Creates an exception. Prefer the contract's own factories; this one is for adapters and tools
   * that report contract errors of their own.
   */
  public static ContractException of(ErrorCode code, String location, String message) {
    return new ContractException(code, location, message, null);
  }

  /** Creates a secret finding error naming the rule that fired. */
  public static ContractException secret(ErrorCode code, String location, String message, String ruleId) {
    if (code != ErrorCode.SENSITIVE_FIELD && code != ErrorCode.SENSITIVE_VALUE) {
      throw new IllegalArgumentException("not a secret finding code: " + code);
    }
    return new ContractException(code, location, message, Objects.requireNonNull(ruleId, "ruleId"));
  }

  /** The stable machine code. */
  public ErrorCode code() {
    return code;
  }

  /** The JSON path or parameter name where the problem is; {@code $} is the document root. */
  public String location() {
    return location;
  }

  /** The secret rule that fired, for {@code sensitive_field} and {@code sensitive_value}. */
  public Optional<String> ruleId() {
    return Optional.ofNullable(ruleId);
  }

  /** One line: {@code <code> at <location>: <message>}. */
  @Override
  public String toString() {
    return code.wireName() + " at " + location + ": " + getMessage();
  }
}
