package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.adapter.Caller;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls the adapter on a bounded pool of its own threads, with a timeout: a call that overruns is
 * interrupted and reported as timed out, whatever the adapter does afterwards.
 */
final class AdapterRunner implements AutoCloseable {
  /** Hears how one call ended; exactly one method is called, on an adapter or timer thread. */
  interface Listener {
    void answered(ControlPlaneResponse response);

    void failed(Throwable failure);

    void timedOut();
  }

  private final ControlPlaneAdapter adapter;
  private final String name;
  private final long timeoutNanos;
  private final ThreadPoolExecutor executor;
  private final ScheduledExecutorService timer;

  AdapterRunner(
      ControlPlaneAdapter adapter, String name, int threads, int queue, Duration timeout) {
    this.adapter = adapter;
    this.name = name;
    this.timeoutNanos = timeout.toNanos();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(queue),
            daemonThreads("cavra-adapter-"));
    this.executor.allowCoreThreadTimeOut(true);
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, daemonThreads("cavra-adapter-timer-"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.timer = scheduler;
  }

  String name() {
    return name;
  }

  /** The operations the adapter answers with its own data; empty if it reports them badly. */
  Set<Operation> capabilities() {
    try {
      Set<Operation> capabilities = adapter.capabilities();
      return capabilities == null ? Set.of() : Set.copyOf(capabilities);
    } catch (RuntimeException e) {
      Gateway.LOG.log(
          System.Logger.Level.WARNING,
          "adapter " + name + " failed to list its capabilities: " + Gateway.describe(e));
      return Set.of();
    }
  }

  /**
   * Starts a call.
   *
   * @throws RejectedExecutionException when the adapter's queue is full
   */
  void call(ControlPlaneRequest request, Caller caller, Listener listener) {
    Call call = new Call(request, caller, listener);
    executor.execute(call);
    ScheduledFuture<?> deadline = timer.schedule(call::expire, timeoutNanos, TimeUnit.NANOSECONDS);
    call.deadline = deadline;
    if (call.isDone()) {
      deadline.cancel(false);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    timer.shutdownNow();
    try {
      adapter.close();
    } catch (Exception e) {
      Gateway.LOG.log(
          System.Logger.Level.WARNING,
          "adapter " + name + " failed to close: " + Gateway.describe(e));
    }
  }

  private final class Call extends FutureTask<ControlPlaneResponse> {
    private final Listener listener;
    volatile ScheduledFuture<?> deadline;

    Call(ControlPlaneRequest request, Caller caller, Listener listener) {
      super(() -> adapter.handle(request, caller));
      this.listener = listener;
    }

    void expire() {
      if (cancel(true)) {
        listener.timedOut();
      }
    }

    @Override
    protected void done() {
      if (isCancelled()) {
        return;
      }
      ScheduledFuture<?> pending = deadline;
      if (pending != null) {
        pending.cancel(false);
      }
      ControlPlaneResponse response;
      try {
        response = get();
      } catch (ExecutionException e) {
        listener.failed(e.getCause());
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        listener.failed(e);
        return;
      }
      listener.answered(response);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory base = Executors.defaultThreadFactory();
    return runnable -> {
      Thread thread = base.newThread(runnable);
      thread.setName(prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
