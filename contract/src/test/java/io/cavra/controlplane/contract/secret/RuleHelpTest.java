package io.cavra.controlplane.contract.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cavra.controlplane.contract.ContractException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in rule explains itself: what it finds and how to fix a finding. */
class RuleHelpTest {
  @TempDir Path dir;

  @Test
  void everyBuiltInRuleHasItsOwnFullDescriptionAndRemediation() {
    for (SecretRule rule : SecretGuard.builtIn().rules()) {
      assertThat(RuleHelp.finds(rule))
          .as("%s.finds in %s", rule.id(), RuleHelp.RESOURCE)
          .isNotBlank();
      assertThat(RuleHelp.fix(rule)).as("%s.fix in %s", rule.id(), RuleHelp.RESOURCE).isNotBlank();
      assertThat(rule.fullDescription())
          .isEqualTo(RuleHelp.finds(rule))
          .isNotEqualTo(rule.description());
      assertThat(rule.remediation())
          .isEqualTo(RuleHelp.fix(rule))
          .isNotEqualTo(SecretRule.DEFAULT_REMEDIATION);
    }
  }

  @Test
  void helpResourceNamesOnlyBuiltInRules() {
    Set<String> expected = new TreeSet<>();
    for (SecretRule rule : SecretGuard.builtIn().rules()) {
      expected.add(rule.id() + ".finds");
      expected.add(rule.id() + ".fix");
    }
    Set<String> keys =
        RuleHelp.all().stringPropertyNames().stream()
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(keys).isEqualTo(expected);
  }

  @Test
  void helpTextsLookLikeNoCredential() {
    SecretGuard guard = SecretGuard.builtIn();
    for (SecretRule rule : guard.rules()) {
      assertThat(guard.checkText(rule.fullDescription())).as(rule.id() + ".finds").isEmpty();
      assertThat(guard.checkText(rule.remediation())).as(rule.id() + ".fix").isEmpty();
    }
  }

  @Test
  void ruleWithoutHelpFallsBackToItsDescriptionAndTheDefaultRemediation() {
    SecretRule rule =
        SecretRule.value("acme-token", "ACME internal token", "acme_[a-z0-9]{32}", "acme_");

    assertThat(rule.fullDescription()).isEqualTo("ACME internal token");
    assertThat(rule.remediation()).isEqualTo(SecretRule.DEFAULT_REMEDIATION);
  }

  @Test
  void withHelpGivesARuleItsOwnTextsAndKeepsItsMatching() {
    SecretRule rule =
        SecretRule.key("key-acme-pin", "ACME PIN", "(^|_)acme_pin(_|$)")
            .withHelp("An ACME door PIN.", "Change the PIN at the ACME portal.");

    assertThat(rule.fullDescription()).isEqualTo("An ACME door PIN.");
    assertThat(rule.remediation()).isEqualTo("Change the PIN at the ACME portal.");
    assertThat(
            SecretGuard.builder()
                .addRule(rule)
                .build()
                .scan(java.util.Map.of("acmePin", "door-code"), "$"))
        .extracting(SecretFinding::ruleId)
        .containsExactly("key-acme-pin");
  }

  @Test
  void blankHelpIsRefusedWithItsLocation() {
    SecretRule rule = SecretRule.key("key-acme-pin", "ACME PIN", "acme_pin");

    assertThatThrownBy(() -> rule.withHelp(" ", "x"))
        .isInstanceOfSatisfying(
            ContractException.class, e -> assertThat(e.location()).isEqualTo("full_description"));
    assertThatThrownBy(() -> rule.withHelp("x", ""))
        .isInstanceOfSatisfying(
            ContractException.class, e -> assertThat(e.location()).isEqualTo("remediation"));
  }

  @Test
  void ruleThatReusesARemovedBuiltInIdDoesNotInheritItsHelp() {
    SecretRule own = SecretRule.key("key-token", "our token fields", "token");

    assertThat(own.fullDescription()).isEqualTo("our token fields");
    assertThat(own.remediation()).isEqualTo(SecretRule.DEFAULT_REMEDIATION);
  }

  @Test
  void rulesFileMayGiveARuleItsHelp() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("rules.json"),
            """
            {"rules": [{"id": "acme-token", "description": "ACME internal token", "target": "value",
                        "regex": "acme_[a-z0-9]{32}", "keywords": ["acme_"],
                        "full_description": "An ACME build token.", "remediation": "Revoke it in ACME."},
                       {"id": "key-acme-pin", "description": "ACME PIN", "target": "key", "regex": "acme_pin",
                        "remediation": "Change the PIN."}]}
            """);

    SecretGuard guard = SecretGuard.builder().addRulesFile(file).build();
    SecretRule token = rule(guard, "acme-token");
    SecretRule pin = rule(guard, "key-acme-pin");

    assertThat(token.fullDescription()).isEqualTo("An ACME build token.");
    assertThat(token.remediation()).isEqualTo("Revoke it in ACME.");
    assertThat(pin.fullDescription()).isEqualTo("ACME PIN");
    assertThat(pin.remediation()).isEqualTo("Change the PIN.");
  }

  private static SecretRule rule(SecretGuard guard, String id) {
    return guard.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  /** The page that SARIF help URIs point into, one heading per built-in rule. */
  static final Path RULES_DOCUMENT = Path.of("..", "docs", "secret-rules.md");

  @Test
  void rulesDocumentListsEveryBuiltInRuleWithItsHelp() throws IOException {
    String expected = rulesDocument();
    if (Boolean.getBoolean("cavra.writeDocs")) {
      Files.writeString(RULES_DOCUMENT, expected);
    }

    assertThat(Files.readString(RULES_DOCUMENT))
        .as("docs/secret-rules.md is generated: run this test with -Dcavra.writeDocs=true")
        .isEqualTo(expected);
  }

  static String rulesDocument() {
    StringBuilder doc =
        new StringBuilder(
            """
            # The secret guard's built-in rules

            What each rule finds and how to fix a finding. `cavra-cp scan --format sarif` links every
            rule here (`helpUri`); code-scanning alerts show the same text. Generated from
            `contract/src/main/resources/io/cavra/controlplane/contract/secret/rule-help.properties` by
            `RuleHelpTest` (`-Dcavra.writeDocs=true`).

            """);
    for (SecretRule rule : SecretGuard.builtIn().rules()) {
      doc.append("## ")
          .append(rule.id())
          .append("\n\n")
          .append("**")
          .append(rule.description())
          .append("** (")
          .append(rule.target() == SecretRule.Target.VALUE ? "value rule" : "key rule")
          .append(")\n\n")
          .append(rule.fullDescription())
          .append("\n\n")
          .append("How to fix: ")
          .append(rule.remediation())
          .append("\n\n");
    }
    return doc.toString();
  }
}
