package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** A gateway over HTTP: {@code POST <base>/v1/control-plane} with the request body. */
final class HttpTarget implements Target {
  /** The path of the control-plane endpoint below the base URL. */
  static final String PATH = "/v1/control-plane";

  private final URI base;
  private final URI endpoint;
  private final Optional<String> bearerKey;
  private final Optional<Set<Operation>> capabilities;
  private final String userAgent;
  private final HttpClient client;

  HttpTarget(
      URI base,
      Optional<String> bearerKey,
      Optional<Set<Operation>> capabilities,
      Duration connectTimeout,
      String kitVersion) {
    this.base = base;
    this.endpoint = endpoint(base);
    this.bearerKey = bearerKey;
    this.capabilities = capabilities;
    this.userAgent = "cavra-conformance-kit/" + kitVersion;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A copy with other capabilities and connect timeout. */
  HttpTarget copy(
      Optional<Set<Operation>> capabilities, Duration connectTimeout, String kitVersion) {
    return new HttpTarget(base, bearerKey, capabilities, connectTimeout, kitVersion);
  }

  static URI endpoint(URI base) {
    String text = base.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text + PATH);
  }

  @Override
  public String kind() {
    return "http";
  }

  @Override
  public String name() {
    return base.toString();
  }

  @Override
  public Optional<Set<Operation>> capabilities() {
    return capabilities;
  }

  @Override
  public boolean writesErrorBodies() {
    return true;
  }

  @Override
  public Exchange answer(ControlPlaneRequest request, byte[] body, Duration timeout) {
    return post(body, timeout);
  }

  @Override
  public Exchange refuse(byte[] body, Duration timeout) {
    return post(body, timeout);
  }

  private Exchange post(byte[] body, Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .header("User-Agent", userAgent)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    bearerKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Exchange.Answered(
          since(start),
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers().map());
    } catch (HttpConnectTimeoutException e) {
      return Exchange.noConnection(since(start), endpoint);
    } catch (HttpTimeoutException e) {
      return new Exchange.TimedOut(since(start));
    } catch (ConnectException e) {
      return Exchange.connectionRefused(since(start), endpoint);
    } catch (IOException e) {
      return Exchange.ioFailure(since(start), endpoint, e.getClass());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Exchange.interrupted(since(start), endpoint.toString());
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
