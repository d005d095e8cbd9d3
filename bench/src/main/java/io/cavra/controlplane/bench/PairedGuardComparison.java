package io.cavra.controlplane.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares two builds of the {@code contract} module's guard in one JVM, in alternating slices of
 * 250 ms over the {@link SecretGuardBenchmark} payload. Each build gets its own class loader; each
 * round times both, in alternating order, and keeps their throughput ratio. On a shared machine
 * whose speed drifts over seconds, pairing neighbouring slices cancels most of the drift that
 * separate JMH runs see. Not a JMH benchmark: use it to decide between two builds, and quote JMH.
 *
 * <pre>{@code java -cp bench/target/benchmarks.jar io.cavra.controlplane.bench.PairedGuardComparison \
 *     OLD/contract/target/classes contract/target/classes [full|doubled] [rounds]}</pre>
 */
final class PairedGuardComparison {
  private static final long SLICE_NANOS = 250_000_000L;
  private static final int WARM_UP_ROUNDS = 6;

  private PairedGuardComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: PairedGuardComparison OLD_CONTRACT_CLASSES NEW_CONTRACT_CLASSES [full|doubled] [rounds]");
      System.exit(2);
    }
    boolean doubled = args.length > 2 && args[2].equals("doubled");
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    Map<String, Object> payload = Payloads.operatingRecords(SecretGuardBenchmark.SEED, SecretGuardBenchmark.PAYLOAD_BYTES);
    URL self = PairedGuardComparison.class.getProtectionDomain().getCodeSource().getLocation();
    Scan old = Scan.load(Path.of(args[0]), self, doubled);
    Scan current = Scan.load(Path.of(args[1]), self, doubled);

    List<Double> ratios = new ArrayList<>();
    for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
      double oldRate;
      double newRate;
      if ((round & 1) == 0) {
        oldRate = old.rate(payload);
        newRate = current.rate(payload);
      } else {
        newRate = current.rate(payload);
        oldRate = old.rate(payload);
      }
      if (round >= 0) {
        ratios.add(newRate / oldRate);
      }
    }
    Collections.sort(ratios);
    System.out.printf(Locale.ROOT, "%s rules, new/old throughput: median %.3f, quartiles %.3f … %.3f, %d pairs%n",
        doubled ? "doubled" : "full", ratios.get(ratios.size() / 2), ratios.get(ratios.size() / 4),
        ratios.get(3 * ratios.size() / 4), ratios.size());
  }

  /** One build's {@code SecretGuard.scan}, loaded from its classes first and this jar second. */
  private record Scan(Object guard, Method scan) {
    static Scan load(Path contractClasses, URL benchJar, boolean doubled) throws Exception {
      ClassLoader loader = new URLClassLoader(
          new URL[] {contractClasses.toUri().toURL(), benchJar}, ClassLoader.getPlatformClassLoader());
      Class<?> guardType = loader.loadClass("io.cavra.controlplane.contract.secret.SecretGuard");
      Object guard = guardType.getMethod("defaults").invoke(null);
      if (doubled) {
        Method copy = loader.loadClass(SecretGuardBenchmark.class.getName()).getDeclaredMethod("doubled", guardType);
        copy.setAccessible(true);
        guard = copy.invoke(null, guardType.getMethod("builtIn").invoke(null));
      }
      return new Scan(guard, guardType.getMethod("scan", Object.class, String.class));
    }

    /** Scans per second over one slice. */
    double rate(Map<String, Object> payload) throws Exception {
      long start = System.nanoTime();
      long scans = 0;
      long elapsed;
      do {
        scan.invoke(guard, payload, "payload");
        scans++;
        elapsed = System.nanoTime() - start;
      } while (elapsed < SLICE_NANOS);
      return scans * 1e9 / elapsed;
    }
  }
}
