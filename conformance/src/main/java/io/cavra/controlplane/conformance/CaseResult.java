package io.cavra.controlplane.conformance;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The result of running one {@link ConformanceCase} against a target. Immutable.
 *
 * @param testCase the case
 * @param outcome what the run means for certification
 * @param violations the invariants that did not hold, empty when the case passed
 * @param elapsed how long the target took to answer
 * @param knownFailingReason the reason the case is listed as known failing, or {@code null}
 * @param httpStatus the HTTP status of the target's answer, when the case ran over HTTP and was
 *     answered; empty in process, and when no answer came
 */
public record CaseResult(
    ConformanceCase testCase,
    Outcome outcome,
    List<Violation> violations,
    Duration elapsed,
    String knownFailingReason,
    OptionalInt httpStatus) {

  /** What a case's run means for certification. */
  public enum Outcome {
    /** Every invariant held. */
    PASSED("passed"),
    /** An invariant did not hold, and the case is not listed as known failing. */
    FAILED("failed"),
    /** An invariant did not hold, as the known-failing list says; does not fail certification. */
    KNOWN_FAILING("known_failing"),
    /**
     * Listed as known failing, yet every invariant held: the list is stale, which fails
     * certification.
     */
    UNEXPECTED_PASS("unexpected_pass");

    private final String wireName;

    Outcome(String wireName) {
      this.wireName = wireName;
    }

    /** The form used in certification records, e.g. {@code known_failing}. */
    public String wireName() {
      return wireName;
    }

    /** Whether this outcome fails certification. */
    public boolean failsCertification() {
      return this == FAILED || this == UNEXPECTED_PASS;
    }
  }

  public CaseResult {
    Objects.requireNonNull(testCase, "testCase");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(httpStatus, "httpStatus");
    violations = List.copyOf(violations);
  }

  /** A result without an HTTP status, as an in-process run gives. */
  public CaseResult(
      ConformanceCase testCase,
      Outcome outcome,
      List<Violation> violations,
      Duration elapsed,
      String knownFailingReason) {
    this(testCase, outcome, violations, elapsed, knownFailingReason, OptionalInt.empty());
  }

  static CaseResult of(
      ConformanceCase testCase,
      List<Violation> violations,
      Duration elapsed,
      String knownFailingReason,
      OptionalInt httpStatus) {
    Outcome outcome;
    if (knownFailingReason == null) {
      outcome = violations.isEmpty() ? Outcome.PASSED : Outcome.FAILED;
    } else {
      outcome = violations.isEmpty() ? Outcome.UNEXPECTED_PASS : Outcome.KNOWN_FAILING;
    }
    return new CaseResult(testCase, outcome, violations, elapsed, knownFailingReason, httpStatus);
  }

  /**
   * A multi-line explanation for a test failure: the case, then one line per violation, each naming
   * its invariant id in brackets.
   */
  public String failureMessage() {
    String head = testCase.displayName() + " (" + testCase.description() + ")";
    if (outcome == Outcome.UNEXPECTED_PASS) {
      return head
          + ": listed as known failing ("
          + knownFailingReason
          + ") but every invariant holds;"
          + " remove it from the known-failing list";
    }
    return head
        + " broke "
        + violations.size()
        + (violations.size() == 1 ? " invariant" : " invariants")
        + ":\n"
        + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
  }
}
