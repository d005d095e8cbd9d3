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
import java.util.concurrent.Callable;

/**
 * Compares two builds of the {@code contract} module in one JVM, in alternating slices of 250 ms.
 * Each build gets its own class loader; each round times both, in alternating order, and keeps
 * their throughput ratio. On a shared machine whose speed drifts over seconds, pairing neighbouring
 * slices cancels most of the drift that separate JMH runs see. Not a JMH benchmark: it resolves
 * ratios that separate JMH forks cannot, and the README quotes both.
 *
 * <p>Workloads: {@code full}, {@code half} and {@code doubled} scan the {@link
 * SecretGuardBenchmark} payload with those rule sets; {@code parse}, {@code build}, {@code
 * guardEnvelope}, {@code readTree} and {@code writeTree} are {@link CodecBenchmark}'s {@code
 * parseValidate}, {@code buildGuardSerialize}, {@code guardPayloadOnly}, {@code jacksonReadTree}
 * and {@code jacksonWriteTree}. {@code A:B} runs workload A on the first build and B on the second:
 * with one build twice, {@code full:doubled} measures what doubling the rules costs and {@code
 * readTree:parse} what parsing costs against bare Jackson, with the same pairing.
 *
 * <pre>{@code java -cp bench/target/benchmarks.jar io.cavra.controlplane.bench.PairedComparison \
 *     OLD/contract/target/classes contract/target/classes [WORKLOAD] [rounds]}</pre>
 *
 * <p>{@code WORKLOAD} is one of the names above or {@code A:B}; default {@code full}.
 */
final class PairedComparison {
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private static final long SLICE_NANOS = 250_000_000L;
  private static final int WARM_UP_ROUNDS = 6;

  private PairedComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: PairedComparison OLD_CONTRACT_CLASSES NEW_CONTRACT_CLASSES"
              + " [full|half|doubled|parse|build|guardEnvelope|readTree|writeTree|A:B] [rounds]");
      System.exit(2);
    }
    String workload = args.length > 2 ? args[2] : "full";
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    URL self = PairedComparison.class.getProtectionDomain().getCodeSource().getLocation();
    String[] sides = workload.split(":", 2);
    Workload old = Workload.load(Path.of(args[0]), self, sides[0]);
    Workload current = Workload.load(Path.of(args[1]), self, sides[sides.length - 1]);

    List<Double> ratios = new ArrayList<>();
    for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
      double oldRate;
      double newRate;
      if ((round & 1) == 0) {
        oldRate = old.rate();
        newRate = current.rate();
      } else {
        newRate = current.rate();
        oldRate = old.rate();
      }
      if (round >= 0) {
        ratios.add(newRate / oldRate);
      }
    }
    Collections.sort(ratios);
    double median = ratios.get(ratios.size() / 2);
    double low = ratios.get(ratios.size() / 4);
    double high = ratios.get(3 * ratios.size() / 4);
    System.out.printf(
        Locale.ROOT,
        "%s: new/old throughput median %.3f, quartiles %.3f … %.3f, %d pairs"
            + " (new/old cost %.3f, quartiles %.3f … %.3f)%n",
        workload,
        median,
        low,
        high,
        ratios.size(),
        1 / median,
        1 / high,
        1 / low);
  }

  /** One build's operation, loaded from its classes first and this jar second. */
  private record Workload(Callable<?> operation) {
    static Workload load(Path contractClasses, URL benchJar, String name) throws Exception {
      ClassLoader loader =
          new URLClassLoader(
              new URL[] {contractClasses.toUri().toURL(), benchJar},
              ClassLoader.getPlatformClassLoader());
      Class<?> guardType = loader.loadClass("io.cavra.controlplane.contract.secret.SecretGuard");
      Class<?> jsonType = loader.loadClass("io.cavra.controlplane.contract.ContractJson");
      Class<?> envelopes = loader.loadClass(Envelopes.class.getName());
      Method request = envelopes.getDeclaredMethod("request");
      request.setAccessible(true);
      Method toJsonBytes =
          jsonType.getMethod(
              "toJsonBytes", loader.loadClass("io.cavra.controlplane.contract.Envelope"));
      switch (name) {
        case "full":
        case "half":
        case "doubled":
          {
            Object guard = guardType.getMethod("defaults").invoke(null);
            if (!name.equals("full")) {
              Method copy =
                  loader
                      .loadClass(SecretGuardBenchmark.class.getName())
                      .getDeclaredMethod(name, guardType);
              copy.setAccessible(true);
              guard = copy.invoke(null, guardType.getMethod("builtIn").invoke(null));
            }
            Map<String, Object> payload =
                Payloads.operatingRecords(
                    SecretGuardBenchmark.SEED, SecretGuardBenchmark.PAYLOAD_BYTES);
            Method scan = guardType.getMethod("scan", Object.class, String.class);
            Object rules = guard;
            return new Workload(() -> scan.invoke(rules, payload, "payload"));
          }
        case "parse":
          {
            Object json = jsonType.getMethod("defaults").invoke(null);
            Object bytes = toJsonBytes.invoke(null, request.invoke(null));
            Method parse = jsonType.getMethod("parseRequest", byte[].class);
            return new Workload(() -> parse.invoke(json, bytes));
          }
        case "build":
          return new Workload(() -> toJsonBytes.invoke(null, request.invoke(null)));
        case "guardEnvelope":
          {
            Object guard = guardType.getMethod("defaults").invoke(null);
            Object envelope = request.invoke(null);
            Object payload = envelope.getClass().getMethod("payload").invoke(envelope);
            Object tree =
                loader
                    .loadClass("io.cavra.controlplane.contract.RequestPayload")
                    .getMethod("toMap")
                    .invoke(payload);
            Method check = guardType.getMethod("check", Object.class, String.class);
            return new Workload(() -> check.invoke(guard, tree, "payload"));
          }
        case "readTree":
        case "writeTree":
          {
            // This loader's own copy of Jackson, as the contract build has its own.
            Class<?> mapperType = loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
            Class<?> nodesType =
                loader.loadClass("com.fasterxml.jackson.databind.node.JsonNodeFactory");
            Object mapper = mapperType.getConstructor().newInstance();
            Object nodes = nodesType.getField("instance").get(null);
            Method tree = envelopes.getDeclaredMethod("tree", nodesType);
            tree.setAccessible(true);
            Method write = mapperType.getMethod("writeValueAsBytes", Object.class);
            if (name.equals("writeTree")) {
              return new Workload(() -> write.invoke(mapper, tree.invoke(null, nodes)));
            }
            Object bytes = toJsonBytes.invoke(null, request.invoke(null));
            Method read = mapperType.getMethod("readTree", byte[].class);
            return new Workload(() -> read.invoke(mapper, bytes));
          }
        default:
          throw new IllegalArgumentException(
              "unknown workload "
                  + name
                  + "; use full, half, doubled, parse, build, guardEnvelope, readTree, writeTree or"
                  + " A:B");
      }
    }

    /**
     * Operations per second of this thread's CPU time over one slice. CPU time, not wall time: on a
     * shared machine a slice's wall time includes the time other processes ran, which CPU time
     * leaves out (the cache they disturb it cannot).
     */
    double rate() throws Exception {
      long start = CPU.getCurrentThreadCpuTime();
      long calls = 0;
      long elapsed;
      do {
        for (int i = 0; i < 16; i++) {
          operation.call();
        }
        calls += 16;
        elapsed = CPU.getCurrentThreadCpuTime() - start;
      } while (elapsed < SLICE_NANOS);
      return calls * 1e9 / elapsed;
    }
  }
}
