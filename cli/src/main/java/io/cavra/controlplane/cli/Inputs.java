package io.cavra.controlplane.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import picocli.CommandLine;

/** Opens the files named on the command line, where {@code -} is standard input. */
final class Inputs {
  static final String STDIN = "-";

  private final Environment environment;

  Inputs(Environment environment) {
    this.environment = environment;
  }

  /** How a file is named in diagnostics. */
  static String display(String name) {
    return STDIN.equals(name) ? "<stdin>" : name;
  }

  /**
   * The inputs to read: the given files, or standard input when none is given; stdin at most once.
   */
  static List<String> names(CommandLine commandLine, List<String> files) {
    List<String> names = files.isEmpty() ? List.of(STDIN) : files;
    requireStdinAtMostOnce(commandLine, names);
    return names;
  }

  /** The codec for {@code --max-bytes N}, refusing a limit below one byte. */
  static io.cavra.controlplane.contract.ContractJson codec(CommandLine commandLine, int maxBytes) {
    if (maxBytes < 1) {
      throw new UsageException(commandLine, "--max-bytes must be at least 1");
    }
    return io.cavra.controlplane.contract.ContractJson.defaults().withMaxBytes(maxBytes);
  }

  /** Refuses command lines that would read standard input twice. */
  private static void requireStdinAtMostOnce(CommandLine commandLine, List<String> names) {
    if (names.stream().filter(STDIN::equals).count() > 1) {
      throw new UsageException(commandLine, "standard input ('-') can be read only once");
    }
  }

  /** Opens a stream; the caller closes it (closing standard input is harmless here). */
  InputStream open(String name) {
    if (STDIN.equals(name)) {
      return new NonClosing(environment.stdin());
    }
    try {
      Path path = Paths.get(name);
      return Files.newInputStream(path);
    } catch (IOException e) {
      throw new IoFailure(display(name), e);
    } catch (java.nio.file.InvalidPathException e) {
      throw new IoFailure(display(name), new IOException("invalid path"));
    }
  }

  /**
   * Reads at most {@code limit + 1} bytes, so that a parser limited to {@code limit} bytes reports
   * {@code too_large} without the whole of a huge file ever being held in memory.
   */
  byte[] readBounded(String name, int limit) {
    try (InputStream in = open(name)) {
      return in.readNBytes(limit == Integer.MAX_VALUE ? limit : limit + 1);
    } catch (IOException e) {
      throw new IoFailure(display(name), e);
    }
  }

  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
