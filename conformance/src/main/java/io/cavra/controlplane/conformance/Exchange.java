package io.cavra.controlplane.conformance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one call to a target produced: an answer (status, media type, body, headers), a thrown
 * exception (in process), a failed call, no connection at all, or nothing within the timeout.
 */
final class Exchange {
  enum Kind { ANSWERED, THREW, FAILED, UNREACHABLE, TIMED_OUT }

  final Kind kind;
  final Duration elapsed;
  final int status;
  final String contentType;
  final byte[] body;
  final Map<String, List<String>> headers;
  final Throwable thrown;
  final String failure;

  private Exchange(Kind kind, Duration elapsed, int status, String contentType, byte[] body,
      Map<String, List<String>> headers, Throwable thrown, String failure) {
    this.kind = kind;
    this.elapsed = elapsed;
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.headers = headers;
    this.thrown = thrown;
    this.failure = failure;
  }

  static Exchange answered(Duration elapsed, int status, String contentType, byte[] body,
      Map<String, List<String>> headers) {
    return new Exchange(Kind.ANSWERED, elapsed, status, contentType == null ? "" : contentType, body, headers,
        null, null);
  }

  static Exchange threw(Duration elapsed, Throwable thrown) {
    return new Exchange(Kind.THREW, elapsed, 0, "", new byte[0], Map.of(), thrown, null);
  }

  static Exchange failed(Duration elapsed, String failure) {
    return new Exchange(Kind.FAILED, elapsed, 0, "", new byte[0], Map.of(), null, failure);
  }

  /** No connection could be made: later calls would fail the same way. */
  static Exchange unreachable(Duration elapsed, String failure) {
    return new Exchange(Kind.UNREACHABLE, elapsed, 0, "", new byte[0], Map.of(), null, failure);
  }

  static Exchange timedOut(Duration elapsed) {
    return new Exchange(Kind.TIMED_OUT, elapsed, 0, "", new byte[0], Map.of(), null, null);
  }

  /** Whether the media type, parameters ignored, is {@code mediaType}. */
  boolean hasMediaType(String mediaType) {
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.equalsIgnoreCase(mediaType);
  }
}
