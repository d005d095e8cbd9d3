package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.Envelope;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.RequestBuilder;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

/** The endpoints; {@link Gateway#routing} maps them to routes. */
final class Endpoints {
  static final String SCHEMA_JSON = "application/schema+json";

  /** The explorer's page may load scripts and styles from the gateway only. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

  private final Services services;
  private final StaticFiles explorer = new StaticFiles();
  private final byte[] ready;

  Endpoints(Services services) {
    this.services = services;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ready");
    body.put("adapter", services.adapter().name());
    this.ready = ContractJson.toJson(body, false).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code POST /v1/control-plane}: parse, guard, authorize, ask the adapter, check its answer. */
  void controlPlane(Exchange exchange) {
    ControlPlaneRequest request;
    try {
      request = services.requestCodec().parseRequest(exchange.body());
    } catch (ContractException e) {
      exchange.answer(Outcome.refused(Problem.of(e)));
      return;
    }
    Outcome.Subject subject = Outcome.Subject.of(request);
    Problem refusal = screen(request);
    if (refusal == null) {
      refusal = outsideKeyScope(exchange.key(), request);
    }
    if (refusal != null) {
      exchange.answer(Outcome.refused(subject, refusal));
      return;
    }
    try {
      services.adapter().call(request, exchange.caller(), new Answer(exchange, request, subject));
    } catch (RejectedExecutionException e) {
      exchange.answer(Outcome.refused(subject, Problem.overloaded(Problem.Bound.ADAPTER_QUEUE)));
    }
  }

  /**
   * {@code POST /v1/validate}: every secret finding, then the first contract problem; no adapter
   * call.
   */
  void validate(Exchange exchange) {
    byte[] body = exchange.body();
    List<Map<String, Object>> problems = new ArrayList<>();
    List<Guard.Finding> findings = List.of();
    try {
      findings = services.guard().scanJson(body);
    } catch (ContractException | UncheckedIOException e) {
      // Not JSON, or too deep: the contract's parse below reports it with its location.
    }
    for (Guard.Finding finding : findings) {
      problems.add(entry(finding.code(), finding.path(), finding.message(), finding.ruleId()));
    }
    Envelope envelope = null;
    try {
      envelope = services.requestCodec().parseEnvelope(body);
    } catch (ContractException e) {
      String path = e.path();
      boolean listed =
          findings.stream().anyMatch(f -> f.code() == e.code() && f.path().equals(path));
      if (!listed) {
        problems.add(entry(e.code(), path, e.getMessage(), e.ruleId().orElse(null)));
      }
    }
    Outcome.Subject subject =
        envelope == null ? Outcome.Subject.NONE : Outcome.Subject.of(envelope);
    Map<String, Object> report = new LinkedHashMap<>();
    boolean valid = problems.isEmpty() && envelope != null;
    if (valid) {
      report.put("valid", true);
      report.put("kind", envelope instanceof ControlPlaneRequest ? "request" : "response");
      report.put("operation", envelope.operation().wireName());
      report.put("correlation_id", envelope.correlationId());
    } else {
      List<Object> safe = new ArrayList<>();
      for (Map<String, Object> problem : problems) {
        safe.add(withheldIfSecret(problem));
      }
      report.put("valid", false);
      report.put("problems", safe);
    }
    exchange.answer(
        Outcome.validated(
            subject, valid, ContractJson.toJson(report, false).getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code POST /v1/build/{operation}}: a request envelope from snake_case builder parameters. */
  void build(Exchange exchange) {
    Optional<Operation> operation = Operation.fromWireName(exchange.parameter("operation"));
    if (operation.isEmpty()) {
      exchange.answer(Outcome.refused(Problem.notFound(Problem.Missing.OPERATION)));
      return;
    }
    Outcome.Subject subject = Outcome.Subject.of(operation.get());
    try {
      Object tree = services.requestCodec().parseTree(exchange.body());
      if (!(tree instanceof Map)) {
        exchange.answer(Outcome.refused(subject, Problem.invalidType()));
        return;
      }
      RequestBuilder builder = ControlPlaneRequest.builder(operation.get());
      for (Map.Entry<?, ?> parameter : ((Map<?, ?>) tree).entrySet()) {
        builder.set((String) parameter.getKey(), parameter.getValue());
      }
      ControlPlaneRequest request = builder.build();
      subject = Outcome.Subject.of(request);
      Problem refusal = screen(request);
      if (refusal != null) {
        exchange.answer(Outcome.refused(subject, refusal));
        return;
      }
      exchange.answer(Outcome.ok(subject, Outcome.Reply.json(ContractJson.toJsonBytes(request))));
    } catch (ContractException e) {
      exchange.answer(Outcome.refused(subject, Problem.of(e)));
    }
  }

  void operations(Exchange exchange) {
    sendDocument(exchange, Outcome.Reply.JSON, services.documents().operations());
  }

  void contract(Exchange exchange) {
    sendDocument(exchange, Outcome.Reply.JSON, services.documents().contract());
  }

  void schemas(Exchange exchange) {
    sendDocument(exchange, Outcome.Reply.JSON, services.documents().schemaIndex());
  }

  void schema(Exchange exchange) {
    byte[] schema = services.documents().schema(exchange.parameter("name"));
    if (schema == null) {
      exchange.answer(Outcome.refused(Problem.notFound(Problem.Missing.SCHEMA)));
      return;
    }
    sendDocument(exchange, SCHEMA_JSON, schema);
  }

  void openApi(Exchange exchange) {
    sendDocument(exchange, Outcome.Reply.JSON, services.documents().openApi());
  }

  void health(Exchange exchange) {
    exchange.answer(Outcome.ok(Outcome.Reply.json(HEALTHY)));
  }

  void ready(Exchange exchange) {
    if (services.draining()) {
      exchange.answer(Outcome.refused(Problem.shuttingDown(Problem.Drain.READINESS)));
      return;
    }
    if (services.overloaded()) {
      // Every slot is taken: a load balancer should send new work elsewhere until one frees.
      exchange.answer(Outcome.refused(Problem.overloaded(Problem.Bound.EVERY_SLOT)));
      return;
    }
    exchange.answer(Outcome.ok(Outcome.Reply.json(ready)));
  }

  void metrics(Exchange exchange) {
    exchange.answer(
        Outcome.ok(
            new Outcome.Reply(
                200,
                Metrics.CONTENT_TYPE,
                services.metrics().scrape(),
                Map.of(),
                Outcome.Reply.NO_STORE)));
  }

  void explorerIndex(Exchange exchange) {
    sendExplorer(exchange, explorer.index());
  }

  void explorerFile(Exchange exchange) {
    Optional<StaticFiles.File> file = explorer.file(exchange.parameter("file"));
    if (file.isEmpty()) {
      exchange.answer(Outcome.refused(Problem.notFound(Problem.Missing.EXPLORER_FILE)));
      return;
    }
    sendExplorer(exchange, file.get());
  }

  private static void sendExplorer(Exchange exchange, StaticFiles.File file) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Frame-Options", "DENY");
    exchange.answer(
        Outcome.ok(
            new Outcome.Reply(
                200, file.contentType(), file.bytes(), headers, Outcome.Reply.NO_CACHE)));
  }

  private static void sendDocument(Exchange exchange, String contentType, byte[] document) {
    exchange.answer(Outcome.ok(Outcome.Reply.document(contentType, document)));
  }

  private static Map<String, Object> entry(
      ErrorCode code, String path, String message, String ruleId) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("code", code.wireName());
    entry.put("path", path);
    entry.put("message", message);
    if (ruleId != null && Problem.isSecret(code)) {
      entry.put("rule_id", ruleId);
    }
    return entry;
  }

  /** The entry, or a copy without path and message if they hold credential-like text. */
  private Map<String, Object> withheldIfSecret(Map<String, Object> entry) {
    if (services.guard().scan(entry, "$").isEmpty()) {
      return entry;
    }
    Map<String, Object> safe = new LinkedHashMap<>(entry);
    safe.put("path", "$");
    safe.put("message", Problem.WITHHELD_DETAIL);
    return safe;
  }

  /**
   * The refusal of a request the contract accepted: an identifier outside the gateway's bound, or
   * with organisation rules configured, their first finding; {@code null} if there is none.
   */
  private Problem screen(ControlPlaneRequest request) {
    Problem problem = Identifiers.check(request);
    if (problem != null || !services.customGuard()) {
      return problem;
    }
    List<Guard.Finding> findings = services.guard().scan(request.toMap(), "$");
    return findings.isEmpty() ? null : Problem.of(findings.get(0));
  }

  /**
   * The refusal of a request the caller's key may not make, or {@code null} (also without keys).
   */
  private static Problem outsideKeyScope(ApiKeys.Entry key, ControlPlaneRequest request) {
    if (key != null && !key.allowsTenant(request.tenantId())) {
      return Problem.forbidden(Problem.Scope.TENANT);
    }
    if (key != null && !key.allowsOperation(request.operation())) {
      return Problem.forbidden(Problem.Scope.OPERATION);
    }
    return null;
  }

  /** Checks the adapter's answer and sends it, or withholds it with a 502. */
  private final class Answer implements AdapterRunner.Listener {
    private final Exchange exchange;
    private final ControlPlaneRequest request;
    private final Outcome.Subject subject;

    Answer(Exchange exchange, ControlPlaneRequest request, Outcome.Subject subject) {
      this.exchange = exchange;
      this.request = request;
      this.subject = subject;
    }

    @Override
    public void answered(ControlPlaneResponse response) {
      try {
        if (response == null) {
          withhold("answer", "the adapter answered null");
          return;
        }
        // The response was constructed through the contract, so its shape is valid by construction;
        // what is left to check is that it answers this request and what exactly will be sent.
        Map<String, Object> tree;
        try {
          response.verifyAnswers(request);
          tree = response.toMap();
        } catch (ContractException e) {
          withhold(e.code().wireName(), "check " + e.code().wireName() + " at " + e.location());
          return;
        }
        // Constructing the response already ran the default guard over it; only a gateway guard
        // with
        // other rules can find more, so only then is the tree scanned again.
        List<Guard.Finding> findings =
            services.customGuard() ? services.guard().scan(tree, "$") : List.of();
        if (!findings.isEmpty()) {
          Guard.Finding first = findings.get(0);
          withhold(
              first.code().wireName(),
              "secret guard rule "
                  + first.ruleId()
                  + " at "
                  + first.path()
                  + (findings.size() > 1 ? " and " + (findings.size() - 1) + " more" : ""));
          return;
        }
        exchange.answer(
            Outcome.answered(
                subject,
                response.status(),
                ContractJson.toJson(tree, false).getBytes(StandardCharsets.UTF_8)));
      } catch (RuntimeException e) {
        Dispatcher.internalError(exchange, subject, e);
      }
    }

    @Override
    public void failed(Throwable failure) {
      Gateway.LOG.log(
          System.Logger.Level.WARNING,
          "adapter "
              + services.adapter().name()
              + " failed"
              + context()
              + ": "
              + Gateway.describe(failure));
      exchange.answer(Outcome.refused(subject, Problem.badGateway()));
    }

    @Override
    public void timedOut() {
      Gateway.LOG.log(
          System.Logger.Level.WARNING,
          "adapter " + services.adapter().name() + " timed out" + context());
      exchange.answer(
          Outcome.refused(subject, Problem.adapterTimeout(services.config().adapterTimeout())));
    }

    private void withhold(String check, String logDetail) {
      Gateway.LOG.log(
          System.Logger.Level.WARNING,
          "adapter "
              + services.adapter().name()
              + " answer withheld"
              + context()
              + ": "
              + logDetail);
      exchange.answer(Outcome.refused(subject, Problem.badGateway(check)));
    }

    private String context() {
      return " (operation "
          + request.operation().wireName()
          + ", correlation_id "
          + request.correlationId()
          + ")";
    }
  }
}
