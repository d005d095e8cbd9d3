package io.cavra.controlplane.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./cavra-cp} launcher, run as a user runs it, in a throwaway copy of the source tree
 * whose Maven wrapper is a stand-in: it prints Maven's batch lines, records each build in {@code
 * mvn.log} and "builds" by copying the packaged {@code target/cavra-cp.jar}. So the tests see the
 * launcher's own behaviour (when it builds, how it shows progress, how it locks, how it hands over
 * to the JVM) in seconds, without running Maven inside Maven.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "cavra-cp");
  private static final List<String> MODULES = List.of("contract", "conformance", "gateway", "cli");

  @TempDir Path tree;

  record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void copyTheLauncherIntoAFakeSourceTree() throws IOException {
    assertThat(CavraCpJarIT.JAR).exists();
    Files.copy(LAUNCHER, tree.resolve("cavra-cp"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.writeString(tree.resolve("pom.xml"), "<project/>\n");
    for (String module : MODULES) {
      Path sources = Files.createDirectories(tree.resolve(module).resolve("src/main/java"));
      Files.writeString(tree.resolve(module).resolve("pom.xml"), "<project/>\n");
      Files.writeString(sources.resolve("Source.java"), "class Source {}\n");
    }
    Path wrapper = tree.resolve("mvnw");
    Files.writeString(
        wrapper,
        String.join(
            "\n",
            "#!/usr/bin/env bash",
            "echo \"build $*\" >> mvn.log",
            "echo '[INFO] Scanning for projects...'",
            "echo '[INFO] Downloading from central:"
                + " https://repo.example/maven2/org/x/plugin/1.0/plugin-1.0.pom'",
            "echo '[INFO] Downloaded from central:"
                + " https://repo.example/maven2/org/x/plugin/1.0/plugin-1.0.pom (2 kB at 9 kB/s)'",
            "echo '[INFO] Downloading from central:"
                + " https://repo.example/maven2/org/x/plugin/1.0/plugin-1.0.jar'",
            "echo '[INFO] Building CAVRA control plane: contract 0.1.0-SNAPSHOT                   "
                + " [1/2]'",
            "echo '[INFO] --- maven-compiler-plugin:3.14.1:compile (default-compile) @ contract"
                + " ---'",
            "sleep \"${FAKE_MVN_SECONDS:-0}\"",
            "if [ -n \"${FAKE_MVN_FAIL:-}\" ]; then",
            "  echo '[ERROR] Source.java:[1,1] cannot find symbol'",
            "  echo '[INFO] BUILD FAILURE'",
            "  exit 7",
            "fi",
            "echo '[INFO] Building CAVRA control plane: cli 0.1.0-SNAPSHOT                   "
                + " [2/2]'",
            "echo '[INFO] --- shade:3.6.2:shade (runnable-jar) @ cli ---'",
            // Like Maven when nothing in the jar changed: the jar is left as it was.
            "if [ -z \"${FAKE_MVN_KEEP_JAR:-}\" ] || [ ! -f cli/target/cavra-cp.jar ]; then",
            "  mkdir -p cli/target && cp \"$FAKE_MVN_JAR\" cli/target/cavra-cp.jar",
            "fi",
            "echo '[INFO] BUILD SUCCESS'",
            ""));
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void firstLaunchBuildsTheJarShowingModulesStepsAndTimeThenRunsTheCommand() throws Exception {
    Run run = launch(Map.of(), "--version");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("cavra-cp 0.1.0");
    // Not a terminal: plain lines, one per module and step, each with the time since the start.
    assertThat(run.err())
        .contains(
            "cavra-cp: building cli/target/cavra-cp.jar with Maven (tests skipped)",
            "cavra-cp: downloading dependencies (0 s)\n",
            "cavra-cp: building [1/2] contract: compiler:compile (0 s)\n",
            "cavra-cp: building [2/2] cli: shade:shade (0 s)\n");
    assertThat(run.err()).containsPattern("cavra-cp: built cli/target/cavra-cp\\.jar in \\d+ s\n");
    assertThat(run.err()).doesNotContain("\r", "[INFO]", "plugin-1.0");
    assertThat(builds()).hasSize(1);
    assertThat(builds().get(0))
        .isEqualTo(
            "build -B -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true"
                + " -Dcyclonedx.skip=true -Dassembly.skipAssembly=true package -pl cli -am");
  }

  @Test
  void aFreshJarIsNotRebuiltAndAnEditedSourceIsRebuilt() throws Exception {
    launch(Map.of(), "--version");
    Run again = launch(Map.of(), "--version");
    assertThat(again.err()).isEmpty();
    assertThat(builds()).hasSize(1);

    Path source = tree.resolve("gateway/src/main/java/Source.java");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
    Run edited = launch(Map.of(), "--version");

    assertThat(edited.exitCode()).isZero();
    assertThat(edited.err())
        .contains(
            "cavra-cp: sources changed since cli/target/cavra-cp.jar was built; rebuilding it");
    assertThat(builds()).hasSize(2);
  }

  @Test
  void aBuildThatLeavesTheJarAsItWasIsNotRepeatedByTheNextLaunch() throws Exception {
    launch(Map.of(), "--version");
    Path jar = tree.resolve("cli/target/cavra-cp.jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    // Edited and reverted: newer than the jar, yet nothing in the jar changes.
    Path source = tree.resolve("contract/src/main/java/Source.java");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().minusSeconds(30)));

    launch(Map.of("FAKE_MVN_KEEP_JAR", "1"), "--version");
    Run next = launch(Map.of("FAKE_MVN_KEEP_JAR", "1"), "--version");

    assertThat(next.exitCode()).isZero();
    assertThat(next.err()).isEmpty();
    assertThat(builds()).hasSize(2);
  }

  @Test
  void anEditedPomIsRebuiltToo() throws Exception {
    launch(Map.of(), "--version");
    Files.setLastModifiedTime(tree.resolve("pom.xml"), FileTime.from(Instant.now().plusSeconds(5)));

    launch(Map.of(), "--version");

    assertThat(builds()).hasSize(2);
  }

  @Test
  void twoLaunchesAtOnceBuildOnceAndBothRun() throws Exception {
    Map<String, String> slowBuild = Map.of("FAKE_MVN_SECONDS", "3");
    Process first = start(slowBuild, "--version");
    Process second = start(slowBuild, "--version");

    Run one = finish(first);
    Run two = finish(second);

    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(two.exitCode()).as(two.err()).isZero();
    assertThat(one.out()).startsWith("cavra-cp 0.1.0");
    assertThat(two.out()).startsWith("cavra-cp 0.1.0");
    assertThat(builds()).hasSize(1);
    assertThat(one.err() + two.err()).contains("cavra-cp: waiting for another launch (process ");
    assertThat(tree.resolve("cli/target/cavra-cp.lock")).doesNotExist();
  }

  @Test
  void aLockLeftByAKilledLaunchIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.createDirectories(tree.resolve("cli/target"));
    Files.createSymbolicLink(
        tree.resolve("cli/target/cavra-cp.lock"), Path.of(Long.toString(gone.pid())));

    Run run = launch(Map.of(), "--version");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(builds()).hasSize(1);
    assertThat(tree.resolve("cli/target/cavra-cp.lock")).doesNotExist();
  }

  @Test
  void aFailedBuildShowsMavensErrorsAndExitsWithItsStatus() throws Exception {
    Run run = launch(Map.of("FAKE_MVN_FAIL", "1"), "--version");

    assertThat(run.exitCode()).isEqualTo(7);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(
            "[ERROR] Source.java:[1,1] cannot find symbol\n",
            "the build failed after ",
            "(Maven exit status 7); the errors are above");
    assertThat(tree.resolve("cli/target/cavra-cp.lock")).doesNotExist();
  }

  @Test
  void onATerminalTheProgressIsOneLineRedrawnInPlace() throws Exception {
    Run run = inTerminal("--version");

    assertThat(run.out())
        .contains(
            "\r\033[Kcavra-cp: downloading plugin-1.0.jar (0 s)",
            "\r\033[Kcavra-cp: building [1/2] contract: compiler:compile (0 s)",
            "\r\033[Kcavra-cp: building [2/2] cli: shade:shade (0 s)",
            "cavra-cp: built cli/target/cavra-cp.jar in ",
            "cavra-cp 0.1.0");
    assertThat(run.out()).doesNotContain("compiler:compile (0 s)\n");
  }

  @Test
  void describePrintsItsTableOnARealTerminalAndJsonThroughAPipe() throws Exception {
    launch(Map.of(), "--version");

    Run terminal = inTerminal("describe");
    Run piped = launch(Map.of(), "describe");

    assertThat(terminal.out())
        .contains("OPERATION", "PROVISIONAL", "REQUEST", "RESPONSE", "contains_saas_backend=false")
        .containsPattern("saas_operating_automation_worker_handoff +yes")
        .doesNotContain("\"schema_version\"");
    assertThat(piped.out())
        .startsWith("{\n  \"schema_version\": \"cavra.saas_control_plane.contract.v1\"");
  }

  @Test
  void theLauncherBecomesTheJvmSoThatItsPidStopsTheServerAndNoArchiveIsLeftHalfMade()
      throws Exception {
    launch(Map.of(), "--version");
    Process serve = start(Map.of(), "serve", "--port", "0", "--audit-log", "none");
    try {
      awaitServing(serve);
      // The process the shell would report as $! is the JVM itself, not a shell waiting for it.
      assertThat(serve.info().command())
          .hasValueSatisfying(command -> assertThat(command).endsWith("/java"));
      assertThat(serve.children()).isEmpty();
    } finally {
      serve.destroy();
    }
    assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // SIGTERM reached the JVM, whose gateway drained and exited 0 (a shell would have died with
    // 143).
    assertThat(serve.exitValue()).isZero();

    assertThat(tree.resolve("cli/target/cavra-cp.jsa")).isNotEmptyFile();
    try (Stream<Path> files = Files.list(tree.resolve("cli/target"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("cavra-cp.jar", "cavra-cp.jsa", "cavra-cp.jsa.jvm");
    }
  }

  @Test
  void aLaunchStoppedDuringTheTrainingRunLeavesNeitherArchiveNorLockBehind() throws Exception {
    launch(Map.of("CAVRA_CP_NO_CDS", "1"), "--version");
    Process launcher = start(Map.of(), "--version");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    // Before it execs the JVM itself, the launcher's only Java child is the training run.
    while (launcher
            .children()
            .noneMatch(child -> child.info().command().orElse("").endsWith("/java"))
        && launcher.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(launcher.isAlive()).as("the launcher was still training when stopped").isTrue();
    launcher.destroy();

    assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(launcher.exitValue()).isEqualTo(143);
    try (Stream<Path> files = Files.list(tree.resolve("cli/target"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cavra-cp.jar");
    }
  }

  @Test
  void theJvmsExitStatusIsTheLaunchersOwn() throws Exception {
    launch(Map.of(), "--version");

    assertThat(launch(Map.of(), "request", "no_such_operation").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(
            launch(
                    Map.of(),
                    "request",
                    "saas_operating_automation",
                    "tenant-demo",
                    "--automation-cadence",
                    Cli.FAKE_GITHUB_TOKEN)
                .exitCode())
        .isEqualTo(ExitCodes.INVALID_INPUT);
  }

  @Test
  void theArchiveHoldsTheEverydayCommandsClassesAndLaunchesLoadThemFromIt() throws Exception {
    launch(Map.of(), "--version");
    Path log = tree.resolve("class-load.log");

    Run run =
        launch(
            Map.of("CAVRA_CP_JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
            "request",
            "policy_registry_lookup",
            "tenant-demo",
            "--policy-ref",
            "p-1",
            "--compact");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> fromArchive =
        Files.readAllLines(log).stream()
            .filter(line -> line.contains("source: shared objects file (top)"))
            .toList();
    assertThat(fromArchive)
        .anySatisfy(
            line -> assertThat(line).contains("io.cavra.controlplane.cli.OperationCommand "))
        .anySatisfy(
            line -> assertThat(line).contains("io.cavra.controlplane.contract.ContractJson "))
        .anySatisfy(
            line ->
                assertThat(line).contains("io.cavra.controlplane.contract.secret.SecretGuard "));
  }

  @Test
  void anArchiveMadeByAnotherJvmIsMadeAgain() throws Exception {
    launch(Map.of(), "--version");
    Path owner = tree.resolve("cli/target/cavra-cp.jsa.jvm");
    Files.writeString(owner, "/some/other/jdk/bin/java");

    launch(Map.of(), "--version");

    assertThat(Files.readString(owner))
        .endsWith("/bin/java")
        .isNotEqualTo("/some/other/jdk/bin/java");
  }

  // ---------------------------------------------------------------------------------------------

  private List<String> builds() throws IOException {
    Path log = tree.resolve("mvn.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private Run launch(Map<String, String> environment, String... args) throws Exception {
    return finish(start(environment, args));
  }

  private Process start(Map<String, String> environment, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(tree.resolve("cavra-cp").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(tree.toFile());
    environment(builder.environment());
    builder.environment().putAll(environment);
    return builder.start();
  }

  private void environment(Map<String, String> environment) {
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.put("FAKE_MVN_JAR", CavraCpJarIT.JAR.toAbsolutePath().toString());
    environment.remove("CAVRA_CP_NO_CDS");
    environment.remove("CAVRA_CP_JAVA_OPTS");
  }

  private static Run finish(Process process) throws Exception {
    // Both streams are small; read them on their own threads so that neither can block the other.
    CompletableFuture<String> out = new CompletableFuture<>();
    CompletableFuture<String> err = new CompletableFuture<>();
    new Thread(() -> out.complete(read(process.getInputStream()))).start();
    new Thread(() -> err.complete(read(process.getErrorStream()))).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out.get(), err.get());
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Runs the launcher in a pseudo-terminal made by util-linux {@code script}: standard input,
   * output and error are all the terminal, whose text (both streams, with carriage returns) is
   * returned as {@code out}.
   */
  private Run inTerminal(String... args) throws Exception {
    StringBuilder command = new StringBuilder("exec ").append(tree.resolve("cavra-cp"));
    for (String arg : args) {
      command.append(' ').append(arg);
    }
    ProcessBuilder builder =
        new ProcessBuilder("script", "-q", "-e", "-c", command.toString(), "/dev/null")
            .directory(tree.toFile());
    environment(builder.environment());
    builder.environment().put("TERM", "xterm");
    builder.environment().put("COLUMNS", "200");
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process = builder.start();
    process.getOutputStream().close();
    return finish(process);
  }

  private static void awaitServing(Process serve) throws IOException {
    BufferedReader err = new BufferedReader(new InputStreamReader(serve.getErrorStream(), UTF_8));
    for (String line = err.readLine(); line != null; line = err.readLine()) {
      if (line.startsWith("cavra-cp: serving http://")) {
        Thread drain = new Thread(() -> err.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return;
      }
    }
    throw new AssertionError("serve ended before it listened");
  }
}
