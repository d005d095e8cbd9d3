package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.secret.SecretFinding;
import io.cavra.controlplane.contract.secret.SecretGuard;
import io.cavra.controlplane.contract.secret.SecretRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The only place the CLI calls the contract's secret guard, so that {@code scan} depends on one
 * small surface: "all findings in a JSON tree", "the credentials in a line of text", "does this key
 * name a credential", and "the rules".
 */
final class GuardScanner {
  /** One finding in a tree: what kind, which rule, where. Never the value. */
  record Finding(ErrorCode code, String ruleId, String path) {}

  /** A credential inside a line of text: its rule and its span, {@code [start, end)} in chars. */
  record TextMatch(String ruleId, int start, int end) {}

  /** A rule as listed in SARIF output, with its help texts. */
  record Rule(
      String id,
      String description,
      String fullDescription,
      String remediation,
      boolean valueRule) {}

  private final SecretGuard guard;

  GuardScanner(SecretGuard guard) {
    this.guard = guard;
  }

  static GuardScanner defaults() {
    return new GuardScanner(SecretGuard.defaults());
  }

  /** The default guard plus an organisation's rules file. */
  static GuardScanner withRulesFile(Path rules) {
    return new GuardScanner(SecretGuard.defaults().toBuilder().addRulesFile(rules).build());
  }

  /** All findings in a parsed JSON tree, with JSON paths rooted at {@code $}. */
  List<Finding> scan(Object tree) {
    return guard.scan(tree, "$").stream()
        .map(f -> new Finding(f.code(), f.ruleId(), f.path()))
        .toList();
  }

  /**
   * The key rule that {@code key} falls under when it holds {@code value} ({@code null} for no
   * value), as {@link SecretGuard#scan} decides it for a one-entry object: null and placeholder
   * values name no secret.
   */
  Optional<String> keyRule(String key, Object value) {
    // Whether a key rule fires depends on the value too (some rules want a credential-like value,
    // card-code rules three or four digits), so every pair goes to the guard.
    for (SecretFinding finding : guard.scan(Collections.singletonMap(key, value), "$")) {
      if (finding.code() == ErrorCode.SENSITIVE_FIELD) {
        return Optional.of(finding.ruleId());
      }
    }
    return Optional.empty();
  }

  /**
   * Every credential in a line of text, left to right, without overlaps. The guard's one pass
   * decides whether there is any; only then are the value rules' patterns run to place each match,
   * and each placed match is confirmed by the guard on its own, so that a rule's filters (such as
   * placeholders in URLs) still apply. If the guard finds something that no match explains on its
   * own (a rule that needs the line's context), it is placed at its rule's first match, or at the
   * whole line.
   */
  List<TextMatch> textMatches(String line) {
    Optional<SecretFinding> any = guard.checkText(line);
    if (any.isEmpty()) {
      return List.of();
    }
    List<TextMatch> candidates = new ArrayList<>();
    for (SecretRule rule : guard.rules()) {
      if (rule.target() != SecretRule.Target.VALUE) {
        continue;
      }
      Matcher m = rule.pattern().matcher(line);
      m.useTransparentBounds(true);
      while (m.find()) {
        if (m.end() == m.start()) {
          continue;
        }
        Optional<SecretFinding> confirmed = guard.checkText(line.substring(m.start(), m.end()));
        if (confirmed.isPresent()) {
          candidates.add(new TextMatch(confirmed.get().ruleId(), m.start(), m.end()));
        }
      }
    }
    if (candidates.isEmpty()) {
      // The guard's rule needs the whole line (context, filters): place it at its own first match.
      for (SecretRule rule : guard.rules()) {
        if (rule.id().equals(any.get().ruleId())) {
          Matcher m = rule.pattern().matcher(line);
          if (m.find() && m.end() > m.start()) {
            return List.of(new TextMatch(rule.id(), m.start(), m.end()));
          }
        }
      }
      int start = 0;
      int end = line.length();
      while (start < end && Character.isWhitespace(line.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
        end--;
      }
      return List.of(new TextMatch(any.get().ruleId(), start, Math.max(end, start + 1)));
    }
    candidates.sort(
        Comparator.comparingInt(TextMatch::start).thenComparing(t -> -(t.end() - t.start())));
    List<TextMatch> placed = new ArrayList<>();
    int covered = -1;
    for (TextMatch match : candidates) {
      if (match.start() >= covered) {
        placed.add(match);
        covered = match.end();
      }
    }
    return placed;
  }

  /**
   * Whether text is credential material by itself (the guard then writes a key as {@code
   * <redacted>}).
   */
  boolean isCredentialText(String text) {
    return guard.checkText(text).isPresent();
  }

  /** The guard's rules, in its order. */
  List<Rule> rules() {
    return guard.rules().stream()
        .map(
            r ->
                new Rule(
                    r.id(),
                    r.description(),
                    r.fullDescription(),
                    r.remediation(),
                    r.target() == SecretRule.Target.VALUE))
        .toList();
  }
}
