package io.cavra.controlplane.contract.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard on the labelled corpus: recall over the generated positives and false positives over
 * the real-world and control-plane negatives, against the targets of the issue. The thresholds are
 * system properties, so that a build can relax them while rules are being written:
 *
 * <pre>
 * ./mvnw -pl contract test -Dtest=GuardCorpusTest -Dcavra.corpus.minRecall=0 -Dcavra.corpus.maxFalsePositiveRate=1
 * </pre>
 *
 * The report is written to {@code target/corpus/guard-corpus.md} and {@code .json} either way.
 */
class GuardCorpusTest {
  static final double MIN_RECALL =
      Double.parseDouble(
          System.getProperty("cavra.corpus.minRecall", String.valueOf(CorpusScore.TARGET_RECALL)));
  static final double MAX_FALSE_POSITIVE_RATE =
      Double.parseDouble(
          System.getProperty(
              "cavra.corpus.maxFalsePositiveRate",
              String.valueOf(CorpusScore.TARGET_FALSE_POSITIVE_RATE)));
  static final Path REPORT = Path.of("target", "corpus");

  private static List<CorpusDocument> positives;
  private static List<CorpusDocument> negatives;
  private static CorpusScore score;

  @BeforeAll
  static void scoreTheDefaultGuardAndWriteTheReport() {
    positives = CorpusPositives.all();
    negatives = CorpusNegatives.all();
    List<CorpusDocument> all = new ArrayList<>(positives);
    all.addAll(negatives);
    score = CorpusScore.of(SecretGuard.defaults(), all);
    score.write(REPORT, MIN_RECALL, MAX_FALSE_POSITIVE_RATE);
  }

  @Test
  void everyBuiltInValueRuleHasPositivesInEveryPlacement() {
    for (SecretRule rule : rules(SecretRule.Target.VALUE)) {
      assertThat(placements(CorpusPositives.VALUE_RULE, rule.id()))
          .as(rule.id())
          .containsExactlyInAnyOrderElementsOf(CorpusPositives.PLACEMENTS);
    }
  }

  @Test
  void everyBuiltInKeyRuleHasKeyNamedPositivesInEverySpellingItsWordsHave() {
    for (SecretRule rule : rules(SecretRule.Target.KEY)) {
      Set<String> spellings = placements(CorpusPositives.KEY_NAMED, rule.id());
      assertThat(spellings).as(rule.id()).contains("snake", "camel", "upper");
      if (rule.keywords().stream().anyMatch(word -> word.contains("_"))) {
        assertThat(spellings).as(rule.id()).contains("kebab", "dotted");
      }
    }
  }

  private static List<SecretRule> rules(SecretRule.Target target) {
    return SecretGuard.builtIn().rules().stream()
        .filter(r -> r.target() == target)
        .collect(Collectors.toList());
  }

  private static Set<String> placements(String kind, String group) {
    return positives.stream()
        .filter(d -> d.kind().equals(kind) && d.group().equals(group))
        .map(CorpusDocument::placement)
        .collect(Collectors.toSet());
  }

  @Test
  void everySensitiveKeyWordIsNamedInACliLineAnAssignmentAndBothEnvironmentLists() {
    for (String word : SecretGuard.sensitiveKeyWords()) {
      Set<String> shapes =
          positives.stream()
              .filter(d -> d.group().equals(word))
              .map(d -> d.kind() + "/" + d.placement())
              .collect(Collectors.toSet());
      assertThat(shapes)
          .as(word)
          .contains("cli-line/text", "assignment/text", "env-list/kubernetes", "env-list/ecs");
    }
  }

  @Test
  void cardNumbersOfEveryNetworkAreLuhnValidInEveryPlacement() {
    List<CorpusDocument> cards =
        positives.stream()
            .filter(d -> d.kind().equals(CorpusPositives.CARD_NUMBER))
            .collect(Collectors.toList());
    assertThat(cards.stream().map(CorpusDocument::group).distinct())
        .containsExactlyInAnyOrder(
            "visa", "mastercard", "amex", "discover", "jcb", "diners", "unionpay");
    assertThat(cards.stream().map(CorpusDocument::placement).distinct())
        .containsExactlyInAnyOrder("digits", "spaces", "dashes", "in-text", "number");
    for (CorpusDocument card : cards) {
      String digits = card.secrets().get(0).replaceAll("[ -]", "");
      assertThat(digits.length()).as(card.id()).isBetween(13, 19);
      assertThat(CorpusPositives.luhnValid(digits)).as(card.id()).isTrue();
    }
    assertThat(
            positives.stream()
                .filter(d -> d.kind().equals(CorpusPositives.CARD_SECURITY_CODE))
                .map(CorpusDocument::group)
                .distinct())
        .contains("cvv", "cvc", "card_security_code");
  }

  @Test
  void caseVariantsFoldOnlyWhatTheFormatLeavesCaseInsensitive() {
    Samples s = new Samples(7L);
    String path = "/services/T0A/" + s.alnum(12);
    assertThat(CorpusPositives.caseVariants("see https://hooks.example.com" + path))
        .containsExactly(Map.entry("upper", "see HTTPS://HOOKS.EXAMPLE.COM" + path));
    String password = s.alnum(12);
    assertThat(CorpusPositives.caseVariants("postgres://app:" + password + "@Db.internal:5432/app"))
        .containsEntry("upper", "POSTGRES://app:" + password + "@DB.INTERNAL:5432/app")
        .containsEntry("lower", "postgres://app:" + password + "@db.internal:5432/app");
    String token = s.alnum(24);
    assertThat(CorpusPositives.caseVariants("Authorization: Bearer " + token))
        .containsEntry("upper", "AUTHORIZATION: BEARER " + token)
        .containsEntry("lower", "authorization: bearer " + token);
    assertThat(CorpusPositives.caseVariants("Server=db;User Id=app;Password=" + password))
        .containsEntry("upper", "SERVER=db;USER ID=app;PASSWORD=" + password);
    String caseSensitive = "gh" + "p_" + s.alnum(36);
    assertThat(CorpusPositives.caseVariants(caseSensitive))
        .containsExactly(Map.entry("exact", caseSensitive));
  }

  @Test
  void spellingsOfAKeyWordAreSnakeCamelKebabDottedAndUpper() {
    assertThat(CorpusPositives.spellings("client_secret"))
        .containsExactly(
            Map.entry("snake", "client_secret"),
            Map.entry("camel", "clientSecret"),
            Map.entry("kebab", "client-secret"),
            Map.entry("dotted", "client.secret"),
            Map.entry("upper", "CLIENT_SECRET"));
    assertThat(CorpusPositives.spellings("password"))
        .containsExactly(
            Map.entry("snake", "password"),
            Map.entry("camel", "Password"),
            Map.entry("upper", "PASSWORD"));
  }

  @Test
  void negativesAreUniquelyNamedAndComeFromEverySource() {
    Set<String> ids = new HashSet<>();
    for (CorpusDocument document : negatives) {
      assertThat(ids.add(document.id())).as(document.id()).isTrue();
      assertThat(document.credential()).isFalse();
    }
    assertThat(negatives.stream().map(CorpusDocument::group).distinct())
        .contains(
            "github-rest-operations",
            "github-rest-schemas",
            "aws-sdk-models",
            "kubernetes-openapi",
            "openapi-specification-schemas",
            "github-webhook-schemas",
            "generated-identifiers",
            "generated-billing-references",
            "idp-metadata",
            "key-references",
            "ui-strings");
  }

  @Test
  void theTreeScanTheStreamedScanAndTheScreenAgreeOnEveryDocument() {
    assertThat(score.disagreements()).isEmpty();
  }

  @Test
  void theGuardRefusesThePositivesItMust() {
    assertThat(score.recall())
        .as(
            "recall on the corpus (%d missed; see %s)",
            score.missed().size(), REPORT.resolve("guard-corpus.md"))
        .isGreaterThanOrEqualTo(MIN_RECALL);
  }

  @Test
  void theGuardRefusesNoMoreNegativesThanAllowed() {
    assertThat(score.falsePositiveRate())
        .as(
            "false-positive rate on the corpus (%d refused; see %s)",
            score.falsePositives().size(), REPORT.resolve("guard-corpus.md"))
        .isLessThanOrEqualTo(MAX_FALSE_POSITIVE_RATE);
  }

  @Test
  void aGuardWithoutValueRulesMissesEveryValuePositiveAndTheReportNamesThem() {
    SecretGuard keysOnly =
        SecretGuard.builder().retainRules(r -> r.target() == SecretRule.Target.KEY).build();
    List<CorpusDocument> topLevel =
        positives.stream()
            .filter(
                d ->
                    d.kind().equals(CorpusPositives.VALUE_RULE)
                        && d.placement().equals(CorpusPositives.TOP_LEVEL))
            .collect(Collectors.toList());
    CorpusScore keysOnlyScore = CorpusScore.of(keysOnly, topLevel);
    assertThat(keysOnlyScore.recall()).isZero();
    String markdown = keysOnlyScore.markdown(1, 0);
    assertThat(markdown).contains("**0.0 %**");
    topLevel.stream().limit(100).forEach(d -> assertThat(markdown).contains("`" + d.id() + "`"));
  }

  @Test
  void aGuardThatRefusesEveryKeyRefusesEveryNegativeAndTheReportNamesRuleAndPath() {
    SecretGuard everyKey =
        SecretGuard.builder().addRule(SecretRule.key("every-key", "every key", ".")).build();
    List<CorpusDocument> some = negatives.stream().limit(50).collect(Collectors.toList());
    CorpusScore everyKeyScore = CorpusScore.of(everyKey, some);
    assertThat(everyKeyScore.falsePositiveRate()).isEqualTo(1.0);
    String first = everyKeyScore.falsePositives().get(0).findings().get(0).path();
    assertThat(everyKeyScore.markdown(1, 0)).contains("every-key at `" + first + "`");
    assertThat(everyKeyScore.json(1, 0)).contains("\"rule_id\": \"every-key\"");
  }

  @Test
  void theReportsNameDocumentsRulesAndPathsButNoCredential() {
    SecretGuard keysOnly =
        SecretGuard.builder().retainRules(r -> r.target() == SecretRule.Target.KEY).build();
    List<CorpusDocument> all = new ArrayList<>(positives);
    all.addAll(negatives.subList(0, 200));
    for (CorpusScore s : List.of(score, CorpusScore.of(keysOnly, all))) {
      String reports =
          s.markdown(MIN_RECALL, MAX_FALSE_POSITIVE_RATE)
              + s.json(MIN_RECALL, MAX_FALSE_POSITIVE_RATE);
      for (CorpusDocument positive : positives) {
        for (String secret : positive.secrets()) {
          if (secret.length() >= 8) {
            assertThat(reports.contains(secret)).as("%s in a report", positive.id()).isFalse();
          }
        }
      }
    }
  }
}
