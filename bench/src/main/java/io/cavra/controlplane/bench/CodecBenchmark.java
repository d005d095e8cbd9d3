package io.cavra.controlplane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one ~1 KB request envelope through the contract codec, against bare Jackson trees holding
 * the same document. Average time per envelope; lower is better.
 *
 * <ul>
 *   <li>{@code buildGuardSerialize}: builder (identifier checks, payload checks, secret guard over
 *       the payload) then {@link ContractJson#toJsonBytes}.
 *   <li>{@code jacksonWriteTree}: baseline; builds an {@code ObjectNode} from the same values and
 *       writes it with {@code ObjectMapper.writeValueAsBytes}. Same bytes out.
 *   <li>{@code parseValidate}: {@link ContractJson#parseRequest(byte[])} of those bytes (strict
 *       UTF-8, duplicate keys, limits, closed content model, payload checks, secret guard).
 *   <li>{@code jacksonReadTree}: baseline; {@code ObjectMapper.readTree(bytes)}, no validation.
 *   <li>{@code serializeOnly}, {@code parseTreeOnly} and {@code guardPayloadOnly}: diagnostics that
 *       split the contract paths (canonical writer of a built request; contract JSON reader without
 *       validation; one {@code SecretGuard.defaults().check} over the payload, as the envelope's
 *       constructor runs it).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ContractJson json = ContractJson.defaults();
  private ControlPlaneRequest request;
  private Map<String, Object> payload;
  private byte[] bytes;

  @Setup
  public void setUp() throws IOException {
    request = Envelopes.request();
    payload = request.payload().toMap();
    bytes = ContractJson.toJsonBytes(request);
    // The baseline must do the same work: same document, byte for byte, both ways.
    if (!Arrays.equals(bytes, MAPPER.writeValueAsBytes(Envelopes.tree(NODES)))) {
      throw new IllegalStateException("Jackson baseline does not write the contract's bytes");
    }
    if (!json.parseRequest(bytes).equals(request)) {
      throw new IllegalStateException("parseRequest does not round-trip the benchmark envelope");
    }
    if (!MAPPER.readTree(bytes).equals(Envelopes.tree(NODES))) {
      throw new IllegalStateException("Jackson baseline does not read the contract's bytes");
    }
  }

  /** The envelope size in bytes, for the README. */
  public static int envelopeBytes() {
    return ContractJson.toJsonBytes(Envelopes.request()).length;
  }

  @Benchmark
  public byte[] buildGuardSerialize(CpuTime cpu) {
    cpu.calls++;
    return ContractJson.toJsonBytes(Envelopes.request());
  }

  @Benchmark
  public byte[] serializeOnly(CpuTime cpu) {
    cpu.calls++;
    return ContractJson.toJsonBytes(request);
  }

  @Benchmark
  public void guardPayloadOnly(CpuTime cpu) {
    cpu.calls++;
    SecretGuard.defaults().check(payload, "payload");
  }

  @Benchmark
  public byte[] jacksonWriteTree(CpuTime cpu) throws IOException {
    cpu.calls++;
    return MAPPER.writeValueAsBytes(Envelopes.tree(NODES));
  }

  @Benchmark
  public ControlPlaneRequest parseValidate(CpuTime cpu) {
    cpu.calls++;
    return json.parseRequest(bytes);
  }

  @Benchmark
  public Object parseTreeOnly(CpuTime cpu) {
    cpu.calls++;
    return json.parseTree(bytes);
  }

  @Benchmark
  public JsonNode jacksonReadTree(CpuTime cpu) throws IOException {
    cpu.calls++;
    return MAPPER.readTree(bytes);
  }
}
