package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.adapter.CommunityAdapter;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a {@link Gateway}: where it listens, which adapter answers, who may call it, and
 * its limits. Immutable and thread-safe; every {@code withX} method returns a copy.
 *
 * <pre>{@code
 * GatewayConfig config = GatewayConfig.defaults()
 *     .withHost("0.0.0.0")
 *     .withKeyFile(Path.of("/etc/cavra/keys.jsonl"))
 *     .withAdapter("acme", Map.of("state-file", "/var/lib/acme/tenants.json"));
 * try (Gateway gateway = Gateway.start(config)) {
 *   gateway.awaitShutdown();
 * }
 * }</pre>
 *
 * <p>Security defaults: without a key file, authentication is off, which {@link Gateway#start}
 * allows only on a loopback address; on any other address it refuses to start.
 */
public final class GatewayConfig {
  /** Default host: {@value}. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Default port: {@value}. */
  public static final int DEFAULT_PORT = 8787;

  /** Default body limit: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  /** Default nesting limit of request bodies: {@value}. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /** Default limit of the request line plus headers: 8 KiB. */
  public static final int DEFAULT_MAX_HEADER_BYTES = 8 << 10;

  /** Default bound on requests in flight: {@value}. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 256;

  /**
   * Default bound on requests in flight for one API key, or one client address without keys:
   * {@value}.
   */
  public static final int DEFAULT_MAX_CONCURRENT_PER_CLIENT = 64;

  /** Default number of adapter threads: {@value}. */
  public static final int DEFAULT_ADAPTER_THREADS = 64;

  /** Default sustained rate per API key: {@value} requests per second. */
  public static final double DEFAULT_RATE_LIMIT_PER_SECOND = 100;

  /** Default burst per API key: {@value} requests. */
  public static final int DEFAULT_RATE_LIMIT_BURST = 200;

  /** Default failed authentications allowed per client address: {@value} per second. */
  public static final double DEFAULT_AUTH_FAILURES_PER_SECOND = 5;

  /** Default burst of failed authentications per client address: {@value}. */
  public static final int DEFAULT_AUTH_FAILURE_BURST = 20;

  private static final GatewayConfig DEFAULTS = new GatewayConfig(new Values());

  private final String host;
  private final int port;
  private final String adapterName;
  private final Map<String, String> adapterSettings;
  private final ClassLoader adapterClassLoader;
  private final Path keyFile;
  private final int maxBodyBytes;
  private final int maxDepth;
  private final int maxHeaderBytes;
  private final Duration idleTimeout;
  private final int maxConcurrentRequests;
  private final int maxConcurrentPerClient;
  private final Duration bodyTimeout;
  private final Duration keyFileCheckInterval;
  private final boolean metricsAuthenticated;
  private final Path tlsCertificate;
  private final Path tlsPrivateKey;
  private final Path tlsKeyStore;
  private final Path tlsKeyStorePasswordFile;
  private final boolean behindProxy;
  private final double authFailuresPerSecond;
  private final int authFailureBurst;
  private final int adapterThreads;
  private final Duration adapterTimeout;
  private final double rateLimitPerSecond;
  private final int rateLimitBurst;
  private final Duration shutdownTimeout;
  private final AuditSink auditSink;
  private final SecretGuard secretGuard;

  private GatewayConfig(Values v) {
    this.host = v.host;
    this.port = v.port;
    this.adapterName = v.adapterName;
    this.adapterSettings = v.adapterSettings;
    this.adapterClassLoader = v.adapterClassLoader;
    this.keyFile = v.keyFile;
    this.maxBodyBytes = v.maxBodyBytes;
    this.maxDepth = v.maxDepth;
    this.maxHeaderBytes = v.maxHeaderBytes;
    this.idleTimeout = v.idleTimeout;
    this.maxConcurrentRequests = v.maxConcurrentRequests;
    this.maxConcurrentPerClient = v.maxConcurrentPerClient;
    this.bodyTimeout = v.bodyTimeout;
    this.keyFileCheckInterval = v.keyFileCheckInterval;
    this.metricsAuthenticated = v.metricsAuthenticated;
    this.tlsCertificate = v.tlsCertificate;
    this.tlsPrivateKey = v.tlsPrivateKey;
    this.tlsKeyStore = v.tlsKeyStore;
    this.tlsKeyStorePasswordFile = v.tlsKeyStorePasswordFile;
    this.behindProxy = v.behindProxy;
    this.authFailuresPerSecond = v.authFailuresPerSecond;
    this.authFailureBurst = v.authFailureBurst;
    this.adapterThreads = v.adapterThreads;
    this.adapterTimeout = v.adapterTimeout;
    this.rateLimitPerSecond = v.rateLimitPerSecond;
    this.rateLimitBurst = v.rateLimitBurst;
    this.shutdownTimeout = v.shutdownTimeout;
    this.auditSink = v.auditSink;
    this.secretGuard = v.secretGuard;
  }

  /**
   * The defaults: {@value #DEFAULT_HOST}:{@value #DEFAULT_PORT}, the {@code community} adapter, no
   * key file (authentication off, loopback only), audit lines to standard output, and the default
   * limits documented on each getter.
   */
  public static GatewayConfig defaults() {
    return DEFAULTS;
  }

  /** The address to bind; a host name or an IP literal. Default: {@value #DEFAULT_HOST}. */
  public String host() {
    return host;
  }

  /** A copy listening on {@code host}. */
  public GatewayConfig withHost(String host) {
    Values v = values();
    v.host = requireText(host, "host");
    return new GatewayConfig(v);
  }

  /**
   * The TCP port; {@code 0} picks a free one (see {@link Gateway#port()}). Default: {@value
   * #DEFAULT_PORT}.
   */
  public int port() {
    return port;
  }

  /** A copy listening on {@code port} (0 to 65535). */
  public GatewayConfig withPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535");
    }
    Values v = values();
    v.port = port;
    return new GatewayConfig(v);
  }

  /**
   * The name of the adapter's {@link
   * io.cavra.controlplane.contract.adapter.ControlPlaneAdapterProvider}. Default: {@code
   * community}.
   */
  public String adapterName() {
    return adapterName;
  }

  /** The adapter's settings, in the order given. Default: none. */
  public Map<String, String> adapterSettings() {
    return adapterSettings;
  }

  /** A copy using the adapter called {@code name} with {@code settings} (order kept). */
  public GatewayConfig withAdapter(String name, Map<String, String> settings) {
    Values v = values();
    v.adapterName = requireText(name, "name");
    Objects.requireNonNull(settings, "settings");
    v.adapterSettings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    return new GatewayConfig(v);
  }

  /** A copy using the adapter called {@code name} with no settings. */
  public GatewayConfig withAdapter(String name) {
    return withAdapter(name, Map.of());
  }

  /**
   * The class loader in which adapters are looked up; empty means the thread's context class loader
   * at start. Default: empty.
   */
  public Optional<ClassLoader> adapterClassLoader() {
    return Optional.ofNullable(adapterClassLoader);
  }

  /** A copy that looks adapters up in {@code loader}, e.g. one over a private adapter's jar. */
  public GatewayConfig withAdapterClassLoader(ClassLoader loader) {
    Values v = values();
    v.adapterClassLoader = Objects.requireNonNull(loader, "loader");
    return new GatewayConfig(v);
  }

  /** The API key file (see {@link ApiKeys}); empty means authentication is off. Default: empty. */
  public Optional<Path> keyFile() {
    return Optional.ofNullable(keyFile);
  }

  /** A copy that authenticates callers against {@code keyFile}. */
  public GatewayConfig withKeyFile(Path keyFile) {
    Values v = values();
    v.keyFile = Objects.requireNonNull(keyFile, "keyFile");
    return new GatewayConfig(v);
  }

  /**
   * How often a running gateway checks its key file for changes; a changed file is read again, so
   * that added, revoked and expired keys take effect without a restart (a file that no longer
   * parses is logged and the keys in force are kept). {@link Duration#ZERO} turns the check off
   * (SIGHUP to the launcher, or {@link Gateway#reloadKeys()}, still reloads). Default: 2 s.
   */
  public Duration keyFileCheckInterval() {
    return keyFileCheckInterval;
  }

  /** A copy with another key file check interval (zero for none). */
  public GatewayConfig withKeyFileCheckInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative");
    }
    Values v = values();
    v.keyFileCheckInterval = interval;
    return new GatewayConfig(v);
  }

  /**
   * Whether {@code GET /metrics} needs a valid API key from the key file ({@code Authorization:
   * Bearer}, as Prometheus sends with {@code authorization.credentials_file}); {@link
   * Gateway#start} refuses it without a key file. Default: {@code false} (metrics are open like the
   * probes).
   */
  public boolean metricsAuthenticated() {
    return metricsAuthenticated;
  }

  /** A copy in which {@code /metrics} needs an API key, or not. */
  public GatewayConfig withMetricsAuthenticated(boolean authenticated) {
    Values v = values();
    v.metricsAuthenticated = authenticated;
    return new GatewayConfig(v);
  }

  /**
   * Whether the gateway serves HTTPS: with PEM files or a PKCS#12 key store. Default: {@code
   * false}.
   */
  public boolean tls() {
    return tlsCertificate != null || tlsKeyStore != null;
  }

  /**
   * The PEM certificate chain (the server's certificate first), when serving HTTPS from PEM files.
   */
  public Optional<Path> tlsCertificate() {
    return Optional.ofNullable(tlsCertificate);
  }

  /** The PKCS#8 PEM private key of {@link #tlsCertificate()}. */
  public Optional<Path> tlsPrivateKey() {
    return Optional.ofNullable(tlsPrivateKey);
  }

  /** The PKCS#12 key store, when serving HTTPS from one. */
  public Optional<Path> tlsKeyStore() {
    return Optional.ofNullable(tlsKeyStore);
  }

  /** The file holding the password of {@link #tlsKeyStore()} (one line). */
  public Optional<Path> tlsKeyStorePasswordFile() {
    return Optional.ofNullable(tlsKeyStorePasswordFile);
  }

  /**
   * A copy serving HTTPS (TLS 1.3 and 1.2 only) with a PEM certificate chain and its PKCS#8 PEM
   * private key ({@code BEGIN PRIVATE KEY}). A running gateway reads the files again when they
   * change (every 2 s, and on SIGHUP), so a renewed certificate needs no restart.
   *
   * @since 0.2
   */
  public GatewayConfig withTlsPem(Path certificateChain, Path privateKey) {
    Values v = values();
    v.tlsCertificate = Objects.requireNonNull(certificateChain, "certificateChain");
    v.tlsPrivateKey = Objects.requireNonNull(privateKey, "privateKey");
    v.tlsKeyStore = null;
    v.tlsKeyStorePasswordFile = null;
    return new GatewayConfig(v);
  }

  /**
   * A copy serving HTTPS from a PKCS#12 key store (its first private key entry) whose password is
   * the first line of {@code passwordFile}; reloaded on change like {@link #withTlsPem}.
   *
   * @since 0.2
   */
  public GatewayConfig withTlsKeyStore(Path pkcs12, Path passwordFile) {
    Values v = values();
    v.tlsKeyStore = Objects.requireNonNull(pkcs12, "pkcs12");
    v.tlsKeyStorePasswordFile = Objects.requireNonNull(passwordFile, "passwordFile");
    v.tlsCertificate = null;
    v.tlsPrivateKey = null;
    return new GatewayConfig(v);
  }

  /**
   * Whether a TLS-terminating proxy sits in front: then plain HTTP is allowed on a non-loopback
   * address, and the client address is taken from the proxy's RFC 7239 {@code Forwarded} header
   * ({@code for=}), which is ignored otherwise ({@code X-Forwarded-For} always is). Default: {@code
   * false}.
   */
  public boolean behindProxy() {
    return behindProxy;
  }

  /** A copy that trusts (or not) a proxy in front. */
  public GatewayConfig withBehindProxy(boolean behindProxy) {
    Values v = values();
    v.behindProxy = behindProxy;
    return new GatewayConfig(v);
  }

  /** The largest accepted request body in bytes. Default: 1 MiB. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** A copy with another body limit (at least 1 byte). */
  public GatewayConfig withMaxBodyBytes(int maxBodyBytes) {
    Values v = values();
    v.maxBodyBytes = positive(maxBodyBytes, "maxBodyBytes");
    return new GatewayConfig(v);
  }

  /**
   * The deepest nesting of arrays and objects accepted in a body. Default: {@value
   * #DEFAULT_MAX_DEPTH}.
   */
  public int maxDepth() {
    return maxDepth;
  }

  /** A copy with another nesting limit (at least 1). */
  public GatewayConfig withMaxDepth(int maxDepth) {
    Values v = values();
    v.maxDepth = positive(maxDepth, "maxDepth");
    return new GatewayConfig(v);
  }

  /**
   * The largest request line plus headers in bytes; larger ones get 431 (414 for a long request
   * line). Default: 8 KiB.
   */
  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  /** A copy with another header limit (at least 1 KiB). */
  public GatewayConfig withMaxHeaderBytes(int maxHeaderBytes) {
    if (maxHeaderBytes < 1024) {
      throw new IllegalArgumentException("maxHeaderBytes must be at least 1024");
    }
    Values v = values();
    v.maxHeaderBytes = maxHeaderBytes;
    return new GatewayConfig(v);
  }

  /**
   * How long an idle connection stays open, and how long a slow request may stall. Default: 30 s.
   */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** A copy with another idle timeout (positive). */
  public GatewayConfig withIdleTimeout(Duration idleTimeout) {
    Values v = values();
    v.idleTimeout = positive(idleTimeout, "idleTimeout");
    return new GatewayConfig(v);
  }

  /**
   * The bound on requests in flight on the {@code /v1} endpoints; past it the gateway answers 503
   * {@code overloaded} with {@code Retry-After}. Default: {@value
   * #DEFAULT_MAX_CONCURRENT_REQUESTS}.
   */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** A copy with another concurrency bound (at least 1). */
  public GatewayConfig withMaxConcurrentRequests(int maxConcurrentRequests) {
    Values v = values();
    v.maxConcurrentRequests = positive(maxConcurrentRequests, "maxConcurrentRequests");
    return new GatewayConfig(v);
  }

  /**
   * The bound on requests in flight for one API key (or, without a key file, one client address),
   * so that one caller cannot take every slot of {@link #maxConcurrentRequests()}; past it the
   * gateway answers 503 {@code overloaded}. Default: {@value #DEFAULT_MAX_CONCURRENT_PER_CLIENT}.
   */
  public int maxConcurrentPerClient() {
    return maxConcurrentPerClient;
  }

  /** A copy with another per-client concurrency bound (at least 1). */
  public GatewayConfig withMaxConcurrentPerClient(int maxConcurrentPerClient) {
    Values v = values();
    v.maxConcurrentPerClient = positive(maxConcurrentPerClient, "maxConcurrentPerClient");
    return new GatewayConfig(v);
  }

  /**
   * How long a client may take to send a whole request body, however steadily it trickles (the idle
   * timeout only ends a body that stalls); past it the gateway answers 408 {@code request_timeout}
   * and closes the connection. Default: 10 s.
   */
  public Duration bodyTimeout() {
    return bodyTimeout;
  }

  /** A copy with another body deadline (positive). */
  public GatewayConfig withBodyTimeout(Duration bodyTimeout) {
    Values v = values();
    v.bodyTimeout = positive(bodyTimeout, "bodyTimeout");
    return new GatewayConfig(v);
  }

  /**
   * The failed authentications (401) allowed per client address and second; past the burst the
   * address gets 429 {@code rate_limited} before its key is even checked. {@code 0} turns it off.
   * Default: {@value #DEFAULT_AUTH_FAILURES_PER_SECOND}.
   */
  public double authFailuresPerSecond() {
    return authFailuresPerSecond;
  }

  /**
   * The burst of failed authentications per client address. Default: {@value
   * #DEFAULT_AUTH_FAILURE_BURST}.
   */
  public int authFailureBurst() {
    return authFailureBurst;
  }

  /**
   * A copy with another bucket for failed authentications per client address ({@code perSecond} 0 =
   * off).
   */
  public GatewayConfig withAuthFailureLimit(double perSecond, int burst) {
    if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("perSecond must be finite and not negative");
    }
    Values v = values();
    v.authFailuresPerSecond = perSecond;
    v.authFailureBurst = positive(burst, "burst");
    return new GatewayConfig(v);
  }

  /** The number of threads that call the adapter. Default: {@value #DEFAULT_ADAPTER_THREADS}. */
  public int adapterThreads() {
    return adapterThreads;
  }

  /** A copy with another number of adapter threads (at least 1). */
  public GatewayConfig withAdapterThreads(int adapterThreads) {
    Values v = values();
    v.adapterThreads = positive(adapterThreads, "adapterThreads");
    return new GatewayConfig(v);
  }

  /**
   * How long the adapter may take to answer before the caller gets 502 {@code adapter_timeout}.
   * Default: 10 s.
   */
  public Duration adapterTimeout() {
    return adapterTimeout;
  }

  /** A copy with another adapter timeout (positive). */
  public GatewayConfig withAdapterTimeout(Duration adapterTimeout) {
    Values v = values();
    v.adapterTimeout = positive(adapterTimeout, "adapterTimeout");
    return new GatewayConfig(v);
  }

  /**
   * The sustained requests per second allowed to each API key, or, without a key file, to each
   * client address; {@code 0} turns rate limiting off. Default: {@value
   * #DEFAULT_RATE_LIMIT_PER_SECOND}.
   */
  public double rateLimitPerSecond() {
    return rateLimitPerSecond;
  }

  /**
   * The burst allowed to each API key above the sustained rate. Default: {@value
   * #DEFAULT_RATE_LIMIT_BURST}.
   */
  public int rateLimitBurst() {
    return rateLimitBurst;
  }

  /**
   * A copy with another per-key token bucket: {@code perSecond} refill (0 = off) and {@code burst}
   * capacity.
   */
  public GatewayConfig withRateLimit(double perSecond, int burst) {
    if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("perSecond must be finite and not negative");
    }
    Values v = values();
    v.rateLimitPerSecond = perSecond;
    v.rateLimitBurst = positive(burst, "burst");
    return new GatewayConfig(v);
  }

  /**
   * How long {@link Gateway#close()} waits for requests in flight before it stops anyway. Default:
   * 30 s.
   */
  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** A copy with another drain timeout (zero or positive). */
  public GatewayConfig withShutdownTimeout(Duration shutdownTimeout) {
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    if (shutdownTimeout.isNegative()) {
      throw new IllegalArgumentException("shutdownTimeout must not be negative");
    }
    Values v = values();
    v.shutdownTimeout = shutdownTimeout;
    return new GatewayConfig(v);
  }

  /** Where audit lines go. Default: {@link AuditSink#stdout()}. */
  public AuditSink auditSink() {
    return auditSink;
  }

  /** A copy writing audit lines to {@code sink}. */
  public GatewayConfig withAuditSink(AuditSink sink) {
    Values v = values();
    v.auditSink = Objects.requireNonNull(sink, "sink");
    return new GatewayConfig(v);
  }

  /**
   * The guard the gateway runs over every answer it sends (and over requests, when it differs from
   * {@link SecretGuard#defaults()}, which already runs when a request is parsed). Default: {@link
   * SecretGuard#defaults()}.
   */
  public SecretGuard secretGuard() {
    return secretGuard;
  }

  /** A copy using {@code guard}, e.g. one with an organisation's own rules. */
  public GatewayConfig withSecretGuard(SecretGuard guard) {
    Values v = values();
    v.secretGuard = Objects.requireNonNull(guard, "guard");
    return new GatewayConfig(v);
  }

  /** Names the settings that matter for support, never a secret (there are none here). */
  @Override
  public String toString() {
    return "GatewayConfig["
        + host
        + ":"
        + port
        + ", adapter="
        + adapterName
        + ", auth="
        + (keyFile == null ? "off" : "key file")
        + (tls() ? ", tls" : "")
        + (behindProxy ? ", behind proxy" : "")
        + "]";
  }

  private Values values() {
    Values v = new Values();
    v.host = host;
    v.port = port;
    v.adapterName = adapterName;
    v.adapterSettings = adapterSettings;
    v.adapterClassLoader = adapterClassLoader;
    v.keyFile = keyFile;
    v.maxBodyBytes = maxBodyBytes;
    v.maxDepth = maxDepth;
    v.maxHeaderBytes = maxHeaderBytes;
    v.idleTimeout = idleTimeout;
    v.maxConcurrentRequests = maxConcurrentRequests;
    v.maxConcurrentPerClient = maxConcurrentPerClient;
    v.bodyTimeout = bodyTimeout;
    v.keyFileCheckInterval = keyFileCheckInterval;
    v.metricsAuthenticated = metricsAuthenticated;
    v.tlsCertificate = tlsCertificate;
    v.tlsPrivateKey = tlsPrivateKey;
    v.tlsKeyStore = tlsKeyStore;
    v.tlsKeyStorePasswordFile = tlsKeyStorePasswordFile;
    v.behindProxy = behindProxy;
    v.authFailuresPerSecond = authFailuresPerSecond;
    v.authFailureBurst = authFailureBurst;
    v.adapterThreads = adapterThreads;
    v.adapterTimeout = adapterTimeout;
    v.rateLimitPerSecond = rateLimitPerSecond;
    v.rateLimitBurst = rateLimitBurst;
    v.shutdownTimeout = shutdownTimeout;
    v.auditSink = auditSink;
    v.secretGuard = secretGuard;
    return v;
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  private static int positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1");
    }
    return value;
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }

  /** The mutable scratch copy behind the {@code withX} methods. */
  private static final class Values {
    String host = DEFAULT_HOST;
    int port = DEFAULT_PORT;
    String adapterName = CommunityAdapter.NAME;
    Map<String, String> adapterSettings = Map.of();
    ClassLoader adapterClassLoader;
    Path keyFile;
    int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    int maxDepth = DEFAULT_MAX_DEPTH;
    int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
    Duration idleTimeout = Duration.ofSeconds(30);
    int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    int maxConcurrentPerClient = DEFAULT_MAX_CONCURRENT_PER_CLIENT;
    Duration bodyTimeout = Duration.ofSeconds(10);
    Duration keyFileCheckInterval = Duration.ofSeconds(2);
    boolean metricsAuthenticated;
    Path tlsCertificate;
    Path tlsPrivateKey;
    Path tlsKeyStore;
    Path tlsKeyStorePasswordFile;
    boolean behindProxy;
    double authFailuresPerSecond = DEFAULT_AUTH_FAILURES_PER_SECOND;
    int authFailureBurst = DEFAULT_AUTH_FAILURE_BURST;
    int adapterThreads = DEFAULT_ADAPTER_THREADS;
    Duration adapterTimeout = Duration.ofSeconds(10);
    double rateLimitPerSecond = DEFAULT_RATE_LIMIT_PER_SECOND;
    int rateLimitBurst = DEFAULT_RATE_LIMIT_BURST;
    Duration shutdownTimeout = Duration.ofSeconds(30);
    AuditSink auditSink = AuditSink.stdout();
    SecretGuard secretGuard = SecretGuard.defaults();
  }
}
