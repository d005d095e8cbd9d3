package io.cavra.controlplane.contract;

import io.cavra.controlplane.contract.internal.CanonicalJsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the published documents whose content depends on the list of operations (the schema index,
 * the request, response and contract schemas, and the gateway's OpenAPI document) from a template
 * and the {@link Operation} declarations. Run by the build at {@code process-classes}: {@code
 * SchemaDocuments <template directory> <output directory>} fills every {@code *.json} under the
 * template directory and writes it to the same relative path under the output directory (the
 * module's class-path root). Not part of the API.
 *
 * <p>A template is JSON. A string that is exactly {@code "{{name}}"} is replaced by the JSON value
 * called {@code name}; {@code {{name}}} inside a longer string is replaced by that value's text.
 * The names are those of {@link #values}. The output is the canonical pretty form (two-space
 * indent, as Python's {@code json.dumps(indent=2, ensure_ascii=False)}) and a final line feed, so
 * the same declarations always give the same bytes.
 */
final class SchemaDocuments {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
  private static final String[] NUMBER_WORDS = {
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty"
  };

  /**
   * What the documents need to know of an operation.
   *
   * @param ownResponsePayload whether a response may carry the operation's own payload besides the
   *     generic one: true for a summary operation and for one with a hand-written {@code
   *     response-payload-<name>} schema
   */
  record Entry(String wireName, boolean summary, boolean provisional, boolean ownResponsePayload) {}

  private SchemaDocuments() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: SchemaDocuments <template directory> <output directory>");
    }
    Path templates = Path.of(args[0]);
    Path output = Path.of(args[1]);
    Map<String, Object> values = values(entries());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(templates)) {
      files =
          walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
              .sorted()
              .collect(Collectors.toList());
    }
    for (Path file : files) {
      Path target = output.resolve(templates.relativize(file).toString());
      Files.createDirectories(target.getParent());
      String template = Files.readString(file, StandardCharsets.UTF_8);
      Files.writeString(target, fill(template, values), StandardCharsets.UTF_8);
    }
  }

  /**
   * The declared operations, in order; a schema of the class path tells which have their own
   * response payload.
   */
  static List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      boolean own =
          operation.hasSummary()
              || SchemaDocuments.class.getResource(
                      "/"
                          + ContractSchemas.RESOURCE_DIRECTORY
                          + "response-payload-"
                          + operation.wireName()
                          + ".schema.json")
                  != null;
      entries.add(
          new Entry(operation.wireName(), operation.hasSummary(), operation.isProvisional(), own));
    }
    return entries;
  }

  /** The values a template may name, derived from {@code entries} in their order. */
  static Map<String, Object> values(List<Entry> entries) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(
        "operation_names", entries.stream().map(Entry::wireName).collect(Collectors.toList()));
    values.put(
        "provisional_operation_names",
        entries.stream()
            .filter(Entry::provisional)
            .map(Entry::wireName)
            .collect(Collectors.joining(", ")));
    long summaries = entries.stream().filter(Entry::summary).count();
    values.put(
        "summary_operation_count",
        summaries < NUMBER_WORDS.length ? NUMBER_WORDS[(int) summaries] : Long.toString(summaries));
    values.put("schema_names", schemaNames(entries));
    values.put("request_payload_branches", requestBranches(entries));
    values.put("response_payload_branches", responseBranches(entries));
    return values;
  }

  /**
   * The schema index: envelopes and report, request payloads, response payloads, then summaries.
   */
  private static List<String> schemaNames(List<Entry> entries) {
    List<String> names =
        new ArrayList<>(List.of("request", "response", "contract", "license-validation-report"));
    for (Entry entry : entries) {
      names.add("request-payload-" + entry.wireName());
    }
    names.add("response-payload-unavailable");
    for (Entry entry : entries) {
      if (entry.ownResponsePayload()) {
        names.add("response-payload-" + entry.wireName());
      }
    }
    for (Entry entry : entries) {
      if (entry.summary()) {
        names.add("summary-" + entry.wireName());
      }
    }
    return names;
  }

  /** One branch per operation: its operation selects its request payload schema. */
  private static List<Object> requestBranches(List<Entry> entries) {
    List<Object> branches = new ArrayList<>();
    for (Entry entry : entries) {
      branches.add(
          branch(Map.of("const", entry.wireName()), ref("request-payload-" + entry.wireName())));
    }
    return branches;
  }

  /**
   * The operations without a payload of their own share one branch (the generic payload); then each
   * operation with one, those that are not summaries first, allows the generic payload or its own.
   */
  private static List<Object> responseBranches(List<Entry> entries) {
    List<Object> branches = new ArrayList<>();
    List<String> generic =
        entries.stream()
            .filter(e -> !e.ownResponsePayload())
            .map(Entry::wireName)
            .collect(Collectors.toList());
    if (!generic.isEmpty()) {
      branches.add(branch(Map.of("enum", generic), ref("response-payload-unavailable")));
    }
    List<Entry> own = new ArrayList<>();
    entries.stream().filter(e -> e.ownResponsePayload() && !e.summary()).forEach(own::add);
    entries.stream().filter(Entry::summary).forEach(own::add);
    for (Entry entry : own) {
      Map<String, Object> anyOf = new LinkedHashMap<>();
      anyOf.put(
          "anyOf",
          List.of(
              ref("response-payload-unavailable"), ref("response-payload-" + entry.wireName())));
      branches.add(branch(Map.of("const", entry.wireName()), anyOf));
    }
    return branches;
  }

  private static Map<String, Object> branch(
      Map<String, Object> operation, Map<String, Object> payload) {
    Map<String, Object> ifOperation = new LinkedHashMap<>();
    ifOperation.put("properties", Map.of("operation", operation));
    ifOperation.put("required", List.of("operation"));
    Map<String, Object> branch = new LinkedHashMap<>();
    branch.put("if", ifOperation);
    branch.put("then", Map.of("properties", Map.of("payload", payload)));
    return branch;
  }

  private static Map<String, Object> ref(String name) {
    return Map.of("$ref", name + ".schema.json");
  }

  /**
   * The document {@code template} describes, with {@code values} in place of its placeholders. The
   * template is read as the contract reads documents (no duplicate keys, key order kept).
   */
  static String fill(String template, Map<String, Object> values) {
    Object tree =
        new JsonTreeReader(ContractJson.DEFAULT_MAX_BYTES, ContractJson.DEFAULT_MAX_DEPTH)
            .read(template);
    return CanonicalJsonWriter.write(substitute(tree, values), true) + "\n";
  }

  private static Object substitute(Object node, Map<String, Object> values) {
    if (node instanceof Map) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<?, ?> member : ((Map<?, ?>) node).entrySet()) {
        map.put((String) member.getKey(), substitute(member.getValue(), values));
      }
      return map;
    }
    if (node instanceof List) {
      List<Object> list = new ArrayList<>();
      for (Object item : (List<?>) node) {
        list.add(substitute(item, values));
      }
      return list;
    }
    if (!(node instanceof String)) {
      return node;
    }
    String text = (String) node;
    Matcher matcher = PLACEHOLDER.matcher(text);
    if (matcher.matches()) {
      return value(values, matcher.group(1));
    }
    StringBuilder out = new StringBuilder();
    matcher.reset();
    while (matcher.find()) {
      Object value = value(values, matcher.group(1));
      if (!(value instanceof String)) {
        throw new IllegalArgumentException(
            "placeholder {{" + matcher.group(1) + "}} inside a string is not text");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement((String) value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static Object value(Map<String, Object> values, String name) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException(
          "unknown placeholder {{" + name + "}}; known: " + values.keySet());
    }
    return values.get(name);
  }
}
