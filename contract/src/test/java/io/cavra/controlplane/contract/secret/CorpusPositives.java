package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.ContractJson;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus's credential-bearing documents, generated at test time so that no credential-shaped
 * literal is committed. Driven by the guard's rule list and {@link Samples}: a rule added later
 * gets its placements without a change here.
 *
 * <ul>
 *   <li>every true-positive sample of every value rule of {@link SecretGuard#builtIn()} in six
 *       placements ({@link #PLACEMENTS}); the case variants change only what the format leaves
 *       case-insensitive (URL schemes and hosts, HTTP header names, authentication schemes,
 *       connection-string keys), and are the exact case where the format has none;
 *   <li>every sensitive key word ({@link SecretGuard#sensitiveKeyWords()}) as a key, in snake,
 *       camel, kebab, dotted and upper spellings, with a generated credential-like value;
 *   <li>every sensitive key word as a name in a CLI line, an assignment, and the name/value
 *       environment lists of Kubernetes and ECS;
 *   <li>credential objects under abbreviated names; cardholder data (Luhn-valid card numbers of
 *       every network, card security codes).
 * </ul>
 */
final class CorpusPositives {
  static final String TOP_LEVEL = "top-level";
  static final String NESTED_OBJECT = "nested-object";
  static final String ARRAY_ELEMENT = "array-element";
  static final String SENTENCE = "sentence";
  static final String MAP_KEY = "map-key";
  static final String CASE_VARIANT = "case-variant";

  /** Where every value rule's samples are placed; the columns of the recall table. */
  static final List<String> PLACEMENTS =
      List.of(TOP_LEVEL, NESTED_OBJECT, ARRAY_ELEMENT, SENTENCE, MAP_KEY, CASE_VARIANT);

  /** The spellings of key-named credentials; the columns of their recall table. */
  static final List<String> SPELLINGS = List.of("snake", "camel", "kebab", "dotted", "upper");

  static final String VALUE_RULE = "value-rule";
  static final String KEY_NAMED = "key-named";
  static final String CLI_LINE = "cli-line";
  static final String ASSIGNMENT = "assignment";
  static final String ENV_LIST = "env-list";
  static final String ABBREVIATED = "abbreviated";
  static final String CARD_NUMBER = "card-number";
  static final String CARD_SECURITY_CODE = "card-security-code";

  private static final String PASSWORD_CHARS = Samples.ALNUM + "!#%&+-=@_";

  /** Segments that a format leaves case-insensitive. */
  private static final Pattern URL =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*)://([^/@\\s]*@)?([^/:?#\\s@;]+)");

  private static final Pattern HEADER_NAME =
      Pattern.compile("(?i)\\b(proxy-authorization|authorization)(?=\\s*:)");
  private static final Pattern AUTH_SCHEME =
      Pattern.compile("(?i)(?<![\\w-])(bearer|basic|token|sharedkey|digest)(?=\\s+\\S)");
  private static final Pattern CONNECTION_STRING_KEY =
      Pattern.compile("(?:^|;)\\s*([A-Za-z][A-Za-z0-9 ]*?)\\s*=");

  private final SecretGuard guard;
  private final Map<String, Samples.RuleSamples> samples;
  private final Samples random = new Samples(20261202L);
  private final List<CorpusDocument> documents = new ArrayList<>();

  private CorpusPositives(SecretGuard guard, Map<String, Samples.RuleSamples> samples) {
    this.guard = guard;
    this.samples = samples;
  }

  /** Every positive for the built-in rules and {@link Samples#all()}. */
  static List<CorpusDocument> all() {
    return of(SecretGuard.builtIn(), Samples.all());
  }

  /** Every positive for {@code guard}'s value and key rules, from {@code samples}. */
  static List<CorpusDocument> of(SecretGuard guard, Map<String, Samples.RuleSamples> samples) {
    CorpusPositives positives = new CorpusPositives(guard, samples);
    positives.valueRules();
    positives.keyNamed();
    positives.namedInText();
    positives.abbreviated();
    positives.cards();
    return List.copyOf(positives.documents);
  }

  private void valueRules() {
    for (SecretRule rule : guard.rules()) {
      Samples.RuleSamples ruleSamples = samples.get(rule.id());
      if (rule.target() != SecretRule.Target.VALUE || ruleSamples == null) {
        continue;
      }
      int n = 0;
      for (String sample : ruleSamples.truePositives()) {
        String id = "value/" + rule.id() + "/" + n++ + "/";
        add(
            id + TOP_LEVEL,
            VALUE_RULE,
            rule.id(),
            TOP_LEVEL,
            object("catalog_scope", sample),
            sample);
        add(
            id + NESTED_OBJECT,
            VALUE_RULE,
            rule.id(),
            NESTED_OBJECT,
            object("integration", object("settings", object("comment", sample))),
            sample);
        add(
            id + ARRAY_ELEMENT,
            VALUE_RULE,
            rule.id(),
            ARRAY_ELEMENT,
            object("blockers", List.of("approval workflow pending", sample)),
            sample);
        add(
            id + SENTENCE,
            VALUE_RULE,
            rule.id(),
            SENTENCE,
            object(
                "message",
                "Rotated the billing-sync integration to "
                    + sample
                    + " during the incident; see the runbook for the follow-up."),
            sample);
        Map<String, Object> labels = object("team", "platform");
        labels.put(sample, "owner");
        add(id + MAP_KEY, VALUE_RULE, rule.id(), MAP_KEY, object("labels", labels), sample);
        caseVariants(sample)
            .forEach(
                (name, variant) ->
                    add(
                        id + CASE_VARIANT + "-" + name,
                        VALUE_RULE,
                        rule.id(),
                        CASE_VARIANT,
                        object("catalog_scope", variant),
                        variant));
      }
    }
  }

  /**
   * The sample with its case-insensitive segments upper-cased and lower-cased ({@code upper},
   * {@code lower}), each where it differs from the sample; the sample itself ({@code exact}) if the
   * format has no such segment.
   */
  static Map<String, String> caseVariants(String sample) {
    Map<String, String> variants = new LinkedHashMap<>();
    for (boolean upper : new boolean[] {true, false}) {
      String variant = foldSegments(sample, upper);
      if (!variant.equals(sample) && !variants.containsValue(variant)) {
        variants.put(upper ? "upper" : "lower", variant);
      }
    }
    if (variants.isEmpty()) {
      variants.put("exact", sample);
    }
    return variants;
  }

  private static String foldSegments(String sample, boolean upper) {
    char[] chars = sample.toCharArray();
    List<int[]> segments = new ArrayList<>();
    Matcher url = URL.matcher(sample);
    while (url.find()) {
      segments.add(new int[] {url.start(1), url.end(1)});
      segments.add(new int[] {url.start(3), url.end(3)});
    }
    for (Pattern pattern : List.of(HEADER_NAME, AUTH_SCHEME)) {
      Matcher m = pattern.matcher(sample);
      while (m.find()) {
        segments.add(new int[] {m.start(1), m.end(1)});
      }
    }
    if (sample.indexOf(';') >= 0) {
      List<int[]> keys = new ArrayList<>();
      Matcher m = CONNECTION_STRING_KEY.matcher(sample);
      while (m.find()) {
        keys.add(new int[] {m.start(1), m.end(1)});
      }
      if (keys.size() >= 2) {
        segments.addAll(keys);
      }
    }
    for (int[] segment : segments) {
      for (int i = segment[0]; i < segment[1]; i++) {
        chars[i] = upper ? Character.toUpperCase(chars[i]) : Character.toLowerCase(chars[i]);
      }
    }
    return new String(chars);
  }

  private void keyNamed() {
    for (String word : SecretGuard.sensitiveKeyWords()) {
      String rule = keyRuleOf(word);
      List<String> names = new ArrayList<>(List.of(word));
      String compound = variableName(word);
      if (word.indexOf('_') < 0 && !compound.equals(word)) {
        // A one-word key has no kebab or dotted spelling of its own: spell a compound too.
        names.add(compound);
      }
      for (String name : names) {
        spellings(name)
            .forEach(
                (spelling, key) -> {
                  String value = credentialLike();
                  Map<String, Object> integration = object("name", "billing-sync");
                  integration.put(key, value);
                  add(
                      "key/" + name + "/" + spelling,
                      KEY_NAMED,
                      rule,
                      spelling,
                      object("integration", integration),
                      value);
                });
      }
    }
  }

  /**
   * The word's spellings by {@link #SPELLINGS} name, without repeats (one-word keys have three).
   */
  static Map<String, String> spellings(String snakeWord) {
    String[] parts = snakeWord.split("_");
    StringBuilder camel = new StringBuilder(parts.length == 1 ? capitalize(parts[0]) : parts[0]);
    for (int i = 1; i < parts.length; i++) {
      camel.append(capitalize(parts[i]));
    }
    Map<String, String> spellings = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> keys =
        List.of(
            snakeWord,
            camel.toString(),
            String.join("-", parts),
            String.join(".", parts),
            snakeWord.toUpperCase(Locale.ROOT));
    for (int i = 0; i < keys.size(); i++) {
      if (seen.add(keys.get(i))) {
        spellings.put(SPELLINGS.get(i), keys.get(i));
      }
    }
    return spellings;
  }

  private static String capitalize(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** The first key rule that names the word, as the guard normalises keys. */
  private String keyRuleOf(String word) {
    String normalized = KeyMatcher.normalize(word);
    for (SecretRule rule : guard.rules()) {
      if (rule.target() == SecretRule.Target.KEY && rule.pattern().matcher(normalized).find()) {
        return rule.id();
      }
    }
    return "key-rules";
  }

  /**
   * A name for the word as a variable: {@code app_<word>} where the key rules cover that longer
   * name, else the word alone (the whole-key words, such as {@code cookie}).
   */
  private String variableName(String word) {
    String prefixed = "app_" + word;
    return guard.scan(Map.of(prefixed, "v"), "$").isEmpty() ? word : prefixed;
  }

  private void namedInText() {
    for (String word : SecretGuard.sensitiveKeyWords()) {
      String name = variableName(word);
      String upper = name.toUpperCase(Locale.ROOT);
      String value = credentialLike();
      add(
          "cli/" + word,
          CLI_LINE,
          word,
          "text",
          object("command", "tool configure set " + name + " " + value),
          value);
      value = credentialLike();
      add(
          "assignment/" + word,
          ASSIGNMENT,
          word,
          "text",
          object("line", upper + "=" + value),
          value);
      value = credentialLike();
      Map<String, Object> container = object("name", "app");
      container.put("image", "registry.example.com/app:1.4.2");
      container.put("env", List.of(nameValue("LOG_LEVEL", "info"), nameValue(upper, value)));
      add(
          "env/kubernetes/" + word,
          ENV_LIST,
          word,
          "kubernetes",
          object("spec", object("containers", List.of(container))),
          value);
      value = credentialLike();
      Map<String, Object> definition = object("name", "app");
      definition.put(
          "environment", List.of(nameValue("REGION", "eu-west-1"), nameValue(upper, value)));
      add(
          "env/ecs/" + word,
          ENV_LIST,
          word,
          "ecs",
          object("containerDefinitions", List.of(definition)),
          value);
    }
  }

  private static Map<String, Object> nameValue(String name, String value) {
    Map<String, Object> entry = object("name", name);
    entry.put("value", value);
    return entry;
  }

  private void abbreviated() {
    String[][] shapes = {
      {"login", "usr", "etl", "pwd"},
      {"db", "user", "app", "pass"},
      {"smtp", "username", "mailer", "pw"},
      {"ftp", "uid", "ingest", "psw"},
      {"mailbox", "login", "alerts", "pswd"},
      {"sftp_login", "user", "backup", "passwd"},
      {"basic_auth", "user", "ops", "pass"},
      {"creds", "id", "svc-reporting", "pw"},
      {"auth", "usr", "deploy", "pword"},
    };
    for (String[] shape : shapes) {
      String value = credentialLike();
      Map<String, Object> inner = object(shape[1], shape[2]);
      inner.put(shape[3], value);
      add(
          "abbreviated/" + shape[0] + "/" + shape[3],
          ABBREVIATED,
          shape[0] + "." + shape[3],
          "object",
          object(shape[0], inner),
          value);
    }
  }

  /** Issuer prefixes and lengths of the card networks. */
  private static final Object[][] NETWORKS = {
    {"visa", new String[] {"4"}, new int[] {13, 16, 19}},
    {"mastercard", new String[] {"51", "53", "55", "2221", "2720"}, new int[] {16}},
    {"amex", new String[] {"34", "37"}, new int[] {15}},
    {"discover", new String[] {"6011", "65", "644"}, new int[] {16, 19}},
    {"jcb", new String[] {"3528", "3589"}, new int[] {16}},
    {"diners", new String[] {"36", "300", "305"}, new int[] {14}},
    {"unionpay", new String[] {"62"}, new int[] {16, 19}},
  };

  private void cards() {
    for (Object[] network : NETWORKS) {
      String name = (String) network[0];
      for (String prefix : (String[]) network[1]) {
        for (int length : (int[]) network[2]) {
          String pan =
              luhnComplete(prefix + random.from("0123456789", length - prefix.length() - 1));
          String id = "card/" + name + "/" + prefix + "/" + length + "/";
          add(id + "digits", CARD_NUMBER, name, "digits", object("reference", pan), pan);
          String spaced = grouped(pan, " ");
          add(
              id + "spaces",
              CARD_NUMBER,
              name,
              "spaces",
              object("payment", object("customer_note", spaced)),
              spaced);
          String dashed = grouped(pan, "-");
          add(
              id + "dashes",
              CARD_NUMBER,
              name,
              "dashes",
              object("items", List.of("renewal", dashed)),
              dashed);
          add(
              id + "in-text",
              CARD_NUMBER,
              name,
              "in-text",
              object(
                  "message",
                  "Customer paid the March invoice with card "
                      + spaced
                      + " and asked for a receipt."),
              spaced);
          add(
              id + "number",
              CARD_NUMBER,
              name,
              "number",
              object("account_number", new BigInteger(pan)),
              pan);
        }
      }
    }
    for (String key : List.of("cvv", "CVV", "cvc", "card_security_code", "cardSecurityCode")) {
      String code = random.from("0123456789", 3);
      Map<String, Object> card = object("brand", "visa");
      card.put(key, code);
      add(
          "cvc/" + key + "/string",
          CARD_SECURITY_CODE,
          key,
          "string",
          object("payment_method", card),
          code);
      Map<String, Object> numeric = object("brand", "amex");
      String four = "1" + random.from("0123456789", 3);
      numeric.put(key, Integer.parseInt(four));
      add(
          "cvc/" + key + "/number",
          CARD_SECURITY_CODE,
          key,
          "number",
          object("payment_method", numeric),
          four);
    }
  }

  /** {@code partial} with the Luhn check digit appended. */
  static String luhnComplete(String partial) {
    int sum = 0;
    for (int i = partial.length() - 1, position = 0; i >= 0; i--, position++) {
      int digit = partial.charAt(i) - '0';
      if (position % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return partial + (10 - sum % 10) % 10;
  }

  /** Whether the digits pass the Luhn check. */
  static boolean luhnValid(String digits) {
    return luhnComplete(digits.substring(0, digits.length() - 1)).equals(digits);
  }

  /** Groups as printed on cards: 4-6-5 for 15 digits, 4-6-4 for 14, else fours. */
  static String grouped(String pan, String separator) {
    int[] sizes =
        pan.length() == 15 ? new int[] {4, 6, 5} : pan.length() == 14 ? new int[] {4, 6, 4} : null;
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (int g = 0; at < pan.length(); g++) {
      int size = sizes == null ? 4 : sizes[g];
      if (at > 0) {
        sb.append(separator);
      }
      sb.append(pan, at, Math.min(pan.length(), at + size));
      at += size;
    }
    return sb.toString();
  }

  /** A generated password-like string: letters, digits and a few symbols, with a digit. */
  private String credentialLike() {
    return random.from(PASSWORD_CHARS, 23) + random.from("0123456789", 1);
  }

  private void add(
      String id, String kind, String group, String placement, Object tree, String secret) {
    @SuppressWarnings("unchecked")
    Map<String, ?> map = (Map<String, ?>) tree;
    documents.add(
        new CorpusDocument(
            id, kind, group, placement, true, ContractJson.toJson(map, false), List.of(secret)));
  }

  private static Map<String, Object> object(String key, Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key, value);
    return map;
  }
}
