package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI distribution as an operator gets it: {@code target/cavra-cp-<version>.tar.gz} unpacked
 * into a directory of its own, run through {@code bin/cavra-cp} with nothing but a JDK (no Maven,
 * no source tree, a home directory of its own).
 */
class DistributionIT {
  private static final Pattern SERVING = Pattern.compile("cavra-cp: serving (http://\\S+)");

  @TempDir static Path temp;

  private static String version;
  private static Path home;

  private static Set<String> tarred;

  @BeforeAll
  static void unpack() throws Exception {
    Properties properties = new Properties();
    try (InputStream in = DistributionIT.class.getResourceAsStream("version.properties")) {
      properties.load(in);
    }
    version = properties.getProperty("version");
    Path archive = Path.of("target", "cavra-cp-" + version + ".tar.gz").toAbsolutePath();
    assertThat(archive).exists();
    Path into = Files.createDirectories(temp.resolve("opt"));
    Process tar =
        new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue())
        .as(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    home = into.resolve("cavra-cp-" + version);

    Process list =
        new ProcessBuilder("tar", "-tzf", archive.toString()).redirectErrorStream(true).start();
    tarred =
        new TreeSet<>(
            List.of(
                new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .split("\n")));
    assertThat(list.waitFor(60, TimeUnit.SECONDS)).isTrue();
    tarred.removeIf(name -> name.endsWith("/"));
  }

  @Test
  void archivesHoldTheLaunchersTheJarsTheCompletionAndTheLicence() throws IOException {
    String base = "cavra-cp-" + version + "/";
    Set<String> zipped = new TreeSet<>();
    try (ZipFile zip = new ZipFile(Path.of("target", "cavra-cp-" + version + ".zip").toFile())) {
      zip.stream()
          .filter(entry -> !entry.isDirectory())
          .map(ZipEntry::getName)
          .forEach(zipped::add);
    }

    assertThat(zipped)
        .isEqualTo(tarred)
        .contains(
            base + "bin/cavra-cp",
            base + "bin/cavra-cp.bat",
            base + "LICENSE",
            base + "completion/cavra-cp.bash",
            base + "lib/cavra-control-plane-cli-" + version + ".jar",
            base + "lib/cavra-control-plane-contract-" + version + ".jar",
            base + "lib/cavra-control-plane-gateway-" + version + ".jar",
            base + "lib/cavra-control-plane-conformance-" + version + ".jar");
    assertThat(zipped)
        .filteredOn(name -> name.startsWith(base + "lib/"))
        .allMatch(name -> name.endsWith(".jar"));
    assertThat(Files.isExecutable(home.resolve("bin/cavra-cp")))
        .as("bin/cavra-cp is executable")
        .isTrue();
    assertThat(Files.readString(home.resolve("bin/cavra-cp.bat"), StandardCharsets.UTF_8))
        .contains("\r\n");
    assertThat(Files.readString(home.resolve("LICENSE"), StandardCharsets.UTF_8))
        .contains("Apache License");
    assertThat(Files.readString(home.resolve("completion/cavra-cp.bash"), StandardCharsets.UTF_8))
        .contains("complete -F _complete_cavra-cp");
  }

  @Test
  void unpackedDistributionDescribesBuildsValidatesAndScansAndMakesItsArchiveOnce()
      throws Exception {
    Result describe = run("", "describe");
    Result version = run("", "--version");
    Result request =
        run(
            "",
            "request",
            "tenant_status",
            "tenant-demo",
            "--correlation-id",
            "saas-0123456789ab",
            "--compact");
    Result validate = run(request.out(), "validate", "--canonical", "--compact");

    Path folder = Files.createDirectories(temp.resolve("scanned"));
    Files.writeString(folder.resolve("app.env"), "GITHUB_TOKEN=" + Cli.FAKE_GITHUB_TOKEN + "\n");
    Result scan = run("", "scan", folder.toString());

    assertThat(describe.exitCode()).as(describe.err()).isZero();
    assertThat(describe.out())
        .startsWith("{\n  \"schema_version\": \"cavra.saas_control_plane.contract.v1\"");
    assertThat(version.out()).startsWith("cavra-cp " + DistributionIT.version + "\n");
    assertThat(request.exitCode()).as(request.err()).isZero();
    assertThat(validate.out()).isEqualTo(request.out());
    assertThat(validate.err()).isEqualTo("1 document: 1 valid, 0 invalid\n");
    assertThat(scan.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(scan.out()).contains("app.env:1").doesNotContain(Cli.FAKE_GITHUB_TOKEN);
    // The first run trained the class-data-sharing archive beside the jars; the runs after used it.
    assertThat(home.resolve("lib/cavra-cp.jsa")).isNotEmptyFile();
    assertThat(home.resolve("lib/cavra-cp.jsa.jvm")).isNotEmptyFile();
  }

  @Test
  void unpackedDistributionServesAnswersARequestAndPassesTheKitOverHttp() throws Exception {
    Process serve = start("serve", "--port", "0", "--audit-log", "none");
    try {
      BufferedReader err =
          new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
      String url = awaitUrl(serve, err);
      Thread drain = new Thread(() -> err.lines().forEach(line -> {}), "serve-stderr");
      drain.setDaemon(true);
      drain.start();

      Result request =
          run(
              "",
              "request",
              "tenant_status",
              "tenant-demo",
              "--correlation-id",
              "saas-0123456789ab",
              "--compact");
      HttpURLConnection post =
          (HttpURLConnection) URI.create(url + "/v1/control-plane").toURL().openConnection();
      post.setRequestMethod("POST");
      post.setRequestProperty("Content-Type", "application/json");
      post.setDoOutput(true);
      try (OutputStream body = post.getOutputStream()) {
        body.write(request.out().getBytes(StandardCharsets.UTF_8));
      }
      String answer;
      try (InputStream in = post.getInputStream()) {
        answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Result verify = run("", "verify", "--url", url);

      assertThat(post.getResponseCode()).isEqualTo(200);
      assertThat(answer)
          .contains(
              "\"status\":\"requires_private_service\"",
              "\"correlation_id\":\"saas-0123456789ab\"");
      assertThat(verify.out()).as(verify.err()).contains("Verdict: PASS");
      assertThat(verify.exitCode()).isZero();
    } finally {
      // SIGTERM reaches the JVM itself: the launcher replaced its shell with it.
      new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).inheritIO().start().waitFor();
      assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(serve.exitValue()).isZero();
  }

  private record Result(int exitCode, String out, String err) {}

  private static ProcessBuilder launcher(String... args) {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/cavra-cp").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("HOME", temp.toString());
    env.remove("CAVRA_CP_JAVA_OPTS");
    env.remove("CAVRA_CP_NO_CDS");
    return builder;
  }

  private static Result run(String stdin, String... args) throws IOException, InterruptedException {
    Path in = Files.writeString(Files.createTempFile(temp, "in", ".txt"), stdin);
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    Process process =
        launcher(args)
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static Process start(String... args) throws IOException {
    return launcher(args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String awaitUrl(Process serve, BufferedReader err) throws Exception {
    for (String line = err.readLine(); line != null; line = err.readLine()) {
      Matcher matcher = SERVING.matcher(line);
      if (matcher.find()) {
        return matcher.group(1).replaceAll("/$", "");
      }
    }
    throw new AssertionError("serve exited before listening, status " + serve.waitFor());
  }
}
