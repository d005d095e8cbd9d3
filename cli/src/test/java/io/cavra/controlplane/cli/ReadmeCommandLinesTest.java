package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.cli.ReadmeExamples.Block;
import io.cavra.controlplane.cli.ReadmeExamples.Step;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code cavra-cp} command line in every README's code blocks, examples or not, names
 * commands and options that exist and gives each option a value it takes: a renamed option or a
 * removed command cannot linger in the documentation. (Running them is {@link ReadmeExamplesIT}'s
 * job.)
 */
class ReadmeCommandLinesTest {
  /** {@code cavra-cp} (or {@code ./cavra-cp}) where a shell starts a command. */
  private static final Pattern INVOCATION =
      Pattern.compile("(?:^|[|;&(]\\s*|^\\$ )(?:\\./)?cavra-cp(?=\\s|$)", Pattern.MULTILINE);

  @Test
  void everyCommandLineInTheReadmesParses() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Path readme : ReadmeExamples.readmes()) {
      for (Block block : ReadmeExamples.blocks(readme)) {
        // In a console example only the commands count, and not those shown failing with a usage
        // error.
        String text =
            block.isConsole()
                ? block.steps().stream()
                    .filter(
                        step ->
                            step.expected().isEmpty()
                                || !step.expected().get(0).startsWith("error: usage:"))
                    .map(Step::command)
                    .collect(Collectors.joining("\n"))
                : String.join("\n", block.lines());
        text = text.replaceAll("\\\\\n\\s*", " ");
        Matcher matcher = INVOCATION.matcher(text);
        while (matcher.find()) {
          int end = text.indexOf('\n', matcher.end());
          List<String> args = words(text.substring(matcher.end(), end < 0 ? text.length() : end));
          checked++;
          try {
            CavraCp.newCommandLine(
                    new Environment(new ByteArrayInputStream(new byte[0]), false, false))
                .parseArgs(args.toArray(String[]::new));
          } catch (CommandLine.ParameterException e) {
            failures.add(
                ReadmeExamples.ROOT.relativize(readme)
                    + ":"
                    + block.line()
                    + ": cavra-cp "
                    + String.join(" ", args)
                    + ": "
                    + ErrorHandlers.safeMessage(e));
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
    assertThat(failures).isEmpty();
  }

  @Test
  void wordsAreSplitAsAShellSplitsThemUpToTheFirstOperator() {
    assertThat(words(" request a --label 'x y' \"$TOKEN\" --b=\"c d\" | curl -s"))
        .containsExactly("request", "a", "--label", "x y", "VALUE", "--b=c d");
    assertThat(words(" verify --url http://h:1 > out.txt"))
        .containsExactly("verify", "--url", "http://h:1");
    assertThat(words(" serve &  # comment")).containsExactly("serve");
  }

  /**
   * The words of a command line up to the first shell operator or comment, quotes removed; a word
   * holding a variable or command substitution becomes {@code VALUE}.
   */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    boolean substituted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' || c == '"') {
        int end = line.indexOf(c, i + 1);
        String quoted = line.substring(i + 1, end < 0 ? line.length() : end);
        substituted |= c == '"' && quoted.contains("$");
        word = (word == null ? new StringBuilder() : word).append(quoted);
        i = end < 0 ? line.length() : end;
      } else if (Character.isWhitespace(c) || "|;&<>#".indexOf(c) >= 0) {
        if (word != null) {
          words.add(substituted ? "VALUE" : word.toString());
          word = null;
          substituted = false;
        }
        if ("|;&<>".indexOf(c) >= 0
            || (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1))))) {
          break;
        }
      } else {
        substituted |= c == '$';
        word = (word == null ? new StringBuilder() : word).append(c);
      }
    }
    if (word != null) {
      words.add(substituted ? "VALUE" : word.toString());
    }
    return words;
  }
}
