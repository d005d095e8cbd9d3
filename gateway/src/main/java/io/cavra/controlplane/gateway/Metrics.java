package io.cavra.controlplane.gateway;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The gateway's Prometheus metrics, in a registry of its own (two gateways in one JVM do not share
 * counters). Every label takes values from closed sets: route templates, operation wire names, HTTP
 * statuses, response statuses and problem codes.
 */
final class Metrics {
  /** The text exposition format, version 0.0.4. */
  static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Counter requests;
  private final Histogram latency;
  private final Counter rejections;

  Metrics(IntSupplier inFlight, BooleanSupplier ready) {
    requests =
        Counter.builder()
            .name("cavra_gateway_requests_total")
            .help(
                "Requests answered, by route template, operation, HTTP status and outcome (the"
                    + " response status for control-plane answers, ok for other successes, else the"
                    + " problem code)")
            .labelNames("route", "operation", "status", "outcome")
            .withoutExemplars()
            .register(registry);
    latency =
        Histogram.builder()
            .name("cavra_gateway_request_duration_seconds")
            .help("Time from the request's arrival to its answer, by route template and operation")
            .labelNames("route", "operation")
            .classicOnly()
            .classicUpperBounds(
                0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
            .withoutExemplars()
            .register(registry);
    rejections =
        Counter.builder()
            .name("cavra_gateway_rejections_total")
            .help("Problem answers, by problem code")
            .labelNames("code")
            .withoutExemplars()
            .register(registry);
    GaugeWithCallback.builder()
        .name("cavra_gateway_requests_in_flight")
        .help("Requests on the /v1 endpoints currently in flight")
        .callback(callback -> callback.call(inFlight.getAsInt()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("cavra_gateway_ready")
        .help("1 while the gateway accepts work, 0 while it drains")
        .callback(callback -> callback.call(ready.getAsBoolean() ? 1 : 0))
        .register(registry);
  }

  /**
   * Counts and times an answer on {@code route} (a template, or {@code unmatched}) from its
   * outcome.
   */
  void record(String route, Outcome outcome, long nanos) {
    String operation = outcome.subject().operation();
    if (operation == null) {
      operation = "";
    }
    requests
        .labelValues(route, operation, Integer.toString(outcome.status()), outcome.label())
        .inc();
    latency.labelValues(route, operation).observe(nanos / 1e9);
    if (outcome instanceof Outcome.Refused refused) {
      rejections.labelValues(refused.problem().type().code()).inc();
    }
  }

  byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
