package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The gateway's load figures: {@code wrk} drives {@code POST /v1/control-plane} against the gateway
 * (Community adapter, audit trail to a file, default limits) and, in the same run and the same
 * JVM, against a bare Jetty server of the same version and settings that answers the same bytes
 * without looking at the request. Rounds alternate bare and gateway after a warm-up of each, and the
 * report gives requests/s, p50 and p99 per round and the ratio of the medians. Needs {@code wrk} on
 * the PATH (Debian: {@code apt-get install wrk}). Not a test: run it by hand, see the README.
 *
 * <pre>
 * java -cp "$(cat gateway/target/test-classpath.txt)" io.cavra.controlplane.gateway.LoadRun \
 *     [--seconds 20] [--connections 64] [--threads 2] [--rounds 3] [--warmup 10]
 * </pre>
 */
public final class LoadRun {
  private LoadRun() {}

  /** One wrk measurement. */
  record Result(String target, double requestsPerSecond, double p50Millis, double p99Millis, long errors) {}

  public static void main(String[] args) throws Exception {
    int seconds = option(args, "--seconds", 20);
    int connections = option(args, "--connections", 64);
    int threads = option(args, "--threads", 2);
    int rounds = option(args, "--rounds", 3);
    int warmup = option(args, "--warmup", 10);

    ControlPlaneRequest request = ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_READINESS)
        .tenantId("tenant-load").correlationId("saas-load00000001").build();
    String body = ContractJson.toJson(request);
    byte[] answer = ContractJson.toJsonBytes(ControlPlaneAdapter.unavailableAnswer(request));
    Path work = Files.createTempDirectory("cavra-load");
    Path script = work.resolve("post.lua");
    Files.writeString(script, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
        + "wrk.body = [[" + body + "]]\n", StandardCharsets.UTF_8);

    Server bare = bareServer(answer);
    // wrk is one client address: its per-address rate and concurrency caps are lifted for the run.
    try (Gateway gateway = Gateway.start(GatewayConfig.defaults().withPort(0).withRateLimit(0, 1)
        .withMaxConcurrentPerClient(GatewayConfig.DEFAULT_MAX_CONCURRENT_REQUESTS)
        .withAuditSink(AuditSink.file(work.resolve("audit.jsonl"))))) {
      String gatewayUrl = gateway.uri().resolve("/v1/control-plane").toString();
      String bareUrl = "http://127.0.0.1:" + ((ServerConnector) bare.getConnectors()[0]).getLocalPort() + "/v1/control-plane";
      System.out.printf(Locale.ROOT, "wrk -t%d -c%d -d%ds, %d rounds, %d s warm-up each, %d cores, load average %s%n",
          threads, connections, seconds, rounds, warmup, Runtime.getRuntime().availableProcessors(), loadAverage());
      wrk(bareUrl, script, threads, connections, warmup, "bare (warm-up)");
      wrk(gatewayUrl, script, threads, connections, warmup, "gateway (warm-up)");
      List<Result> bareResults = new ArrayList<>();
      List<Result> gatewayResults = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        bareResults.add(print(wrk(bareUrl, script, threads, connections, seconds, "bare #" + round)));
        gatewayResults.add(print(wrk(gatewayUrl, script, threads, connections, seconds, "gateway #" + round)));
      }
      double bareMedian = median(bareResults);
      double gatewayMedian = median(gatewayResults);
      System.out.printf(Locale.ROOT, "median requests/s: bare %.0f, gateway %.0f, ratio %.0f%%; load average %s%n",
          bareMedian, gatewayMedian, 100 * gatewayMedian / bareMedian, loadAverage());
    } finally {
      bare.stop();
    }
  }

  /** A Jetty server with the gateway's settings that answers every request with {@code answer}. */
  static Server bareServer(byte[] answer) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("bare");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.length);
        response.write(true, ByteBuffer.wrap(answer), callback);
        return true;
      }
    });
    server.start();
    return server;
  }

  static Result wrk(String url, Path script, int threads, int connections, int seconds, String target)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
        "--latency", "-s", script.toString(), url).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("wrk failed: " + out);
    }
    long errors = 0;
    Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
        .matcher(out);
    if (socket.find()) {
      for (int i = 1; i <= 4; i++) {
        errors += Long.parseLong(socket.group(i));
      }
    }
    return new Result(target, number(out, "Requests/sec:\\s+([0-9.]+)"),
        millis(out, "50%"), millis(out, "99%"), errors);
  }

  private static Result print(Result result) {
    System.out.printf(Locale.ROOT, "| %-12s | %9.0f | %8.2f | %8.2f | %6d |%n", result.target(),
        result.requestsPerSecond(), result.p50Millis(), result.p99Millis(), result.errors());
    return result;
  }

  private static double median(List<Result> results) {
    double[] values = results.stream().mapToDouble(Result::requestsPerSecond).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static double millis(String out, String percentile) {
    Matcher m = Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
    if (!m.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(m.group(1));
    switch (m.group(2)) {
      case "us":
        return value / 1000;
      case "s":
        return value * 1000;
      default:
        return value;
    }
  }

  private static double number(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static int option(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
