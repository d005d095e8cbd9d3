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
  public static ContractException secret(
      ErrorCode code, String location, String message, String ruleId) {
    if (code != ErrorCode.SENSITIVE_FIELD && code != ErrorCode.SENSITIVE_VALUE) {
      throw new IllegalArgumentException("not a secret finding code: " + code);
    }
    return new ContractException(code, location, message, Objects.requireNonNull(ruleId, "ruleId"));
  }

  /** The stable machine code. */
  public ErrorCode code() {
    return code;
  }

  /**
   * Where the problem is, as the reference writes it in its error texts: a dotted path from the
   * document root without a leading {@code $} ({@code payload.policy_refs[0]}), {@code $} for the
   * root, a builder parameter name ({@code tenant_id}), or {@code line L, column C} in text that is
   * not JSON. Member names are written as they are, so a name holding {@code .} or {@code [} makes
   * this form ambiguous, as it is in the reference's texts. The reference's messages embed this
   * form, for byte parity; {@link #path()} is the same place in the notation of every other
   * surface, where such a name is bracketed (see {@link JsonPaths}).
   */
  public String location() {
    return JsonPaths.reference(location);
  }

  /**
   * Where the problem is, in the one notation that the CLI, the gateway's problem documents and
   * {@code scan} use: a JSONPath rooted at {@code $} in dotted form ({@code
   * $.payload.policy_refs[0]}, {@code $.tenant_id} for a builder parameter, which is a member of
   * the parameters object), {@code line L, column C} in text that is not JSON, or the command-line
   * option that held the value ({@code --label-json team}). It is {@link #location()} with {@code
   * $.} in front where that is a path, except that a member name that is not a JSONPath identifier
   * is written as a bracketed, escaped selector ({@code
   * $.payload.labels['app.kubernetes.io/name']}), so that the path names exactly one place (RFC
   * 9535).
   *
   * @since 0.2
   */
  public String path() {
    return rooted(location);
  }

  /**
   * A location of the reference's form as a path rooted at {@code $}: {@code payload.refs[0]}
   * becomes {@code $.payload.refs[0]}; {@code $…} paths, positions ({@code line 1, column 2}) and
   * command-line options ({@code --label-json team}) are returned as they are.
   *
   * @since 0.2
   */
  public static String rooted(String location) {
    Objects.requireNonNull(location, "location");
    if (location.isEmpty()
        || location.startsWith("$")
        || location.startsWith("-")
        || POSITION.matcher(location).matches()) {
      return location;
    }
    return location.startsWith("[") ? "$" + location : "$." + location;
  }

  private static final java.util.regex.Pattern POSITION =
      java.util.regex.Pattern.compile("(line \\d+, )?column \\d+");

  /** The secret rule that fired, for {@code sensitive_field} and {@code sensitive_value}. */
  public Optional<String> ruleId() {
    return Optional.ofNullable(ruleId);
  }

  /** One line: {@code <code> at <path>: <message>}. */
  @Override
  public String toString() {
    return code.wireName() + " at " + path() + ": " + getMessage();
  }
}
