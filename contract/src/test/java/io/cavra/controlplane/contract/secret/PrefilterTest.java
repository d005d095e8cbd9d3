package io.cavra.controlplane.contract.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keyword automaton, the anchoring proof, and that the prefilter decides which regexes run. */
class PrefilterTest {
  private final Samples samples = new Samples(5L);

  @Test
  void automatonFindsExactlyTheOccurrencesANaiveSearchFinds() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      List<List<String>> keywords = new ArrayList<>();
      for (int rule = 0; rule < 1 + random.nextInt(70); rule++) {
        List<String> ruleKeywords = new ArrayList<>();
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
          // Mostly short, so they occur; some longer than the matched prefix.
          int length = random.nextInt(8) == 0 ? 1 + random.nextInt(12) : 1 + random.nextInt(4);
          ruleKeywords.add(randomText(random, "ab_-c", length).toLowerCase(Locale.ROOT));
        }
        keywords.add(ruleKeywords);
      }
      KeywordAutomaton automaton = new KeywordAutomaton(keywords);
      // Up to 400 chars: texts of 16 chars or more are walked as three segments side by side, and
      // strings of 64 or more from a byte copy instead of in place; both must agree. U+0161 stands
      // for the chars above Latin-1, which both read by their low byte ('a').
      String text =
          randomText(random, "aAbBc_-xé\u0161", random.nextInt(round % 4 == 0 ? 400 : 120));
      Hits hits = new Hits(keywords.size());
      char[] padded = ("##" + text + "##").toCharArray();
      Hits fromChars = new Hits(keywords.size());

      boolean any = automaton.scan(text, hits);
      automaton.scan(padded, 2, text.length(), fromChars);

      Set<String> expected = naiveOccurrences(text, keywords);
      assertThat(occurrences(hits)).as(text).isEqualTo(expected);
      assertThat(occurrences(fromChars)).as(text).isEqualTo(expected);
      assertThat(any).isEqualTo(!expected.isEmpty());
    }
  }

  @Test
  void aLongKeywordIsFoundByItsPrefixAtItsStart() {
    KeywordAutomaton automaton = new KeywordAutomaton(List.of(List.of("abcdefghijkl")));
    String text = "x".repeat(30) + "ABCDEFGH-not-the-rest" + "x".repeat(30);
    Hits hits = new Hits(1);

    assertThat(automaton.scan(text, hits)).isTrue();
    assertThat(occurrences(hits)).containsExactly("30:0");
  }

  @Test
  void occurrencesFromSideBySideWalksAreSortedByStart() {
    KeywordAutomaton automaton = new KeywordAutomaton(List.of(List.of("ab"), List.of("cd")));
    // Long enough for three walks, with occurrences in every segment.
    String text = ("ab" + "x".repeat(10) + "cd" + "y".repeat(10)).repeat(4);
    Hits hits = new Hits(2);
    automaton.scan(text, hits);

    hits.sortByStart();

    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      starts.add(hits.start(i));
      assertThat(text.substring(hits.start(i), hits.start(i) + 2))
          .isEqualTo(hits.rule(i) == 0 ? "ab" : "cd");
    }
    assertThat(starts).hasSize(8).isSorted();
  }

  @Test
  void charsAboveLatin1NeitherHideAKeywordNorMakeAFinding() {
    String body = samples.from(Samples.UPPER_ALNUM, 16);
    // U+016B's low byte is 'k': the automaton may take "A\u016BIA" for a candidate, the regex not.
    String lookalike = "\u4E2D\u6587 A\u016BIA" + body + " \u4E2D";
    String real = "\u4E2D\u6587 AK" + "IA" + body + " \u4E2D";

    assertThat(SecretGuard.builtIn().checkText(lookalike)).isEmpty();
    assertThat(SecretGuard.builtIn().checkText(real))
        .hasValueSatisfying(finding -> assertThat(finding.ruleId()).isEqualTo("aws-access-key-id"));
  }

  @Test
  void automatonIsAsciiCaseInsensitiveOnly() {
    KeywordAutomaton automaton = new KeywordAutomaton(List.of(List.of("akia")));
    Hits hits = new Hits(1);
    assertThat(automaton.scan("xAkIa", hits)).isTrue();
    assertThat(automaton.scan("a\u212Aia", new Hits(1))).isFalse(); // Kelvin sign is not K
  }

  @Test
  void stringWithoutKeywordsRunsNoRegex() {
    List<Integer> runs = new ArrayList<>();
    SecretGuard probed = SecretGuard.builtIn().withRegexProbe(runs::add);
    probed.scan(
        List.of(
            "tenant-demo requires the private service",
            "See docs/architecture.md",
            "policy registry readiness: 42 checks"),
        "payload");
    assertThat(runs).isEmpty();
  }

  @Test
  void onlyRulesWhoseKeywordOccursRunTheirRegex() {
    List<Integer> runs = new ArrayList<>();
    SecretGuard probed = SecretGuard.builtIn().withRegexProbe(runs::add);
    probed.checkText("rotate ghp_ tokens and use the Bearer scheme");
    assertThat(runs.stream().map(i -> probed.values().rule(i).id()).collect(Collectors.toList()))
        .containsExactly("github-pat-classic", "http-bearer-token", "credential-assignment");
  }

  @Test
  void regexesStopAtTheFirstMatchingRule() {
    List<Integer> runs = new ArrayList<>();
    SecretGuard probed = SecretGuard.builtIn().withRegexProbe(runs::add);
    probed.checkText("ghp_" + samples.alnum(36) + " Bearer " + samples.alnum(30));
    assertThat(runs).hasSize(1);
  }

  @Test
  void builtInValueRulesAreAnchoredAtTheirKeywordsUnlessTheirKeywordIsInside() {
    List<String> unanchored =
        BuiltInRules.VALUE_RULES.stream()
            .filter(r -> !r.anchored())
            .map(SecretRule::id)
            .collect(Collectors.toList());
    assertThat(unanchored)
        .containsExactly(
            "firebase-cloud-messaging-key",
            "azure-ad-client-secret",
            "openai-api-key",
            "telegram-bot-token",
            "mailchimp-api-key",
            "twitter-bearer-token",
            "terraform-cloud-token",
            "payment-card-number");
  }

  @Test
  void copiesOfBuiltInRulesMadeThroughThePublicFactoryAreAnchoredAlike() {
    for (SecretRule rule : BuiltInRules.VALUE_RULES) {
      SecretRule copy =
          SecretRule.value(
              rule.id() + "-copy",
              rule.description(),
              rule.pattern().pattern(),
              rule.keywords().toArray(new String[0]));
      assertThat(copy.anchored()).as(rule.id()).isEqualTo(rule.anchored());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " ; ",
      value = {
        "acme_[a-z0-9]{32} ; acme_ ; true",
        "(?i)ACME_x ; acme_ ; true",
        "(?<![A-Za-z0-9])acme_x ; acme_ ; true",
        "\\bacme\\.io ; acme. ; true",
        "(?:sk|rk)_live_x ; sk_live_ rk_live_ ; true",
        "sk_(?:live|test)_x ; sk_live_ sk_test_ ; true",
        "gh[pousr]_x ; ghp_ gho_ ghu_ ghs_ ghr_ ; true",
        "gh[pousr]_x ; ghp_ gho_ ; false",
        "(?i:acme)-key ; acme- ; true",
        "(?<name>acme)_ ; acme_ ; true",
        "acme|x ; acme ; false",
        "x ; acme_ ; false",
        "(?x)acme_ ; acme_ ; false",
        "ac?me_ ; acme_ ; false",
        "(acme_)?x ; acme_ ; false",
        "(acme_)+x ; acme_ ; false",
        "\\Qacme_\\E ; acme_ ; false",
        "[a]cme_ ; acme_ ; true",
        "[a-c]cme_ ; acme_ ; false",
        ".acme_ ; acme_ ; false",
        "\\wacme_ ; acme_ ; false",
        "acm ; acme_ ; false",
        "(?>acme_) ; acme_ ; false",
        "x(?=acme_)acme_ ; acme_ ; false",
      })
  void literalPrefixesAreProvedConservatively(String regex, String keywords, boolean anchored) {
    assertThat(LiteralPrefixes.startWithKeyword(regex, List.of(keywords.split(" "))))
        .isEqualTo(anchored);
  }

  @Test
  void anchoredAndUnanchoredMatchingAgreeOnSamples() {
    // The same rule, once anchored (proof) and once forced to search everywhere (no keywords).
    for (SecretRule rule : BuiltInRules.VALUE_RULES) {
      SecretGuard anchored = SecretGuard.builder().retainRules(r -> r == rule).build();
      SecretGuard everywhere =
          SecretGuard.builder()
              .retainRules(r -> false)
              .addRule(SecretRule.value(rule.id(), rule.description(), rule.pattern().pattern()))
              .build();
      for (String sample : Samples.all().get(rule.id()).truePositives()) {
        if (rule.id().startsWith("http-") || rule.id().equals("basic-auth-url")) {
          continue; // their filters are package-private; the samples test covers them
        }
        assertThat(anchored.checkText(sample).isPresent())
            .as(rule.id())
            .isEqualTo(everywhere.checkText(sample).isPresent())
            .isTrue();
      }
    }
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static Set<String> naiveOccurrences(String text, List<List<String>> keywords) {
    Set<String> found = new TreeSet<>();
    String lower = text.replace('A', 'a').replace('B', 'b').replace('\u0161', 'a');
    for (int rule = 0; rule < keywords.size(); rule++) {
      for (String full : keywords.get(rule)) {
        String keyword = full.substring(0, Math.min(full.length(), KeywordAutomaton.PREFIX));
        for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
          found.add(at + ":" + rule);
        }
      }
    }
    return found;
  }

  private static Set<String> occurrences(Hits hits) {
    Set<String> found = new TreeSet<>();
    for (int i = 0; i < hits.size(); i++) {
      found.add(hits.start(i) + ":" + hits.rule(i));
      assertThat(hits.rules[hits.rule(i) >>> 6] & (1L << hits.rule(i))).isNotZero();
    }
    return found;
  }
}
