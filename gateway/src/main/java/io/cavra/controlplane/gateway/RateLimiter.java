package io.cavra.controlplane.gateway;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per name (an API key id, a client address): {@code perSecond} refill up to
 * {@code burst} tokens.
 */
final class RateLimiter {
  private final double perNano;
  private final int burst;
  private final LongSupplier nanoClock;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoClock = nanoClock;
  }

  boolean enabled() {
    return perNano > 0;
  }

  /**
   * Takes a token for {@code key}: 0 on success, else the whole seconds to wait before one is
   * available.
   */
  long acquire(String key) {
    if (!enabled()) {
      return 0;
    }
    return buckets
        .computeIfAbsent(key, k -> new Bucket(burst, nanoClock.getAsLong()))
        .take(nanoClock.getAsLong());
  }

  /** Whole seconds until {@code key} has a token (0 if it has one now), without taking it. */
  long waitFor(String key) {
    if (!enabled()) {
      return 0;
    }
    Bucket bucket = buckets.get(key);
    return bucket == null ? 0 : bucket.waitFor(nanoClock.getAsLong());
  }

  private final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    synchronized long waitFor(long now) {
      double available = Math.min(burst, tokens + (now - last) * perNano);
      return available >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - available) / perNano / 1e9));
    }

    synchronized long take(long now) {
      tokens = Math.min(burst, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
    }
  }
}
