package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapterProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
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
 * sent, the caller gets a 502 problem, and the log names the failed check without the payload.
 * The HTTP API, the problem table, the key file and the limits are described in the module's
 * README and in {@code GET /openapi.json}.
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

  private Gateway(GatewayConfig config, Server server, ServerConnector connector, Services services,
      AdapterRunner adapter, AuditSink.Log audit) {
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
      throw new IllegalStateException("refusing to listen on " + config.host()
          + " without a key file: authentication is off only on loopback addresses;"
          + " create keys with 'cavra-cp keys add' and pass --key-store, or bind 127.0.0.1");
    }
    ApiKeys keys = config.keyFile().map(ApiKeys::load).orElse(null);
    ControlPlaneAdapter created = createAdapter(config);
    AdapterRunner adapter = new AdapterRunner(created, config.adapterName(), config.adapterThreads(),
        config.maxConcurrentRequests(), config.adapterTimeout());
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
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
      connector.setHost(config.host());
      connector.setPort(config.port());
      connector.setIdleTimeout(config.idleTimeout().toMillis());
      server.addConnector(connector);
      server.setHandler(new Dispatcher(routes.build(), services));
      server.setErrorHandler(new ProblemErrorHandler(services.guard()));
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
      throw new UncheckedIOException(new IOException("cannot listen on " + config.host() + ":" + config.port()
          + " (" + describe(e) + ")", e));
    }
    Gateway gateway = new Gateway(config, server, connector, services, adapter, audit);
    LOG.log(System.Logger.Level.INFO, "listening on " + gateway.uri() + " with adapter " + config.adapterName()
        + (keys == null ? "; authentication is OFF (no key file; allowed on loopback only)"
            : "; authentication on (" + keys.entries().size() + (keys.entries().size() == 1 ? " key)" : " keys)")));
    if (keys != null && keys.entries().isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "the key file holds no keys: every /v1 request will be refused");
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
    return URI.create("http://" + host + ":" + port() + "/");
  }

  /** The port the gateway listens on; the chosen one when the configuration asked for port 0. */
  public int port() {
    return port;
  }

  /** The configuration it runs with. */
  public GatewayConfig config() {
    return config;
  }

  /** Whether it accepts work: {@code true} from start until {@link #close()} begins to drain. */
  public boolean isReady() {
    return !services.draining() && stopped.getCount() > 0;
  }

  /**
   * Stops gracefully: from now on {@code /readyz} answers 503 and new work requests get 503
   * {@code shutting_down} (probes still answer, so load balancers see the drain); requests in flight
   * may finish for up to {@link GatewayConfig#shutdownTimeout()}; then the server stops, the adapter
   * is closed and the audit trail flushed. Idempotent; a second call waits for the first.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitShutdownUninterruptibly();
      return;
    }
    try {
      services.startDraining();
      LOG.log(System.Logger.Level.INFO, "draining " + services.inFlight() + " requests in flight (up to "
          + seconds(config.shutdownTimeout()) + ")");
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
        LOG.log(System.Logger.Level.WARNING, "stopping with " + services.inFlight() + " requests still in flight");
      }
      stopQuietly(server);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    } finally {
      adapter.close();
      audit.close();
      stopped.countDown();
      LOG.log(System.Logger.Level.INFO, "stopped");
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
    ClassLoader loader = config.adapterClassLoader().orElseGet(() -> {
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
      throw new IllegalArgumentException("adapter " + config.adapterName() + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("adapter " + config.adapterName() + " failed to start: " + describe(e), e);
    }
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
   * A throwable for the log without its message, which may hold data from outside: the class,
   * the contract code and rule when there is one, and where it was thrown.
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
