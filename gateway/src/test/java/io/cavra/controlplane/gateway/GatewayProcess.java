package io.cavra.controlplane.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Main} in a process of its own, on the test class path, with standard output and error in
 * files.
 */
final class GatewayProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("cavra-gateway: serving (http://\\S+)");

  final Process process;
  final URI uri;
  final Path stdout;
  final Path stderr;

  private GatewayProcess(Process process, Path stdout, Path stderr) throws InterruptedException {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    URI found = null;
    while (found == null && System.nanoTime() - deadline < 0) {
      Matcher matcher = SERVING.matcher(err());
      if (matcher.find()) {
        found = URI.create(matcher.group(1));
      } else if (!process.isAlive()) {
        break;
      } else {
        Thread.sleep(20);
      }
    }
    if (found == null) {
      process.destroyForcibly();
      throw new IllegalStateException("the gateway did not start: " + err());
    }
    this.uri = found;
  }

  /** Starts {@code Main} with {@code args}, its output in files under {@code dir}. */
  static GatewayProcess start(Path dir, String... args) throws InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    String name = "gateway-" + System.nanoTime();
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    try {
      return new GatewayProcess(builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends SIGTERM and returns the exit status once the process has ended. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the gateway did not stop within 60 s of SIGTERM");
    }
    return process.exitValue();
  }

  /** Sends a signal by name (HUP, TERM …) with the system's {@code kill}. */
  void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
        .inheritIO()
        .start()
        .waitFor();
  }

  /** Standard error so far. */
  String err() {
    return read(stderr);
  }

  /** Standard output so far. */
  String out() {
    return read(stdout);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
