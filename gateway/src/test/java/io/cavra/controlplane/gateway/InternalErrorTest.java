package io.cavra.controlplane.gateway;

import static io.cavra.controlplane.gateway.ProblemsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.adapter.CommunityAdapter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** A failing endpoint becomes a 500 problem that says nothing about the failure. */
class InternalErrorTest {
  @Test
  void anEndpointThatThrowsIsA500WithoutItsMessage() throws Exception {
    String canary = MisbehavingAdapter.canary();
    GatewayConfig config = GatewayConfig.defaults().withAuditSink(AuditSink.none());
    AdapterRunner adapter =
        new AdapterRunner(new CommunityAdapter(), "community", 1, 1, Duration.ofSeconds(1));
    Services services = new Services(config, null, adapter, AuditSink.none().open());
    Routes routes =
        Routes.builder()
            .get(
                "/boom",
                Routes.Access.PUBLIC,
                exchange -> {
                  throw new IllegalStateException("failed while holding " + canary);
                })
            .build();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new Dispatcher(routes, services));
    server.setErrorHandler(new ProblemErrorHandler(services));
    List<String> logs = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logs.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger.getLogger("io.cavra.controlplane.gateway").addHandler(capture);
    server.start();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/boom"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(assertProblem(response, ProblemType.INTERNAL_ERROR))
          .containsEntry("detail", "the gateway failed; its log has the details");
      assertThat(response.body()).doesNotContain(canary).doesNotContain("IllegalStateException");
      assertThat(String.join("\n", logs))
          .contains("internal error on GET /boom: java.lang.IllegalStateException at ")
          .doesNotContain(canary);
    } finally {
      server.stop();
      adapter.close();
      Logger.getLogger("io.cavra.controlplane.gateway").removeHandler(capture);
    }
  }

  @Test
  void jettysOwnErrorsAreProblems() {
    assertThat(ProblemErrorHandler.problemFor(500).type()).isEqualTo(ProblemType.INTERNAL_ERROR);
    assertThat(ProblemErrorHandler.problemFor(431).type()).isEqualTo(ProblemType.HEADER_TOO_LARGE);
    assertThat(ProblemErrorHandler.problemFor(414).type()).isEqualTo(ProblemType.URI_TOO_LONG);
    assertThat(ProblemErrorHandler.problemFor(408).type()).isEqualTo(ProblemType.BAD_REQUEST);
    assertThat(ProblemErrorHandler.problemFor(503).type()).isEqualTo(ProblemType.SHUTTING_DOWN);
  }
}
