package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.adapter.Caller;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An adapter in this JVM, hosted the way a gateway hosts it: the contract's reader validates each
 * request first (refused requests never reach the adapter), and the adapter's response is written
 * in its wire form so that every check runs on the same bytes a client would receive.
 */
final class InProcessTarget implements Target {
  /** The caller the kit presents to adapters. */
  static final Caller CALLER = new Caller("conformance-kit", "conformance-kit");

  private static final ExecutorService CALLS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "conformance-adapter-call");
            thread.setDaemon(true);
            return thread;
          });

  private final ControlPlaneAdapter adapter;

  InProcessTarget(ControlPlaneAdapter adapter) {
    this.adapter = adapter;
  }

  @Override
  public String kind() {
    return "in-process";
  }

  @Override
  public String name() {
    return adapter.getClass().getName();
  }

  @Override
  public Optional<Set<Operation>> capabilities() {
    return Optional.of(Set.copyOf(adapter.capabilities()));
  }

  @Override
  public boolean writesErrorBodies() {
    return false;
  }

  @Override
  public Exchange answer(ControlPlaneRequest request, byte[] body, Duration timeout) {
    long start = System.nanoTime();
    Future<ControlPlaneResponse> call = CALLS.submit(() -> adapter.handle(request, CALLER));
    try {
      ControlPlaneResponse response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      Duration elapsed = since(start);
      if (response == null) {
        return Exchange.adapterReturnedNull(elapsed);
      }
      return new Exchange.Answered(
          elapsed, 200, "application/json", ContractJson.toJsonBytes(response), Map.of());
    } catch (TimeoutException e) {
      call.cancel(true);
      return new Exchange.TimedOut(since(start));
    } catch (ExecutionException e) {
      return new Exchange.Threw(since(start), e.getCause());
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      return Exchange.interrupted(since(start), "the adapter");
    }
  }

  @Override
  public Exchange refuse(byte[] body, Duration timeout) {
    long start = System.nanoTime();
    try {
      ContractJson.defaults().parseRequest(body);
    } catch (ContractException e) {
      return new Exchange.Threw(since(start), e);
    }
    return Exchange.readerAccepted(since(start));
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
