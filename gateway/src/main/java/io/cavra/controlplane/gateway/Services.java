package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What the endpoints of one running gateway share. Thread-safe. */
final class Services {
  static final String UNMATCHED_ROUTE = "unmatched";

  /** The longest text one audit field holds; identifiers are bounded at 128 already. */
  static final int MAX_AUDIT_FIELD = 128;

  private static final java.util.Set<String> KNOWN_METHODS =
      java.util.Set.of(
          "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

  private final GatewayConfig config;
  private final ContractJson requestCodec;
  private final Guard guard;
  private final boolean customGuard;
  private volatile ApiKeys keys;
  private final RateLimiter rateLimiter;
  private final RateLimiter authFailures;
  private final Semaphore permits;
  private final ConcurrentMap<String, Integer> perClient = new ConcurrentHashMap<>();
  private final ScheduledExecutorService deadlines;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Metrics metrics;
  private final AuditSink.Log audit;
  private final AdapterRunner adapter;
  private final Documents documents;
  private volatile boolean draining;

  Services(GatewayConfig config, ApiKeys keys, AdapterRunner adapter, AuditSink.Log audit) {
    this.config = config;
    this.requestCodec =
        ContractJson.defaults().withMaxBytes(config.maxBodyBytes()).withMaxDepth(config.maxDepth());
    this.guard = new Guard(config.secretGuard());
    this.customGuard = config.secretGuard() != SecretGuard.defaults();
    this.keys = keys;
    this.rateLimiter =
        new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst(), System::nanoTime);
    this.authFailures =
        new RateLimiter(
            config.authFailuresPerSecond(), config.authFailureBurst(), System::nanoTime);
    this.permits = new Semaphore(config.maxConcurrentRequests());
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "cavra-gateway-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    // A body deadline is cancelled when the body arrives: drop it then rather than keep it queued.
    timer.setRemoveOnCancelPolicy(true);
    this.deadlines = timer;
    this.adapter = adapter;
    this.audit = audit;
    this.metrics = new Metrics(inFlight::get, () -> !draining);
    this.documents = new Documents(adapter.capabilities());
  }

  GatewayConfig config() {
    return config;
  }

  ContractJson requestCodec() {
    return requestCodec;
  }

  Guard guard() {
    return guard;
  }

  /** Whether the configured guard differs from the one the contract runs while parsing. */
  boolean customGuard() {
    return customGuard;
  }

  /** The API keys in force, or {@code null} when authentication is off. */
  ApiKeys keys() {
    return keys;
  }

  /** Puts {@code keys} in force (authentication must be on). */
  void keys(ApiKeys keys) {
    this.keys = java.util.Objects.requireNonNull(keys, "keys");
  }

  /** Runs {@code task} every {@code period} on the gateway's timer thread. */
  ScheduledFuture<?> every(java.time.Duration period, Runnable task) {
    return deadlines.scheduleWithFixedDelay(
        task, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
  }

  RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /** Failed authentications per client address. */
  RateLimiter authFailures() {
    return authFailures;
  }

  /** Runs {@code task} after {@code delay} on the gateway's timer thread. */
  ScheduledFuture<?> schedule(java.time.Duration delay, Runnable task) {
    return deadlines.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Whether every slot of the concurrency bound is taken: readiness then answers 503. */
  boolean overloaded() {
    return permits.availablePermits() == 0;
  }

  /** Stops the timer. */
  void close() {
    deadlines.shutdownNow();
  }

  AdapterRunner adapter() {
    return adapter;
  }

  Documents documents() {
    return documents;
  }

  Metrics metrics() {
    return metrics;
  }

  boolean draining() {
    return draining;
  }

  void startDraining() {
    draining = true;
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Why a work request was not admitted. */
  enum Refusal {
    NONE,
    GATEWAY_FULL,
    CLIENT_FULL
  }

  /**
   * Takes a slot for a work request of {@code client} (a key id, or a client address without keys),
   * or says which bound it is past: the gateway's, or the client's share of it.
   */
  Refusal admit(Exchange exchange, String client) {
    int mine = perClient.merge(client, 1, Integer::sum);
    if (mine > config.maxConcurrentPerClient()) {
      release(client);
      return Refusal.CLIENT_FULL;
    }
    if (!permits.tryAcquire()) {
      release(client);
      return Refusal.GATEWAY_FULL;
    }
    inFlight.incrementAndGet();
    // The slot frees as the answer is decided; the drain waits until the answer is written.
    exchange.onAnswer(
        () -> {
          permits.release();
          release(client);
        });
    exchange.onFinish(inFlight::decrementAndGet);
    return Refusal.NONE;
  }

  /** Requests in flight for {@code client}. */
  int inFlight(String client) {
    return perClient.getOrDefault(client, 0);
  }

  private void release(String client) {
    perClient.computeIfPresent(client, (k, n) -> n == 1 ? null : n - 1);
  }

  /**
   * Records an answered exchange from its {@code outcome}: in the metrics and, outside the probes,
   * in the audit trail, with the route and key the dispatcher noted.
   */
  void completed(Exchange exchange, Outcome outcome, long nanos) {
    Routes.Route route = exchange.route();
    metrics.record(route == null ? UNMATCHED_ROUTE : route.template(), outcome, nanos);
    if (route != null && route.access() == Routes.Access.PROBE) {
      return;
    }
    Outcome.Subject subject = outcome.subject();
    ApiKeys.Entry key = exchange.key();
    long hundredths = nanos / 10_000;
    StringBuilder line = new StringBuilder(320);
    line.append("{\"time\":");
    string(line, DateTimeFormatter.ISO_INSTANT.format(exchange.arrived()));
    line.append(",\"request_id\":");
    string(line, exchange.requestId());
    line.append(",\"method\":");
    string(line, KNOWN_METHODS.contains(exchange.method()) ? exchange.method() : "other");
    line.append(",\"route\":");
    string(line, route == null ? null : route.template());
    line.append(",\"correlation_id\":");
    string(line, subject.correlationId());
    line.append(",\"operation\":");
    string(line, subject.operation());
    line.append(",\"tenant\":");
    string(line, subject.tenant());
    line.append(",\"key_id\":");
    string(line, key == null ? null : key.keyId());
    line.append(",\"outcome\":");
    string(line, outcome.label());
    line.append(",\"status\":").append(outcome.status());
    line.append(",\"latency_ms\":").append(hundredths / 100).append('.');
    line.append((char) ('0' + hundredths % 100 / 10))
        .append((char) ('0' + hundredths % 10))
        .append('}');
    audit.write(line.toString());
  }

  /**
   * Appends {@code value} as a JSON string (or {@code null}), escaping what JSON requires, and at
   * most {@link #MAX_AUDIT_FIELD} characters of it, so that one audit line stays under 2 KB
   * whatever reaches it.
   */
  static void string(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    int n = Math.min(value.length(), MAX_AUDIT_FIELD);
    if (n < value.length() && Character.isHighSurrogate(value.charAt(n - 1))) {
      n--;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
