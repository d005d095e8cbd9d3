package io.cavra.controlplane.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The training run behind the {@code ./cavra-cp} launcher's class-data-sharing archive: it runs the
 * everyday commands in one JVM, output discarded, so that the archive the JVM writes at its exit
 * holds the classes they load. Not a command; the launcher runs it once per jar and JVM.
 */
final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) {
    run("", "describe", "--format", "json");
    run("", "describe", "--format", "table");
    String request =
        run(
            "",
            "request",
            "policy_registry_lookup",
            "tenant-demo",
            "--policy-ref",
            "starter-policy-1",
            "--label",
            "team=platform",
            "--compact");
    run(request, "validate", "-");
    run(request, "respond", "--request", "-");
    run(request, "scan", "-");
    run("", "--help");
  }

  private static String run(String stdin, String... args) {
    Environment environment =
        new Environment(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, false);
    CommandLine commandLine = CavraCp.newCommandLine(environment, args[0]);
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(new StringWriter()));
    commandLine.execute(args);
    return out.toString();
  }
}
