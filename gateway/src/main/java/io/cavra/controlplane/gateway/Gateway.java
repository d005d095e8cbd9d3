package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapterProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running reference gateway: an HTTP server (Jetty) that serves the control-plane contract in
 * front of one {@link ControlPlaneAdapter}. Thread-safe. Start one with {@link #start}, stop it
 * with {@link #close()}, which drains requests in flight first.
 *
 * <pre>{@code
 * try (Gateway gateway = Gateway.start(GatewayConfig.defaults().withPort(0))) {
 *   URI base = gateway.uri();           // e.g. http://127.0.0.1:40123/
 *   ...
 * }
 * }</pre>
 *
 * <p>The gateway enforces the contract on both sides: a request is parsed, validated and guarded
 * before the adapter sees it, and the adapter's answer is checked (same operation, correlation id
 * and tenant, valid shape, no credential material) before it leaves; an answer that fails is never
 * sent, the caller gets a 502 problem, and the log names the failed check without the payload. The
 * HTTP API, the problem table, the key file and the limits are described in the module's README and
 * in {@code GET /openapi.json}.
 */
public final class Gateway implements AutoCloseable {
  static final System.Logger LOG = System.getLogger("io.cavra.controlplane.gateway");

  private final GatewayConfig config;
  private final Server server;
  private final int port;
  private final Services services;
  private final AdapterRunner adapter;
  private final AuditSink.Log audit;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Object reloading = new Object();

  /** How often the TLS files are checked for a renewed certificate. */
  static final Duration TLS_CHECK = Duration.ofSeconds(2);

  private volatile Tls tls;

  /** The key file as last read, parsed or not: the watcher reads it again only when it changes. */
  private byte[] keyFileSeen;

  private byte[] keyFilePartial;

  private Gateway(
      GatewayConfig config,
      Server server,
      ServerConnector connector,
      Services services,
      AdapterRunner adapter,
      AuditSink.Log audit) {
    this.config = config;
    this.server = server;
    this.port = connector.getLocalPort();
    this.services = services;
    this.adapter = adapter;
    this.audit = audit;
  }

  /**
   * Starts a gateway and returns once it listens.
   *
   * @throws IllegalStateException if the configuration is unsafe (a non-loopback address without a
   *     key file) or the adapter cannot be created
   * @throws IllegalArgumentException if the key file or the adapter name is invalid
   * @throws UncheckedIOException if the key file or audit file cannot be opened, or the address
   *     cannot be bound
   */
  public static Gateway start(GatewayConfig config) {
    Objects.requireNonNull(config, "config");
    boolean loopback = isLoopback(config.host());
    if (!loopback && config.keyFile().isEmpty()) {
      throw new IllegalStateException(
          "refusing to listen on "
              + config.host()
              + " without a key file: authentication is off only on loopback addresses;"
              + " create keys with 'cavra-cp keys add' and pass --key-store, or bind 127.0.0.1");
    }
    if (!loopback && !config.tls() && !config.behindProxy()) {
      throw new IllegalStateException(
          "refusing to serve plain HTTP on "
              + config.host()
              + ": API keys would cross the network in cleartext; serve HTTPS with --tls-cert and"
              + " --tls-key (or --tls-keystore), or say --behind-proxy when a TLS-terminating proxy"
              + " sits in front");
    }
    Tls tls = config.tls() ? new Tls(config) : null;
    if (config.metricsAuthenticated() && config.keyFile().isEmpty()) {
      throw new IllegalStateException(
          "--metrics-auth needs --key-store: the metrics are then read with an API key");
    }
    ApiKeys keys = config.keyFile().map(ApiKeys::load).orElse(null);
    JettyLogs.install();
    ControlPlaneAdapter created = createAdapter(config);
    AdapterRunner adapter =
        new AdapterRunner(
            created,
            config.adapterName(),
            config.adapterThreads(),
            config.maxConcurrentRequests(),
            config.adapterTimeout());
    AuditSink.Log audit;
    try {
      audit = config.auditSink().open();
    } catch (IOException e) {
      adapter.close();
      throw new UncheckedIOException("cannot open the audit trail " + config.auditSink(), e);
    }
    Services services;
    Server server;
    ServerConnector connector;
    try {
      services = new Services(config, keys, adapter, audit);
      Routes.Builder routes = Routes.builder();
      routing(routes, new Endpoints(services));
      QueuedThreadPool threads = new QueuedThreadPool(200, 8);
      threads.setName("cavra-gateway");
      server = new Server(threads);
      HttpConfiguration http = new HttpConfiguration();
      http.setRequestHeaderSize(config.maxHeaderBytes());
      http.setSendServerVersion(false);
      http.setSendXPoweredBy(false);
      if (config.behindProxy()) {
        // RFC 7239 Forwarded only: X-Forwarded-* could be sent by anyone the proxy lets through.
        ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();
        forwarded.setForwardedOnly(true);
        http.addCustomizer(forwarded);
      }
      if (tls != null) {
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        connector =
            new ServerConnector(
                server,
                new SslConnectionFactory(tls.factory(), "http/1.1"),
                new HttpConnectionFactory(http));
      } else {
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
      }
      connector.setHost(config.host());
      connector.setPort(config.port());
      connector.setIdleTimeout(config.idleTimeout().toMillis());
      server.addConnector(connector);
      server.setHandler(new Dispatcher(routes.build(), services));
      server.setErrorHandler(new ProblemErrorHandler(services));
      // The gateway drains its own work requests before it stops the server (see close()).
      server.setStopTimeout(0);
    } catch (RuntimeException e) {
      adapter.close();
      audit.close();
      throw e;
    }
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      adapter.close();
      audit.close();
      String message = cannotListen(config, e);
      throw new UncheckedIOException(message, new IOException(message, e));
    }
    Gateway gateway = new Gateway(config, server, connector, services, adapter, audit);
    gateway.tls = tls;
    if (tls != null) {
      services.every(TLS_CHECK, () -> gateway.reloadTls());
    }
    if (keys != null) {
      gateway.keyFileSeen = ApiKeys.read(config.keyFile().get());
      if (!config.keyFileCheckInterval().isZero()) {
        services.every(config.keyFileCheckInterval(), () -> gateway.reloadKeys(false));
      }
    }
    // The launchers print one start-up line of their own; an embedding application knows it started
    // one.
    LOG.log(
        System.Logger.Level.DEBUG,
        "listening on "
            + gateway.uri()
            + " with adapter "
            + config.adapterName()
            + (keys == null
                ? "; authentication is OFF (no key file; allowed on loopback only)"
                : "; authentication on ("
                    + keys.entries().size()
                    + (keys.entries().size() == 1 ? " key)" : " keys)")));
    if (keys != null && keys.entries().isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "the key file holds no keys: every /v1 request will be refused");
    }
    return gateway;
  }

  /**
   * Registers every route: method, path template, access rule and endpoint. This table is the
   * gateway's HTTP API; {@code GET /openapi.json} documents the same routes (a test keeps them
   * equal). Endpoints are looked up when a request arrives, so tests may pass {@code null}.
   */
  static void routing(Routes.Builder routes, Endpoints endpoints) {
    routes
        .post("/v1/control-plane", e -> endpoints.controlPlane(e))
        .post("/v1/validate", e -> endpoints.validate(e))
        .post("/v1/build/{operation}", e -> endpoints.build(e))
        .get("/v1/operations", Routes.Access.PUBLIC, e -> endpoints.operations(e))
        .get("/v1/contract", Routes.Access.PUBLIC, e -> endpoints.contract(e))
        .get("/v1/schemas", Routes.Access.PUBLIC, e -> endpoints.schemas(e))
        .get("/v1/schemas/{name}", Routes.Access.PUBLIC, e -> endpoints.schema(e))
        .get("/openapi.json", Routes.Access.PUBLIC, e -> endpoints.openApi(e))
        .get("/healthz", Routes.Access.PROBE, e -> endpoints.health(e))
        .get("/readyz", Routes.Access.PROBE, e -> endpoints.ready(e))
        .get("/metrics", Routes.Access.PROBE, e -> endpoints.metrics(e))
        .get("/", Routes.Access.PUBLIC, e -> endpoints.explorerIndex(e))
        .get("/explorer/{file...}", Routes.Access.PUBLIC, e -> endpoints.explorerFile(e));
  }

  /** The base URI, e.g. {@code http://127.0.0.1:8787/}. */
  public URI uri() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create((config.tls() ? "https://" : "http://") + host + ":" + port() + "/");
  }

  /** The port the gateway listens on; the chosen one when the configuration asked for port 0. */
  public int port() {
    return port;
  }

  /** The configuration it runs with. */
  public GatewayConfig config() {
    return config;
  }

  /** Work requests in flight now. */
  int inFlight() {
    return services.inFlight();
  }

  /** Whether it accepts work: {@code true} from start until {@link #close()} begins to drain. */
  public boolean isReady() {
    return !services.draining() && stopped.getCount() > 0;
  }

  /**
   * Stops gracefully: from now on {@code /readyz} answers 503 and new work requests get 503 {@code
   * shutting_down} (probes still answer, so load balancers see the drain); requests in flight may
   * finish for up to {@link GatewayConfig#shutdownTimeout()}; then the server stops, the adapter is
   * closed and the audit trail flushed. Idempotent; a second call waits for the first.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitShutdownUninterruptibly();
      return;
    }
    try {
      services.startDraining();
      LOG.log(
          System.Logger.Level.INFO,
          "draining "
              + services.inFlight()
              + " requests in flight (up to "
              + seconds(config.shutdownTimeout())
              + ")");
      long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
      boolean interrupted = false;
      while (services.inFlight() > 0 && System.nanoTime() - deadline < 0 && !interrupted) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (services.inFlight() > 0) {
        LOG.log(
            System.Logger.Level.WARNING,
            "stopping with " + services.inFlight() + " requests still in flight");
      }
      stopQuietly(server);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    } finally {
      adapter.close();
      audit.close();
      services.close();
      // Logged before waking whoever waits: a launcher exits as soon as awaitShutdown returns.
      LOG.log(System.Logger.Level.INFO, "stopped");
      stopped.countDown();
    }
  }

  /**
   * Reads the key file again and puts its keys in force: keys added since are accepted, keys
   * removed (revoked) or expired are refused, for every request from now on. A file that cannot be
   * read or parsed is logged (by line and problem, never its text) and the keys in force stay.
   *
   * @return whether the file was read and its keys are in force; {@code false} without a key file
   * @since 0.2
   */
  public boolean reloadKeys() {
    return reloadKeys(true);
  }

  private boolean reloadKeys(boolean always) {
    if (config.keyFile().isEmpty()) {
      return false;
    }
    Path file = config.keyFile().get();
    synchronized (reloading) {
      try {
        byte[] content = ApiKeys.read(file);
        if (!always && java.util.Arrays.equals(content, keyFileSeen)) {
          return true;
        }
        if (!always
            && content.length > 0
            && content[content.length - 1] != '\n'
            && !java.util.Arrays.equals(content, keyFilePartial)) {
          // Possibly a line still being appended: read it again at the next check before judging
          // it.
          keyFilePartial = content;
          return true;
        }
        keyFileSeen = content;
        ApiKeys keys = ApiKeys.of(content, file);
        services.keys(keys);
        LOG.log(
            System.Logger.Level.INFO,
            "key file reloaded: " + keys.entries().size() + " keys in force");
        return true;
      } catch (IllegalArgumentException | UncheckedIOException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "key file not reloaded, the "
                + services.keys().entries().size()
                + " keys in force stay: "
                + e.getMessage());
        return false;
      }
    }
  }

  /**
   * Reads the TLS files again if they changed, and serves the new certificate on new connections. A
   * file that cannot be used is logged (file and problem) and the material in force stays.
   *
   * @return whether new material was put in force
   * @since 0.2
   */
  public boolean reloadTls() {
    Tls current = tls;
    if (current == null) {
      return false;
    }
    synchronized (reloading) {
      try {
        if (current.reloadIfChanged()) {
          LOG.log(System.Logger.Level.INFO, "TLS certificate reloaded");
          return true;
        }
        return false;
      } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "TLS files not reloaded, the certificate in force stays: " + e.getMessage());
        return false;
      }
    }
  }

  /** Blocks until the gateway has stopped (after {@link #close()}, e.g. from a shutdown hook). */
  public void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  /** {@link #awaitShutdown()} with a limit; {@code true} if it stopped in time. */
  public boolean awaitShutdown(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void awaitShutdownUninterruptibly() {
    boolean interrupted = false;
    while (true) {
      try {
        stopped.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static ControlPlaneAdapter createAdapter(GatewayConfig config) {
    ClassLoader loader =
        config
            .adapterClassLoader()
            .orElseGet(
                () -> {
                  ClassLoader context = Thread.currentThread().getContextClassLoader();
                  return context != null ? context : Gateway.class.getClassLoader();
                });
    ControlPlaneAdapterProvider provider;
    try {
      provider = ControlPlaneAdapterProvider.named(config.adapterName(), loader);
    } catch (ContractException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    try {
      ControlPlaneAdapter adapter = provider.create(config.adapterSettings());
      if (adapter == null) {
        throw new IllegalStateException("adapter " + config.adapterName() + " created nothing");
      }
      return adapter;
    } catch (ContractException e) {
      throw new IllegalArgumentException(
          "adapter " + config.adapterName() + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "adapter " + config.adapterName() + " failed to start: " + describe(e), e);
    }
  }

  /**
   * Why the server could not listen, in words: the operating system's reason for a bind failure
   * ("address already in use"), with what to do about a busy port; never an exception class.
   */
  static String cannotListen(GatewayConfig config, Throwable failure) {
    String address = config.host() + ":" + config.port();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.BindException) {
        String reason =
            cause.getMessage() == null
                ? ""
                : cause.getMessage().strip().toLowerCase(java.util.Locale.ROOT);
        if (reason.contains("in use")) {
          return "cannot listen on "
              + address
              + ": the address is already in use;"
              + " stop what listens there or choose another port with --port";
        }
        if (reason.contains("permission") || reason.contains("access")) {
          return "cannot listen on "
              + address
              + ": permission denied (ports below 1024 need privileges);"
              + " choose another port with --port";
        }
        return "cannot listen on "
            + address
            + ": the address is not available on this host; check --host";
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return "cannot listen on " + address;
  }

  private static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + host, e);
    }
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "server stop failed: " + describe(e));
    }
  }

  /**
   * A throwable for the log without its message, which may hold data from outside: the class, the
   * contract code and rule when there is one, and where it was thrown.
   */
  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder(failure.getClass().getName());
    if (failure instanceof ContractException) {
      ContractException e = (ContractException) failure;
      text.append(' ').append(e.code().wireName());
      e.ruleId().ifPresent(rule -> text.append(" rule ").append(rule));
    }
    StackTraceElement[] trace = failure.getStackTrace();
    if (trace.length > 0) {
      text.append(" at ").append(trace[0]);
    }
    if (failure.getCause() != null && failure.getCause() != failure) {
      text.append("; caused by ").append(failure.getCause().getClass().getName());
    }
    return text.toString();
  }

  static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : (millis / 1000.0) + " s";
  }
}
