package io.cavra.controlplane.gateway;

import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one Jetty handler: finds the route, applies what its {@link Routes.Access} requires (drain
 * state, API key, rate limit, concurrency bound, media type, body limit, in this order), reads the
 * body without blocking and runs the endpoint. Every failure becomes a problem answer; nothing
 * reaches the client as a stack trace.
 */
final class Dispatcher extends Handler.Abstract {
  static final String REALM = "Bearer realm=\"cavra-control-plane\"";
  static final String METRICS = "/metrics";

  private final Routes routes;
  private final Services services;

  Dispatcher(Routes routes, Services services) {
    this.routes = routes;
    this.services = services;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Routes.Lookup lookup = routes.find(request.getMethod(), Request.getPathInContext(request));
    Exchange exchange = new Exchange(services, request, response, callback, lookup);
    try {
      if (lookup.wrongMethod()) {
        exchange.answer(Outcome.refused(Problem.methodNotAllowed(lookup.allowed())));
        return true;
      }
      if (!lookup.found()) {
        exchange.answer(Outcome.refused(Problem.notFound(Problem.Missing.RESOURCE)));
        return true;
      }
      if (lookup.route().access() == Routes.Access.WORK) {
        admit(exchange);
      } else if (lookup.route().template().equals(METRICS)
          && services.config().metricsAuthenticated()) {
        if (authenticated(exchange)) {
          run(exchange, lookup.route().endpoint());
        }
      } else {
        run(exchange, lookup.route().endpoint());
      }
    } catch (RuntimeException e) {
      internalError(exchange, e);
    }
    return true;
  }

  private void admit(Exchange exchange) {
    if (services.draining()) {
      exchange.answer(Outcome.refused(Problem.shuttingDown(Problem.Drain.WORK)));
      return;
    }
    String client = "address " + exchange.clientAddress();
    ApiKeys keys = services.keys();
    if (keys != null) {
      if (!authenticated(exchange)) {
        return;
      }
      client = "key " + exchange.key().keyId();
    }
    long wait = services.rateLimiter().acquire(client);
    if (wait > 0) {
      exchange.answer(
          Outcome.refused(
              Problem.rateLimited(keys != null ? Problem.Limit.KEY : Problem.Limit.ADDRESS, wait)));
      return;
    }
    Services.Refusal refusal = services.admit(exchange, client);
    if (refusal != Services.Refusal.NONE) {
      Problem.Bound bound =
          refusal == Services.Refusal.GATEWAY_FULL
              ? Problem.Bound.GATEWAY
              : keys != null ? Problem.Bound.KEY : Problem.Bound.ADDRESS;
      exchange.answer(Outcome.refused(Problem.overloaded(bound)));
      return;
    }
    if (!isJson(exchange.request().getHeaders().get(HttpHeader.CONTENT_TYPE))) {
      exchange.answer(Outcome.refused(Problem.unsupportedMediaType()));
      return;
    }
    int max = services.config().maxBodyBytes();
    long length = exchange.request().getLength();
    if (length > max) {
      exchange.answer(Outcome.refused(Problem.tooLarge(max)));
      return;
    }
    exchange.readBody(max, services.config().bodyTimeout(), exchange.route().endpoint());
  }

  /**
   * Notes the caller's key, or answers 401 (429 once the address has failed too often; a valid key
   * is never held back by that) and returns {@code false}.
   */
  private boolean authenticated(Exchange exchange) {
    String address = "address " + exchange.clientAddress();
    Optional<String> token = bearer(exchange.request().getHeaders().get(HttpHeader.AUTHORIZATION));
    Optional<ApiKeys.Entry> key =
        token.isEmpty() ? Optional.empty() : services.keys().authenticate(token.get());
    if (key.isPresent()) {
      exchange.key(key.get());
      return true;
    }
    long wait = services.authFailures().waitFor(address);
    if (wait > 0) {
      exchange.answer(
          Outcome.refused(Problem.rateLimited(Problem.Limit.FAILED_AUTHENTICATIONS, wait)));
      return false;
    }
    services.authFailures().acquire(address);
    exchange.answer(
        Outcome.refused(
            Problem.unauthorized(
                token.isEmpty() ? Problem.Credentials.MISSING : Problem.Credentials.INVALID)));
    return false;
  }

  /** Runs {@code endpoint}, turning anything it throws into a 500 problem. */
  static void run(Exchange exchange, Routes.Endpoint endpoint) {
    try {
      endpoint.handle(exchange);
    } catch (Exception e) {
      internalError(exchange, e);
    }
  }

  static void internalError(Exchange exchange, Throwable e) {
    internalError(exchange, Outcome.Subject.NONE, e);
  }

  /** Logs {@code e} without its message and answers 500 about {@code subject}. */
  static void internalError(Exchange exchange, Outcome.Subject subject, Throwable e) {
    Gateway.LOG.log(
        System.Logger.Level.ERROR,
        "internal error on " + routeOf(exchange) + ": " + Gateway.describe(e));
    exchange.answer(Outcome.refused(subject, Problem.internalError()));
  }

  /** The token of {@code Authorization: Bearer <token>}, scheme matched case-insensitively. */
  static Optional<String> bearer(String header) {
    if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** Whether {@code contentType} is {@code application/json}, with no charset or UTF-8. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.split(";");
    if (!parts[0].strip().equalsIgnoreCase("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
      if (parameter.startsWith("charset=")) {
        String charset = parameter.substring(8).replace("\"", "");
        if (!charset.equals("utf-8") && !charset.equals("utf8")) {
          return false;
        }
      }
    }
    return true;
  }

  private static String routeOf(Exchange exchange) {
    Routes.Route route = exchange.route();
    return route == null ? Services.UNMATCHED_ROUTE : route.method() + " " + route.template();
  }
}
