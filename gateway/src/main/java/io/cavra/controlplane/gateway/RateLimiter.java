package io.cavra.controlplane.gateway;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/** Token buckets, one per API key id: {@code perSecond} refill up to {@code burst} tokens. */
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

  /** Takes a token for {@code keyId}: 0 on success, else the whole seconds to wait before one is available. */
  long acquire(String keyId) {
    if (!enabled()) {
      return 0;
    }
    return buckets.computeIfAbsent(keyId, k -> new Bucket(burst, nanoClock.getAsLong())).take(nanoClock.getAsLong());
  }

  private final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
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
