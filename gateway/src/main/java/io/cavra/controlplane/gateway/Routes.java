package io.cavra.controlplane.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The gateway's route table: method plus path template to endpoint. Templates are literal segments,
 * {@code {name}} (one non-empty segment) and a final {@code {name...}} (the rest of the path, one
 * segment or more). Immutable once built.
 */
final class Routes {
  /** What a route requires before its endpoint runs. */
  enum Access {
    /**
     * Health, readiness and metrics: always answered, never audited, outside the concurrency bound.
     */
    PROBE,
    /** Public documents and the explorer: no key needed. */
    PUBLIC,
    /** The {@code /v1} work endpoints: API key, rate limit, concurrency bound, JSON body. */
    WORK
  }

  /** Handles one exchange; may answer later from another thread. */
  @FunctionalInterface
  interface Endpoint {
    void handle(Exchange exchange) throws Exception;
  }

  record Route(String method, String template, Access access, Endpoint endpoint) {
    Route {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(access, "access");
      Objects.requireNonNull(endpoint, "endpoint");
    }
  }

  /** The outcome of a lookup: a route with its parameters, or why there is none. */
  record Lookup(Route route, Map<String, String> parameters, Set<String> allowed) {
    boolean found() {
      return route != null;
    }

    /** The path exists for other methods only. */
    boolean wrongMethod() {
      return route == null && !allowed.isEmpty();
    }
  }

  static final class Builder {
    private final List<Route> routes = new ArrayList<>();

    Builder get(String template, Access access, Endpoint endpoint) {
      routes.add(new Route("GET", template, access, endpoint));
      return this;
    }

    Builder post(String template, Endpoint endpoint) {
      routes.add(new Route("POST", template, Access.WORK, endpoint));
      return this;
    }

    Routes build() {
      return new Routes(routes);
    }
  }

  private final List<Route> routes;

  private Routes(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  static Builder builder() {
    return new Builder();
  }

  List<Route> routes() {
    return routes;
  }

  /** Finds the route for {@code method} (HEAD counts as GET) and a decoded {@code path}. */
  Lookup find(String method, String path) {
    String wanted = "HEAD".equals(method) ? "GET" : method;
    Set<String> allowed = new LinkedHashSet<>();
    for (Route route : routes) {
      Map<String, String> parameters = match(route.template(), path);
      if (parameters == null) {
        continue;
      }
      if (route.method().equals(wanted)) {
        return new Lookup(route, parameters, Set.of());
      }
      allowed.add(route.method());
      if (route.method().equals("GET")) {
        allowed.add("HEAD");
      }
    }
    return new Lookup(null, Map.of(), allowed);
  }

  /** The parameters if {@code path} matches {@code template}, else {@code null}. */
  static Map<String, String> match(String template, String path) {
    if (path == null || !path.startsWith("/")) {
      return null;
    }
    if (template.equals("/")) {
      return path.equals("/") ? Map.of() : null;
    }
    String[] want = template.substring(1).split("/", -1);
    String[] got = path.substring(1).split("/", -1);
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < want.length; i++) {
      String segment = want[i];
      if (segment.startsWith("{") && segment.endsWith("...}")) {
        if (i >= got.length) {
          return null;
        }
        String rest = String.join("/", java.util.Arrays.copyOfRange(got, i, got.length));
        if (rest.isEmpty()) {
          return null;
        }
        parameters.put(segment.substring(1, segment.length() - 4), rest);
        return parameters;
      }
      if (i >= got.length) {
        return null;
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        if (got[i].isEmpty()) {
          return null;
        }
        parameters.put(segment.substring(1, segment.length() - 1), got[i]);
      } else if (!segment.equals(got[i])) {
        return null;
      }
    }
    return got.length == want.length ? parameters : null;
  }
}
