package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Forwarded header names the client only behind a proxy; X-Forwarded-For never does. */
class BehindProxyTest {
  @TempDir Path dir;

  private static int post(TestGateway gateway, String... headers) {
    return gateway
        .post("/v1/control-plane", TestGateway.tenantStatus("tenant-demo"), headers)
        .statusCode();
  }

  @Test
  void behindAProxyTheForwardedClientIsTheOneRateLimited() {
    try (TestGateway gateway =
        TestGateway.start(dir, config -> config.withBehindProxy(true).withRateLimit(0.01, 1))) {
      assertThat(post(gateway, "Forwarded", "for=192.0.2.7;proto=https")).isEqualTo(200);
      assertThat(post(gateway, "Forwarded", "for=192.0.2.7;proto=https")).isEqualTo(429);
      assertThat(post(gateway, "Forwarded", "for=192.0.2.8;proto=https")).isEqualTo(200);
      // X-Forwarded-For is not trusted even here: this is 127.0.0.1's first request, then its
      // second.
      assertThat(post(gateway, "X-Forwarded-For", "192.0.2.9")).isEqualTo(200);
      assertThat(post(gateway, "X-Forwarded-For", "192.0.2.10")).isEqualTo(429);
    }
  }

  @Test
  void withoutAProxyTheForwardedHeaderIsIgnored() {
    try (TestGateway gateway = TestGateway.start(dir, config -> config.withRateLimit(0.01, 1))) {
      assertThat(post(gateway, "Forwarded", "for=192.0.2.7")).isEqualTo(200);
      assertThat(post(gateway, "Forwarded", "for=192.0.2.8")).isEqualTo(429);
    }
  }
}
