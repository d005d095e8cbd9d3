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
    Exchange exchange = new Exchange(services, request, response, callback);
    try {
      Routes.Lookup lookup = routes.find(request.getMethod(), Request.getPathInContext(request));
      if (lookup.wrongMethod()) {
        String allow = String.join(", ", lookup.allowed());
        exchange.sendProblem(Problem.of(ProblemType.METHOD_NOT_ALLOWED, "this resource allows " + allow)
            .withHeader("Allow", allow));
        return true;
      }
      if (!lookup.found()) {
        exchange.sendProblem(Problem.of(ProblemType.NOT_FOUND, "no resource at this path"));
        return true;
      }
      exchange.route(lookup.route(), lookup.parameters());
      if (lookup.route().access() == Routes.Access.WORK) {
        admit(exchange);
      } else if (lookup.route().template().equals(METRICS) && services.config().metricsAuthenticated()) {
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
      exchange.sendProblem(Problem.of(ProblemType.SHUTTING_DOWN, "the gateway is shutting down; retry on another instance")
          .withHeader("Retry-After", "5")
          .withHeader("Connection", "close"));
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
      exchange.sendProblem(Problem.of(ProblemType.RATE_LIMITED, keys != null
              ? "the API key's rate limit is exhausted; retry later"
              : "this address's rate limit is exhausted; retry later")
          .withHeader("Retry-After", Long.toString(wait)));
      return;
    }
    Services.Refusal refusal = services.admit(exchange, client);
    if (refusal != Services.Refusal.NONE) {
      exchange.sendProblem(Problem.of(ProblemType.OVERLOADED, refusal == Services.Refusal.CLIENT_FULL
              ? (keys != null ? "this API key has" : "this address has") + " too many requests in flight; retry later"
              : "too many requests in flight; retry later")
          .withHeader("Retry-After", "1"));
      return;
    }
    if (!isJson(exchange.request().getHeaders().get(HttpHeader.CONTENT_TYPE))) {
      exchange.sendProblem(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json (UTF-8)"));
      return;
    }
    int max = services.config().maxBodyBytes();
    long length = exchange.request().getLength();
    if (length > max) {
      exchange.sendProblem(tooLarge(max));
      return;
    }
    exchange.readBody(max, services.config().bodyTimeout(), exchange.route().endpoint());
  }

  /**
   * Notes the caller's key, or answers 401 (429 once the address has failed too often; a valid
   * key is never held back by that) and returns {@code false}.
   */
  private boolean authenticated(Exchange exchange) {
    String address = "address " + exchange.clientAddress();
    Optional<String> token = bearer(exchange.request().getHeaders().get(HttpHeader.AUTHORIZATION));
    Optional<ApiKeys.Entry> key = token.isEmpty() ? Optional.empty() : services.keys().authenticate(token.get());
    if (key.isPresent()) {
      exchange.key(key.get());
      return true;
    }
    long wait = services.authFailures().waitFor(address);
    if (wait > 0) {
      exchange.sendProblem(Problem.of(ProblemType.RATE_LIMITED, "too many failed authentications from this address; retry later")
          .withHeader("Retry-After", Long.toString(wait)));
      return false;
    }
    services.authFailures().acquire(address);
    if (token.isEmpty()) {
      exchange.sendProblem(Problem.of(ProblemType.UNAUTHORIZED, "an API key is required: send Authorization: Bearer <key>")
          .withHeader("WWW-Authenticate", REALM));
    } else {
      exchange.sendProblem(Problem.of(ProblemType.UNAUTHORIZED, "the API key is not valid")
          .withHeader("WWW-Authenticate", REALM + ", error=\"invalid_token\""));
    }
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
    Gateway.LOG.log(System.Logger.Level.ERROR, "internal error on " + routeOf(exchange) + ": " + Gateway.describe(e));
    exchange.sendProblem(Problem.of(ProblemType.INTERNAL_ERROR, "the gateway failed; its log has the details"));
  }

  static Problem tooLarge(int max) {
    return Problem.of(ProblemType.TOO_LARGE, "input exceeds " + max + " bytes").withHeader("Connection", "close");
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
