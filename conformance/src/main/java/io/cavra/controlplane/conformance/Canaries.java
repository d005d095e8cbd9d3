package io.cavra.controlplane.conformance;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Fresh canary credentials for one run: each kind is built from a known prefix and a random core,
 * so that no committed file holds credential-shaped text and a target cannot know the values in
 * advance. The core (letters, digits and dashes only, so JSON never escapes it) is what the kit
 * looks for in answers.
 */
final class Canaries {
  /** The kinds vectors may plant, with their documentation in {@code index.json}. */
  static final List<String> KINDS =
      List.of("github-classic", "slack-bot", "stripe-live", "private-key-pem", "aws-access-key");

  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String DIGITS = "0123456789";
  private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final Map<String, String> values;
  private final Map<String, String> cores;

  private Canaries(Map<String, String> values, Map<String, String> cores) {
    this.values = values;
    this.cores = cores;
  }

  /** A new set of canaries from {@code random}. */
  static Canaries fresh(SecureRandom random) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> cores = new LinkedHashMap<>();
    // Prefixes are split so that this source holds no credential-shaped literal.
    String github = random(random, ALNUM, 36);
    put(values, cores, "github-classic", "gh" + "p_" + github, github);
    String slack =
        random(random, DIGITS, 12)
            + "-"
            + random(random, DIGITS, 13)
            + "-"
            + random(random, ALNUM, 24);
    put(values, cores, "slack-bot", "xo" + "xb-" + slack, slack);
    String stripe = random(random, ALNUM, 32);
    put(values, cores, "stripe-live", "sk_" + "live_" + stripe, stripe);
    String key = random(random, ALNUM, 64);
    String label = "RSA PRIV" + "ATE KEY";
    put(
        values,
        cores,
        "private-key-pem",
        "-----BEGIN " + label + "-----\n" + key + "\n-----END " + label + "-----",
        key);
    String aws = random(random, UPPER_ALNUM, 16);
    put(values, cores, "aws-access-key", "AK" + "IA" + aws, aws);
    return new Canaries(values, cores);
  }

  private static void put(
      Map<String, String> values,
      Map<String, String> cores,
      String kind,
      String value,
      String core) {
    values.put(kind, value);
    cores.put(kind, core);
  }

  private static String random(SecureRandom random, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /**
   * The request body of {@code template} with every placeholder replaced by its canary,
   * JSON-escaped.
   */
  String plant(String template) {
    Matcher matcher = ConformanceCase.placeholder().matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 64);
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException("unknown canary kind " + matcher.group(1));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(jsonEscape(value)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The kind of the first canary found in {@code text}, if any. */
  Optional<String> foundIn(CharSequence text) {
    if (text == null) {
      return Optional.empty();
    }
    String haystack = text.toString();
    for (Map.Entry<String, String> core : cores.entrySet()) {
      if (haystack.contains(core.getValue())) {
        return Optional.of(core.getKey());
      }
    }
    return Optional.empty();
  }

  /** {@code text} with every canary core replaced by its placeholder, for reports. */
  String redact(String text) {
    String out = text;
    for (Map.Entry<String, String> core : cores.entrySet()) {
      out = out.replace(core.getValue(), "@@CANARY:" + core.getKey() + "@@");
    }
    return out;
  }

  private static String jsonEscape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
