package io.cavra.controlplane.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns plain JSON trees into typed envelopes. Requests are read strictly (closed content model:
 * unknown keys are refused); response payloads and summaries tolerate keys this version does not
 * know and keep them as extensions. Every check reports the JSON path it failed at.
 */
final class TreeReader {
  private static final List<String> REQUEST_KEYS =
      List.of(
          "schema_version",
          "operation",
          "tenant_id",
          "requested_by",
          "correlation_id",
          "private_implementation_required",
          "payload");
  private static final List<String> RESPONSE_KEYS =
      List.of(
          "schema_version",
          "operation",
          "status",
          "message",
          "correlation_id",
          "private_implementation_required",
          "payload");

  private TreeReader() {}

  static Envelope envelope(Object tree) {
    Map<String, Object> root = object(tree, "$", "an envelope");
    Object version = root.get("schema_version");
    if (SchemaVersion.RESPONSE.wireName().equals(version)) {
      return response(root);
    }
    return request(root);
  }

  static ControlPlaneRequest request(Object tree) {
    Fields envelope = new Fields(object(tree, "$", "a request"), "", REQUEST_KEYS, false);
    envelope.schemaVersion(SchemaVersion.REQUEST);
    Operation operation = envelope.operation();
    envelope.strict();
    String tenantId = envelope.identifier("tenant_id");
    String requestedBy = envelope.identifier("requested_by");
    String correlationId = envelope.text("correlation_id");
    boolean privateRequired = envelope.bool("private_implementation_required");
    Fields payload =
        new Fields(envelope.object("payload"), "payload", operation.requestKeys(), false).strict();
    return new ControlPlaneRequest(
        tenantId, requestedBy, correlationId, privateRequired, requestPayload(operation, payload));
  }

  static ControlPlaneResponse response(Object tree) {
    Fields envelope = new Fields(object(tree, "$", "a response"), "", RESPONSE_KEYS, false);
    envelope.schemaVersion(SchemaVersion.RESPONSE);
    Operation operation = envelope.operation();
    envelope.strict();
    ResponseStatus status = envelope.state(ResponseStatus.class, "status");
    String message = envelope.text("message");
    String correlationId = envelope.text("correlation_id");
    boolean privateRequired = envelope.bool("private_implementation_required");
    Map<String, Object> payloadMap = envelope.object("payload");
    ResponsePayload payload;
    if (payloadMap.containsKey("summary")) {
      if (!operation.hasSummary()) {
        throw ContractException.of(
            ErrorCode.INVALID_VALUE,
            "payload",
            operation.wireName() + " responses do not carry a summary");
      }
      Fields fields = new Fields(payloadMap, "payload", ResponsePayload.SummaryReport.KEYS, true);
      Summary summary = summary(operation, fields.object("summary"));
      payload =
          new ResponsePayload.SummaryReport(
              summary,
              fields.list("private_modules_required"),
              fields.text("next_step"),
              fields.extensions());
    } else if (payloadMap.containsKey("private_modules_required")) {
      if (operation != Operation.TENANT_ONBOARDING) {
        throw ContractException.of(
            ErrorCode.INVALID_VALUE,
            "payload",
            operation.wireName() + " responses carry private_modules_required only with a summary");
      }
      Fields fields =
          new Fields(payloadMap, "payload", ResponsePayload.OnboardingUnavailable.KEYS, true);
      payload =
          new ResponsePayload.OnboardingUnavailable(
              fields.identifier("tenant_id"),
              fields.list("private_modules_required"),
              fields.text("next_step"),
              fields.extensions());
    } else {
      Fields fields = new Fields(payloadMap, "payload", ResponsePayload.Unavailable.KEYS, true);
      payload =
          new ResponsePayload.Unavailable(
              fields.identifier("tenant_id"), fields.text("next_step"), fields.extensions());
    }
    return new ControlPlaneResponse(
        operation, status, message, correlationId, privateRequired, payload);
  }

  static LicenseValidationReport licenseReport(Object tree, String location) {
    Fields f =
        new Fields(
                object(tree, location, "a license validation report"),
                location,
                List.of(
                    "status",
                    "edition",
                    "license_id",
                    "valid",
                    "message",
                    "private_validation_required",
                    "enabled_features",
                    "locked_features"),
                false)
            .strict();
    return new LicenseValidationReport(
        f.state(LicenseStatus.class, "status"),
        f.state(LicenseEdition.class, "edition"),
        f.text("license_id"),
        f.bool("valid"),
        f.text("message"),
        f.bool("private_validation_required"),
        f.listOrEmpty("enabled_features"),
        f.listOrEmpty("locked_features"));
  }

  private static Summary summary(Operation operation, Map<String, Object> map) {
    List<SummaryField> fields = SummaryBuilder.fields(operation);
    Map.Entry<String, String> boundary = boundary(operation);
    Fields f = new Fields(map, "payload.summary", SummaryBuilder.wireKeys(operation), true);
    SummaryBuilder builder = Summary.builder(operation);
    for (SummaryField field : fields) {
      String name = field.name();
      builder.set(
          name,
          switch (field.kind()) {
            case STATE, TEXT -> f.text(name);
            case OPTIONAL_TEXT -> f.optionalText(name);
            case TEXT_LIST -> f.list(name);
            case COUNT -> f.count(name);
            case BOOLEAN -> f.bool(name);
          });
    }
    f.fixed(boundary.getKey(), boundary.getValue());
    f.strippedIfPresent("tenant_id");
    for (Map.Entry<String, Object> extension : f.extensions().entrySet()) {
      builder.extension(extension.getKey(), extension.getValue());
    }
    return builder.build();
  }

  private static Map.Entry<String, String> boundary(Operation operation) {
    Operation.SummaryResponse response = operation.summaryResponse();
    return Map.entry(response.boundaryKey(), response.boundary());
  }

  /**
   * The payload record from a parsed payload: each parameter key read by its kind, in wire order;
   * then the fixed keys compared and the stripped keys checked either before or after the record is
   * built, as the operation's {@linkplain Operation#readOrder() read order} says.
   */
  private static RequestPayload requestPayload(Operation operation, Fields p) {
    DeclaredRecords.Argument[] arguments = DeclaredRecords.arguments(operation);
    Object[] values = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      values[i] = argument(arguments[i], p);
    }
    if (operation.readOrder() == Operation.ReadOrder.RECORD_FIRST) {
      RequestPayload payload = DeclaredRecords.payload(operation, values);
      fixedAndStripped(operation, values, p);
      return payload;
    }
    fixedAndStripped(operation, values, p);
    return DeclaredRecords.payload(operation, values);
  }

  private static Object argument(DeclaredRecords.Argument argument, Fields p) {
    String key = argument.key();
    RequestParameter parameter = argument.parameter();
    return switch (parameter.kind()) {
      case TEXT ->
          parameter.states() == null
              ? p.text(key)
              : WireEnums.parseDeclared(parameter.states(), p.text(key), key, p.path(key));
      case TEXT_LIST -> p.list(key);
      case JSON_MAP -> p.jsonMap(key);
      case LICENSE_REPORT -> licenseReport(p.object(key), p.path(key));
    };
  }

  private static void fixedAndStripped(Operation operation, Object[] values, Fields p) {
    for (Operation.RequestKey key : DeclaredRecords.fixedKeys(operation)) {
      p.fixed(key.key(), key.fixedValue());
    }
    DeclaredRecords.Argument[] arguments = DeclaredRecords.arguments(operation);
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i].stripped()) {
        p.stripped(arguments[i].key(), (String) values[i]);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String location, String what) {
    if (value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw ContractException.of(
        ErrorCode.INVALID_TYPE,
        location,
        location.equals("$") ? what + " must be a JSON object" : location + " must be an object");
  }

  /** Typed access to one JSON object's keys, reporting paths below {@code base}. */
  private static final class Fields {
    private final Map<String, Object> map;
    private final String base;

    /** Unknown keys in document order; null while there are none (the common case). */
    private Map<String, Object> extensions;

    private final boolean tolerant;

    /**
     * Tolerant fields keep unknown keys as extensions; strict ones refuse them in {@link
     * #strict()}.
     */
    Fields(Map<String, Object> map, String base, List<String> known, boolean tolerant) {
      this.map = map;
      this.base = base;
      this.tolerant = tolerant;
      for (Map.Entry<String, Object> entry : map.entrySet()) {
        if (!known.contains(entry.getKey())) {
          if (extensions == null) {
            extensions = new LinkedHashMap<>();
          }
          extensions.put(entry.getKey(), entry.getValue());
        }
      }
    }

    /** Refuses unknown keys; called after the keys that decide how to read the rest. */
    Fields strict() {
      if (!tolerant && extensions != null) {
        String location = path(Checks.keyInPath(extensions.keySet().iterator().next()));
        throw ContractException.of(
            ErrorCode.UNKNOWN_FIELD, location, location + " is not defined by the contract");
      }
      return this;
    }

    Map<String, Object> extensions() {
      return extensions == null ? Map.of() : extensions;
    }

    String path(String key) {
      return JsonPaths.member(base, key);
    }

    Object required(String key) {
      // One lookup for the common case; only a null asks whether the key is there at all.
      Object value = map.get(key);
      if (value == null && !map.containsKey(key)) {
        throw ContractException.of(ErrorCode.MISSING_FIELD, path(key), key + " is required");
      }
      return value;
    }

    void schemaVersion(SchemaVersion expected) {
      String version = text("schema_version");
      if (!expected.wireName().equals(version)) {
        throw ContractException.of(
            ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
            path("schema_version"),
            "schema_version must be " + expected.wireName());
      }
    }

    Operation operation() {
      String name = text("operation");
      return Operation.fromWireName(name)
          .orElseThrow(
              () ->
                  ContractException.of(
                      ErrorCode.UNKNOWN_OPERATION,
                      path("operation"),
                      WireEnums.mustBeOneOf(Operation.class, "operation")));
    }

    String text(String key) {
      Object value = required(key);
      if (value instanceof String) {
        return (String) value;
      }
      throw typeError(key, "a string");
    }

    String optionalText(String key) {
      Object value = required(key);
      if (value == null || value instanceof String) {
        return (String) value;
      }
      throw typeError(key, "a string or null");
    }

    /** An identifier as the reference writes it: already stripped and not empty. */
    String identifier(String key) {
      String value = text(key);
      String stripped = Checks.pythonStrip(value);
      if (stripped.isEmpty()) {
        throw ContractException.of(ErrorCode.EMPTY_VALUE, path(key), key + " must not be empty");
      }
      if (!stripped.equals(value)) {
        throw notStripped(key);
      }
      return value;
    }

    /** A stored identifier must already be stripped; emptiness is the record's check. */
    void strippedIfPresent(String key) {
      Object value = map.get(key);
      if (value instanceof String && !Checks.pythonStrip((String) value).isEmpty()) {
        stripped(key, (String) value);
      }
    }

    void stripped(String key, String value) {
      if (!Checks.pythonStrip(value).equals(value)) {
        throw notStripped(key);
      }
    }

    private ContractException notStripped(String key) {
      return ContractException.of(
          ErrorCode.INVALID_VALUE, path(key), key + " must not begin or end with white space");
    }

    boolean bool(String key) {
      Object value = required(key);
      if (value instanceof Boolean) {
        return (Boolean) value;
      }
      throw typeError(key, "true or false");
    }

    Object count(String key) {
      Object value = required(key);
      if (value instanceof Long || value instanceof java.math.BigInteger) {
        if (value instanceof java.math.BigInteger) {
          throw ContractException.of(ErrorCode.INVALID_VALUE, path(key), key + " is too large");
        }
        return value;
      }
      throw typeError(key, "a whole number");
    }

    List<String> list(String key) {
      Object value = required(key);
      if (value instanceof List) {
        return Checks.textList((List<?>) value, path(key));
      }
      throw typeError(key, "an array of strings");
    }

    /**
     * A free-form object of JSON values; the record copies (or, for a parsed document, checks) it.
     */
    Map<String, Object> jsonMap(String key) {
      Object value = required(key);
      if (value instanceof Map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
      }
      throw typeError(key, "an object");
    }

    /**
     * A list of strings that may be absent, which reads as empty: the reference's dataclass default
     * {@code ()} (wire-spec 7). A present {@code null} is refused like any other non-list.
     */
    List<String> listOrEmpty(String key) {
      return map.containsKey(key) ? list(key) : List.of();
    }

    Map<String, Object> object(String key) {
      return TreeReader.object(required(key), path(key), key);
    }

    <E extends Enum<E> & WireValue> E state(Class<E> type, String key) {
      return WireEnums.parse(type, text(key), key, path(key));
    }

    void fixed(String key, Object expected) {
      Object value = required(key);
      if (!expected.equals(value)) {
        throw ContractException.of(
            ErrorCode.INVALID_VALUE, path(key), key + " must be the contract's fixed value");
      }
    }

    private ContractException typeError(String key, String expected) {
      return ContractException.of(ErrorCode.INVALID_TYPE, path(key), key + " must be " + expected);
    }
  }
}
