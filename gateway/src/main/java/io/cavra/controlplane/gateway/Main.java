package io.cavra.controlplane.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a gateway from the command line until the process is stopped (SIGTERM or Ctrl-C drains it):
 *
 * <pre>
 * java -jar gateway/target/cavra-gateway.jar [--host H] [--port P] [--adapter NAME]
 *     [--adapter-setting K=V]... [--key-store F] [--audit-log PATH|stdout|none]
 *     [--max-body-bytes N] [--max-concurrent N] [--adapter-timeout SECONDS]
 *     [--rate-limit PER_SECOND[/BURST]]
 * </pre>
 *
 * Exit status: 0 after a clean stop, 1 if the gateway cannot start, 2 for a usage error.
 */
public final class Main {
  static final String USAGE = String.join("\n",
      "usage: java -jar cavra-gateway.jar [options]",
      "  --host H                    address to bind (default 127.0.0.1; other addresses need --key-store)",
      "  --port P                    port (default 8787; 0 picks a free one)",
      "  --adapter NAME              adapter to serve (default community)",
      "  --adapter-setting K=V       adapter setting, repeatable",
      "  --key-store F               API key store (JSON lines of SHA-256 hashes, made by 'cavra-cp keys add');",
      "                              turns authentication on",
      "  --audit-log PATH|stdout|none  audit trail destination (default stdout)",
      "  --max-body-bytes N          request body limit (default 1048576)",
      "  --max-concurrent N          requests in flight before 503 (default 256)",
      "  --adapter-timeout SECONDS   adapter deadline before 502 (default 10)",
      "  --rate-limit R[/B]          per-key requests per second and burst; 0 turns it off (default 100/200)",
      "  --help                      this text");

  private Main() {}

  /** Starts the gateway and blocks until it has stopped. */
  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
    }
    GatewayConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("cavra-gateway: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (config == null) {
      System.out.println(USAGE);
      return;
    }
    Gateway gateway;
    try {
      gateway = Gateway.start(config);
    } catch (RuntimeException e) {
      System.err.println("cavra-gateway: " + e.getMessage());
      System.exit(1);
      return;
    }
    // java.util.logging closes its handlers in a shutdown hook of its own, so the drain reports on stderr.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("cavra-gateway: draining (readyz answers 503), then stopping");
      gateway.close();
      System.err.println("cavra-gateway: stopped");
    }, "cavra-gateway-shutdown"));
    gateway.awaitShutdown();
  }

  /** The configuration the arguments describe, or {@code null} for {@code --help}. */
  static GatewayConfig parse(String... args) {
    GatewayConfig config = GatewayConfig.defaults();
    String adapter = config.adapterName();
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return null;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value" : "unexpected argument " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--host":
          config = config.withHost(value);
          break;
        case "--port":
          config = config.withPort(integer(option, value));
          break;
        case "--adapter":
          adapter = value;
          break;
        case "--adapter-setting":
          int eq = value.indexOf('=');
          if (eq < 1) {
            throw new IllegalArgumentException("--adapter-setting takes KEY=VALUE");
          }
          settings.put(value.substring(0, eq), value.substring(eq + 1));
          break;
        case "--key-store":
          config = config.withKeyFile(Path.of(value));
          break;
        case "--audit-log":
          config = config.withAuditSink(value.equals("stdout") ? AuditSink.stdout()
              : value.equals("none") ? AuditSink.none() : AuditSink.file(Path.of(value)));
          break;
        case "--max-body-bytes":
          config = config.withMaxBodyBytes(integer(option, value));
          break;
        case "--max-concurrent":
          config = config.withMaxConcurrentRequests(integer(option, value));
          break;
        case "--adapter-timeout":
          config = config.withAdapterTimeout(Duration.ofMillis(Math.round(number(option, value) * 1000)));
          break;
        case "--rate-limit":
          String[] parts = value.split("/", 2);
          double rate = number(option, parts[0]);
          int burst = parts.length > 1 ? integer(option, parts[1]) : Math.max(1, (int) Math.ceil(rate * 2));
          config = config.withRateLimit(rate, burst);
          break;
        case "--key-file":
          throw new IllegalArgumentException("unknown option --key-file: the key store is --key-store");
        default:
          throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return config.withAdapter(adapter, settings);
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number");
    }
  }

  private static double number(String option, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a number");
    }
  }
}
