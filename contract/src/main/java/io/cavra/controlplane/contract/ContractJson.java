package io.cavra.controlplane.contract;

import io.cavra.controlplane.contract.internal.CanonicalJsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes contract documents as JSON. Immutable and thread-safe; {@code withX} methods
 * return copies.
 *
 * <p><b>Writing</b> is canonical and byte-identical to the Python reference: {@link #toJson}
 * matches {@code json.dumps(obj, separators=(",", ":"), ensure_ascii=False)} and {@link
 * #toPrettyJson} matches {@code json.dumps(obj, indent=2, ensure_ascii=False)}, encoded as UTF-8.
 * Envelopes are valid and guarded by construction, so writing cannot leak a secret.
 *
 * <p><b>Reading</b> validates everything the builders validate, plus the input itself: strict
 * UTF-8, no duplicate keys, at most {@link #maxDepth()} levels of nesting (default 64) and {@link
 * #maxBytes()} bytes (default 1 MiB). Requests are read strictly (unknown keys are refused);
 * response payloads and summaries keep unknown keys as extensions. Reading then writing a document
 * in the reference's canonical form reproduces its bytes.
 */
public final class ContractJson {
  /** Default input limit: 1 MiB. */
  public static final int DEFAULT_MAX_BYTES = 1 << 20;

  /** Default nesting limit: 64 levels. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  private static final ContractJson DEFAULTS =
      new ContractJson(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);

  private final int maxBytes;
  private final int maxDepth;
  private final JsonTreeReader reader;

  private ContractJson(int maxBytes, int maxDepth) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes < 1");
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth < 1");
    }
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
    this.reader = new JsonTreeReader(maxBytes, maxDepth);
  }

  /** The codec with the default limits. */
  public static ContractJson defaults() {
    return DEFAULTS;
  }

  /** A copy that refuses input larger than {@code maxBytes} UTF-8 bytes. */
  public ContractJson withMaxBytes(int maxBytes) {
    return new ContractJson(maxBytes, maxDepth);
  }

  /** A copy that refuses arrays and objects nested deeper than {@code maxDepth}. */
  public ContractJson withMaxDepth(int maxDepth) {
    return new ContractJson(maxBytes, maxDepth);
  }

  /** The input size limit in bytes. Default: 1 MiB. */
  public int maxBytes() {
    return maxBytes;
  }

  /** The nesting limit. Default: 64. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Parses and validates a request envelope from UTF-8 bytes. */
  public ControlPlaneRequest parseRequest(byte[] utf8) {
    return TreeReader.request(screened(utf8).tree());
  }

  /** Parses and validates a request envelope from text. */
  public ControlPlaneRequest parseRequest(String json) {
    return TreeReader.request(screened(json).tree());
  }

  /** Parses and validates a response envelope from UTF-8 bytes. */
  public ControlPlaneResponse parseResponse(byte[] utf8) {
    return TreeReader.response(screened(utf8).tree());
  }

  /** Parses and validates a response envelope from text. */
  public ControlPlaneResponse parseResponse(String json) {
    return TreeReader.response(screened(json).tree());
  }

  /**
   * Parses a response and checks that it answers {@code request} (operation, correlation id and
   * tenant); see {@link ControlPlaneResponse#verifyAnswers}.
   */
  public ControlPlaneResponse parseResponse(byte[] utf8, ControlPlaneRequest request) {
    return parseResponse(utf8).verifyAnswers(request);
  }

  /** Parses a request or a response, recognized by its {@code schema_version}. */
  public Envelope parseEnvelope(byte[] utf8) {
    return TreeReader.envelope(screened(utf8).tree());
  }

  /** Parses a request or a response from text, recognized by its {@code schema_version}. */
  public Envelope parseEnvelope(String json) {
    return TreeReader.envelope(screened(json).tree());
  }

  /**
   * Parses any JSON document into plain Java values (ordered {@code Map}, {@code List}, {@code
   * String}, {@code Long}/{@code BigInteger}, {@code BigDecimal}, {@code Boolean}, {@code null})
   * under the same input rules, without contract validation. A float is read as Python's {@code
   * json} reads it, as the nearest double: the {@code BigDecimal} holds the digits Python's {@code
   * repr} writes for that double ({@code 1.50} and {@code 1.5000000000000001} are both {@code
   * 1.5}).
   */
  public Object parseTree(byte[] utf8) {
    return reader.read(Objects.requireNonNull(utf8, "utf8"));
  }

  /** Parses a license validation report object, e.g. one given to a tool as a file. */
  public LicenseValidationReport parseLicenseReport(byte[] utf8) {
    return TreeReader.licenseReport(screened(utf8).tree(), "$");
  }

  /**
   * Reads bytes with the default guard's screen, so that a document without secrets is not scanned
   * twice: once as text while it is read, once as the model's strings.
   */
  private JsonTreeReader.Screened screened(byte[] utf8) {
    return reader.readScreened(Objects.requireNonNull(utf8, "utf8"), Checks.GUARD);
  }

  private JsonTreeReader.Screened screened(String json) {
    return reader.readScreened(Objects.requireNonNull(json, "json"), Checks.GUARD);
  }

  /** The compact canonical form. */
  public static String toJson(Envelope envelope) {
    return CanonicalJsonWriter.write(envelope.toMap(), false);
  }

  /** The pretty canonical form (two-space indent). */
  public static String toPrettyJson(Envelope envelope) {
    return CanonicalJsonWriter.write(envelope.toMap(), true);
  }

  /** The compact canonical form as UTF-8 bytes. */
  public static byte[] toJsonBytes(Envelope envelope) {
    return toJson(envelope).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The canonical form of a plain JSON tree, such as {@link ContractDescription#toMap()}. No guard
   * runs here: use it for documents that hold no tenant data, or guard them first.
   */
  public static String toJson(Map<String, ?> tree, boolean pretty) {
    return CanonicalJsonWriter.write(Objects.requireNonNull(tree, "tree"), pretty);
  }
}
