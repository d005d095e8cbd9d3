package io.cavra.controlplane.gateway;

import static io.cavra.controlplane.gateway.ProblemsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway's bound on tenant_id and requested_by, and the bound on one audit line. */
class IdentifierBoundsTest {
  @TempDir static Path dir;
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(dir, config -> TestGateway.adapter(config, "honest"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void reset() {
    MisbehavingAdapter.reset();
  }

  private static String withTenant(String tenant) {
    return ProblemsTest.REQUEST.replace("\"tenant-demo\"", "\"" + tenant + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "tenant\\ufeffdemo",
        "tenant\\u007fdemo",
        "tenant demo",
        "-tenant",
        "tenant/demo",
        "t\\u00e9nant",
        "tenant\\u2028demo"
      })
  void aTenantOutsideTheCharacterClassIsRefusedBeforeTheAdapterAndNotAudited(String tenant) {
    HttpResponse<String> response = gateway.post("/v1/control-plane", withTenant(tenant));

    assertThat(assertProblem(response, ProblemType.INVALID_VALUE))
        .containsEntry("path", "$.tenant_id")
        .containsEntry("detail", "tenant_id" + Identifiers.RULE);
    assertThat(MisbehavingAdapter.CALLERS).isEmpty();
    Map<String, Object> line = gateway.auditLines().get(gateway.auditLines().size() - 1);
    assertThat(line).containsEntry("tenant", null).containsEntry("outcome", "invalid_value");
  }

  @Test
  void aTenantLongerThan128IsRefusedAndTheAuditLineStaysSmall() {
    String tenant = "t".repeat(900_000);

    HttpResponse<String> response = gateway.post("/v1/control-plane", withTenant(tenant));

    assertProblem(response, ProblemType.INVALID_VALUE);
    assertThat(response.body()).doesNotContain("tttttttttt");
    List<String> lines = List.of(gateway.audit().split("\n"));
    assertThat(lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8).length)
        .isLessThan(1024);
  }

  @Test
  void identifiersAtTheBoundAreAnsweredAndAudited() {
    String tenant = "T" + "a".repeat(120) + "._:@-9";
    String body = withTenant(tenant).replace("\"community\"", "\"alice@example.com\"");

    HttpResponse<String> response = gateway.post("/v1/control-plane", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Object> line = gateway.auditLines().get(gateway.auditLines().size() - 1);
    assertThat(line).containsEntry("tenant", tenant);
  }

  @Test
  void aRequesterOutsideTheBoundIsRefusedAtItsPath() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/control-plane",
            ProblemsTest.REQUEST.replace(
                "\"community\"", "\"r".repeat(1) + "x".repeat(128) + "\""));

    assertThat(assertProblem(response, ProblemType.INVALID_VALUE))
        .containsEntry("path", "$.requested_by");
    assertThat(MisbehavingAdapter.CALLERS).isEmpty();
  }

  @Test
  void theBuildEndpointAppliesTheSameBound() {
    HttpResponse<String> response =
        gateway.post("/v1/build/tenant_status", "{\"tenant_id\":\"tenant\\u00a0x\"}");

    assertThat(assertProblem(response, ProblemType.INVALID_VALUE))
        .containsEntry("path", "$.tenant_id");
  }

  @Test
  void anAuditFieldHoldsAtMost128CharactersAndNeverHalfAPair() {
    StringBuilder line = new StringBuilder();
    Services.string(line, "a".repeat(127) + "\ud83d\ude00" + "b".repeat(500));

    assertThat(line.toString()).isEqualTo("\"" + "a".repeat(127) + "\"");
  }
}
