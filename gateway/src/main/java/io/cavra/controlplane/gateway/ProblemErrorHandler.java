package io.cavra.controlplane.gateway;

import java.nio.ByteBuffer;
import java.util.List;
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
    Gateway.LOG.log(
        problem.status() >= 500 && problem.type() != ProblemType.HTTP_VERSION_NOT_SUPPORTED
            ? System.Logger.Level.WARNING
            : System.Logger.Level.INFO,
        "refused before routing: " + problem.status() + " " + problem.type().code());
    Outcome outcome = Outcome.refused(problem);
    services.metrics().record(Services.UNMATCHED_ROUTE, outcome, 0);
    response.setStatus(outcome.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, outcome.contentType());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, outcome.cacheControl());
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(outcome.body(services.guard(), null)), callback);
    return true;
  }

  static Problem problemFor(int status) {
    return switch (status) {
      case 404 -> Problem.notFound(Problem.Missing.RESOURCE);
      case 405 -> Problem.methodNotAllowed(List.of());
      case 413 -> Problem.tooLarge();
      case 414 -> Problem.uriTooLong();
      case 415 -> Problem.unsupportedMediaType();
      case 431 -> Problem.headerTooLarge();
      case 503 -> Problem.shuttingDown(Problem.Drain.SERVER);
      case 505 -> Problem.httpVersionNotSupported();
      default ->
          status >= 500
              ? Problem.internalError()
              : Problem.badRequest(Problem.BadRequest.MALFORMED);
    };
  }
}
