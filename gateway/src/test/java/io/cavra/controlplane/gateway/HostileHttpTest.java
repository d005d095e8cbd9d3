package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests that Jetty refuses before routing: their answers, and what reaches any log. */
class HostileHttpTest {
  @TempDir static Path dir;
  static TestGateway gateway;

  /** Every record any logger publishes, as its message, parameters and exception text. */
  static final List<String> everyLog = new CopyOnWriteArrayList<>();

  static final Handler rootCapture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          StringBuilder text =
              new StringBuilder(
                  record.getLoggerName() + " " + record.getLevel() + " " + record.getMessage());
          if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
              text.append(' ').append(parameter);
            }
          }
          if (record.getThrown() != null) {
            text.append(' ').append(record.getThrown());
          }
          everyLog.add(text.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void start() {
    Logger.getLogger("").addHandler(rootCapture);
    gateway = TestGateway.start(dir);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    Logger.getLogger("").removeHandler(rootCapture);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"HTTP/1.2", "HTTP/0.9", "HTTP/9.9"})
  void anUnsupportedHttpVersionIs505ProblemAndLogged(String version) {
    String answer =
        gateway.raw(
            ("GET /healthz " + version + "\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

    assertThat(answer)
        .startsWith("HTTP/1.1 505 ")
        .contains("application/problem+json")
        .contains("\"code\":\"http_version_not_supported\"")
        .doesNotContain("internal_error");
    assertThat(gateway.logs()).contains("refused before routing: 505 http_version_not_supported");
  }

  @Test
  void anHttp2VersionInAnHttp1RequestLineIs400ProblemAndLogged() {
    String answer =
        gateway.raw("GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    assertThat(answer).startsWith("HTTP/1.1 400 ").contains("\"code\":\"bad_request\"");
    assertThat(gateway.logs()).contains("refused before routing: 400 bad_request");
  }

  @Test
  void aSecondHostHeaderIs400AndItsValueReachesNoLog() {
    String canary =
        "host-" + MisbehavingAdapter.canary().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    int before = everyLog.size();

    String answer =
        gateway.raw(
            ("GET /healthz HTTP/1.1\r\nHost: x\r\nHost: " + canary + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

    assertThat(answer)
        .startsWith("HTTP/1.1 400 ")
        .contains("\"code\":\"bad_request\"")
        .doesNotContain(canary);
    assertThat(everyLog.subList(before, everyLog.size()))
        .isNotEmpty()
        .noneMatch(line -> line.contains(canary));
    assertThat(String.join("\n", everyLog)).doesNotContain(canary);
  }

  @Test
  void jettyRecordsKeepTheirLevelButLoseTheirText() {
    LogRecord record =
        new LogRecord(Level.WARNING, "Previous `Host` header already seen as `secret-value`");
    record.setLoggerName("org.eclipse.jetty.http.HttpParser");
    record.setThrown(new IllegalStateException("secret-value"));

    assertThat(JettyLogs.sanitized(record))
        .isEqualTo(
            "jetty HttpParser: " + JettyLogs.WITHHELD + " (java.lang.IllegalStateException)");
  }

  @Test
  void jettyInfoLinesAreNotLogged() {
    assertThat(String.join("\n", everyLog))
        .doesNotContain("Started oejs")
        .doesNotContain("jetty-12");
  }
}
