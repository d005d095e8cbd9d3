package io.cavra.controlplane.gateway;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Turns the errors Jetty answers by itself (a malformed request, headers over the limit, an
 * unsupported HTTP version, a failure outside the handler) into problem answers, without a message,
 * a cause or a stack trace; each is counted and logged by its status and code only.
 */
final class ProblemErrorHandler extends ErrorHandler {
  private final Services services;

  ProblemErrorHandler(Services services) {
    this.services = services;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int received = response.getStatus();
    Problem problem = problemFor(received);
    Gateway.LOG.log(problem.status() >= 500 && problem.type() != ProblemType.HTTP_VERSION_NOT_SUPPORTED
            ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
        "refused before routing: " + problem.status() + " " + problem.type().code());
    services.metrics().record(Services.UNMATCHED_ROUTE, "", problem.status(), problem.type().code(), problem.type(), 0);
    response.setStatus(problem.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, Exchange.NO_STORE);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(problem.toJsonBytes(services.guard())), callback);
    return true;
  }

  static Problem problemFor(int status) {
    switch (status) {
      case 404:
        return Problem.of(ProblemType.NOT_FOUND, "no resource at this path");
      case 405:
        return Problem.of(ProblemType.METHOD_NOT_ALLOWED, "this method is not allowed here");
      case 413:
        return Problem.of(ProblemType.TOO_LARGE, "the request is too large");
      case 414:
        return Problem.of(ProblemType.URI_TOO_LONG, "the request line is longer than the server accepts");
      case 415:
        return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json (UTF-8)");
      case 431:
        return Problem.of(ProblemType.HEADER_TOO_LARGE, "the request headers are larger than the server accepts");
      case 503:
        return Problem.of(ProblemType.SHUTTING_DOWN, "the gateway is not accepting requests");
      case 505:
        return Problem.of(ProblemType.HTTP_VERSION_NOT_SUPPORTED, "the gateway speaks HTTP/1.0 and HTTP/1.1");
      default:
        return status >= 500
            ? Problem.of(ProblemType.INTERNAL_ERROR, "the gateway failed; its log has the details")
            : Problem.of(ProblemType.BAD_REQUEST, "the HTTP request is malformed");
    }
  }
}
