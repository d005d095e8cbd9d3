package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.conformance.ConformanceVectors;
import io.cavra.controlplane.gateway.ApiKeys;
import io.cavra.controlplane.gateway.AuditSink;
import io.cavra.controlplane.gateway.Gateway;
import io.cavra.controlplane.gateway.GatewayConfig;
import io.cavra.controlplane.gateway.GeneratedKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} against a gateway with API keys: what it says about the key it needs. */
class VerifyCommandTest {
  private static final int CASES = ConformanceVectors.load().cases().size();
  private static final String RECIPE =
      "cavra-cp:   cavra-cp keys add --key-store keys.jsonl --key-id conformance"
          + " --tenant tenant-demo --tenant tenant-conformance-b --api-key-file conformance.key\n";

  @TempDir static Path dir;

  static Gateway gateway;
  static Path store;
  static Path demoOnly;
  static Path statusOnly;
  static Path conformance;

  /** The gateway reads its key store when it starts, so every key is made first. */
  @BeforeAll
  static void startAGatewayWithAKeyStore() throws Exception {
    store = dir.resolve("keys.jsonl");
    demoOnly = keyFile("demo-only", Set.of("tenant-demo"), Set.of("*"));
    statusOnly =
        keyFile(
            "status-only", Set.of("tenant-demo", "tenant-conformance-b"), Set.of("tenant_status"));
    conformance =
        keyFile("conformance", Set.copyOf(ConformanceVectors.load().tenants()), Set.of("*"));
    gateway =
        Gateway.start(
            GatewayConfig.defaults()
                .withPort(0)
                .withKeyFile(store)
                .withAuditSink(AuditSink.none()));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void withoutAKeyItSaysAKeyIsNeededForTheKitsTenantsAndHowToMakeOne() {
    Cli.Result result = Cli.run("verify", "--url", url());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_CONFORMING);
    assertThat(result.err())
        .isEqualTo(
            "cavra-cp: the gateway answered 401 Unauthorized: it requires an API key, and none was"
                + " sent (--api-key-file or --api-key-env).\n"
                + "cavra-cp: the kit acts for the tenants tenant-demo and tenant-conformance-b and"
                + " calls every operation; a key for them, with the reference gateway:\n"
                + RECIPE
                + "cavra-cp: then serve with --key-store keys.jsonl and verify with --api-key-file"
                + " conformance.key.\n");
  }

  @Test
  void aKeyForOneTenantIsToldWhichTenantItLacks() throws Exception {
    Path key = demoOnly;

    Cli.Result result = Cli.run("verify", "--url", url(), "--api-key-file", key.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_CONFORMING);
    assertThat(result.out()).contains("Verdict: FAIL");
    assertThat(result.err())
        .startsWith(
            "cavra-cp: the gateway answered 403 Forbidden: the API key may not act for"
                + " the tenant tenant-conformance-b.\n")
        .contains(RECIPE);
    assertThat(result.all()).doesNotContain(Files.readString(key).strip());
  }

  @Test
  void aKeyForSomeOperationsIsToldWhichOperationsItLacks() throws Exception {
    Path key = statusOnly;

    Cli.Result result = Cli.run("verify", "--url", url(), "--api-key-file", key.toString());

    assertThat(result.err())
        .containsPattern(
            "cavra-cp: the gateway answered 403 Forbidden: the API key may not call"
                + " the operations entitlement_status, tenant_onboarding, license_validation, .*"
                + "saas_operating_automation_worker_handoff\\.\n");
    assertThat(result.err()).doesNotContain("may not act for");
  }

  @Test
  void anUnknownKeyIsToldSo() throws Exception {
    Path key = Files.writeString(dir.resolve("unknown.key"), "cavra_not-a-key-of-this-gateway\n");

    Cli.Result result =
        Cli.run("verify", "--url", url(), "--api-key-env", "CAVRA_CP_TEST_UNSET_VARIABLE");
    Cli.Result unknown = Cli.run("verify", "--url", url(), "--api-key-file", key.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err())
        .startsWith(
            "cavra-cp: the gateway answered 401 Unauthorized: it does not accept the API key that"
                + " was sent.\n");
  }

  @Test
  void theRecipesKeyPassesWithoutAdvice() throws Exception {
    Path key = conformance;

    Cli.Result result = Cli.run("verify", "--url", url(), "--api-key-file", key.toString());

    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out())
        .contains("Verdict: PASS (" + CASES + " of " + CASES + " cases pass or fail as known)");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void helpNamesTheKitsTenantsAndTheTwoKindsOfKeyFile() {
    String help = Cli.run("verify", "--help").out().replaceAll("\\s+", " ");

    for (String tenant : ConformanceVectors.load().tenants()) {
      assertThat(help).contains("--tenant " + tenant);
    }
    assertThat(help)
        .contains(
            "--api-key-file=FILE",
            "--api-key-env=NAME",
            "(not the gateway's key store)",
            "serve with --key-store keys.jsonl");
  }

  private static Path keyFile(String id, Set<String> tenants, Set<String> operations)
      throws Exception {
    GeneratedKey key = ApiKeys.add(store, id, tenants, operations);
    try {
      return Files.writeString(
          dir.resolve(id + ".key"), key.reveal() + "\n", StandardCharsets.UTF_8);
    } finally {
      key.destroy();
    }
  }

  private static String url() {
    return gateway.uri().toString().replaceAll("/$", "");
  }
}
