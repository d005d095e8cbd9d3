package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One detection rule of a {@link SecretGuard}: a regular expression with a stable id, applied
 * either to JSON object keys or to string values. Instances are immutable and thread-safe, and
 * compare by identity.
 *
 * <p>A {@linkplain Target#VALUE value rule} runs {@link Matcher#find()} on a string value; it fires
 * if the pattern occurs anywhere in the string. Its {@linkplain #keywords() keywords} drive the
 * guard's prefilter: the pattern runs only on strings that contain one of the keywords, compared
 * case-insensitively. A value rule must therefore only match text that contains one of its keywords
 * (use part of the token prefix, such as {@code ghp_} or {@code akia}). A value rule without
 * keywords runs on every string, which costs throughput; keep such rules rare.
 *
 * <p>A {@linkplain Target#KEY key rule} runs {@link Matcher#find()} on the <em>normalised</em> key
 * (see {@link SecretGuard}): camelCase split into words, separators folded to {@code _}, lower
 * case, with benign compounds such as {@code token_count} replaced by {@code #}. For example {@code
 * (^|_)acme_pin(_|$)} matches the keys {@code acme_pin}, {@code acmePin} and {@code X-Acme-Pin}.
 *
 * <p>{@link #toString()} prints the id and target only, never a sample or a matched text.
 */
public final class SecretRule {
  /** What a rule is applied to. */
  public enum Target {
    /** JSON object keys (names of fields); findings have code {@code sensitive_field}. */
    KEY,
    /** String values; findings have code {@code sensitive_value}. */
    VALUE
  }

  /**
   * Accepts or vetoes one regex match, e.g. to skip a placeholder password in a URL; {@code text}
   * is the whole string the match was found in.
   */
  @FunctionalInterface
  interface MatchFilter {
    boolean accept(CharSequence text, Matcher match);
  }

  /**
   * Which values under a key that a key rule names are credential material. Whatever the policy,
   * null, numbers other than card security codes, booleans, placeholders and references (see {@link
   * SecretGuard}) never are, and an object is searched rather than refused as a whole.
   */
  enum ValuePolicy {
    /** Every other string (the reference's behaviour for a string value). */
    ANY_STRING,
    /**
     * Strings that look like credentials: a short abbreviation such as {@code pw} names more than
     * passwords.
     */
    CREDENTIAL_LIKE,
    /** Card security codes: any other string, and whole numbers too. */
    CARD_CODE
  }

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private final String id;
  private final String description;
  private final Target target;
  private final List<String> keywords;
  private final Pattern pattern;
  private final MatchFilter filter;
  private final ValuePolicy policy;

  /**
   * For key rules: whether a match counts only where the sensitive word is what the key names, i.e.
   * only words that carry a value ({@code value}, {@code old}, {@code b64} …) follow it, so that
   * {@code token_ttl_seconds} or {@code api_key_header_name} (a property of a credential) pass.
   */
  private final boolean head;

  /**
   * Whether every match provably starts at a keyword, so that the pattern is tried only there
   * ({@link Matcher#lookingAt()}) instead of at every position of the string.
   */
  private final boolean anchored;

  /** Set by {@link #withHelp}; null means the built-in text or the default. */
  private final String fullDescription;

  private final String remediation;

  private SecretRule(
      String id,
      String description,
      Target target,
      List<String> keywords,
      Pattern pattern,
      MatchFilter filter,
      boolean anchored,
      ValuePolicy policy,
      boolean head) {
    this(id, description, target, keywords, pattern, filter, anchored, policy, head, null, null);
  }

  private SecretRule(
      String id,
      String description,
      Target target,
      List<String> keywords,
      Pattern pattern,
      MatchFilter filter,
      boolean anchored,
      ValuePolicy policy,
      boolean head,
      String fullDescription,
      String remediation) {
    this.id = id;
    this.description = description;
    this.target = target;
    this.keywords = keywords;
    this.pattern = pattern;
    this.filter = filter;
    this.anchored = anchored;
    this.policy = policy;
    this.head = head;
    this.fullDescription = fullDescription;
    this.remediation = remediation;
  }

  /**
   * Creates a value rule.
   *
   * @param id stable lower-case kebab-case id, e.g. {@code acme-token}
   * @param description one line saying what the rule detects
   * @param regex a {@link Pattern} found anywhere in a string value
   * @param keywords printable-ASCII literals, one of which every match contains (compared
   *     case-insensitively, and with a digit standing for any digit; stored lower-case); none means
   *     the rule runs on every string. If the regex visibly starts with a keyword, as {@code
   *     acme_[a-z0-9]{32}} does with keyword {@code acme_} (lookbehinds, {@code \b}, inline flags
   *     and alternation groups of literals are understood), the guard tries it only where a keyword
   *     occurs, which is much faster. Only a keyword's first 8 chars are looked for; the regex
   *     confirms the rest
   * @throws ContractException with code {@code invalid_value} or {@code empty_value} and location
   *     {@code id}, {@code description}, {@code regex} or {@code keywords}
   */
  public static SecretRule value(String id, String description, String regex, String... keywords) {
    Objects.requireNonNull(keywords, "keywords");
    Pattern pattern = compile(checkId(id), regex);
    List<String> lower = checkKeywords(List.of(keywords));
    return new SecretRule(
        id,
        checkDescription(description),
        Target.VALUE,
        lower,
        pattern,
        null,
        LiteralPrefixes.startWithKeyword(regex, lower),
        ValuePolicy.ANY_STRING,
        false);
  }

  /**
   * Creates a key rule for an organisation-specific field name.
   *
   * @param id stable lower-case kebab-case id, e.g. {@code key-acme-pin}
   * @param description one line saying what the rule detects
   * @param normalizedKeyRegex a {@link Pattern} found anywhere in the normalised key
   * @throws ContractException with code {@code invalid_value} or {@code empty_value} and location
   *     {@code id}, {@code description} or {@code regex}
   */
  public static SecretRule key(String id, String description, String normalizedKeyRegex) {
    Pattern pattern = compile(checkId(id), normalizedKeyRegex);
    return new SecretRule(
        id,
        checkDescription(description),
        Target.KEY,
        List.of(),
        pattern,
        null,
        false,
        ValuePolicy.ANY_STRING,
        false);
  }

  /** A built-in value rule whose matches {@code filter} may veto. */
  static SecretRule value(
      String id, String description, String regex, MatchFilter filter, String... keywords) {
    SecretRule rule = value(id, description, regex, keywords);
    return new SecretRule(
        id,
        description,
        Target.VALUE,
        rule.keywords,
        rule.pattern,
        filter,
        rule.anchored,
        ValuePolicy.ANY_STRING,
        false);
  }

  /**
   * A built-in key rule that names a credential where its words head the key (see {@link #head});
   * {@code words} are the sensitive words it stands for (documentation).
   */
  static SecretRule key(
      String id, String description, String regex, ValuePolicy policy, List<String> words) {
    SecretRule rule = key(id, description, regex);
    return new SecretRule(
        id, description, Target.KEY, List.copyOf(words), rule.pattern, null, false, policy, true);
  }

  /** The stable id, lower-case kebab-case, e.g. {@code github-pat-classic} or {@code key-token}. */
  public String id() {
    return id;
  }

  /** One line saying what the rule detects. */
  public String description() {
    return description;
  }

  /** Whether the rule applies to keys or to string values. */
  public Target target() {
    return target;
  }

  /**
   * For value rules, the lower-case literals of the prefilter: the pattern runs only on strings
   * containing one of them. For built-in key rules, the sensitive words the rule stands for
   * (documentation only); empty for key rules made with {@link #key(String, String, String)}.
   */
  public List<String> keywords() {
    return keywords;
  }

  /** The pattern; see the class documentation for what it is applied to. */
  public Pattern pattern() {
    return pattern;
  }

  /** Whether every match starts at a keyword occurrence, so {@link #lookingAt} suffices. */
  boolean anchored() {
    return anchored;
  }

  /** For key rules: which values under a key it names are credential material. */
  ValuePolicy policy() {
    return policy;
  }

  /** For key rules: whether the sensitive words must head the key; see {@link #head}. */
  boolean head() {
    return head;
  }

  /** Whether {@code m}, over {@code text}, finds a match that the filter accepts. */
  boolean find(CharSequence text, Matcher m) {
    while (m.find()) {
      if (filter == null || filter.accept(text, m)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #matchAt} result: a match starting there was accepted. */
  static final int ACCEPTED = -1;

  /** {@link #matchAt} result: no match starts there. */
  static final int NONE = -2;

  /**
   * Tries a match that starts exactly at {@code start}: {@link #ACCEPTED}, {@link #NONE}, or the
   * end of a match that the filter vetoed. {@code m} has transparent bounds over a text of length
   * {@code end}.
   */
  int matchAt(CharSequence text, Matcher m, int start, int end) {
    m.region(start, end);
    if (!m.lookingAt()) {
      return NONE;
    }
    return filter == null || filter.accept(text, m) ? ACCEPTED : Math.max(m.end(), start + 1);
  }

  /**
   * What the rule finds and why that matters, in a few sentences of plain text ({@code `backticks`}
   * mark code), as code-scanning tools show it beside a finding. Built-in rules each have their
   * own; other rules have the text given to {@link #withHelp}, or else their description.
   *
   * @since 0.2
   */
  public String fullDescription() {
    if (fullDescription != null) {
      return fullDescription;
    }
    String builtIn = RuleHelp.finds(this);
    return builtIn != null ? builtIn : description;
  }

  /**
   * How to make a finding go away for good (revoke, rotate, refer to the secret instead), in plain
   * text. Built-in rules each have their own; other rules have the text given to {@link #withHelp},
   * or else {@link #DEFAULT_REMEDIATION}.
   *
   * @since 0.2
   */
  public String remediation() {
    if (remediation != null) {
      return remediation;
    }
    String builtIn = RuleHelp.fix(this);
    return builtIn != null ? builtIn : DEFAULT_REMEDIATION;
  }

  /**
   * The remediation of a rule that was given none: what holds for every credential.
   *
   * @since 0.2
   */
  public static final String DEFAULT_REMEDIATION =
      "Revoke or rotate the credential where it was issued, remove it from the document, and refer"
          + " to it by name instead (a `${NAME}` placeholder or a secret-manager reference).";

  /**
   * A copy of this rule with its own help texts, for {@link #fullDescription()} and {@link
   * #remediation()}.
   *
   * @throws ContractException with code {@code empty_value} and location {@code full_description}
   *     or {@code remediation} if a text is blank
   * @since 0.2
   */
  public SecretRule withHelp(String fullDescription, String remediation) {
    Objects.requireNonNull(fullDescription, "fullDescription");
    Objects.requireNonNull(remediation, "remediation");
    if (fullDescription.isBlank()) {
      throw ContractException.of(
          ErrorCode.EMPTY_VALUE, "full_description", "rule full description must not be empty");
    }
    if (remediation.isBlank()) {
      throw ContractException.of(
          ErrorCode.EMPTY_VALUE, "remediation", "rule remediation must not be empty");
    }
    return new SecretRule(
        id,
        description,
        target,
        keywords,
        pattern,
        filter,
        anchored,
        policy,
        head,
        fullDescription,
        remediation);
  }

  /** Prints {@code SecretRule[id=…, target=…]}: never a sample or matched text. */
  @Override
  public String toString() {
    return "SecretRule[id=" + id + ", target=" + target.name().toLowerCase(Locale.ROOT) + "]";
  }

  private static String checkId(String id) {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE, "id", "rule id must be lower-case kebab-case");
    }
    return id;
  }

  private static String checkDescription(String description) {
    Objects.requireNonNull(description, "description");
    if (description.isBlank()) {
      throw ContractException.of(
          ErrorCode.EMPTY_VALUE, "description", "rule description must not be empty");
    }
    return description;
  }

  private static Pattern compile(String id, String regex) {
    Objects.requireNonNull(regex, "regex");
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      // The exception's own message quotes the pattern; the id is enough to find it.
      throw ContractException.of(
          ErrorCode.INVALID_VALUE, "regex", "invalid regular expression in rule " + id);
    }
  }

  private static List<String> checkKeywords(List<String> keywords) {
    Set<String> lower = new LinkedHashSet<>();
    for (String keyword : keywords) {
      Objects.requireNonNull(keyword, "keyword");
      if (keyword.isEmpty()
          || !keyword.chars().allMatch(c -> c == '\t' || c == '\n' || (c >= 0x20 && c < 0x7f))) {
        throw ContractException.of(
            ErrorCode.INVALID_VALUE,
            "keywords",
            "keywords must be non-empty printable ASCII, tab or newline");
      }
      lower.add(keyword.toLowerCase(Locale.ROOT));
    }
    return List.copyOf(lower);
  }
}
