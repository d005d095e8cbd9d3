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
 * (Community adapter, audit trail to a file, default limits) and, in the same run and the same JVM,
 * against a bare Jetty server of the same version and settings that answers the same bytes without
 * looking at the request. Rounds alternate bare and gateway after a warm-up of each, and the report
 * gives requests/s, p50 and p99 per round and the ratio of the medians. Needs {@code wrk} on the
 * PATH (Debian: {@code apt-get install wrk}). Not a test: run it by hand, see the README.
 *
 * <pre>
 * java -cp "$(cat gateway/target/test-classpath.txt)" io.cavra.controlplane.gateway.LoadRun \
 *     [--seconds 20] [--connections 64] [--threads 2] [--rounds 3] [--warmup 10] [--malformed PERCENT] [--port P]
 * </pre>
 *
 * <p>{@code --port P} puts the bare server on port {@code P} and the gateway on {@code P + 1}, for
 * a machine where ports are shared out; by default both take ephemeral ports.
 */
public final class LoadRun {
  private LoadRun() {}

  /** One wrk measurement. */
  record Result(
      String target,
      double requestsPerSecond,
      double p50Millis,
      double p99Millis,
      long errors,
      long refused) {}

  public static void main(String[] args) throws Exception {
    int seconds = option(args, "--seconds", 20);
    int connections = option(args, "--connections", 64);
    int threads = option(args, "--threads", 2);
    int rounds = option(args, "--rounds", 3);
    int warmup = option(args, "--warmup", 10);
    int port = option(args, "--port", 0);

    ControlPlaneRequest request =
        ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_READINESS)
            .tenantId("tenant-load")
            .correlationId("saas-load00000001")
            .build();
    String body = ContractJson.toJson(request);
    byte[] answer = ContractJson.toJsonBytes(ControlPlaneAdapter.unavailableAnswer(request));
    Path work = Files.createTempDirectory("cavra-load");
    int malformed = option(args, "--malformed", 0);
    Path script = work.resolve("post.lua");
    Files.writeString(script, script(body, malformed), StandardCharsets.UTF_8);

    Server bare = bareServer(answer, port);
    // wrk is one client address: its per-address rate and concurrency caps are lifted for the run.
    try (Gateway gateway =
        Gateway.start(
            GatewayConfig.defaults()
                .withPort(port == 0 ? 0 : port + 1)
                .withRateLimit(0, 1)
                .withMaxConcurrentPerClient(GatewayConfig.DEFAULT_MAX_CONCURRENT_REQUESTS)
                .withAuditSink(AuditSink.file(work.resolve("audit.jsonl"))))) {
      String gatewayUrl = gateway.uri().resolve("/v1/control-plane").toString();
      String bareUrl =
          "http://127.0.0.1:"
              + ((ServerConnector) bare.getConnectors()[0]).getLocalPort()
              + "/v1/control-plane";
      System.out.printf(
          Locale.ROOT,
          "wrk -t%d -c%d -d%ds, %d%% malformed, %d rounds, %d s warm-up each, %d cores,"
              + " load average %s%n",
          threads,
          connections,
          seconds,
          malformed,
          rounds,
          warmup,
          Runtime.getRuntime().availableProcessors(),
          loadAverage());
      wrk(bareUrl, script, threads, connections, warmup, "bare (warm-up)");
      wrk(gatewayUrl, script, threads, connections, warmup, "gateway (warm-up)");
      List<Result> bareResults = new ArrayList<>();
      List<Result> gatewayResults = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        bareResults.add(
            print(wrk(bareUrl, script, threads, connections, seconds, "bare #" + round)));
        gatewayResults.add(
            print(wrk(gatewayUrl, script, threads, connections, seconds, "gateway #" + round)));
      }
      double bareMedian = median(bareResults);
      double gatewayMedian = median(gatewayResults);
      System.out.printf(
          Locale.ROOT,
          "median requests/s: bare %.0f, gateway %.0f, ratio %.0f%%; load average %s%n",
          bareMedian,
          gatewayMedian,
          100 * gatewayMedian / bareMedian,
          loadAverage());
    } finally {
      bare.stop();
    }
  }

  /**
   * The wrk script: {@code POST} the valid body, or with {@code malformedPercent} probability one
   * of four malformed ones (truncated JSON, a duplicate key, an unknown operation, a UTF-16 body);
   * it counts answers by status and prints {@code statuses: 200=… 400=… other=…} at the end.
   */
  static String script(String body, int malformedPercent) {
    String truncated = body.substring(0, body.length() / 2);
    String duplicate = body.replace("\"requested_by\"", "\"tenant_id\":\"x\",\"requested_by\"");
    String unknown = body.replace("policy_registry_readiness", "policy_registry_launch");
    StringBuilder utf16 = new StringBuilder();
    for (char c : body.toCharArray()) {
      utf16.append(c == '"' ? "\\\"" : String.valueOf(c)).append("\\0");
    }
    return String.join(
        "\n",
        "wrk.method = \"POST\"",
        "wrk.headers[\"Content-Type\"] = \"application/json\"",
        "local valid = [[" + body + "]]",
        "local bad = { [["
            + truncated
            + "]], [["
            + duplicate
            + "]], [["
            + unknown
            + "]], \""
            + utf16
            + "\" }",
        "local threads = {}",
        "function setup(thread) table.insert(threads, thread) end",
        "function init(args) c200 = 0; c400 = 0; other = 0; math.randomseed(os.time() +"
            + " math.random(1000000)) end",
        "function request()",
        "  if math.random(100) <= " + malformedPercent + " then",
        "    return wrk.format(nil, nil, nil, bad[math.random(4)])",
        "  end",
        "  return wrk.format(nil, nil, nil, valid)",
        "end",
        "function response(status, headers, body)",
        "  if status == 200 then c200 = c200 + 1 elseif status == 400 then c400 = c400 + 1 else"
            + " other = other + 1 end",
        "end",
        "function done(summary, latency, requests)",
        "  local a, b, c = 0, 0, 0",
        "  for _, t in ipairs(threads) do a = a + t:get(\"c200\"); b = b + t:get(\"c400\"); c = c +"
            + " t:get(\"other\") end",
        "  io.write(string.format(\"statuses: 200=%d 400=%d other=%d\\n\", a, b, c))",
        "end",
        "");
  }

  /** A Jetty server with the gateway's settings that answers every request with {@code answer}. */
  static Server bareServer(byte[] answer, int port) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("bare");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
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

  static Result wrk(
      String url, Path script, int threads, int connections, int seconds, String target)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "-s",
                script.toString(),
                url)
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("wrk failed: " + out);
    }
    long errors = 0;
    long refused = 0;
    // Expected 400s of malformed requests are not errors; any other non-200 answer is.
    Matcher statuses = Pattern.compile("statuses: 200=(\\d+) 400=(\\d+) other=(\\d+)").matcher(out);
    if (statuses.find()) {
      errors += Long.parseLong(statuses.group(3));
      refused = Long.parseLong(statuses.group(2));
    }
    Matcher socket =
        Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
            .matcher(out);
    if (socket.find()) {
      for (int i = 1; i <= 4; i++) {
        errors += Long.parseLong(socket.group(i));
      }
    }
    return new Result(
        target,
        number(out, "Requests/sec:\\s+([0-9.]+)"),
        millis(out, "50%"),
        millis(out, "99%"),
        errors,
        refused);
  }

  private static Result print(Result result) {
    System.out.printf(
        Locale.ROOT,
        "| %-12s | %9.0f | %8.2f | %8.2f | %6d | %8d |%n",
        result.target(),
        result.requestsPerSecond(),
        result.p50Millis(),
        result.p99Millis(),
        result.errors(),
        result.refused());
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
