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
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
      + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
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
      exchange.sendProblem(Problem.of(e));
      return;
    }
    exchange.note(request);
    if (refusedByIdentifierBounds(exchange, request) || refusedByCustomRules(exchange, request)) {
      return;
    }
    ApiKeys.Entry key = exchange.key();
    if (key != null && !key.allowsTenant(request.tenantId())) {
      exchange.sendProblem(new Problem(ProblemType.FORBIDDEN, "the API key may not act for this tenant",
          "$.tenant_id", null, null, Map.of()));
      return;
    }
    if (key != null && !key.allowsOperation(request.operation())) {
      exchange.sendProblem(new Problem(ProblemType.FORBIDDEN, "the API key may not call this operation",
          "$.operation", null, null, Map.of()));
      return;
    }
    try {
      services.adapter().call(request, exchange.caller(), new Answer(exchange, request));
    } catch (RejectedExecutionException e) {
      exchange.sendProblem(Problem.of(ProblemType.OVERLOADED, "the adapter's queue is full; retry later")
          .withHeader("Retry-After", "1"));
    }
  }

  /** {@code POST /v1/validate}: every secret finding, then the first contract problem; no adapter call. */
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
      boolean listed = findings.stream().anyMatch(f -> f.code() == e.code() && f.path().equals(path));
      if (!listed) {
        problems.add(entry(e.code(), path, e.getMessage(), e.ruleId().orElse(null)));
      }
    }
    Map<String, Object> report = new LinkedHashMap<>();
    if (envelope != null) {
      exchange.note(envelope);
    }
    if (problems.isEmpty() && envelope != null) {
      report.put("valid", true);
      report.put("kind", envelope instanceof ControlPlaneRequest ? "request" : "response");
      report.put("operation", envelope.operation().wireName());
      report.put("correlation_id", envelope.correlationId());
      exchange.outcome("valid");
    } else {
      List<Object> safe = new ArrayList<>();
      for (Map<String, Object> problem : problems) {
        safe.add(withheldIfSecret(problem));
      }
      report.put("valid", false);
      report.put("problems", safe);
      exchange.outcome("invalid");
    }
    exchange.sendJson(200, ContractJson.toJson(report, false).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code POST /v1/build/{operation}}: a request envelope from snake_case builder parameters. */
  void build(Exchange exchange) {
    Optional<Operation> operation = Operation.fromWireName(exchange.parameter("operation"));
    if (operation.isEmpty()) {
      exchange.sendProblem(Problem.of(ProblemType.NOT_FOUND, "unknown operation; GET /v1/operations lists them"));
      return;
    }
    exchange.noteOperation(operation.get().wireName());
    try {
      Object tree = services.requestCodec().parseTree(exchange.body());
      if (!(tree instanceof Map)) {
        exchange.sendProblem(new Problem(ProblemType.INVALID_TYPE,
            "the body must be a JSON object of builder parameters", "$", null, null, Map.of()));
        return;
      }
      RequestBuilder builder = ControlPlaneRequest.builder(operation.get());
      for (Map.Entry<?, ?> parameter : ((Map<?, ?>) tree).entrySet()) {
        builder.set((String) parameter.getKey(), parameter.getValue());
      }
      ControlPlaneRequest request = builder.build();
      exchange.note(request);
      if (refusedByIdentifierBounds(exchange, request) || refusedByCustomRules(exchange, request)) {
        return;
      }
      exchange.sendJson(200, ContractJson.toJsonBytes(request));
    } catch (ContractException e) {
      exchange.sendProblem(Problem.of(e));
    }
  }

  void operations(Exchange exchange) {
    sendDocument(exchange, Exchange.JSON, services.documents().operations());
  }

  void contract(Exchange exchange) {
    sendDocument(exchange, Exchange.JSON, services.documents().contract());
  }

  void schemas(Exchange exchange) {
    sendDocument(exchange, Exchange.JSON, services.documents().schemaIndex());
  }

  void schema(Exchange exchange) {
    byte[] schema = services.documents().schema(exchange.parameter("name"));
    if (schema == null) {
      exchange.sendProblem(Problem.of(ProblemType.NOT_FOUND, "unknown schema; GET /v1/schemas lists them"));
      return;
    }
    sendDocument(exchange, SCHEMA_JSON, schema);
  }

  void openApi(Exchange exchange) {
    sendDocument(exchange, Exchange.JSON, services.documents().openApi());
  }

  void health(Exchange exchange) {
    exchange.sendJson(200, HEALTHY);
  }

  void ready(Exchange exchange) {
    if (services.draining()) {
      exchange.sendProblem(Problem.of(ProblemType.SHUTTING_DOWN, "the gateway is draining")
          .withHeader("Retry-After", "5"));
      return;
    }
    if (services.overloaded()) {
      // Every slot is taken: a load balancer should send new work elsewhere until one frees.
      exchange.sendProblem(Problem.of(ProblemType.OVERLOADED, "every request slot is taken")
          .withHeader("Retry-After", "1"));
      return;
    }
    exchange.sendJson(200, ready);
  }

  void metrics(Exchange exchange) {
    exchange.send(200, Metrics.CONTENT_TYPE, services.metrics().scrape(), Map.of(), Exchange.NO_STORE);
  }

  void explorerIndex(Exchange exchange) {
    sendExplorer(exchange, explorer.index());
  }

  void explorerFile(Exchange exchange) {
    Optional<StaticFiles.File> file = explorer.file(exchange.parameter("file"));
    if (file.isEmpty()) {
      exchange.sendProblem(Problem.of(ProblemType.NOT_FOUND, "no explorer file at this path"));
      return;
    }
    sendExplorer(exchange, file.get());
  }

  private static void sendExplorer(Exchange exchange, StaticFiles.File file) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Frame-Options", "DENY");
    exchange.send(200, file.contentType(), file.bytes(), headers, Exchange.NO_CACHE);
  }

  private static void sendDocument(Exchange exchange, String contentType, byte[] document) {
    exchange.send(200, contentType, document, Map.of(), Exchange.NO_CACHE);
  }

  private static Map<String, Object> entry(ErrorCode code, String path, String message, String ruleId) {
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

  /** Answers the problem if an identifier is outside the gateway's bound; returns whether it did. */
  private static boolean refusedByIdentifierBounds(Exchange exchange, ControlPlaneRequest request) {
    Problem problem = Identifiers.check(request);
    if (problem == null) {
      return false;
    }
    exchange.sendProblem(problem);
    return true;
  }

  /**
   * With organisation rules configured, scans a request the contract accepted and answers the first
   * finding; returns whether it did.
   */
  private boolean refusedByCustomRules(Exchange exchange, ControlPlaneRequest request) {
    if (!services.customGuard()) {
      return false;
    }
    List<Guard.Finding> findings = services.guard().scan(request.toMap(), "$");
    if (findings.isEmpty()) {
      return false;
    }
    exchange.sendProblem(Problem.of(findings.get(0)));
    return true;
  }

  /** Checks the adapter's answer and sends it, or withholds it with a 502. */
  private final class Answer implements AdapterRunner.Listener {
    private final Exchange exchange;
    private final ControlPlaneRequest request;

    Answer(Exchange exchange, ControlPlaneRequest request) {
      this.exchange = exchange;
      this.request = request;
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
        // Constructing the response already ran the default guard over it; only a gateway guard with
        // other rules can find more, so only then is the tree scanned again.
        List<Guard.Finding> findings = services.customGuard() ? services.guard().scan(tree, "$") : List.of();
        if (!findings.isEmpty()) {
          Guard.Finding first = findings.get(0);
          withhold(first.code().wireName(), "secret guard rule " + first.ruleId() + " at " + first.path()
              + (findings.size() > 1 ? " and " + (findings.size() - 1) + " more" : ""));
          return;
        }
        exchange.outcome(response.status().wireName());
        exchange.sendJson(200, ContractJson.toJson(tree, false).getBytes(StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        Dispatcher.internalError(exchange, e);
      }
    }

    @Override
    public void failed(Throwable failure) {
      Gateway.LOG.log(System.Logger.Level.WARNING, "adapter " + services.adapter().name() + " failed"
          + context() + ": " + Gateway.describe(failure));
      exchange.sendProblem(Problem.of(ProblemType.BAD_GATEWAY, "the adapter failed to answer"));
    }

    @Override
    public void timedOut() {
      Gateway.LOG.log(System.Logger.Level.WARNING, "adapter " + services.adapter().name() + " timed out" + context());
      exchange.sendProblem(Problem.of(ProblemType.ADAPTER_TIMEOUT, "the adapter did not answer within "
          + Gateway.seconds(services.config().adapterTimeout())));
    }

    private void withhold(String check, String logDetail) {
      Gateway.LOG.log(System.Logger.Level.WARNING, "adapter " + services.adapter().name() + " answer withheld"
          + context() + ": " + logDetail);
      exchange.sendProblem(Problem.of(ProblemType.BAD_GATEWAY,
          "the adapter's answer was withheld because it failed the gateway's checks (" + check + ")"));
    }

    private String context() {
      return " (operation " + request.operation().wireName() + ", correlation_id " + request.correlationId() + ")";
    }
  }
}
