package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Envelope;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.ResponseStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one exchange came to, decided at once by the code that answers it: what the gateway
 * understood of the request and the answer. {@link Exchange#answer} writes the answer, the audit
 * line and the metrics from this one value, so that the three cannot disagree. Immutable.
 */
sealed interface Outcome permits Outcome.Served, Outcome.Refused {
  /** The audit and metrics outcome of a successful answer that is not a control-plane response. */
  String OK = "ok";

  /** The outcome of {@code POST /v1/validate} when the envelope is valid. */
  String VALID = "valid";

  /** The outcome of {@code POST /v1/validate} when it is not. */
  String INVALID = "invalid";

  /** What the gateway understood of the request: the audit line holds nothing else of it. */
  Subject subject();

  /** The HTTP status of the answer. */
  int status();

  /**
   * The audit line's and the request counter's outcome: the response status of a control-plane
   * answer, {@value #VALID} or {@value #INVALID} for a validation, {@value #OK} for any other
   * success, and the problem code of a refusal.
   */
  String label();

  /** The media type of the answer. */
  String contentType();

  /** The answer's {@code Cache-Control}. */
  String cacheControl();

  /** Headers of the answer beyond the ones every answer has. */
  Map<String, String> headers();

  /**
   * The answer's body. A problem is written as {@link Problem#toJsonBytes(Guard, String)} makes it,
   * with {@code requestId}; a successful answer's body is its reply's.
   */
  byte[] body(Guard guard, String requestId);

  /** A problem answer for {@code problem}, nothing of the request understood. */
  static Refused refused(Problem problem) {
    return new Refused(Subject.NONE, problem);
  }

  /** A problem answer for {@code problem} to a request understood as {@code subject}. */
  static Refused refused(Subject subject, Problem problem) {
    return new Refused(subject, problem);
  }

  /** A successful answer that is not about a request envelope: a document, a probe, the metrics. */
  static Served ok(Reply reply) {
    return new Served(Subject.NONE, OK, reply);
  }

  /** A successful answer about {@code subject}, such as a built request envelope. */
  static Served ok(Subject subject, Reply reply) {
    return new Served(subject, OK, reply);
  }

  /** The adapter's response to {@code subject}, in its wire form. */
  static Served answered(Subject subject, ResponseStatus status, byte[] json) {
    return new Served(subject, status.wireName(), Reply.json(json));
  }

  /** A validation report about {@code subject}. */
  static Served validated(Subject subject, boolean valid, byte[] json) {
    return new Served(subject, valid ? VALID : INVALID, Reply.json(json));
  }

  /** A successful answer. */
  record Served(Subject subject, String label, Reply reply) implements Outcome {
    public Served {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(reply, "reply");
    }

    @Override
    public int status() {
      return reply.status();
    }

    @Override
    public String contentType() {
      return reply.contentType();
    }

    @Override
    public String cacheControl() {
      return reply.cacheControl();
    }

    @Override
    public Map<String, String> headers() {
      return reply.headers();
    }

    @Override
    public byte[] body(Guard guard, String requestId) {
      return reply.body();
    }
  }

  /**
   * A problem answer. It carries the subject's correlation id when the problem names none, so a
   * refusal of a request that was read says which request it refuses.
   */
  record Refused(Subject subject, Problem problem) implements Outcome {
    public Refused {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(problem, "problem");
      if (problem.correlationId() == null && subject.correlationId() != null) {
        problem = problem.withCorrelationId(subject.correlationId());
      }
    }

    @Override
    public int status() {
      return problem.status();
    }

    @Override
    public String label() {
      return problem.type().code();
    }

    @Override
    public String contentType() {
      return Problem.MEDIA_TYPE;
    }

    @Override
    public String cacheControl() {
      return Reply.NO_STORE;
    }

    @Override
    public Map<String, String> headers() {
      return problem.headers();
    }

    @Override
    public byte[] body(Guard guard, String requestId) {
      return problem.toJsonBytes(guard, requestId);
    }
  }

  /**
   * What the gateway understood of a request: the operation's wire name, the correlation id, and
   * the tenant when it is within the gateway's identifier bound; each {@code null} until known.
   */
  record Subject(String operation, String correlationId, String tenant) {
    /** Nothing understood (yet). */
    static final Subject NONE = new Subject(null, null, null);

    /** A validated envelope: its operation and correlation id, and a request's bounded tenant. */
    static Subject of(Envelope envelope) {
      String tenant = null;
      if (envelope instanceof ControlPlaneRequest request
          && Identifiers.bounded(request.tenantId())) {
        tenant = request.tenantId();
      }
      return new Subject(envelope.operation().wireName(), envelope.correlationId(), tenant);
    }

    /**
     * An operation named before any envelope is read (the path of {@code /v1/build/{operation}}).
     */
    static Subject of(Operation operation) {
      return new Subject(operation.wireName(), null, null);
    }
  }

  /**
   * A successful answer as it is written: status, media type, body, extra headers and {@code
   * Cache-Control}. The body array is never changed once a reply holds it (replies of documents are
   * made once and shared).
   */
  record Reply(
      int status,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      String cacheControl) {
    static final String JSON = "application/json";

    /** Answers that depend on the request or on the moment. */
    static final String NO_STORE = "no-store";

    /** Documents that change only with the gateway. */
    static final String NO_CACHE = "no-cache";

    public Reply {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(cacheControl, "cacheControl");
      headers =
          headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** {@code 200}, {@code application/json}, not stored. */
    static Reply json(byte[] body) {
      return new Reply(200, JSON, body, Map.of(), NO_STORE);
    }

    /** {@code 200} with a document that may be cached if revalidated. */
    static Reply document(String contentType, byte[] body) {
      return new Reply(200, contentType, body, Map.of(), NO_CACHE);
    }
  }
}
