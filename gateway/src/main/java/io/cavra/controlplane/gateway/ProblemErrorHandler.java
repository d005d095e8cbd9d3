package io.cavra.controlplane.gateway;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Turns the errors Jetty answers by itself (a malformed request, headers over the limit, a failure
 * outside the handler) into problem answers, without a message, a cause or a stack trace.
 */
final class ProblemErrorHandler extends ErrorHandler {
  private final Guard guard;

  ProblemErrorHandler(Guard guard) {
    this.guard = guard;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Problem problem = problemFor(response.getStatus());
    response.setStatus(problem.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, Exchange.NO_STORE);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(problem.toJsonBytes(guard)), callback);
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
      default:
        return status >= 500
            ? Problem.of(ProblemType.INTERNAL_ERROR, "the gateway failed; its log has the details")
            : Problem.of(ProblemType.BAD_REQUEST, "the HTTP request is malformed");
    }
  }
}
