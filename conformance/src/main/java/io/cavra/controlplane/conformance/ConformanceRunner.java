package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs the conformance vectors against one target: an adapter in this JVM, or any gateway over
 * HTTP, whatever its language. Both targets share the same checks. Immutable and thread-safe;
 * {@code withX} methods return copies that share this runner's canaries.
 *
 * <p>Each runner plants fresh canary credentials (see the module's {@code README.md}), so no target
 * can know them in advance; no canary may come back in any answer.
 *
 * <pre>{@code
 * ConformanceReport report = ConformanceRunner
 *     .http(URI.create("http://127.0.0.1:8787"), Optional.of(key), ConformanceRunner.DEFAULT_TIMEOUT)
 *     .withCapabilities(Set.of(Operation.ENTITLEMENT_STATUS))
 *     .run();
 * System.out.print(report.summaryText());
 * Files.writeString(Path.of("conformance.xml"), report.junitXml());
 * Files.writeString(Path.of("certification.json"), report.certificationJson());
 * System.exit(report.passed() ? 0 : 1);
 * }</pre>
 */
public final class ConformanceRunner {
  /** The per-call timeout unless another is given: 10 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final ConformanceVectors vectors;
  private final Target target;
  private final Duration timeout;
  private final Map<String, String> knownFailing;
  private final Clock clock;
  private final Canaries canaries;

  private ConformanceRunner(
      ConformanceVectors vectors,
      Target target,
      Duration timeout,
      Map<String, String> knownFailing,
      Clock clock,
      Canaries canaries) {
    this.vectors = vectors;
    this.target = target;
    this.timeout = timeout;
    this.knownFailing = knownFailing;
    this.clock = clock;
    this.canaries = canaries;
  }

  /**
   * A runner that hosts {@code adapter} in this JVM the way a gateway does: the contract refuses
   * invalid requests before the adapter sees them, the adapter answers valid ones, and its
   * responses are checked in their wire form. The capability declaration is {@link
   * ControlPlaneAdapter#capabilities()}.
   */
  public static ConformanceRunner inProcess(ControlPlaneAdapter adapter) {
    Objects.requireNonNull(adapter, "adapter");
    return new ConformanceRunner(
        ConformanceVectors.load(),
        new InProcessTarget(adapter),
        DEFAULT_TIMEOUT,
        Map.of(),
        Clock.systemUTC(),
        Canaries.fresh(new SecureRandom()));
  }

  /**
   * A runner that sends every case to {@code POST <base>/v1/control-plane}.
   *
   * <p>Without {@link #withCapabilities}, the target's capabilities are not declared: an answer
   * that carries a summary counts as data, and any other answer must be exactly the contract's
   * unavailable answer. Declare the capabilities for a certification.
   *
   * @param base the gateway's base URL, e.g. {@code http://127.0.0.1:8787}
   * @param bearerKey the API key sent as {@code Authorization: Bearer <key>}, if the gateway needs
   *     one; it never appears in a report, and must hold no white space or control characters
   *     (strip the line end of a key file)
   * @param timeout the per-call timeout (connect and answer); see {@link #DEFAULT_TIMEOUT}
   */
  public static ConformanceRunner http(URI base, Optional<String> bearerKey, Duration timeout) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(bearerKey, "bearerKey");
    bearerKey.ifPresent(
        key -> {
          if (key.isEmpty() || key.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException(
                "bearerKey must not be empty or hold white space or control characters");
          }
        });
    checkTimeout(timeout);
    String scheme = base.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("base must be an http or https URL");
    }
    ConformanceVectors vectors = ConformanceVectors.load();
    return new ConformanceRunner(
        vectors,
        new HttpTarget(base, bearerKey, Optional.empty(), timeout, vectors.kitVersion()),
        timeout,
        Map.of(),
        Clock.systemUTC(),
        Canaries.fresh(new SecureRandom()));
  }

  /** A copy with another per-call timeout. Default: {@link #DEFAULT_TIMEOUT}. */
  public ConformanceRunner withTimeout(Duration timeout) {
    checkTimeout(timeout);
    Target copy =
        target instanceof HttpTarget
            ? ((HttpTarget) target).copy(target.capabilities(), timeout, vectors.kitVersion())
            : target;
    return new ConformanceRunner(vectors, copy, timeout, knownFailing, clock, canaries);
  }

  /**
   * A copy that checks an HTTP target against this capability declaration: the operations it
   * answers with its own data. Default: not declared. In-process runners take the adapter's own
   * declaration.
   *
   * @throws IllegalStateException for an in-process runner
   */
  public ConformanceRunner withCapabilities(Set<Operation> capabilities) {
    Objects.requireNonNull(capabilities, "capabilities");
    if (!(target instanceof HttpTarget)) {
      throw new IllegalStateException("an in-process runner uses the adapter's own capabilities()");
    }
    Target copy =
        ((HttpTarget) target)
            .copy(Optional.of(Set.copyOf(capabilities)), timeout, vectors.kitVersion());
    return new ConformanceRunner(vectors, copy, timeout, knownFailing, clock, canaries);
  }

  /**
   * A copy with a known-failing list: case names ({@code <operation>: <case>}) mapped to the
   * reason. A listed case that fails does not fail certification; one that passes does, so the list
   * stays honest. Default: empty.
   *
   * @throws IllegalArgumentException if a name is not a case of the kit, or a reason is blank
   */
  public ConformanceRunner withKnownFailing(Map<String, String> knownFailing) {
    Map<String, String> copy = new LinkedHashMap<>();
    knownFailing.forEach(
        (name, reason) -> {
          if (vectors.find(name).isEmpty()) {
            throw new IllegalArgumentException(
                "known-failing list names no case of this kit: " + name);
          }
          if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("known-failing case needs a reason: " + name);
          }
          copy.put(name, reason);
        });
    return new ConformanceRunner(
        vectors, target, timeout, Collections.unmodifiableMap(copy), clock, canaries);
  }

  /** A copy that dates its reports with {@code clock}. Default: the system clock in UTC. */
  public ConformanceRunner withClock(Clock clock) {
    return new ConformanceRunner(
        vectors, target, timeout, knownFailing, Objects.requireNonNull(clock, "clock"), canaries);
  }

  /** The cases this runner runs, in vector order. */
  public List<ConformanceCase> cases() {
    return vectors.cases();
  }

  /** The known-failing list: case name to reason. */
  public Map<String, String> knownFailing() {
    return knownFailing;
  }

  /**
   * Runs every case, one after the other, and reports. When the target cannot be reached at all
   * (connection refused, or no connection within the timeout), the run stops there: the remaining
   * cases are reported as failed without being sent, and {@link ConformanceReport#unreachable()} is
   * {@code true}.
   */
  public ConformanceReport run() {
    List<CaseResult> results = new ArrayList<>();
    Exchange.Unreachable unreachable = null;
    for (ConformanceCase c : vectors.cases()) {
      if (unreachable != null) {
        Invariant invariant =
            c.verdict() == ConformanceCase.Verdict.ACCEPTED
                ? Invariant.ANSWERS_VALID_REQUEST
                : Invariant.REJECTS_INVALID_REQUEST;
        results.add(
            CaseResult.of(
                c,
                List.of(new Violation(invariant, unreachable.notSent())),
                Duration.ZERO,
                knownFailing.get(c.displayName()),
                OptionalInt.empty()));
        continue;
      }
      Ran ran = execute(c);
      results.add(ran.result());
      if (ran.exchange() instanceof Exchange.Unreachable none) {
        unreachable = none;
      }
    }
    return report(results, unreachable != null);
  }

  /** Runs one case. Thread-safe: cases may run in parallel. */
  public CaseResult run(ConformanceCase c) {
    return execute(Objects.requireNonNull(c, "c")).result();
  }

  private record Ran(CaseResult result, Exchange exchange) {}

  private Ran execute(ConformanceCase c) {
    byte[] body = canaries.plant(c.requestTemplate()).getBytes(StandardCharsets.UTF_8);
    CaseChecks checks = new CaseChecks(canaries);
    List<Violation> violations;
    Exchange exchange;
    if (c.verdict() == ConformanceCase.Verdict.REJECTED) {
      exchange = target.refuse(body, timeout);
      violations = checks.rejected(c, exchange, timeout);
    } else {
      ControlPlaneRequest request;
      try {
        request = ContractJson.defaults().parseRequest(body);
      } catch (ContractException e) {
        throw new IllegalStateException(
            "broken conformance vector "
                + c.displayName()
                + ": the contract refuses it ("
                + e.code()
                + " at "
                + e.location()
                + ")",
            e);
      }
      exchange = target.answer(request, body, timeout);
      violations = checks.accepted(c, request, exchange, timeout, target.capabilities());
    }
    OptionalInt httpStatus =
        exchange instanceof Exchange.Answered answer && "http".equals(target.kind())
            ? OptionalInt.of(answer.status())
            : OptionalInt.empty();
    return new Ran(
        CaseResult.of(
            c, violations, exchange.elapsed(), knownFailing.get(c.displayName()), httpStatus),
        exchange);
  }

  /**
   * A report over {@code results}, dated now, as {@link #run()} makes it; for runs driven case by
   * case.
   */
  public ConformanceReport report(List<CaseResult> results) {
    return report(results, false);
  }

  private ConformanceReport report(List<CaseResult> results, boolean unreachable) {
    return new ConformanceReport(
        vectors,
        target.kind(),
        target.name(),
        Instant.now(clock),
        target.capabilities(),
        results,
        knownFailing,
        unreachable);
  }

  private static void checkTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }
}
