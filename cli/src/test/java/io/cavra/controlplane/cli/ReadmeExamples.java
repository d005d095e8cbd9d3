package io.cavra.controlplane.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The code blocks of the project's READMEs, and the console examples among them.
 *
 * <p>A console example is a fenced block with at least one line starting with {@code $ }: each such
 * line is a command (continued on the next line while it ends with {@code \}), and the lines after
 * it, up to the next command, are its output, blank lines at the end left out. In expected output,
 * {@code …} stands for any text within a line, and a line holding only {@code …} for any number of
 * lines. A command ending in {@code &} runs in the background, as in a shell.
 */
final class ReadmeExamples {
  /** The repository root, seen from the cli module. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Pattern ELLIPSIS = Pattern.compile("…");

  /**
   * A fenced code block: its README, the line of its opening fence, its info string and its lines.
   */
  record Block(Path readme, int line, String info, List<String> lines) {
    boolean isConsole() {
      return lines.stream().anyMatch(l -> l.startsWith("$ "));
    }

    /** The commands and their expected output; empty unless this is a console example. */
    List<Step> steps() {
      List<Step> steps = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).startsWith("$ ")) {
          continue;
        }
        int first = line + 1 + i;
        StringBuilder command = new StringBuilder(lines.get(i).substring(2));
        while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
          command.append('\n').append(lines.get(++i));
        }
        List<String> output = new ArrayList<>();
        while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("$ ")) {
          output.add(lines.get(++i));
        }
        while (!output.isEmpty() && output.get(output.size() - 1).isBlank()) {
          output.remove(output.size() - 1);
        }
        String text = command.toString().strip();
        boolean background = text.endsWith("&") && !text.endsWith("&&");
        if (background) {
          text = text.substring(0, text.length() - 1).strip();
        }
        steps.add(new Step(readme, first, text, background, List.copyOf(output)));
      }
      return steps;
    }
  }

  /** One command of a console example, with the output it is documented to print. */
  record Step(Path readme, int line, String command, boolean background, List<String> expected) {
    String where() {
      return ROOT.relativize(readme) + ":" + line;
    }
  }

  private ReadmeExamples() {}

  /** Every {@code README.md} of the repository outside build output, root first. */
  static List<Path> readmes() {
    try (Stream<Path> files = Files.walk(ROOT, 3)) {
      return files
          .filter(p -> p.getFileName().toString().equals("README.md"))
          .filter(p -> !isBuildOutput(p))
          .sorted(
              Comparator.comparingInt((Path p) -> p.getNameCount())
                  .thenComparing(Comparator.naturalOrder()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isBuildOutput(Path path) {
    for (Path part : ROOT.relativize(path)) {
      String name = part.toString();
      if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** The fenced code blocks of {@code readme}, in order. */
  static List<Block> blocks(Path readme) {
    List<String> lines;
    try {
      lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("```")) {
        continue;
      }
      int open = i + 1;
      String info = lines.get(i).substring(3).strip();
      List<String> content = new ArrayList<>();
      while (++i < lines.size() && !lines.get(i).startsWith("```")) {
        content.add(lines.get(i));
      }
      blocks.add(new Block(readme, open, info, List.copyOf(content)));
    }
    return blocks;
  }

  /**
   * Whether {@code actual} is what {@code expected} documents: line by line, where {@code …} in a
   * line is any text and a line of {@code …} alone is any number of lines.
   */
  static boolean matches(List<String> expected, List<String> actual) {
    return matches(expected, 0, actual, 0);
  }

  private static boolean matches(List<String> expected, int i, List<String> actual, int j) {
    if (i == expected.size()) {
      return j == actual.size();
    }
    if (expected.get(i).strip().equals("…")) {
      for (int k = j; k <= actual.size(); k++) {
        if (matches(expected, i + 1, actual, k)) {
          return true;
        }
      }
      return false;
    }
    return j < actual.size()
        && lineMatches(expected.get(i), actual.get(j))
        && matches(expected, i + 1, actual, j + 1);
  }

  /**
   * Whether every expected line matches an actual line, in order, other lines in between allowed.
   */
  static boolean appearInOrder(List<String> expected, List<String> actual) {
    int j = 0;
    for (String line : expected) {
      while (j < actual.size() && !lineMatches(line, actual.get(j))) {
        j++;
      }
      if (j == actual.size()) {
        return false;
      }
      j++;
    }
    return true;
  }

  static boolean lineMatches(String expected, String actual) {
    if (!expected.contains("…")) {
      return expected.equals(actual);
    }
    StringBuilder regex = new StringBuilder();
    String[] parts = ELLIPSIS.split(expected, -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
  }
}
