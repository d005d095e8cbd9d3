package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.adapter.Caller;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request and its answer. Endpoints answer exactly once, from any thread, with an {@link
 * Outcome}; later answers are ignored. The exchange knows its route from the start and its caller's
 * key once the dispatcher has authenticated it; everything else the audit line and the metrics say
 * comes from the outcome.
 */
final class Exchange {
  private final Services services;
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final long startNanos = System.nanoTime();
  private final Instant arrived = Instant.now();
  private final AtomicBoolean answered = new AtomicBoolean();
  private final String requestId;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final List<Runnable> onFinish = new CopyOnWriteArrayList<>();
  private final List<Runnable> onAnswer = new CopyOnWriteArrayList<>();

  private final Routes.Route route;
  private final Map<String, String> parameters;
  private volatile byte[] body;
  private volatile ApiKeys.Entry key;

  /** The body deadline passed: the answer is sent and the connection closed without reading on. */
  private volatile boolean expired;

  /**
   * How much of an unread body is read and dropped after an early answer (401, 413, 429 …), as
   * servlet containers do (Tomcat's {@code maxSwallowSize} is the same 2 MiB); a body declared
   * larger is not read at all. Closing a socket whose input still holds unread bytes makes the
   * kernel reset the connection, and a reset can discard the answer before the client reads it.
   */
  static final long SWALLOW_BYTES = 2L << 20;

  /** An exchange on the route {@code lookup} found, if it found one. */
  Exchange(
      Services services,
      Request request,
      Response response,
      Callback callback,
      Routes.Lookup lookup) {
    this.services = services;
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.route = lookup.route();
    this.parameters = lookup.parameters();
    this.requestId = RequestIds.of(request.getHeaders(), services.guard());
  }

  /**
   * The request id: the caller's {@code X-Request-Id} or {@code traceparent} trace id when valid,
   * else a new one.
   */
  String requestId() {
    return requestId;
  }

  Request request() {
    return request;
  }

  String method() {
    return request.getMethod();
  }

  /** The route, or {@code null} when no route matched (404, 405). */
  Routes.Route route() {
    return route;
  }

  String parameter(String name) {
    return parameters.get(name);
  }

  /** The request body once it is read whole, else {@code null}. */
  byte[] body() {
    return body;
  }

  /** Notes the key the dispatcher authenticated the caller with, before any endpoint runs. */
  void key(ApiKeys.Entry key) {
    this.key = key;
  }

  ApiKeys.Entry key() {
    return key;
  }

  /** The caller handed to the adapter: the key's id, or anonymous without authentication. */
  Caller caller() {
    ApiKeys.Entry entry = key;
    return entry == null ? Caller.ANONYMOUS : new Caller(entry.keyId(), entry.keyId());
  }

  /** Runs {@code action} once the answer is written or has failed. */
  void onFinish(Runnable action) {
    onFinish.add(action);
  }

  /**
   * Runs {@code action} when the answer is decided, before it is written: a client that reads its
   * answer and sends the next request at once must find the slot this one held free again.
   */
  void onAnswer(Runnable action) {
    onAnswer.add(action);
  }

  /**
   * Answers with {@code outcome}, unless the exchange is answered already: the audit line and the
   * metrics are recorded from it as the answer is handed to the server, so that the audit line
   * exists before the client can read the answer; HEAD requests get the headers only.
   */
  void answer(Outcome outcome) {
    if (!answered.compareAndSet(false, true)) {
      return;
    }
    for (Runnable action : onAnswer) {
      action.run();
    }
    byte[] bytes = outcome.body(services.guard(), requestId);
    response.setStatus(outcome.status());
    HttpFields.Mutable fields = response.getHeaders();
    fields.put(HttpHeader.CONTENT_TYPE, outcome.contentType());
    fields.put(HttpHeader.CACHE_CONTROL, outcome.cacheControl());
    fields.put("X-Content-Type-Options", "nosniff");
    fields.put(RequestIds.HEADER, requestId);
    outcome.headers().forEach(fields::put);
    boolean unread = body == null && declaresContent();
    if (unread) {
      // Answered before the body was read (401, 413, 429, 503 …): the connection closes after the
      // answer, so say so, or a client reusing it sends its next request into a closing socket.
      fields.put(HttpHeader.CONNECTION, "close");
    }
    // Read the rest first, unless it is declared larger than we would read anyway, or is too slow
    // to wait for.
    boolean swallow = unread && !expired && request.getLength() <= SWALLOW_BYTES;
    fields.put(HttpHeader.CONTENT_LENGTH, bytes.length);
    services.completed(this, outcome, System.nanoTime() - startNanos);
    boolean head = "HEAD".equals(request.getMethod());
    response.write(
        true,
        head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes),
        Callback.from(
            () -> {
              finish();
              if (swallow) {
                new Swallower().run();
              } else {
                callback.succeeded();
              }
            },
            failure -> {
              finish();
              callback.failed(failure);
            }));
  }

  private boolean declaresContent() {
    return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }

  boolean answered() {
    return answered.get();
  }

  /**
   * Reads the body without blocking, up to {@code maxBytes}, then runs {@code then}; a larger body
   * is answered with 413 as soon as it crosses the limit, and one that has not arrived whole after
   * {@code deadline} with 408, closing the connection.
   */
  void readBody(int maxBytes, java.time.Duration deadline, Routes.Endpoint then) {
    long started = System.nanoTime();
    new BodyReader(maxBytes, then).run();
    if (body != null || answered()) {
      // The whole body was there at once, as it almost always is: no deadline to keep.
      return;
    }
    java.time.Duration left = deadline.minusNanos(System.nanoTime() - started);
    java.util.concurrent.ScheduledFuture<?> timer =
        services.schedule(
            left.isNegative() ? java.time.Duration.ZERO : left,
            () -> {
              if (body == null && !answered()) {
                expired = true;
                answer(Outcome.refused(Problem.requestTimeout(deadline)));
              }
            });
    onFinish(() -> timer.cancel(false));
  }

  /** The client's IP address as the connection shows it. */
  String clientAddress() {
    return Request.getRemoteAddr(request);
  }

  /** Releases what the exchange held once the answer is written or has failed. */
  private void finish() {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    for (Runnable action : onFinish) {
      action.run();
    }
  }

  Instant arrived() {
    return arrived;
  }

  private final class BodyReader implements Runnable {
    private final int maxBytes;
    private final Routes.Endpoint then;
    private byte[] buffer = new byte[1024];
    private int size;

    BodyReader(int maxBytes, Routes.Endpoint then) {
      this.maxBytes = maxBytes;
      this.then = then;
    }

    @Override
    public void run() {
      while (true) {
        if (answered()) {
          // Answered already (the body deadline passed): stop reading.
          return;
        }
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          chunk.release();
          answer(Outcome.refused(Problem.badRequest(Problem.BadRequest.UNREADABLE_BODY)));
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        int n = bytes.remaining();
        if (n > maxBytes - size) {
          chunk.release();
          answer(Outcome.refused(Problem.tooLarge(maxBytes)));
          return;
        }
        if (size + n > buffer.length) {
          buffer =
              java.util.Arrays.copyOf(
                  buffer, Math.min(maxBytes, Math.max(size + n, buffer.length * 2)));
        }
        bytes.get(buffer, size, n);
        size += n;
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          body = java.util.Arrays.copyOf(buffer, size);
          buffer = null;
          Dispatcher.run(Exchange.this, then);
          return;
        }
      }
    }
  }

  /**
   * Reads and drops the rest of a body after its answer is written, up to {@link #SWALLOW_BYTES},
   * then ends the exchange; the server then closes the connection (the answer said so) with no
   * unread input left behind. A client that stops sending is cut off by the idle timeout.
   */
  private final class Swallower implements Runnable {
    private long left = SWALLOW_BYTES;

    @Override
    public void run() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        boolean done = chunk.isLast() || Content.Chunk.isFailure(chunk);
        left -= chunk.remaining();
        chunk.release();
        if (done || left < 0) {
          callback.succeeded();
          return;
        }
      }
    }
  }
}
