package io.cavra.controlplane.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.adapter.Caller;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny stand-in for the gateway on 127.0.0.1 and a free port: {@code POST /v1/control-plane}
 * answered by a {@link Responder}, which either hosts an adapter the way the gateway does or
 * returns hand-made bytes to play a faulty service.
 */
final class FakeGateway implements AutoCloseable {
  /** What the fake gateway sends back. */
  record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Answer json(int status, String contentType, String body) {
      return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Answer withHeader(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.put(name, value);
      return new Answer(status, contentType, body, copy);
    }
  }

  /** Turns a request body into an answer. */
  interface Responder {
    Answer respond(byte[] requestBody) throws Exception;
  }

  static {
    // Without it the JDK's server waits for delayed ACKs, about 40 ms per request on loopback.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private volatile Map<String, List<String>> lastHeaders = Map.of();
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "fake-gateway");
            thread.setDaemon(true);
            return thread;
          });

  private FakeGateway(Responder responder) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/v1/control-plane",
        exchange -> {
          lastHeaders = Map.copyOf(exchange.getRequestHeaders());
          handle(exchange, responder);
        });
    server.setExecutor(executor);
    server.start();
  }

  /** A fake gateway answering with {@code responder}. */
  static FakeGateway responding(Responder responder) {
    return new FakeGateway(responder);
  }

  /** A fake gateway hosting {@code adapter} as the real gateway does. */
  static FakeGateway serving(ControlPlaneAdapter adapter) {
    return new FakeGateway(hosting(adapter));
  }

  /**
   * The gateway's behaviour: the contract reads the request (a refusal becomes a 400 problem
   * document with the error's code and path, never the value), the adapter answers, and its
   * response is written in wire form; an adapter failure becomes 502 without its message.
   */
  static Responder hosting(ControlPlaneAdapter adapter) {
    return body -> {
      ControlPlaneRequest request;
      try {
        request = ContractJson.defaults().parseRequest(body);
      } catch (ContractException e) {
        return problem(400, e.code().wireName(), e.getMessage(), e.location());
      }
      ControlPlaneResponse response;
      try {
        response = adapter.handle(request, Caller.ANONYMOUS);
      } catch (Exception e) {
        return problem(502, "adapter_failure", "the adapter failed", "$");
      }
      return new Answer(200, "application/json", ContractJson.toJsonBytes(response), Map.of());
    };
  }

  static Answer problem(int status, String code, String detail, String path) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "https://schemas.cavra.io/control-plane/problems/" + code);
    problem.put("title", status == 400 ? "Request refused by the contract" : "Bad gateway");
    problem.put("status", (long) status);
    problem.put("detail", detail);
    problem.put("code", code);
    problem.put("path", path);
    return Answer.json(status, "application/problem+json", ContractJson.toJson(problem, false));
  }

  /** The headers of the last request received, names as the JDK's server normalizes them. */
  Map<String, List<String>> lastHeaders() {
    return lastHeaders;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void handle(HttpExchange exchange, Responder responder) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Answer answer;
      try {
        answer = responder.respond(body);
      } catch (Exception e) {
        answer = problem(500, "internal", "fake gateway failure", "$");
      }
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(
          answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      if (answer.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
