package io.cavra.controlplane.cli;

import io.cavra.controlplane.gateway.AuditSink;
import io.cavra.controlplane.gateway.Gateway;
import io.cavra.controlplane.gateway.GatewayConfig;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    header = "Serve the contract over HTTP through the reference gateway.",
    description = {
        "Start the gateway: POST /v1/control-plane answers request envelopes through an adapter, with",
        "requests and answers checked against the contract on both sides; the contract explorer is at /.",
        "With no options it serves the Community adapter on 127.0.0.1:8787 without authentication.",
        "Any address other than loopback needs --key-store, a key store made by 'keys add'. Stop it with",
        "Ctrl-C or SIGTERM: in-flight requests drain first."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  cavra-cp serve",
        "  cavra-cp keys add --key-store keys.jsonl --key-id demo --tenant tenant-demo \\",
        "      --tenant tenant-conformance-b --api-key-file demo.key",
        "  cavra-cp serve --key-store keys.jsonl",
        "  cavra-cp serve --adapter-path examples/tenant-state-adapter/target/tenant-state-adapter.jar \\",
        "      --adapter tenant-state --adapter-setting state-file=examples/tenant-state-adapter/tenants.json"})
final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}); non-loopback addresses need --key-store.")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8787",
      description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--adapter", paramLabel = "NAME", defaultValue = "community",
      description = "Adapter to serve, found by name with ServiceLoader (default: ${DEFAULT-VALUE}).")
  String adapter;

  @Option(names = "--adapter-setting", paramLabel = "KEY=VALUE", description = "An adapter setting; repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--adapter-path", paramLabel = "JAR|DIR",
      description = "A jar or class folder holding a private adapter; repeatable.")
  List<Path> adapterPath = new ArrayList<>();

  @Option(names = "--key-store", paramLabel = "FILE",
      description = "API key store (hashes only, made by 'keys add'); turns authentication on.")
  Path keyFile;

  @Option(names = "--audit-log", paramLabel = "PATH|stdout|none", defaultValue = "stdout",
      description = "Where the per-request audit lines go (default: ${DEFAULT-VALUE}).")
  String auditLog;

  @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "1048576",
      description = "Request body limit in bytes (default: ${DEFAULT-VALUE}).")
  int maxBodyBytes;

  @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "256",
      description = "Requests in flight before answering 503 (default: ${DEFAULT-VALUE}).")
  int maxConcurrent;

  @Option(names = "--adapter-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Adapter deadline before answering 502 (default: ${DEFAULT-VALUE}).")
  double adapterTimeout;

  @Option(names = "--rate-limit", paramLabel = "PER_SECOND[/BURST]", defaultValue = "100/200",
      description = "Per-key request rate and burst; 0 turns it off (default: ${DEFAULT-VALUE}).")
  String rateLimit;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    GatewayConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      throw new UsageException(spec.commandLine(), e.getMessage());
    }
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      // One line per log record on standard error, ISO time first.
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
    }
    Gateway gateway;
    try {
      gateway = Gateway.start(config);
    } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
      // The gateway's messages name options and files, never secret values.
      err.println("error: cannot_start at serve: " + e.getMessage());
      return ExitCodes.IO_ERROR;
    }
    err.println("cavra-cp: serving " + gateway.uri() + " with the " + adapter + " adapter"
        + (keyFile == null ? " (authentication off: loopback only)" : " (API keys required)"));
    err.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "cavra-cp-serve-shutdown"));
    gateway.awaitShutdown();
    return ExitCodes.OK;
  }

  GatewayConfig config() {
    GatewayConfig config = GatewayConfig.defaults()
        .withHost(host)
        .withPort(port)
        .withAdapter(adapter, settings)
        .withMaxBodyBytes(maxBodyBytes)
        .withMaxConcurrentRequests(maxConcurrent)
        .withAdapterTimeout(Duration.ofMillis(Math.round(adapterTimeout * 1000)))
        .withAuditSink(auditLog.equals("stdout") ? AuditSink.stdout()
            : auditLog.equals("none") ? AuditSink.none() : AuditSink.file(Path.of(auditLog)));
    String[] rate = rateLimit.split("/", 2);
    try {
      double perSecond = Double.parseDouble(rate[0]);
      int burst = rate.length > 1 ? Integer.parseInt(rate[1]) : Math.max(1, (int) Math.ceil(perSecond * 2));
      config = config.withRateLimit(perSecond, burst);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--rate-limit takes PER_SECOND or PER_SECOND/BURST");
    }
    if (keyFile != null) {
      config = config.withKeyFile(keyFile);
    }
    if (!adapterPath.isEmpty()) {
      config = config.withAdapterClassLoader(adapterClassLoader());
    }
    return config;
  }

  private ClassLoader adapterClassLoader() {
    List<URL> urls = new ArrayList<>();
    for (Path path : adapterPath) {
      if (!Files.exists(path)) {
        throw new IllegalArgumentException("--adapter-path names a missing file or folder");
      }
      try {
        urls.add(path.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("--adapter-path names an unusable path");
      }
    }
    return new URLClassLoader("cavra-adapters", urls.toArray(URL[]::new), ServeCommand.class.getClassLoader());
  }
}
