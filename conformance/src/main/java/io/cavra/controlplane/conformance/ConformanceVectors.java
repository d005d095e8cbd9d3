package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The kit's conformance vectors: the cases of every file listed in {@code index.json}, in index
 * order, with the kit's version and the SHA-256 that identifies the vectors in a certification
 * record. Immutable and thread-safe.
 *
 * <p>The vectors ship as class-path resources under {@value #RESOURCE_DIRECTORY}; their format and
 * the digest rule are documented in the module's {@code README.md}. The digest is SHA-256 over, for
 * {@code index.json} and then each listed file in order: the file name in UTF-8, a line feed, the
 * file's length in bytes in decimal, a line feed, and the file's bytes.
 */
public final class ConformanceVectors {
  /** The class-path directory of the v1 vectors; no leading slash. */
  public static final String RESOURCE_DIRECTORY = "io/cavra/controlplane/conformance/vectors/v1/";

  private static final String INDEX = "index.json";
  private static final Set<String> CASE_KEYS =
      Set.of("name", "description", "verdict", "code", "invariants", "request", "request_text");

  private static volatile ConformanceVectors loaded;

  private final String version;
  private final String kitVersion;
  private final String sha256;
  private final List<String> files;
  private final List<String> canaryKinds;
  private final List<ConformanceCase> cases;
  private final List<String> tenants;

  private ConformanceVectors(
      String version,
      String kitVersion,
      String sha256,
      List<String> files,
      List<String> canaryKinds,
      List<ConformanceCase> cases) {
    this.version = version;
    this.kitVersion = kitVersion;
    this.sha256 = sha256;
    this.files = List.copyOf(files);
    this.canaryKinds = List.copyOf(canaryKinds);
    this.cases = List.copyOf(cases);
    Set<String> tenants = new LinkedHashSet<>();
    for (ConformanceCase c : cases) {
      if (c.verdict() == ConformanceCase.Verdict.ACCEPTED) {
        c.tenantId().ifPresent(tenants::add);
      }
    }
    this.tenants = List.copyOf(tenants);
  }

  /**
   * The vectors shipped with this kit, read once.
   *
   * @throws IllegalStateException if a vector file is missing or malformed (a broken kit build)
   */
  public static ConformanceVectors load() {
    ConformanceVectors vectors = loaded;
    if (vectors == null) {
      synchronized (ConformanceVectors.class) {
        vectors = loaded;
        if (vectors == null) {
          vectors = read();
          loaded = vectors;
        }
      }
    }
    return vectors;
  }

  /** The vectors' version, {@code v1}. */
  public String version() {
    return version;
  }

  /** The version of this kit's artifact, e.g. {@code 0.1.0}; {@code unknown} outside a build. */
  public String kitVersion() {
    return kitVersion;
  }

  /** The SHA-256 of the vector files, lower-case hex; see the class documentation for the rule. */
  public String sha256() {
    return sha256;
  }

  /** The vector files in index order, {@code index.json} excluded. */
  public List<String> files() {
    return files;
  }

  /** The canary kinds the vectors may plant. */
  public List<String> canaryKinds() {
    return canaryKinds;
  }

  /** Every case, in index order and file order. */
  public List<ConformanceCase> cases() {
    return cases;
  }

  /**
   * The tenants the accepted cases act for, in the order of their first case. Over HTTP, the API
   * key a run sends must be allowed each of them and every operation: a gateway answers a request
   * its key may not make with 403 before the request reaches the adapter.
   */
  public List<String> tenants() {
    return tenants;
  }

  /** The case called {@code displayName} ({@code <operation>: <name>}), if any. */
  public Optional<ConformanceCase> find(String displayName) {
    return cases.stream().filter(c -> c.displayName().equals(displayName)).findFirst();
  }

  private static ConformanceVectors read() {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
    byte[] indexBytes = resource(INDEX);
    update(digest, INDEX, indexBytes);
    Map<String, Object> index = object(ContractJson.defaults().parseTree(indexBytes), INDEX);
    String version = string(index.get("vectors"), INDEX + ": vectors");
    List<String> files = strings(index.get("files"), INDEX + ": files");
    List<String> kinds =
        new ArrayList<>(object(index.get("canaries"), INDEX + ": canaries").keySet());
    if (!Canaries.KINDS.containsAll(kinds)) {
      throw broken(INDEX + ": canaries lists a kind this kit cannot generate");
    }
    List<ConformanceCase> cases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String file : files) {
      byte[] bytes = resource(file);
      update(digest, file, bytes);
      Map<String, Object> document = object(ContractJson.defaults().parseTree(bytes), file);
      String operation = string(document.get("operation"), file + ": operation");
      if (!operation.equals(ConformanceCase.ENVELOPE)
          && Operation.fromWireName(operation).isEmpty()) {
        throw broken(file + ": operation " + operation + " is not a contract operation");
      }
      for (Object entry : list(document.get("cases"), file + ": cases")) {
        ConformanceCase c = parseCase(operation, object(entry, file + ": case"), file, kinds);
        if (!names.add(c.displayName())) {
          throw broken(file + ": duplicate case " + c.displayName());
        }
        cases.add(c);
      }
    }
    return new ConformanceVectors(
        version, readKitVersion(), HexFormat.of().formatHex(digest.digest()), files, kinds, cases);
  }

  private static ConformanceCase parseCase(
      String operation, Map<String, Object> map, String file, List<String> kinds) {
    String name = string(map.get("name"), file + ": name");
    String where = file + ": " + name;
    for (String key : map.keySet()) {
      if (!CASE_KEYS.contains(key)) {
        throw broken(where + ": unknown key " + key);
      }
    }
    ConformanceCase.Verdict verdict =
        switch (string(map.get("verdict"), where + ": verdict")) {
          case "accepted" -> ConformanceCase.Verdict.ACCEPTED;
          case "rejected" -> ConformanceCase.Verdict.REJECTED;
          default -> throw broken(where + ": verdict must be accepted or rejected");
        };
    ErrorCode code = null;
    if (map.get("code") != null) {
      code =
          ErrorCode.fromWireName(string(map.get("code"), where + ": code"))
              .orElseThrow(() -> broken(where + ": code is not a contract error code"));
    }
    List<Invariant> invariants = new ArrayList<>();
    for (String id : strings(map.get("invariants"), where + ": invariants")) {
      invariants.add(
          Invariant.fromId(id).orElseThrow(() -> broken(where + ": unknown invariant " + id)));
    }
    String template;
    if (map.containsKey("request") == map.containsKey("request_text")) {
      throw broken(where + ": give exactly one of request and request_text");
    } else if (map.containsKey("request")) {
      template = ContractJson.toJson(object(map.get("request"), where + ": request"), false);
    } else {
      template = string(map.get("request_text"), where + ": request_text");
    }
    ConformanceCase c;
    try {
      c =
          new ConformanceCase(
              operation,
              name,
              string(map.get("description"), where + ": description"),
              verdict,
              code,
              invariants,
              template);
    } catch (IllegalArgumentException e) {
      throw broken(e.getMessage());
    }
    if (!kinds.containsAll(c.canaryKinds())) {
      throw broken(where + ": plants a canary kind index.json does not list");
    }
    return c;
  }

  private static void update(MessageDigest digest, String name, byte[] bytes) {
    digest.update((name + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
    digest.update(bytes);
  }

  private static byte[] resource(String file) {
    String path = RESOURCE_DIRECTORY + file;
    try (InputStream in = ConformanceVectors.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw broken("missing vector resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vector resource " + path, e);
    }
  }

  private static String readKitVersion() {
    try (InputStream in = ConformanceVectors.class.getResourceAsStream("kit.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String where) {
    if (value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw broken(where + " must be an object");
  }

  private static List<?> list(Object value, String where) {
    if (value instanceof List) {
      return (List<?>) value;
    }
    throw broken(where + " must be an array");
  }

  private static List<String> strings(Object value, String where) {
    List<String> out = new ArrayList<>();
    for (Object element : list(value, where)) {
      out.add(string(element, where));
    }
    return out;
  }

  private static String string(Object value, String where) {
    if (value instanceof String) {
      return (String) value;
    }
    throw broken(where + " must be a string");
  }

  private static IllegalStateException broken(String message) {
    return new IllegalStateException("broken conformance vectors: " + message);
  }
}
