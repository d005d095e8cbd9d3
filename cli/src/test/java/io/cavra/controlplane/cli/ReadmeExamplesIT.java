package io.cavra.controlplane.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.cli.ReadmeExamples.Step;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every console example of every README, in order, in one bash session per README, and
 * compares what each command prints with what the README shows (see {@link ReadmeExamples} for the
 * notation). Runs after {@code package}, against the packaged jars and the {@code ./cavra-cp}
 * launcher, from a scratch directory that links to the repository's top-level entries, so that
 * files the examples write (request.json, keys.jsonl …) stay out of the tree.
 *
 * <p>The session runs in a pseudo-terminal, so that a background server writes to a terminal as it
 * would in the reader's shell; every other command's output is captured on its own. Two things
 * differ from a reader's terminal, both to let the test run beside others: the README's port 8787
 * becomes a free port, and a server started without {@code --port} is given that port. Carriage
 * returns and the HTTP {@code Date} and {@code X-Request-Id} headers are left out (the READMEs say
 * so), and a background command's documented lines must appear, in order, among what the background
 * commands printed to the terminal.
 */
class ReadmeExamplesIT {
  private static final String README_PORT = "8787";
  private static final Set<String> NOT_LINKED = Set.of(".git", "target", ".idea", ".vscode");

  @TempDir Path scratch;

  @TestFactory
  Stream<DynamicTest> everyConsoleExampleOfEveryReadmePrintsWhatItShows() {
    return ReadmeExamples.readmes().stream()
        .filter(
            readme ->
                ReadmeExamples.blocks(readme).stream().anyMatch(ReadmeExamples.Block::isConsole))
        .map(
            readme ->
                DynamicTest.dynamicTest(
                    ReadmeExamples.ROOT.relativize(readme).toString(), () -> check(readme)));
  }

  private void check(Path readme) throws Exception {
    List<Step> steps =
        ReadmeExamples.blocks(readme).stream().flatMap(b -> b.steps().stream()).toList();
    Path work =
        Files.createDirectories(scratch.resolve(readme.getParent().getFileName() + "-work"));
    Path outputs =
        Files.createDirectories(scratch.resolve(readme.getParent().getFileName() + "-out"));
    linkTopLevelEntries(work);
    String port = Integer.toString(freePort());

    // The session runs in a pseudo-terminal, as a reader's shell does: what a background server
    // prints goes to that terminal (and so to the typescript), and it behaves as on a terminal.
    Path terminal = scratch.resolve(readme.getParent().getFileName() + ".typescript");
    Path script =
        Files.writeString(
            scratch.resolve(readme.getParent().getFileName() + ".sh"),
            script(steps, port, outputs, terminal),
            UTF_8);
    ProcessBuilder builder =
        new ProcessBuilder("script", "-q", "-f", "-e", "-c", "bash " + script, terminal.toString())
            .directory(work.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectErrorStream(true)
            .redirectOutput(scratch.resolve("session.log").toFile());
    String javaHome = System.getProperty("java.home");
    builder.environment().put("JAVA_HOME", javaHome);
    builder.environment().put("PATH", javaHome + "/bin:" + System.getenv("PATH"));
    builder.environment().remove("CAVRA_CP_JAVA_OPTS");
    Process session = builder.start();
    session.getOutputStream().close();
    if (!session.waitFor(10, TimeUnit.MINUTES)) {
      session.descendants().forEach(ProcessHandle::destroyForcibly);
      session.destroyForcibly();
      throw new AssertionError(
          ReadmeExamples.ROOT.relativize(readme) + ": the examples ran longer than 10 minutes");
    }

    List<String> failures = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      List<String> expected =
          step.expected().stream().map(l -> l.replace(README_PORT, port)).toList();
      List<String> actual =
          actual(step.background() ? terminal : outputs.resolve(Integer.toString(i)));
      boolean ok =
          step.background()
              ? ReadmeExamples.appearInOrder(expected, actual)
              : ReadmeExamples.matches(expected, actual);
      if (!ok) {
        failures.add(
            step.where()
                + ": $ "
                + step.command()
                + "\n  documented:\n    "
                + String.join("\n    ", expected)
                + "\n  printed:\n    "
                + String.join("\n    ", actual));
      }
    }
    assertThat(failures).as("console examples whose output differs from the README").isEmpty();
  }

  /**
   * One bash session: each command's output (both streams) goes to a numbered file; a background
   * command is started as the README starts it, so that {@code $!} is its process, writes to the
   * terminal, and the session waits until it listens; at the end every background job is stopped.
   */
  private static String script(List<Step> steps, String port, Path outputs, Path terminal) {
    StringBuilder script =
        new StringBuilder(
            String.join(
                "\n",
                "set +e",
                "set -m  # job control, as in an interactive shell: a background job keeps the"
                    + " terminal as its input",
                "listening() { (exec 3<>/dev/tcp/127.0.0.1/" + port + ") 2>/dev/null; }",
                "await() {  # a background job: until its port listens and it printed its"
                    + " documented line",
                "  for _ in $(seq 600); do",
                "    kill -0 \"$1\" 2>/dev/null || return 0",
                "    listening && { [ -z \"$3\" ] || grep -qF -- \"$3\" \"$2\"; } && return 0",
                "    sleep 0.1",
                "  done",
                "}",
                ""));
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String command = rewrite(step.command(), port);
      Path out = outputs.resolve(Integer.toString(i));
      script.append("# ").append(step.where()).append('\n');
      if (step.background()) {
        script.append(command).append(" &\n");
        script
            .append("await $! ")
            .append(quote(terminal))
            .append(' ')
            .append(quote(marker(step, port)))
            .append('\n');
      } else {
        script
            .append("{ ")
            .append(command)
            .append("\n} </dev/null >")
            .append(quote(out))
            .append(" 2>&1\n");
        if (command.startsWith("kill ")) {
          // Until the stopped server has freed its port, for the next one to listen on.
          script.append("for _ in $(seq 300); do listening || break; sleep 0.1; done\n");
        }
      }
    }
    script.append("jobs -p | xargs -r kill 2>/dev/null\nwait\n");
    return script.toString();
  }

  /** The README's port becomes {@code port}; a server started without {@code --port} gets it. */
  static String rewrite(String command, String port) {
    String rewritten = command.replace(README_PORT, port);
    if (!rewritten.contains("--port")) {
      rewritten =
          rewritten.replaceFirst(
              "(\\./cavra-cp serve|gateway/target/cavra-gateway\\.jar)(?=\\s|$)",
              "$1 --port " + port);
    }
    return rewritten;
  }

  /**
   * The longest literal part of a background command's last documented line: printed once it
   * listens.
   */
  private static String marker(Step step, String port) {
    if (step.expected().isEmpty()) {
      return "";
    }
    String last = step.expected().get(step.expected().size() - 1).replace(README_PORT, port);
    return Arrays.stream(last.split("…")).max(Comparator.comparingInt(String::length)).orElse("");
  }

  /**
   * What a command printed, as a terminal shows it, without carriage returns, trailing blank lines
   * and the HTTP headers that differ on every request ({@code Date}, {@code X-Request-Id}).
   */
  private static List<String> actual(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of("(the command did not run)");
    }
    List<String> lines =
        new ArrayList<>(
            Arrays.asList(Files.readString(file, UTF_8).replace("\r", "").split("\n", -1)));
    lines.removeIf(line -> line.startsWith("Date: ") || line.startsWith("X-Request-Id: "));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static void linkTopLevelEntries(Path work) throws IOException {
    try (Stream<Path> entries = Files.list(ReadmeExamples.ROOT)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (!NOT_LINKED.contains(name) && !Files.exists(work.resolve(name))) {
          Files.createSymbolicLink(work.resolve(name), entry);
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String quote(Object text) {
    return "'" + text.toString().replace("'", "'\\''") + "'";
  }
}
