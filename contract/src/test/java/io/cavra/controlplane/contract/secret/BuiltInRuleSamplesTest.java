package io.cavra.controlplane.contract.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.JsonPaths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every built-in rule against its generated true- and false-positive samples. */
class BuiltInRuleSamplesTest {
  private static final Map<String, Samples.RuleSamples> SAMPLES = Samples.all();
  private final SecretGuard guard = SecretGuard.builtIn();

  @Test
  void everyBuiltInRuleHasSamples() {
    List<String> ids = guard.rules().stream().map(SecretRule::id).collect(Collectors.toList());
    assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    SAMPLES.forEach(
        (id, samples) -> {
          assertThat(samples.truePositives()).as(id).isNotEmpty();
          assertThat(samples.falsePositives()).as(id).isNotEmpty();
        });
  }

  @Test
  void valueTruePositivesAreFoundByTheirRule() {
    for (SecretRule rule : rules(SecretRule.Target.VALUE)) {
      for (String sample : SAMPLES.get(rule.id()).truePositives()) {
        assertThat(guard.checkText(sample).map(SecretFinding::ruleId))
            .as("%s sample #%d", rule.id(), SAMPLES.get(rule.id()).truePositives().indexOf(sample))
            .contains(rule.id());
      }
    }
  }

  @Test
  void valueTruePositivesAreFoundInsideLongerText() {
    for (SecretRule rule : rules(SecretRule.Target.VALUE)) {
      for (String sample : SAMPLES.get(rule.id()).truePositives()) {
        String text = "x".repeat(40) + " note: " + sample + " (rotated) " + "y".repeat(40);
        assertThat(guard.checkText(text)).as(rule.id()).isPresent();
      }
    }
  }

  @Test
  void valueFalsePositivesFireNoRule() {
    for (SecretRule rule : rules(SecretRule.Target.VALUE)) {
      for (String sample : SAMPLES.get(rule.id()).falsePositives()) {
        assertThat(guard.checkText(sample))
            .as(
                "%s false positive #%d",
                rule.id(), SAMPLES.get(rule.id()).falsePositives().indexOf(sample))
            .isEmpty();
      }
    }
  }

  @Test
  void everyValueTruePositiveContainsAKeywordOfItsRule() {
    // The prefilter soundness the rules promise: no keyword, no match.
    for (SecretRule rule : rules(SecretRule.Target.VALUE)) {
      for (String sample : SAMPLES.get(rule.id()).truePositives()) {
        // Digits in keywords stand for any digit; a text starts as if after a space.
        String lower = " " + sample.toLowerCase(Locale.ROOT).replaceAll("[0-9]", "0");
        assertThat(rule.keywords())
            .as(rule.id())
            .anyMatch(keyword -> lower.contains(keyword.replaceAll("[0-9]", "0")));
        assertThat(rule.pattern().matcher(sample).find()).as(rule.id()).isTrue();
      }
    }
  }

  @Test
  void keyTruePositivesAreRejectedByTheirRule() {
    for (SecretRule rule : rules(SecretRule.Target.KEY)) {
      for (String key : SAMPLES.get(rule.id()).truePositives()) {
        assertThat(guard.scan(Map.of(key, firingValue(rule)), "payload"))
            .as("%s key %s", rule.id(), key)
            .containsExactly(
                new SecretFinding(
                    ErrorCode.SENSITIVE_FIELD, rule.id(), JsonPaths.member("payload", key)));
      }
    }
  }

  @Test
  void keyFalsePositivesAreAccepted() {
    for (SecretRule rule : rules(SecretRule.Target.KEY)) {
      Map<String, Object> payload = new LinkedHashMap<>();
      SAMPLES.get(rule.id()).falsePositives().forEach(key -> payload.put(key, firingValue(rule)));
      assertThat(guard.scan(payload, "payload")).as(rule.id()).isEmpty();
    }
  }

  /** A value that the rule refuses under a key it names: each policy asks for another shape. */
  private static Object firingValue(SecretRule rule) {
    switch (rule.policy()) {
      case CARD_CODE:
        return "737";
      case CREDENTIAL_LIKE:
        return "Xk9#" + "mQ2vLp";
      default:
        return "value";
    }
  }

  private List<SecretRule> rules(SecretRule.Target target) {
    return guard.rules().stream().filter(r -> r.target() == target).collect(Collectors.toList());
  }
}
