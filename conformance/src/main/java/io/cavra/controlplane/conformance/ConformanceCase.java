package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.Operation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One conformance vector: a request and what the contract expects of its answer. Immutable. Cases
 * are read from the kit's JSON resources by {@link ConformanceVectors}; their format is documented
 * in the module's {@code README.md}.
 *
 * @param operation the group the case belongs to: an operation's wire name, or {@code envelope} for
 *     cases about the envelope itself
 * @param name the case's name, unique within its group, e.g. {@code canary-in-label}
 * @param description one line on what the case is
 * @param verdict whether the contract accepts the request
 * @param expectedCode for rejected cases, the error code the contract refuses the request with;
 *     {@code null} for accepted cases
 * @param invariants the invariants the answer must meet, in the vector's order
 * @param requestTemplate the request body as JSON text, possibly holding canary placeholders such
 *     as {@code @@CANARY:github-classic@@} that a runner replaces before sending
 */
public record ConformanceCase(
    String operation,
    String name,
    String description,
    Verdict verdict,
    ErrorCode expectedCode,
    List<Invariant> invariants,
    String requestTemplate) {

  /** The group of cases about the envelope rather than one operation. */
  public static final String ENVELOPE = "envelope";

  private static final Pattern PLACEHOLDER = Pattern.compile("@@CANARY:([a-z0-9-]+)@@");

  /** Whether the contract accepts a case's request. */
  public enum Verdict {
    /** The contract accepts the request; the target must answer it. */
    ACCEPTED("accepted"),
    /** The contract refuses the request with {@link ConformanceCase#expectedCode()}. */
    REJECTED("rejected");

    private final String wireName;

    Verdict(String wireName) {
      this.wireName = wireName;
    }

    /** The form used in vector files: {@code accepted} or {@code rejected}. */
    public String wireName() {
      return wireName;
    }

    @Override
    public String toString() {
      return wireName;
    }
  }

  public ConformanceCase {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(requestTemplate, "requestTemplate");
    invariants = List.copyOf(invariants);
    if ((verdict == Verdict.REJECTED) != (expectedCode != null)) {
      throw new IllegalArgumentException(
          operation
              + ": "
              + name
              + ": rejected cases need an expected code, accepted cases must not have one");
    }
  }

  /**
   * {@code <operation>: <name>}, the name of the case's test and its key in known-failing lists.
   */
  public String displayName() {
    return operation + ": " + name;
  }

  /** The expected error code of a rejected case. */
  public Optional<ErrorCode> expectedCodeIfAny() {
    return Optional.ofNullable(expectedCode);
  }

  /** The contract operation of the group, empty for the {@code envelope} group. */
  public Optional<Operation> contractOperation() {
    return Operation.fromWireName(operation);
  }

  /**
   * The tenant the request acts for: its {@code tenant_id}, when the request is a JSON object that
   * holds one as a string without a canary; empty otherwise (malformed requests, planted tenants).
   */
  public Optional<String> tenantId() {
    if (plantsCanary()) {
      return Optional.empty();
    }
    Object request;
    try {
      request = ContractJson.defaults().parseTree(requestTemplate.getBytes(StandardCharsets.UTF_8));
    } catch (ContractException e) {
      return Optional.empty();
    }
    return request instanceof Map<?, ?> envelope
            && envelope.get("tenant_id") instanceof String tenant
        ? Optional.of(tenant)
        : Optional.empty();
  }

  /** The canary kinds the request template plants, in order of first appearance. */
  public List<String> canaryKinds() {
    Matcher matcher = PLACEHOLDER.matcher(requestTemplate);
    Set<String> kinds = new LinkedHashSet<>();
    while (matcher.find()) {
      kinds.add(matcher.group(1));
    }
    return List.copyOf(kinds);
  }

  /** Whether the request plants at least one canary. */
  public boolean plantsCanary() {
    return PLACEHOLDER.matcher(requestTemplate).find();
  }

  static Pattern placeholder() {
    return PLACEHOLDER;
  }
}
