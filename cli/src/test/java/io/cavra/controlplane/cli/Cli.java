package io.cavra.controlplane.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs {@code cavra-cp} in process with captured standard output and error. */
final class Cli {
  /** A fake GitHub token, assembled at run time so that no token literal is committed. */
  static final String FAKE_GITHUB_TOKEN = "gh" + "p_" + "1".repeat(36);

  /** A fake Stripe live key, assembled at run time. */
  static final String FAKE_STRIPE_KEY = "sk_" + "live_" + "2".repeat(24);

  /** Where the contract module's golden vectors are, relative to the cli module. */
  static final Path VECTORS =
      Path.of("..", "contract", "src", "test", "resources", "vectors", "v1");

  record Result(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Cli() {}

  static Result run(String... args) {
    return runWithStdin("", false, false, args);
  }

  static Result runWithStdin(String stdin, String... args) {
    return runWithStdin(stdin, false, false, args);
  }

  static Result runWithStdin(
      String stdin, boolean stdoutTerminal, boolean stderrTerminal, String... args) {
    Environment environment =
        new Environment(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            stdoutTerminal,
            stderrTerminal);
    CommandLine commandLine = CavraCp.newCommandLine(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  static String vector(String name) throws IOException {
    return Files.readString(VECTORS.resolve("valid").resolve(name), StandardCharsets.UTF_8);
  }

  static Path write(Path directory, String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
  }
}
