package io.cavra.controlplane.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * CPU time of the benchmark thread per iteration ({@code cpuNanos}) and the calls made in it
 * ({@code calls}), as JMH event counters. On a shared machine wall-clock scores swing with the load
 * of other processes; {@code cpuNanos / calls} counts only the time this thread was on a CPU, which
 * makes ratios between benchmarks much steadier. {@link Report} divides the two.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public long cpuNanos;
  public long calls;
  private long start;

  @Setup(Level.Iteration)
  public void start() {
    cpuNanos = 0;
    calls = 0;
    start = THREADS.getCurrentThreadCpuTime();
  }

  @TearDown(Level.Iteration)
  public void stop() {
    cpuNanos = THREADS.getCurrentThreadCpuTime() - start;
  }
}
