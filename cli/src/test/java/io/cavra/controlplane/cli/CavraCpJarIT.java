package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged {@code target/cavra-cp.jar} as a separate process, as a user would. Bound to
 * the {@code integration-test} phase by maven-failsafe-plugin, so it runs after {@code package}
 * built the jar ({@code ./mvnw verify}).
 */
class CavraCpJarIT {
  static final Path JAR = Path.of("target", "cavra-cp.jar");

  record Process(int exitCode, String out, String err) {}

  static Process run(String stdin, String... args) throws IOException, InterruptedException {
    return runIn(Path.of(""), stdin, args);
  }

  /** Runs the jar with {@code directory} as the working directory. */
  static Process runIn(Path directory, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("cavra-cp", ".out");
    Path err = Files.createTempFile("cavra-cp", ".err");
    Path in = Files.writeString(Files.createTempFile("cavra-cp", ".in"), stdin);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toAbsolutePath().toFile())
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    // A non-UTF-8 locale: the output must be UTF-8 anyway. (Arguments are decoded by the JVM with
    // the locale's charset on Java 17; the ./cavra-cp launcher selects a UTF-8 LC_CTYPE for that.)
    builder.environment().put("LC_ALL", "C");
    java.lang.Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Process result =
        new Process(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    for (File file : new File[] {out.toFile(), err.toFile(), in.toFile()}) {
      file.delete();
    }
    return result;
  }

  @Test
  void packagedJarBuildsARequestThatValidatesAndIsAnswered() throws Exception {
    assertThat(JAR).exists();

    // Non-ASCII through a byte stream, under LC_ALL=C: output must still be UTF-8.
    Process request =
        run(
            "{\"organization_name\": \"Démo Organisation\"}",
            "request",
            "tenant_onboarding",
            "tenant-demo",
            "--input-json",
            "-",
            "--compact");
    Process validated = run(request.out(), "validate", "--canonical", "--compact");
    Process response = run(request.out(), "respond", "--request", "-");

    assertThat(request.exitCode()).as(request.err()).isZero();
    assertThat(request.out()).contains("\"organization_name\":\"Démo Organisation\"");
    assertThat(validated.out()).isEqualTo(request.out());
    assertThat(validated.err()).isEqualTo("1 document: 1 valid, 0 invalid\n");
    assertThat(response.exitCode()).isZero();
    assertThat(response.out()).contains("\"status\": \"requires_private_service\"");
  }

  @Test
  void packagedJarPrintsContractErrorsOnOneLineWithoutTheSecret() throws Exception {
    Process result =
        run(
            "",
            "request",
            "saas_operating_automation",
            "tenant-demo",
            "--automation-cadence",
            Cli.FAKE_GITHUB_TOKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "error: sensitive_value at $.payload.automation_cadence: sensitive value is not allowed"
                + " in public SaaS contract payload: payload.automation_cadence\n");
  }

  @Test
  void packagedJarDescribesAsJsonWhenRedirectedAndReportsItsVersion() throws Exception {
    Process describe = run("", "describe");
    Process version = run("", "--version");

    assertThat(describe.out())
        .startsWith("{\n  \"schema_version\": \"cavra.saas_control_plane.contract.v1\"");
    assertThat(version.out()).startsWith("cavra-cp 0.1.0");
  }

  @Test
  void readmeFolderScanExampleIsWhatTheJarPrints() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> readme = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
    String prompt = "$ ./cavra-cp scan examples/scan-demo";
    int start = readme.indexOf(prompt);
    assertThat(start).as("the README shows " + prompt).isPositive();
    StringBuilder expected = new StringBuilder();
    for (int i = start + 1; !readme.get(i).equals("```"); i++) {
      expected.append(readme.get(i)).append('\n');
    }

    Process scan = runIn(root, "", "scan", "examples/scan-demo");

    assertThat(scan.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(scan.out()).isEqualTo(expected.toString());
  }
}
