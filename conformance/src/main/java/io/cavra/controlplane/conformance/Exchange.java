package io.cavra.controlplane.conformance;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one call to a target produced: an answer, an exception thrown in process, a failed call, no
 * connection at all, or nothing within the timeout. Immutable. Every text the kit reports for a
 * call that produced no answer is made by one of the factories here.
 */
sealed interface Exchange
    permits Exchange.Answered,
        Exchange.Threw,
        Exchange.Failed,
        Exchange.Unreachable,
        Exchange.TimedOut {

  /** How long the call took. */
  Duration elapsed();

  /**
   * An answer: over HTTP the status, media type ({@code ""} when none), body and headers; in
   * process the adapter's response in its wire form as a {@code 200 application/json}. The body
   * array is the one received and is never changed.
   */
  record Answered(
      Duration elapsed,
      int status,
      String contentType,
      byte[] body,
      Map<String, List<String>> headers)
      implements Exchange {
    public Answered {
      Objects.requireNonNull(elapsed, "elapsed");
      contentType = contentType == null ? "" : contentType;
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(headers, "headers");
    }

    /** Whether the media type, parameters ignored, is {@code mediaType}. */
    boolean hasMediaType(String mediaType) {
      int semicolon = contentType.indexOf(';');
      String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
      return type.equalsIgnoreCase(mediaType);
    }
  }

  /** In process: the adapter threw, or the contract's reader refused the request. */
  record Threw(Duration elapsed, Throwable thrown) implements Exchange {
    public Threw {
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(thrown, "thrown");
    }
  }

  /**
   * The call failed without an answer; {@code failure} says how, naming no value the target sent.
   */
  record Failed(Duration elapsed, String failure) implements Exchange {
    public Failed {
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(failure, "failure");
    }
  }

  /** No connection could be made: later calls would fail the same way. */
  record Unreachable(Duration elapsed, String failure) implements Exchange {
    public Unreachable {
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(failure, "failure");
    }

    /** What a case that was not sent after this reports. */
    String notSent() {
      return "not sent: " + failure;
    }
  }

  /** No answer within the call's timeout. */
  record TimedOut(Duration elapsed) implements Exchange {
    public TimedOut {
      Objects.requireNonNull(elapsed, "elapsed");
    }
  }

  /** In process: the adapter returned {@code null} instead of a response. */
  static Failed adapterReturnedNull(Duration elapsed) {
    return new Failed(elapsed, "the adapter returned null");
  }

  /** In process: the contract's reader accepted a request the case expects it to refuse. */
  static Failed readerAccepted(Duration elapsed) {
    return new Failed(
        elapsed, "the contract's reader accepted a request this case expects refused");
  }

  /**
   * The kit's thread was interrupted while it waited for {@code awaited} (the adapter, an
   * endpoint).
   */
  static Failed interrupted(Duration elapsed, String awaited) {
    return new Failed(elapsed, "interrupted while waiting for " + awaited);
  }

  /**
   * Over HTTP: the exchange with {@code endpoint} failed with an I/O error of class {@code error}.
   */
  static Failed ioFailure(Duration elapsed, URI endpoint, Class<?> error) {
    return new Failed(elapsed, "cannot reach " + endpoint + " (" + error.getSimpleName() + ")");
  }

  /** Over HTTP: {@code endpoint} refused the connection. */
  static Unreachable connectionRefused(Duration elapsed, URI endpoint) {
    return new Unreachable(elapsed, "cannot reach " + endpoint + " (connection refused)");
  }

  /** Over HTTP: no connection to {@code endpoint} within the connect timeout. */
  static Unreachable noConnection(Duration elapsed, URI endpoint) {
    return new Unreachable(
        elapsed, "cannot reach " + endpoint + " (no connection within the timeout)");
  }
}
