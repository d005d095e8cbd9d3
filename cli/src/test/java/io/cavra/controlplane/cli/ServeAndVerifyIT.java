package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Enterprise engineer's path end to end, with the packaged jar as separate processes: {@code
 * cavra-cp serve} (the Community adapter, then the example private adapter loaded with {@code
 * --adapter-path}) and {@code cavra-cp verify} over HTTP against it.
 */
class ServeAndVerifyIT {
  private static final Pattern SERVING = Pattern.compile("cavra-cp: serving (http://\\S+)");
  private static final Path EXAMPLE = Path.of("..", "examples", "tenant-state-adapter");

  @Test
  void communityGatewayPassesTheConformanceKitOverHttp() throws Exception {
    assertThat(verifyAgainstServe(List.of(), List.of())).isZero();
  }

  @Test
  void exampleAdapterServedFromItsJarPassesTheConformanceKitOverHttp() throws Exception {
    Path jar = EXAMPLE.resolve("target/tenant-state-adapter.jar");
    assertThat(jar).exists();
    int exit =
        verifyAgainstServe(
            List.of(
                "--adapter-path",
                jar.toString(),
                "--adapter",
                "tenant-state",
                "--adapter-setting",
                "state-file=" + EXAMPLE.resolve("tenants.json")),
            List.of(
                "--capabilities",
                "entitlement_status,policy_registry_readiness,tenant_audit_store_operating,"
                    + "customer_operating_dashboard,support_handoff_readiness,saas_operating_automation"));
    assertThat(exit).isZero();
  }

  private static int verifyAgainstServe(List<String> serveOptions, List<String> verifyOptions)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                "-jar",
                CavraCpJarIT.JAR.toString(),
                "serve",
                "--port",
                "0",
                "--audit-log",
                "none"));
    command.addAll(serveOptions);
    Process serve =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    List<String> errLines = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread drain = null;
    int exit;
    try {
      BufferedReader err =
          new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
      String url = awaitUrl(serve, err, errLines);
      drain = collect(err, errLines);
      List<String> verify = new ArrayList<>(List.of("verify", "--url", url));
      verify.addAll(verifyOptions);
      CavraCpJarIT.Process result = CavraCpJarIT.run("", verify.toArray(String[]::new));
      assertThat(result.out()).as(result.err()).contains("Verdict: PASS");
      exit = result.exitCode();
    } finally {
      // SIGTERM with kill(1): Process.destroy() would also close our end of its standard error.
      new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).inheritIO().start().waitFor();
      assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
      if (drain != null) {
        drain.join(10_000);
      }
    }
    // SIGTERM drains, says so and exits 0, as java -jar cavra-gateway.jar does.
    assertThat(serve.exitValue()).as(String.join("\n", errLines)).isZero();
    assertThat(errLines)
        .anyMatch(
            line ->
                line.endsWith(
                    "INFO io.cavra.controlplane.gateway: draining 0 requests in flight (up to 30"
                        + " s)"))
        .anyMatch(line -> line.endsWith("INFO io.cavra.controlplane.gateway: stopped"));
    return exit;
  }

  private static String awaitUrl(Process serve, BufferedReader err, List<String> errLines)
      throws Exception {
    for (String line = err.readLine(); line != null; line = err.readLine()) {
      errLines.add(line);
      Matcher matcher = SERVING.matcher(line);
      if (matcher.find()) {
        return matcher.group(1).replaceAll("/$", "");
      }
    }
    throw new AssertionError("serve exited before listening, status " + serve.waitFor());
  }

  /** Keeps reading standard error so that the server never blocks on a full pipe. */
  private static Thread collect(BufferedReader err, List<String> errLines) {
    Thread drain = new Thread(() -> err.lines().forEach(errLines::add), "serve-stderr");
    drain.setDaemon(true);
    drain.start();
    return drain;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
