package io.cavra.controlplane.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.conformance.compat.CompatRule;
import io.cavra.controlplane.contract.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The module README documents the closed lists the kit relies on, so it cannot drift from the code.
 */
class ReadmeTest {
  private static String readme() throws Exception {
    return Files.readString(Path.of("README.md"));
  }

  @Test
  void listsEveryInvariant() throws Exception {
    String readme = readme();
    for (Invariant invariant : Invariant.values()) {
      assertThat(readme).contains("| `" + invariant.id() + "` |");
    }
  }

  @Test
  void listsEveryCompatibilityRuleWithItsSeverity() throws Exception {
    String readme = readme();
    for (CompatRule rule : CompatRule.values()) {
      assertThat(readme).contains("| `" + rule.id() + "` | " + rule.severity() + " |");
    }
  }

  @Test
  void listsEveryErrorCodeAndCanaryKind() throws Exception {
    String readme = readme();
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(readme).contains("`" + code.wireName() + "`");
    }
    for (String kind : ConformanceVectors.load().canaryKinds()) {
      assertThat(readme).contains("| `" + kind + "` |");
    }
  }

  @Test
  void countsTheVectors() throws Exception {
    assertThat(readme()).contains(ConformanceVectors.load().cases().size() + " cases:");
  }
}
