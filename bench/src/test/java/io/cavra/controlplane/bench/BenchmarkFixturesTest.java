package io.cavra.controlplane.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.cavra.controlplane.contract.secret.SecretGuard;
import io.cavra.controlplane.contract.secret.SecretRule;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmarks honest between runs: the fixtures still measure what the README says they
 * measure. Benchmarks themselves run only on demand.
 */
class BenchmarkFixturesTest {
  @Test
  void codecEnvelopeIsAboutOneKilobyteAndMatchesTheJacksonBaseline() {
    // setUp refuses a baseline that writes or reads different bytes from the contract.
    assertThatCode(() -> new CodecBenchmark().setUp()).doesNotThrowAnyException();
    assertThat(CodecBenchmark.envelopeBytes()).isBetween(900, 1500);
  }

  @Test
  void guardPayloadIsCleanAndAboutOneMegabyte() {
    // setUp refuses a payload in which any of the three rule sets finds something.
    assertThatCode(() -> new SecretGuardBenchmark().setUp()).doesNotThrowAnyException();
    assertThat(SecretGuardBenchmark.payloadBytes()).isBetween(1_000_000, 1_010_000);
  }

  @Test
  void payloadIsTheSameForTheSameSeed() {
    assertThat(Payloads.json(Payloads.operatingRecords(7, 50_000)))
        .isEqualTo(Payloads.json(Payloads.operatingRecords(7, 50_000)));
  }

  @Test
  void halfKeepsEveryKeyRuleAndEveryOtherValueRule() {
    SecretGuard builtIn = SecretGuard.builtIn();
    long values = valueRules(builtIn);
    SecretGuard half = SecretGuardBenchmark.half(builtIn);
    assertThat(valueRules(half)).isEqualTo((values + 1) / 2);
    assertThat(half.rules().size() - valueRules(half)).isEqualTo(builtIn.rules().size() - values);
  }

  @Test
  void doubledAddsACopyOfEveryValueRule() {
    SecretGuard builtIn = SecretGuard.builtIn();
    SecretGuard doubled = SecretGuardBenchmark.doubled(builtIn);
    assertThat(valueRules(doubled)).isEqualTo(2 * valueRules(builtIn));
    assertThat(doubled.rules())
        .filteredOn(rule -> rule.id().endsWith("-copy"))
        .hasSize((int) valueRules(builtIn));
  }

  private static long valueRules(SecretGuard guard) {
    return guard.rules().stream().filter(rule -> rule.target() == SecretRule.Target.VALUE).count();
  }
}
