package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** A gateway on a random loopback port with an audit file, a log capture and an HTTP client. */
final class TestGateway implements AutoCloseable {
  private static final Logger LOGGER = Logger.getLogger("io.cavra.controlplane.gateway");

  final Gateway gateway;
  final Path auditFile;
  final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final List<String> logs = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logs.add(
              record.getLevel()
                  + " "
                  + record.getMessage()
                  + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private TestGateway(Gateway gateway, Path auditFile) {
    this.gateway = gateway;
    this.auditFile = auditFile;
    LOGGER.addHandler(capture);
  }

  static TestGateway start(Path dir) {
    return start(dir, config -> config);
  }

  static TestGateway start(Path dir, UnaryOperator<GatewayConfig> tweak) {
    Path audit = dir.resolve("audit-" + System.nanoTime() + ".jsonl");
    GatewayConfig config =
        tweak.apply(GatewayConfig.defaults().withPort(0).withAuditSink(AuditSink.file(audit)));
    return new TestGateway(Gateway.start(config), audit);
  }

  static GatewayConfig adapter(GatewayConfig config, String mode) {
    return config.withAdapter(MisbehavingAdapter.NAME, Map.of("mode", mode));
  }

  URI uri(String path) {
    return gateway.uri().resolve(path);
  }

  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  HttpResponse<String> post(String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (!typed) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends raw bytes on a new connection and returns everything the server answers until it closes.
   */
  String raw(byte[] request) {
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The audit file's text; each request's line is written before its answer completes. */
  String audit() {
    try {
      return Files.exists(auditFile) ? Files.readString(auditFile, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Map<String, Object>> auditLines() {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String line : audit().split("\n")) {
      if (!line.isBlank()) {
        lines.add(json(line));
      }
    }
    return lines;
  }

  /** The log messages of the gateway's logger since start. */
  String logs() {
    return String.join("\n", logs);
  }

  @Override
  public void close() {
    gateway.close();
    LOGGER.removeHandler(capture);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String text) {
    return (Map<String, Object>)
        ContractJson.defaults().parseTree(text.getBytes(StandardCharsets.UTF_8));
  }

  static String request(Operation operation, String tenant) {
    return ContractJson.toJson(ControlPlaneRequest.builder(operation).tenantId(tenant).build());
  }

  static String tenantStatus(String tenant) {
    return request(Operation.TENANT_STATUS, tenant);
  }
}
