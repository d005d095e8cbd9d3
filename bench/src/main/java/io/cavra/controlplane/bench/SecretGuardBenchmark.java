package io.cavra.controlplane.bench;

import io.cavra.controlplane.contract.secret.SecretFinding;
import io.cavra.controlplane.contract.secret.SecretGuard;
import io.cavra.controlplane.contract.secret.SecretRule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secret guard throughput over a ~1 MiB realistic payload that holds no secret (see {@link
 * Payloads}). Each operation scans the whole payload; the {@code bytes} counter adds the payload's
 * canonical JSON size per operation, so its score is bytes per second.
 *
 * <ul>
 *   <li>{@code scanFull}: {@code SecretGuard.defaults().scan(tree, "payload")}.
 *   <li>{@code scanHalf}: built-in rules keeping every key rule and every other value rule.
 *   <li>{@code scanDoubled}: built-in rules plus a copy of each value rule under a new id and a
 *       slightly different keyword, i.e. twice the value rules.
 *   <li>{@code scanJsonFull}: {@code SecretGuard.defaults().scanJson(bytes)} of the same payload,
 *       JSON parsing included.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SecretGuardBenchmark {
  /** About 1 MB (0.95 MiB): just under {@code ContractJson}'s default 1 MiB input limit. */
  static final int PAYLOAD_BYTES = 1_000_000;

  static final long SEED = 20261127L;

  private Map<String, Object> tree;
  private byte[] json;
  private SecretGuard full;
  private SecretGuard half;
  private SecretGuard doubled;

  /** Bytes scanned, reported per second next to operations per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Scanned {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup
  public void setUp() {
    tree = Payloads.operatingRecords(SEED, PAYLOAD_BYTES);
    json = Payloads.json(tree);
    full = SecretGuard.defaults();
    half = half(SecretGuard.builtIn());
    doubled = doubled(SecretGuard.builtIn());
    // The payload must be clean: findings would measure reporting, not scanning.
    for (SecretGuard guard : List.of(full, half, doubled)) {
      requireClean(guard.scan(tree, "payload"));
      requireClean(guard.scanJson(json));
    }
  }

  private static void requireClean(List<SecretFinding> findings) {
    if (!findings.isEmpty()) {
      throw new IllegalStateException(
          "benchmark payload is not clean: "
              + findings.size()
              + " findings, first "
              + findings.get(0));
    }
  }

  /** Every key rule and every other value rule of {@code guard}. */
  static SecretGuard half(SecretGuard guard) {
    Set<String> keep = new HashSet<>();
    int index = 0;
    for (SecretRule rule : guard.rules()) {
      if (rule.target() != SecretRule.Target.VALUE || index++ % 2 == 0) {
        keep.add(rule.id());
      }
    }
    return guard.toBuilder().retainRules(rule -> keep.contains(rule.id())).build();
  }

  /**
   * {@code guard} plus each value rule again as {@code <id>-copy}, with the same regex and each
   * keyword's first character shifted ({@code ghp_} becomes {@code hhp_}, {@code akia} becomes
   * {@code bkia}, others get an {@code x} in front), so the copies add new prefixes to the keyword
   * prefilter as new detectors would.
   */
  static SecretGuard doubled(SecretGuard guard) {
    SecretGuard.Builder builder = guard.toBuilder();
    for (SecretRule rule : guard.rules()) {
      if (rule.target() == SecretRule.Target.VALUE) {
        String[] keywords =
            rule.keywords().stream().map(SecretGuardBenchmark::shift).toArray(String[]::new);
        builder.addRule(
            SecretRule.value(
                rule.id() + "-copy", rule.description(), rule.pattern().pattern(), keywords));
      }
    }
    return builder.build();
  }

  private static String shift(String keyword) {
    char c = keyword.charAt(0);
    if (c >= 'a' && c <= 'z') {
      return (char) ('a' + (c - 'a' + 1) % 26) + keyword.substring(1);
    }
    // A digit in a keyword stands for any digit, so shifting one would not make a new prefix.
    return "x" + keyword;
  }

  /** Payload size in bytes of canonical JSON, for turning ops/s into MB/s. */
  public static int payloadBytes() {
    return Payloads.json(Payloads.operatingRecords(SEED, PAYLOAD_BYTES)).length;
  }

  /** Value and key rule counts of the three rule sets, for the README. */
  public static String ruleCounts() {
    StringBuilder out = new StringBuilder();
    SecretGuard builtIn = SecretGuard.builtIn();
    for (SecretGuard guard : List.of(SecretGuard.defaults(), half(builtIn), doubled(builtIn))) {
      long values =
          guard.rules().stream().filter(r -> r.target() == SecretRule.Target.VALUE).count();
      out.append(
              out.length() == 0
                  ? "full "
                  : guard.rules().size() < builtIn.rules().size() ? ", half " : ", doubled ")
          .append(values)
          .append(" value + ")
          .append(guard.rules().size() - values)
          .append(" key rules");
    }
    return out.toString();
  }

  /** Number of generated records in the payload, for the README. */
  public static int payloadRecords() {
    return ((List<?>) Payloads.operatingRecords(SEED, PAYLOAD_BYTES).get("records")).size();
  }

  @Benchmark
  public Object scanFull(Scanned scanned, CpuTime cpu) {
    cpu.calls++;
    scanned.bytes += json.length;
    return full.scan(tree, "payload");
  }

  @Benchmark
  public Object scanHalf(Scanned scanned, CpuTime cpu) {
    cpu.calls++;
    scanned.bytes += json.length;
    return half.scan(tree, "payload");
  }

  @Benchmark
  public Object scanDoubled(Scanned scanned, CpuTime cpu) {
    cpu.calls++;
    scanned.bytes += json.length;
    return doubled.scan(tree, "payload");
  }

  @Benchmark
  public Object scanJsonFull(Scanned scanned, CpuTime cpu) {
    cpu.calls++;
    scanned.bytes += json.length;
    return full.scanJson(json);
  }
}
