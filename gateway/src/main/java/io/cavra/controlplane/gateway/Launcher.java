package io.cavra.controlplane.gateway;

import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway's command line, shared by {@code java -jar cavra-gateway.jar} and {@code cavra-cp
 * serve}: one option model with one set of defaults (those of {@link GatewayConfig#defaults()}),
 * and one way to run until stopped, with the same start-up line, refusals and shutdown output
 * whichever program starts it. Stateless and thread-safe.
 *
 * <pre>{@code
 * GatewayConfig config = Launcher.configure(Map.of("--port", List.of("9000")), false);
 * int status = Launcher.serve(config, "my-gateway", new PrintWriter(System.err, true));   // 0 after SIGTERM
 * }</pre>
 *
 * @since 0.2
 */
public final class Launcher {
  /** {@code --audit-log} value: standard output unless it is an interactive terminal, then none. */
  public static final String AUDIT_AUTO = "auto";

  /**
   * One option: its name ({@code --port}), the label of its value, its default as text (or {@code
   * null} when it has none), whether it may be repeated, a one-sentence description, and whether it
   * is a flag that takes no value (given, it is {@code "true"}).
   */
  public record Option(
      String name,
      String paramLabel,
      String defaultValue,
      boolean repeatable,
      String description,
      boolean flag) {
    /** Checks that the name, label and description are present. */
    public Option {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(paramLabel, "paramLabel");
      Objects.requireNonNull(description, "description");
    }

    /** An option that takes a value. */
    public Option(
        String name,
        String paramLabel,
        String defaultValue,
        boolean repeatable,
        String description) {
      this(name, paramLabel, defaultValue, repeatable, description, false);
    }
  }

  private static final List<Option> OPTIONS = options(GatewayConfig.defaults());

  /** Options renamed since they were first published, to the names they have now. */
  private static final Map<String, String> RENAMED =
      Map.of("--key-file", "--key-store", "--key-file-check", "--key-store-check");

  private Launcher() {}

  /** Every option, in the order of the usage text. */
  public static List<Option> options() {
    return OPTIONS;
  }

  private static List<Option> options(GatewayConfig d) {
    return List.of(
        new Option(
            "--host",
            "HOST",
            d.host(),
            false,
            "Address to bind; an address other than loopback needs --key-store."),
        new Option(
            "--port", "PORT", Integer.toString(d.port()), false, "Port; 0 picks a free one."),
        new Option(
            "--adapter",
            "NAME",
            d.adapterName(),
            false,
            "Adapter to serve, found by name with ServiceLoader."),
        new Option(
            "--adapter-setting",
            "KEY=VALUE",
            null,
            true,
            "An adapter setting; repeatable, order kept."),
        new Option(
            "--adapter-path",
            "JAR|DIR",
            null,
            true,
            "A jar or class folder holding a private adapter; repeatable."),
        new Option(
            "--key-store",
            "FILE",
            null,
            false,
            "API key store (hashes only, made by 'cavra-cp keys add'); turns authentication on."),
        new Option(
            "--tls-cert",
            "FILE",
            null,
            false,
            "PEM certificate chain to serve HTTPS with (TLS 1.2+), with --tls-key; reloaded when it"
                + " changes."),
        new Option(
            "--tls-key",
            "FILE",
            null,
            false,
            "PKCS#8 PEM private key (BEGIN PRIVATE KEY) of --tls-cert."),
        new Option(
            "--tls-keystore",
            "FILE",
            null,
            false,
            "PKCS#12 key store to serve HTTPS with instead of PEM files, with"
                + " --tls-keystore-password-file."),
        new Option(
            "--tls-keystore-password-file",
            "FILE",
            null,
            false,
            "File whose first line is the key store's password."),
        new Option(
            "--behind-proxy",
            "",
            null,
            false,
            "A TLS-terminating proxy sits in front: allow plain HTTP off loopback, trust its"
                + " Forwarded header.",
            true),
        new Option(
            "--metrics-auth",
            "on|off",
            d.metricsAuthenticated() ? "on" : "off",
            false,
            "Whether GET /metrics needs an API key from --key-store."),
        new Option(
            "--key-store-check",
            "SECONDS",
            seconds(d.keyFileCheckInterval()),
            false,
            "How often the key store is checked for added, revoked or expired keys; 0: only on"
                + " SIGHUP."),
        new Option(
            "--audit-log",
            "auto|stdout|stderr|none|FILE",
            AUDIT_AUTO,
            false,
            "Where the per-request audit lines go; auto: standard output, or none on an interactive"
                + " terminal."),
        new Option(
            "--audit-max-bytes",
            "N",
            Long.toString(AuditSink.DEFAULT_MAX_FILE_BYTES),
            false,
            "Size at which an audit file is rotated (FILE becomes FILE.1 ...); 0: never, for the"
                + " platform's rotation."),
        new Option(
            "--audit-keep",
            "N",
            Integer.toString(AuditSink.DEFAULT_KEEP_FILES),
            false,
            "Rotated audit files kept beside the current one."),
        new Option(
            "--max-body-bytes",
            "N",
            Integer.toString(d.maxBodyBytes()),
            false,
            "Request body limit in bytes."),
        new Option(
            "--max-concurrent",
            "N",
            Integer.toString(d.maxConcurrentRequests()),
            false,
            "Requests in flight on /v1 before answering 503."),
        new Option(
            "--max-concurrent-per-client",
            "N",
            Integer.toString(d.maxConcurrentPerClient()),
            false,
            "Requests in flight for one API key (without keys: one client address) before answering"
                + " 503."),
        new Option(
            "--body-timeout",
            "SECONDS",
            seconds(d.bodyTimeout()),
            false,
            "Time to send a whole request body before answering 408 and closing."),
        new Option(
            "--auth-failure-limit",
            "PER_SECOND[/BURST]",
            rate(d.authFailuresPerSecond()) + "/" + d.authFailureBurst(),
            false,
            "Failed authentications per client address before answering 429; 0 turns it off."),
        new Option(
            "--adapter-timeout",
            "SECONDS",
            seconds(d.adapterTimeout()),
            false,
            "Adapter deadline before answering 502."),
        new Option(
            "--rate-limit",
            "PER_SECOND[/BURST]",
            rate(d.rateLimitPerSecond()) + "/" + d.rateLimitBurst(),
            false,
            "Per-key (or, without keys, per-client-address) request rate and burst; 0 turns it"
                + " off."));
  }

  /**
   * The configuration that option values describe: each option name maps to its values in the order
   * given (an option left out keeps its default).
   *
   * @param values option name to values, e.g. {@code "--port" -> ["9000"]}
   * @param terminal whether standard output is an interactive terminal (decides {@code --audit-log
   *     auto})
   * @throws IllegalArgumentException naming the option, for an unknown option or a bad value
   */
  public static GatewayConfig configure(Map<String, List<String>> values, boolean terminal) {
    Objects.requireNonNull(values, "values");
    GatewayConfig config = GatewayConfig.defaults();
    for (String name : values.keySet()) {
      if (OPTIONS.stream().noneMatch(o -> o.name().equals(name))) {
        String renamed = RENAMED.get(name);
        throw new IllegalArgumentException(
            "unknown option " + name + (renamed == null ? "" : ": it is now " + renamed));
      }
    }
    String adapter = config.adapterName();
    Map<String, String> settings = new LinkedHashMap<>();
    String audit = AUDIT_AUTO;
    for (Option option : OPTIONS) {
      List<String> given = values.getOrDefault(option.name(), List.of());
      if (given.isEmpty()) {
        continue;
      }
      if (!option.repeatable() && given.size() > 1) {
        throw new IllegalArgumentException(option.name() + " may be given once");
      }
      String value = given.get(given.size() - 1);
      try {
        config = apply(config, option, value, given);
      } catch (IllegalArgumentException e) {
        throw named(option, e);
      }
      if (option.name().equals("--adapter")) {
        adapter = value;
      } else if (option.name().equals("--audit-log")) {
        audit = value;
      } else if (option.name().equals("--adapter-setting")) {
        for (String setting : given) {
          int eq = setting.indexOf('=');
          if (eq < 1) {
            throw new IllegalArgumentException("--adapter-setting takes KEY=VALUE");
          }
          settings.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
      }
    }
    config = tls(config, values);
    AuditSink sink = auditSink(audit, terminal);
    List<String> maxBytes = values.getOrDefault("--audit-max-bytes", List.of());
    List<String> keep = values.getOrDefault("--audit-keep", List.of());
    if (sink.path().isPresent()) {
      long max =
          maxBytes.isEmpty()
              ? AuditSink.DEFAULT_MAX_FILE_BYTES
              : longNumber("--audit-max-bytes", maxBytes.get(0));
      int kept =
          keep.isEmpty()
              ? AuditSink.DEFAULT_KEEP_FILES
              : integer(option("--audit-keep"), keep.get(0));
      try {
        sink = sink.withRotation(max == 0 ? Long.MAX_VALUE : max, kept);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--audit-max-bytes takes 0 or at least 1024, --audit-keep at least 1");
      }
    } else if (!maxBytes.isEmpty() || !keep.isEmpty()) {
      throw new IllegalArgumentException(
          "--audit-max-bytes and --audit-keep need --audit-log FILE");
    }
    return config.withAdapter(adapter, settings).withAuditSink(sink);
  }

  /**
   * A configuration's refusal in the words of the option: "maxConcurrentRequests must be at least
   * 1" becomes "--max-concurrent must be at least 1".
   */
  private static IllegalArgumentException named(Option option, IllegalArgumentException e) {
    String message = e.getMessage() == null ? "is not valid" : e.getMessage();
    if (message.startsWith("--")) {
      return e;
    }
    int space = message.indexOf(' ');
    return new IllegalArgumentException(
        option.name() + (space < 0 ? " is not valid" : message.substring(space)));
  }

  /**
   * The configuration with one option's value applied (options handled elsewhere leave it as it
   * is).
   */
  private static GatewayConfig apply(
      GatewayConfig config, Option option, String value, List<String> given) {
    switch (option.name()) {
      case "--host":
        config = config.withHost(value);
        break;
      case "--port":
        config = config.withPort(integer(option, value));
        break;
      case "--adapter":
      case "--audit-log":
        // Applied after the loop.
        break;
      case "--adapter-setting":
        // Applied after the loop, in order.
        break;
      case "--adapter-path":
        config = config.withAdapterClassLoader(adapterClassLoader(given));
        break;
      case "--key-store":
        config = config.withKeyFile(Path.of(value));
        break;
      case "--tls-cert":
      case "--tls-key":
      case "--tls-keystore":
      case "--tls-keystore-password-file":
        // Applied together below.
        break;
      case "--behind-proxy":
        config = config.withBehindProxy(Boolean.parseBoolean(value));
        break;
      case "--metrics-auth":
        if (!value.equals("on") && !value.equals("off")) {
          throw new IllegalArgumentException("--metrics-auth takes on or off");
        }
        config = config.withMetricsAuthenticated(value.equals("on"));
        break;
      case "--audit-max-bytes":
      case "--audit-keep":
        // Applied with --audit-log below.
        break;
      case "--key-store-check":
        double check = number(option, value);
        if (check < 0) {
          throw new IllegalArgumentException(option.name() + " takes 0 or more seconds");
        }
        config = config.withKeyFileCheckInterval(Duration.ofMillis(Math.round(check * 1000)));
        break;
      case "--max-body-bytes":
        config = config.withMaxBodyBytes(integer(option, value));
        break;
      case "--max-concurrent":
        config = config.withMaxConcurrentRequests(integer(option, value));
        break;
      case "--max-concurrent-per-client":
        config = config.withMaxConcurrentPerClient(integer(option, value));
        break;
      case "--body-timeout":
        config =
            config.withBodyTimeout(Duration.ofMillis(Math.round(number(option, value) * 1000)));
        break;
      case "--auth-failure-limit":
        double[] limit = rateAndBurst(option, value);
        config = config.withAuthFailureLimit(limit[0], (int) limit[1]);
        break;
      case "--adapter-timeout":
        config =
            config.withAdapterTimeout(Duration.ofMillis(Math.round(number(option, value) * 1000)));
        break;
      case "--rate-limit":
        double[] rate = rateAndBurst(option, value);
        config = config.withRateLimit(rate[0], (int) rate[1]);
        break;
      default:
        throw new AssertionError(option.name());
    }
    return config;
  }

  private static GatewayConfig tls(GatewayConfig config, Map<String, List<String>> values) {
    String cert = last(values, "--tls-cert");
    String key = last(values, "--tls-key");
    String store = last(values, "--tls-keystore");
    String password = last(values, "--tls-keystore-password-file");
    if (store != null || password != null) {
      if (cert != null || key != null) {
        throw new IllegalArgumentException(
            "--tls-keystore and --tls-cert are alternatives; give one");
      }
      if (store == null || password == null) {
        throw new IllegalArgumentException(
            "--tls-keystore and --tls-keystore-password-file go together");
      }
      return config.withTlsKeyStore(Path.of(store), Path.of(password));
    }
    if (cert != null || key != null) {
      if (cert == null || key == null) {
        throw new IllegalArgumentException("--tls-cert and --tls-key go together");
      }
      return config.withTlsPem(Path.of(cert), Path.of(key));
    }
    return config;
  }

  private static String last(Map<String, List<String>> values, String name) {
    List<String> given = values.getOrDefault(name, List.of());
    return given.isEmpty() ? null : given.get(given.size() - 1);
  }

  private static Option option(String name) {
    return OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  private static long longNumber(String name, String value) {
    try {
      long number = Long.parseLong(value.strip());
      if (number < 0) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a whole number");
    }
  }

  /**
   * Starts a gateway, prints one start-up line on {@code err}, serves until SIGTERM or SIGINT
   * (Ctrl-C), drains, and returns 0; SIGHUP reads the key file again. The start-up line is the only
   * line it prints; the gateway logs the drain, and its warnings, on standard error through {@code
   * java.util.logging}.
   *
   * @param program the name that starts every line, e.g. {@code cavra-cp}
   * @throws IllegalStateException as {@link Gateway#start} does, with a message that names options
   *     and files, never a class; so are its {@link IllegalArgumentException} and {@link
   *     java.io.UncheckedIOException}
   * @throws InterruptedException when the thread is interrupted while it serves
   */
  public static int serve(GatewayConfig config, String program, PrintWriter err)
      throws InterruptedException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(err, "err");
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      // One line per log record on standard error, ISO time first.
      System.setProperty(
          "java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
    }
    Gateway gateway = Gateway.start(config);
    // The gateway logs the drain ("draining N requests in flight …", "stopped") on standard error.
    Runnable stop = gateway::close;
    if (config.keyFile().isPresent() || config.tls()) {
      Signals.handle(
          "HUP",
          () -> {
            gateway.reloadKeys();
            gateway.reloadTls();
          });
    }
    boolean term = Signals.handle("TERM", stop);
    boolean interrupt = Signals.handle("INT", stop);
    if (!term || !interrupt) {
      // Without signal handlers the JVM's shutdown hooks are the only way to drain.
      Runtime.getRuntime().addShutdownHook(new Thread(stop, program + "-shutdown"));
    }
    // Printed once the signals are handled, so that whoever waits for this line may stop it at
    // once.
    err.println(program + ": " + startLine(gateway, config));
    err.flush();
    gateway.awaitShutdown();
    return 0;
  }

  static String startLine(Gateway gateway, GatewayConfig config) {
    String auth =
        config.keyFile().isEmpty() ? "authentication off: loopback only" : "API keys required";
    return "serving "
        + gateway.uri()
        + " with the "
        + config.adapterName()
        + " adapter ("
        + auth
        + "; audit "
        + config.auditSink().describe()
        + ")";
  }

  static AuditSink auditSink(String value, boolean terminal) {
    switch (value) {
      case AUDIT_AUTO:
        return terminal ? AuditSink.none() : AuditSink.stdout();
      case "stdout":
        return AuditSink.stdout();
      case "stderr":
        return AuditSink.stderr();
      case "none":
        return AuditSink.none();
      default:
        if (value.isBlank()) {
          throw new IllegalArgumentException(
              "--audit-log takes auto, stdout, stderr, none or a file");
        }
        return AuditSink.file(Path.of(value));
    }
  }

  private static ClassLoader adapterClassLoader(List<String> paths) {
    List<URL> urls = new ArrayList<>();
    for (String text : paths) {
      Path path = Path.of(text);
      if (!Files.exists(path)) {
        throw new IllegalArgumentException("--adapter-path names a missing file or folder");
      }
      try {
        urls.add(path.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("--adapter-path names an unusable path");
      }
    }
    return new URLClassLoader(
        "cavra-adapters", urls.toArray(URL[]::new), Launcher.class.getClassLoader());
  }

  /** {@code R} or {@code R/B}; the burst defaults to twice the rate (at least 1). */
  private static double[] rateAndBurst(Option option, String value) {
    String[] parts = value.split("/", 2);
    double rate = number(option, parts[0]);
    int burst =
        parts.length > 1 ? integer(option, parts[1]) : Math.max(1, (int) Math.ceil(rate * 2));
    return new double[] {rate, burst};
  }

  private static int integer(Option option, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option.name() + " takes a whole number");
    }
  }

  private static double number(Option option, String value) {
    try {
      double number = Double.parseDouble(value.strip());
      if (!Double.isFinite(number)) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option.name() + " takes a number");
    }
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
  }

  private static String rate(double perSecond) {
    return perSecond == Math.rint(perSecond)
        ? Long.toString((long) perSecond)
        : Double.toString(perSecond);
  }
}
