package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance kit as a JUnit 5 test class: extend it, supply the adapter, and the build runs
 * one dynamic test per vector, named {@code "<operation>: <case>"}.
 *
 * <pre>{@code
 * class AcmeAdapterConformanceTest extends ConformanceSuite {
 *   @Override
 *   protected ControlPlaneAdapter adapter() {
 *     return new AcmeAdapter(Path.of("src/test/resources/tenants.json"));
 *   }
 * }
 * }</pre>
 *
 * <p>The adapter is hosted the way a gateway hosts it (see {@link ConformanceRunner#inProcess}):
 * requests the contract refuses never reach it, and the suite asserts that the contract refuses
 * them with the vector's code and without repeating a planted canary. A failing test's message
 * lists every broken invariant by id, e.g. {@code [same-tenant] payload.summary.tenant_id names
 * another tenant than tenant-demo}.
 *
 * <p>When the system property {@value #REPORT_DIRECTORY_PROPERTY} names a directory, the suite also
 * writes {@code conformance-summary.txt}, {@code conformance-junit.xml} and {@code
 * conformance-certification.json} there after the last case (see {@link #reportDirectory()}).
 *
 * <p>One instance runs all cases ({@link TestInstance.Lifecycle#PER_CLASS}); {@link #adapter()} is
 * called once and the adapter is closed after the last case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConformanceSuite {
  /** The system property that names the report directory. */
  public static final String REPORT_DIRECTORY_PROPERTY = "cavra.conformance.reports";

  private final List<CaseResult> results = Collections.synchronizedList(new ArrayList<>());
  private ControlPlaneAdapter adapter;
  private ConformanceRunner runner;

  /** The adapter under test; called once per test class. */
  protected abstract ControlPlaneAdapter adapter() throws Exception;

  /**
   * Cases the adapter is known to fail, by name ({@code <operation>: <case>}), with the reason.
   * They are reported as skipped while they fail, and fail the build once they pass. Default: none.
   */
  protected Map<String, String> knownFailing() {
    return Map.of();
  }

  /** The per-call timeout. Default: {@link ConformanceRunner#DEFAULT_TIMEOUT}. */
  protected Duration timeout() {
    return ConformanceRunner.DEFAULT_TIMEOUT;
  }

  /**
   * Where to write the summary, JUnit XML and certification record after the run. Default: the
   * directory named by the system property {@value #REPORT_DIRECTORY_PROPERTY}, or none.
   */
  protected Optional<Path> reportDirectory() {
    return Optional.ofNullable(System.getProperty(REPORT_DIRECTORY_PROPERTY))
        .filter(s -> !s.isBlank())
        .map(Path::of);
  }

  /** One dynamic test per conformance vector. */
  @TestFactory
  public final Stream<DynamicTest> conformance() throws Exception {
    adapter = adapter();
    if (adapter == null) {
      throw new IllegalStateException(getClass().getName() + ".adapter() returned null");
    }
    runner =
        ConformanceRunner.inProcess(adapter)
            .withTimeout(timeout())
            .withKnownFailing(knownFailing());
    return runner.cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.displayName(),
                    () -> {
                      CaseResult result = runner.run(c);
                      results.add(result);
                      switch (result.outcome()) {
                        case PASSED:
                          break;
                        case KNOWN_FAILING:
                          Assumptions.abort("known failing: " + result.knownFailingReason());
                          break;
                        default:
                          Assertions.fail(result.failureMessage());
                      }
                    }));
  }

  /** Closes the adapter and writes the reports, if a directory is set. */
  @AfterAll
  public final void finishConformanceRun() throws Exception {
    if (adapter == null) {
      return;
    }
    try (ControlPlaneAdapter closing = adapter) {
      Optional<Path> directory = reportDirectory();
      if (directory.isPresent() && !results.isEmpty()) {
        ConformanceReport report = runner.report(List.copyOf(results));
        write(directory.get(), "conformance-summary.txt", report.summaryText());
        write(directory.get(), "conformance-junit.xml", report.junitXml());
        write(directory.get(), "conformance-certification.json", report.certificationJson());
      }
    }
  }

  private static void write(Path directory, String name, String text) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name, e);
    }
  }
}
