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
 * The Enterprise engineer's path end to end, with the packaged jar as separate processes:
 * {@code cavra-cp serve} (the Community adapter, then the example private adapter loaded with
 * {@code --adapter-path}) and {@code cavra-cp verify} over HTTP against it.
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
    int exit = verifyAgainstServe(
        List.of("--adapter-path", jar.toString(), "--adapter", "tenant-state",
            "--adapter-setting", "state-file=" + EXAMPLE.resolve("tenants.json")),
        List.of("--capabilities", "entitlement_status,policy_registry_readiness,tenant_audit_store_operating,"
            + "customer_operating_dashboard,support_handoff_readiness,saas_operating_automation"));
    assertThat(exit).isZero();
  }

  private static int verifyAgainstServe(List<String> serveOptions, List<String> verifyOptions) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", CavraCpJarIT.JAR.toString(),
        "serve", "--port", "0", "--audit-log", "none"));
    command.addAll(serveOptions);
    Process serve = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String url = awaitUrl(serve);
      List<String> verify = new ArrayList<>(List.of("verify", "--url", url));
      verify.addAll(verifyOptions);
      CavraCpJarIT.Process result = CavraCpJarIT.run("", verify.toArray(String[]::new));
      assertThat(result.out()).as(result.err()).contains("Verdict: PASS");
      return result.exitCode();
    } finally {
      serve.destroy();
      // SIGTERM drains and stops the gateway; the JVM then exits on its own.
      assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static String awaitUrl(Process serve) throws Exception {
    BufferedReader err = new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
    for (String line = err.readLine(); line != null; line = err.readLine()) {
      Matcher matcher = SERVING.matcher(line);
      if (matcher.find()) {
        // Keep draining stderr so the server never blocks on a full pipe.
        Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "serve-stderr");
        drain.setDaemon(true);
        drain.start();
        return matcher.group(1).replaceAll("/$", "");
      }
    }
    throw new AssertionError("serve exited before listening, status " + serve.waitFor());
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
