package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final OperationNames OPERATIONS = new OperationNames();

  @Test
  void dashesForUnderscoresAndCaseAreTheSameName() {
    assertThat(Suggestions.nearest("tenant-status", OPERATIONS)).containsExactly("tenant_status");
    assertThat(Suggestions.nearest("Evidence-Export", OPERATIONS))
        .containsExactly("evidence_export");
  }

  @Test
  void typosWithinAFewEditsAreNear() {
    assertThat(Suggestions.nearest("tenant_stauts", OPERATIONS)).containsExactly("tenant_status");
    assertThat(Suggestions.nearest("polcy_registry_lookup", OPERATIONS))
        .containsExactly("policy_registry_lookup");
    assertThat(Suggestions.nearest("--tenant-idd", List.of("--tenant-id", "--requested-by")))
        .containsExactly("--tenant-id");
  }

  @Test
  void aPrefixOfExactlyOneNameIsNear() {
    assertThat(Suggestions.nearest("evidence", OPERATIONS)).containsExactly("evidence_export");
    assertThat(Suggestions.nearest("policy_registry", OPERATIONS)).isEmpty();
  }

  @Test
  void somethingUnlikeEveryNameHasNoSuggestion() {
    assertThat(Suggestions.nearest("x", OPERATIONS)).isEmpty();
    assertThat(Suggestions.nearest(Cli.FAKE_GITHUB_TOKEN, OPERATIONS)).isEmpty();
    assertThat(Suggestions.didYouMean("status", OPERATIONS)).isEmpty();
  }

  @Test
  void didYouMeanNamesOnlyKnownNames() {
    assertThat(Suggestions.didYouMean("tenant-status", OPERATIONS))
        .isEqualTo("; did you mean 'tenant_status'?");
    assertThat(Suggestions.didYouMean("--max-c", List.of("--max-a", "--max-b")))
        .isEqualTo("; did you mean '--max-a' or '--max-b'?");
  }

  @Test
  void distanceCountsATranspositionOnce() {
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
  }
}
