package io.cavra.controlplane.gateway;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a gateway from the command line until the process is stopped (SIGTERM or Ctrl-C drains it,
 * then it exits 0). The options are {@link Launcher#options()}, the same as {@code cavra-cp
 * serve}'s:
 *
 * <pre>
 * java -jar gateway/target/cavra-gateway.jar [--host H] [--port P] [--adapter NAME] ...
 * </pre>
 *
 * Exit status: 0 after a clean stop, 1 if the gateway cannot start, 2 for a usage error.
 */
public final class Main {
  static final String PROGRAM = "cavra-gateway";

  private Main() {}

  /** Starts the gateway and blocks until it has stopped. */
  public static void main(String[] args) throws InterruptedException {
    boolean terminal = System.console() != null;
    GatewayConfig config;
    try {
      config = parse(terminal, args);
    } catch (IllegalArgumentException e) {
      System.err.println(PROGRAM + ": " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    if (config == null) {
      System.out.println(usage());
      return;
    }
    int status;
    try {
      status = Launcher.serve(config, PROGRAM, new PrintWriter(System.err, true));
    } catch (RuntimeException e) {
      // Gateway.start's messages name options and files, never a value from outside or a class.
      System.err.println(PROGRAM + ": " + e.getMessage());
      System.exit(1);
      return;
    }
    System.exit(status);
  }

  static String usage() {
    StringBuilder text = new StringBuilder("usage: java -jar cavra-gateway.jar [options]");
    for (Launcher.Option option : Launcher.options()) {
      String left = option.flag() ? option.name() : option.name() + " " + option.paramLabel();
      text.append("\n  ")
          .append(left)
          .append(" ".repeat(Math.max(1, 36 - left.length())))
          .append(option.description());
      if (option.defaultValue() != null) {
        text.append(" (default ").append(option.defaultValue()).append(')');
      }
    }
    return text.append("\n  --help").append(" ".repeat(30)).append("this text").toString();
  }

  /**
   * The configuration the arguments describe (not on a terminal), or {@code null} for {@code
   * --help}.
   */
  static GatewayConfig parse(String... args) {
    return parse(false, args);
  }

  /** The configuration the arguments describe, or {@code null} for {@code --help}. */
  static GatewayConfig parse(boolean terminal, String... args) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return null;
      }
      String value;
      int eq = option.indexOf('=');
      String name = option;
      boolean flag = Launcher.options().stream().anyMatch(o -> o.flag() && o.name().equals(name));
      if (flag) {
        value = "true";
      } else if (option.startsWith("--") && eq > 2) {
        value = option.substring(eq + 1);
        option = option.substring(0, eq);
      } else if (!option.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + option);
      } else if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      } else {
        value = args[++i];
      }
      values.computeIfAbsent(option, k -> new ArrayList<>()).add(value);
    }
    return Launcher.configure(values, terminal);
  }
}
