package io.cavra.controlplane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Summarises JMH JSON results ({@code -rf json}) of this module as Markdown: per benchmark the JMH
 * score and error, the median and range of iterations, the CPU time per operation (from {@link
 * CpuTime}), allocation per operation (with {@code -prof gc}), the fork-to-fork spread, the share
 * of wall time the benchmark thread was on a CPU; then the ratios the README reports against. Given
 * several files (runs), also the run-to-run spread of the medians.
 *
 * <pre>
 * {@code java -cp bench/target/benchmarks.jar io.cavra.controlplane.bench.Report run1.json [run2.json …]}
 * </pre>
 */
final class Report {
  private static final String CODEC = "CodecBenchmark.";
  private static final String GUARD = "SecretGuardBenchmark.";

  /** Display order: each contract benchmark next to its baseline, then the guard. */
  private static final List<String> ORDER =
      List.of(
          CODEC + "buildGuardSerialize",
          CODEC + "serializeOnly",
          CODEC + "guardPayloadOnly",
          CODEC + "jacksonWriteTree",
          CODEC + "parseValidate",
          CODEC + "parseTreeOnly",
          CODEC + "jacksonReadTree",
          GUARD + "scanFull",
          GUARD + "scanHalf",
          GUARD + "scanDoubled",
          GUARD + "scanJsonFull");

  private Report() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: Report RESULTS.json [MORE.json ...]");
      System.exit(2);
    }
    System.out.printf(
        Locale.ROOT,
        "Codec envelope: %d B of canonical JSON. Guard payload: %d B (%d records).%n%n",
        CodecBenchmark.envelopeBytes(),
        SecretGuardBenchmark.payloadBytes(),
        SecretGuardBenchmark.payloadRecords());
    System.out.println("Guard rule sets: " + SecretGuardBenchmark.ruleCounts() + ".");
    System.out.println();
    ObjectMapper mapper = new ObjectMapper();
    List<Map<String, Stats>> runs = new ArrayList<>();
    for (String arg : args) {
      Map<String, Stats> all = new LinkedHashMap<>();
      for (JsonNode result : mapper.readTree(Files.readAllBytes(Path.of(arg)))) {
        Stats stats = Stats.of(result);
        all.put(stats.name, stats);
      }
      Map<String, Stats> run = new LinkedHashMap<>();
      for (String name : ORDER) {
        if (all.containsKey(name)) {
          run.put(name, all.remove(name));
        }
      }
      run.putAll(all);
      System.out.println("## " + arg);
      System.out.println();
      table(run);
      ratios(run);
      runs.add(run);
    }
    if (runs.size() > 1) {
      spread(runs);
    }
  }

  private static void table(Map<String, Stats> run) {
    System.out.println(
        "| benchmark | JMH score ± 99.9% error | median [min … max] | CPU-time median | alloc/op"
            + " | fork spread | on-CPU share |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Stats s : run.values()) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %s ± %s | %s [%s … %s] | %s | %s | %.0f%% | %.0f%% |%n",
          s.name,
          s.format(s.score),
          s.format(s.error),
          s.format(s.median()),
          s.format(s.min()),
          s.format(s.max()),
          s.format(s.cpuMedian()),
          Double.isNaN(s.allocPerOp) ? "–" : String.format(Locale.ROOT, "%.0f B", s.allocPerOp),
          100 * s.forkSpread(),
          100 * s.onCpuShare());
    }
    System.out.println();
    System.out.println(
        "Codec rows are µs per envelope (lower is better); guard rows are MB/s of canonical JSON"
            + " (10^6 B/s, higher is better). Fork spread: largest over smallest fork median, minus"
            + " one.");
    System.out.println();
  }

  private static void ratios(Map<String, Stats> run) {
    System.out.println("| ratio | wall median | CPU-time median | target |");
    System.out.println("|---|---|---|---|");
    ratio(
        run,
        "(1) buildGuardSerialize / jacksonWriteTree",
        CODEC + "buildGuardSerialize",
        CODEC + "jacksonWriteTree",
        false,
        "≤ 2×");
    ratio(
        run,
        "(2) parseValidate / jacksonReadTree",
        CODEC + "parseValidate",
        CODEC + "jacksonReadTree",
        false,
        "≤ 2×");
    ratio(
        run,
        "serializeOnly / jacksonWriteTree",
        CODEC + "serializeOnly",
        CODEC + "jacksonWriteTree",
        false,
        "–");
    ratio(
        run,
        "parseTreeOnly / jacksonReadTree",
        CODEC + "parseTreeOnly",
        CODEC + "jacksonReadTree",
        false,
        "–");
    ratio(
        run,
        "guard cost, doubled rules / full rules",
        GUARD + "scanDoubled",
        GUARD + "scanFull",
        true,
        "< 1.15×");
    ratio(
        run,
        "guard cost, half rules / full rules",
        GUARD + "scanHalf",
        GUARD + "scanFull",
        true,
        "–");
    ratio(
        run,
        "guard cost, scanJson(bytes) / scan(tree)",
        GUARD + "scanJsonFull",
        GUARD + "scanFull",
        true,
        "–");
    Stats full = run.get(GUARD + "scanFull");
    if (full != null) {
      System.out.printf(
          Locale.ROOT,
          "| guard full rules, MB/s | %.0f | %.0f | ≥ 200 |%n",
          full.median(),
          full.cpuMedian());
    }
    System.out.println();
  }

  /** Cost of {@code a} over cost of {@code b}; for throughput rows cost is the inverse of MB/s. */
  private static void ratio(
      Map<String, Stats> run, String label, String a, String b, boolean throughput, String target) {
    Stats x = run.get(a);
    Stats y = run.get(b);
    if (x == null || y == null) {
      return;
    }
    double wall = throughput ? y.median() / x.median() : x.median() / y.median();
    double cpu = throughput ? y.cpuMedian() / x.cpuMedian() : x.cpuMedian() / y.cpuMedian();
    System.out.printf(Locale.ROOT, "| %s | %.2f× | %.2f× | %s |%n", label, wall, cpu, target);
  }

  private static void spread(List<Map<String, Stats>> runs) {
    System.out.println("## Run-to-run spread of medians");
    System.out.println();
    System.out.println(
        "| benchmark | wall medians | wall spread | CPU-time medians | CPU spread |");
    System.out.println("|---|---|---|---|---|");
    for (String name : runs.get(0).keySet()) {
      double[] wall = new double[runs.size()];
      double[] cpu = new double[runs.size()];
      Stats first = runs.get(0).get(name);
      StringBuilder wallText = new StringBuilder();
      StringBuilder cpuText = new StringBuilder();
      for (int i = 0; i < runs.size(); i++) {
        Stats s = runs.get(i).get(name);
        wall[i] = s == null ? Double.NaN : s.median();
        cpu[i] = s == null ? Double.NaN : s.cpuMedian();
        wallText.append(i == 0 ? "" : " / ").append(first.format(wall[i]));
        cpuText.append(i == 0 ? "" : " / ").append(first.format(cpu[i]));
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %.0f%% | %s | %.0f%% |%n",
          first.name,
          wallText,
          100 * (max(wall) / min(wall) - 1),
          cpuText,
          100 * (max(cpu) / min(cpu) - 1));
    }
    System.out.println();
  }

  /** One benchmark's numbers, in display units: µs/op for average time, MB/s for throughput. */
  private static final class Stats {
    final String name;
    final boolean throughput;
    final double score;
    final double error;
    final double[][] forks;
    final double[] cpuPerOp;
    final double[] onCpu;
    final double allocPerOp;

    private Stats(
        String name,
        boolean throughput,
        double score,
        double error,
        double[][] forks,
        double[] cpuPerOp,
        double[] onCpu,
        double allocPerOp) {
      this.name = name;
      this.throughput = throughput;
      this.score = score;
      this.error = error;
      this.forks = forks;
      this.cpuPerOp = cpuPerOp;
      this.onCpu = onCpu;
      this.allocPerOp = allocPerOp;
    }

    static Stats of(JsonNode result) {
      String benchmark = result.path("benchmark").asText();
      boolean throughput = "thrpt".equals(result.path("mode").asText());
      JsonNode primary = result.path("primaryMetric");
      String unit = primary.path("scoreUnit").asText();
      JsonNode secondary = result.path("secondaryMetrics");
      // Throughput rows become MB/s: payload bytes per op (bytes counter over ops) times ops/s.
      double bytesPerOp =
          throughput && secondary.has("bytes")
              ? secondary.path("bytes").path("score").asDouble() / primary.path("score").asDouble()
              : 1;
      double scale = throughput ? Math.rint(bytesPerOp) / 1e6 : toMicros(unit);
      double[][] forks = raw(primary, scale);
      double[][] cpuNanos = raw(secondary.path("cpuNanos"), 1);
      double[][] calls = raw(secondary.path("calls"), 1);
      List<Double> cpuPerOp = new ArrayList<>();
      List<Double> onCpu = new ArrayList<>();
      for (int f = 0; f < cpuNanos.length; f++) {
        for (int i = 0; i < cpuNanos[f].length; i++) {
          double nanos = cpuNanos[f][i];
          double n = calls[f][i];
          // Wall time of the iteration, from the primary score and the number of calls.
          double wallNanos = throughput ? n / (forks[f][i] / scale) * 1e9 : n * forks[f][i] * 1e3;
          cpuPerOp.add(throughput ? Math.rint(bytesPerOp) * n / nanos * 1e3 : nanos / n / 1e3);
          onCpu.add(nanos / wallNanos);
        }
      }
      JsonNode alloc = secondary.path("gc.alloc.rate.norm");
      return new Stats(
          shortName(benchmark),
          throughput,
          primary.path("score").asDouble() * scale,
          primary.path("scoreError").asDouble() * scale,
          forks,
          unbox(cpuPerOp),
          unbox(onCpu),
          alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble());
    }

    String format(double value) {
      return String.format(Locale.ROOT, throughput ? "%.0f MB/s" : "%.2f µs", value);
    }

    double median() {
      return Report.median(flat(forks));
    }

    double min() {
      return Report.min(flat(forks));
    }

    double max() {
      return Report.max(flat(forks));
    }

    double cpuMedian() {
      return cpuPerOp.length == 0 ? Double.NaN : Report.median(cpuPerOp);
    }

    double onCpuShare() {
      return onCpu.length == 0 ? Double.NaN : Report.median(onCpu);
    }

    double forkSpread() {
      double[] medians = new double[forks.length];
      for (int f = 0; f < forks.length; f++) {
        medians[f] = Report.median(forks[f]);
      }
      return Report.max(medians) / Report.min(medians) - 1;
    }

    private static String shortName(String benchmark) {
      int dot = benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1);
      return benchmark.substring(dot + 1);
    }

    private static double toMicros(String unit) {
      switch (unit) {
        case "ns/op":
          return 1e-3;
        case "us/op":
          return 1;
        case "ms/op":
          return 1e3;
        case "s/op":
          return 1e6;
        default:
          throw new IllegalArgumentException("unexpected unit " + unit);
      }
    }

    private static double[][] raw(JsonNode metric, double scale) {
      JsonNode raw = metric.path("rawData");
      double[][] out = new double[raw.size()][];
      for (int f = 0; f < raw.size(); f++) {
        out[f] = new double[raw.get(f).size()];
        for (int i = 0; i < out[f].length; i++) {
          out[f][i] = raw.get(f).get(i).asDouble() * scale;
        }
      }
      return out;
    }

    private static double[] flat(double[][] values) {
      return Arrays.stream(values).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] unbox(List<Double> values) {
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }
}
