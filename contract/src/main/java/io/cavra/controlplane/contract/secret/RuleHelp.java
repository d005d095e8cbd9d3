package io.cavra.controlplane.contract.secret;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The help texts of the built-in rules, read once from {@code rule-help.properties} beside this
 * class: {@code <id>.finds} and {@code <id>.fix}. Only a rule that is itself built in (compared by
 * identity) gets them, so an organisation's rule that reuses a removed built-in id keeps its own.
 */
final class RuleHelp {
  static final String RESOURCE = "rule-help.properties";

  private RuleHelp() {}

  /** What the built-in rule finds, or null for a rule that is not built in. */
  static String finds(SecretRule rule) {
    return text(rule, ".finds");
  }

  /** How to fix a finding of the built-in rule, or null for a rule that is not built in. */
  static String fix(SecretRule rule) {
    return text(rule, ".fix");
  }

  private static String text(SecretRule rule, String suffix) {
    if (!isBuiltIn(rule)) {
      return null;
    }
    return Texts.ALL.getProperty(rule.id() + suffix);
  }

  static boolean isBuiltIn(SecretRule rule) {
    for (SecretRule builtIn : BuiltInRules.all()) {
      if (builtIn == rule) {
        return true;
      }
    }
    return false;
  }

  /** Every key of the resource (tests check them against the built-in rules). */
  static Properties all() {
    Properties copy = new Properties();
    copy.putAll(Texts.ALL);
    return copy;
  }

  private static final class Texts {
    static final Properties ALL = load();

    private static Properties load() {
      Properties properties = new Properties();
      try (InputStream in = RuleHelp.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
      return properties;
    }
  }
}
