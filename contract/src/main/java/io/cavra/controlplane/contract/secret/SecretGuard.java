package io.cavra.controlplane.contract.secret;

import com.fasterxml.jackson.core.JsonParser;
import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.JsonPaths;
import io.cavra.controlplane.contract.MalformedJsonException;
import io.cavra.controlplane.contract.internal.Screening;
import io.cavra.controlplane.contract.internal.Utf8Only;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;

/**
 * Refuses credential material in public SaaS contract payloads: a set of {@link SecretRule}s
 * applied to the keys and string values of a JSON document or of a Java JSON tree. Instances are
 * immutable and thread-safe; build one and share it.
 *
 * <pre>{@code
 * SecretGuard guard = SecretGuard.defaults();
 * guard.check(payload, "payload");            // throws ContractException on the first finding
 * List<SecretFinding> all = guard.scanJson(body);   // every finding, paths rooted at $
 * }</pre>
 *
 * <h2>What is walked</h2>
 *
 * {@link #scan} walks {@code Map} (keys via {@link String#valueOf}, in iteration order), {@code
 * Collection}, {@code Object[]}, {@code String} (and other {@code CharSequence} and {@code char[]})
 * and integers (for card numbers); everything else (other numbers, booleans, null, {@code byte[]},
 * other objects) is ignored. The walk is depth-first and pre-order, and a map entry's key is
 * checked before its value, as in the Python reference, so the first finding has the reference's
 * path: {@code <root>.<key>} for a key, {@code <root>[<index>]} for a list element, e.g. {@code
 * payload.contacts.api_token}, {@code payload.blockers[0]}, {@code payload.1.token}. The walk does
 * not recurse (deep trees cannot overflow the stack), skips a container that is already on the
 * current path (cycles), and fails with {@code too_deep} beyond {@link #maxDepth()}. Each key and
 * each string value yields at most one finding: that of the first matching rule.
 *
 * <h2>Value rules</h2>
 *
 * Value rules find known credential formats anywhere in a string: our own {@code cavra_} keys;
 * source hosting and CI (GitHub, GitLab, Atlassian, JFrog, CircleCI, Buildkite, SonarQube); cloud
 * (AWS, Google, Azure, Alibaba, DigitalOcean, Heroku, Fly.io, Netlify, Render, Supabase,
 * PlanetScale, Cloudflare, Terraform, Vault); AI (OpenAI, Anthropic, Hugging Face, Groq,
 * Perplexity, Replicate); messaging and e-mail (Slack, Discord, Teams, Telegram, Twilio, SendGrid,
 * Mailgun, Mailchimp, Brevo); billing (Stripe, Square, Braintree/PayPal, Adyen, Paddle,
 * Chargebee/Mollie, GoCardless, Checkout.com, Klarna, Plaid, Flutterwave, EasyPost, Shippo) and
 * payment card numbers (Luhn-valid, with a network's prefix, also as JSON numbers); identity
 * (Google OAuth, Facebook, X); observability (Grafana, Sentry, New Relic, Dynatrace); JWTs;
 * PEM/PGP/PuTTY/age private keys; {@code scheme://user:password@host} URLs, {@code curl -u
 * user:password}; {@code Bearer}, {@code Basic} and {@code Authorization:} credentials; and a
 * credential given by name in text ({@code SOME_TOKEN=…}, {@code password: …}, {@code --api-key …},
 * {@code set some_secret_key …}, {@code ;Password=…;}) or as a name/value entry ({@code {"name":
 * "DB_PASSWORD", "value": "…"}}). See {@link #rules()} for ids and descriptions. Host names and the
 * keys of connection strings match in any case. A token whose body has neither a digit nor both
 * letter cases (prose that begins like a prefix) does not match. One pass of a keyword automaton
 * over the string selects the rules whose regexes then run. A key whose own text matches a value
 * rule is reported as {@code sensitive_value} and written as {@code <redacted>} in every path, so
 * that no path or message repeats it.
 *
 * <h2>Key rules</h2>
 *
 * Key rules apply to the <em>normalised</em> key: camelCase and PascalCase words split ({@code
 * apiKey}, {@code APIKey} → {@code api_key}), letters split from digits ({@code pwd2} → {@code
 * pwd_2}), every character other than a letter or digit ({@code -}, {@code .}, space …) folded to
 * {@code _}, lower-cased with {@link java.util.Locale#ROOT} semantics, repeated {@code _} collapsed
 * and trimmed. Every benign compound (below) found on word boundaries is then replaced by {@code
 * #}, and the key rules run on the rest.
 *
 * <p>A built-in key rule fires only where its word <em>heads</em> the key: nothing but words that
 * carry a value may follow it ({@code value}, {@code b64}, {@code hash}, {@code old}, {@code new},
 * {@code prod}, digits …). So {@code db_password}, {@code api_key_b64} and {@code accesstoken} name
 * credentials, while {@code token_ttl_seconds}, {@code authorization_endpoint}, {@code
 * secrets_manager_region}, {@code api_key_expires_at}, {@code api_key_header_name}, {@code
 * private_key_jwt_enabled} and {@code settings.password.title} name a property of one, and {@code
 * secretary} merely contains one. Rules from providers and rules files match anywhere.
 *
 * <p>What the key holds decides, per the rule's policy:
 *
 * <ul>
 *   <li>a string: refused unless it is a placeholder or a reference (see below); for the
 *       abbreviation rule only if it looks like a credential (mixed letters, digits or symbols, six
 *       chars or more), for the card-security-code rule only if it is three or four digits;
 *   <li>a number: refused only by the card-security-code rule; booleans and null never;
 *   <li>a list: its strings are judged alike, except names ({@code "secrets": ["db-password"]}),
 *       and the key is reported once;
 *   <li>an object: searched, not refused as a whole ({@code "passphrase": {"type": "string",
 *       "writeOnly": true}} describes a field); inside it, keys that only carry a value ({@code
 *       value}, {@code current}, {@code prod} …) are judged as if the rule named them.
 * </ul>
 *
 * <p>Sensitive words ({@link #sensitiveKeyWords()}), by rule. "Anywhere" words may end a longer
 * word ({@code dbpassword}, {@code accesstoken}); "whole-word" ones stand between {@code _}
 * boundaries or key ends:
 *
 * <ul>
 *   <li>{@code key-private-key}: private_key, privkey, signing_key, secret_key, encryption_key,
 *       decryption_key, master_key, hmac_key (anywhere; the {@code _} may be absent)
 *   <li>{@code key-api-key}: api_key, apikey, x_api_key, access_key, auth_key, account_key,
 *       client_key, service_key, app_key, license_key, subscription_key, db_key, shared_access_key
 *       (anywhere; the {@code _} may be absent)
 *   <li>{@code key-password}: password, passwd, passphrase, passcode (anywhere, also split as
 *       {@code pass_word} …); pwd (whole word, also pwds); db_pass, key_pass (and other {@code
 *       <system>_pass} words: user, admin, root, mysql, postgres, redis, smtp, ftp, ldap)
 *   <li>{@code key-connection-string}: connection_string, conn_str (whole words, also
 *       connectionstring, conn_string and plurals)
 *   <li>{@code key-authorization}: authorization (anywhere); auth_header, bearer (whole words)
 *   <li>{@code key-credentials}: credential, credentials (anywhere); creds, cred (whole words)
 *   <li>{@code key-cookie}: cookie, cookies, set_cookie, session_cookie, auth_cookie (the whole
 *       key)
 *   <li>{@code key-secret}: secret, secrets, client_secret, webhook_secret (anywhere; {@code
 *       secret_id} too, a Vault AppRole credential)
 *   <li>{@code key-token}: token, tokens, access_token, refresh_token, auth_token, id_token,
 *       session_token (anywhere)
 *   <li>{@code key-card-security-code}: cvv, cvc, cvv2, cvc2, csc, card_security_code,
 *       security_code (whole words; three or four digits only)
 *   <li>{@code key-abbreviated-credential}: pw, pass, pswd, psw, pword, auth, tkn (whole words;
 *       credential-like values only)
 * </ul>
 *
 * <p>Benign compounds ({@link #benignKeyCompounds()}), which name metadata about a secret:
 *
 * <ul>
 *   <li>counts, limits, sizes and types: max_tokens, max_output_tokens, max_completion_tokens,
 *       max_new_tokens, input_tokens, output_tokens, prompt_tokens, completion_tokens,
 *       total_tokens, cached_tokens, reasoning_tokens, tokens_used, token_count, token_limit,
 *       token_usage, token_type, key_size, key_length, secret_length, secret_size
 *   <li>URLs and endpoints: token_url, token_uri, token_endpoint, auth_url, authorization_url,
 *       authorization_endpoint
 *   <li>names, ids and references: secret_name, secret_ref, secret_arn, secret_version,
 *       secret_key_ref, existing_secret, key_id, key_name, api_key_id, token_id, token_name,
 *       credential_id, credentials_id, token_file, token_env, secret_file, password_file, key_file,
 *       key_path, page_token, continuation_token
 *   <li>policies: password_policy, password_min_length, password_max_length
 *   <li>public keys: public_key, public_keys, public_key_pem
 *   <li>lifetimes: expires_in, token_expires_in, token_expires_at, token_expiry, token_ttl
 *   <li>other words and flags: secretary, secretaries, tokenizer, tokenizers, tokenize, tokenized,
 *       tokenization, tokenization_id, with_credentials
 * </ul>
 *
 * Because compounds mask only their own words, {@code max_tokens} passes while {@code
 * max_tokens_secret} is still refused. {@code secret_id} is deliberately absent: a Vault AppRole
 * secret id is a credential.
 *
 * <h2>Placeholders and references</h2>
 *
 * A value that stands for a secret is not one: empty or blank, {@code ${X}}, <code>${{ secrets.X
 * }}</code>, <code>{{x}}</code>, {@code <hidden>}, {@code %X%}, {@code @X@}, {@code $X}, {@code
 * $(cat /run/secrets/x)}, {@code REDACTED}, {@code hidden}, {@code n/a}, masks ({@code ****},
 * {@code ****1234}, {@code sk_live_****abcd}), secret-store references ({@code sm://…}, {@code
 * vault://…}, {@code op://…}, {@code env:NAME}, ARNs, Google Secret Manager names), URLs without a
 * password and file paths ({@code /run/secrets/db}). Key rules let them pass, and value rules that
 * read a password ({@code scheme://user:password@host}, {@code Basic}) ignore them.
 *
 * <h2>Screening a document while it is read</h2>
 *
 * {@link #screen(byte[])} walks a raw JSON document once with the value rules' keyword automaton
 * and returns a {@link DocumentScreen} that a reader feeds every key, string value and long
 * integer. Only strings that hold a keyword occurrence have their rules run; if the screen clears
 * the document, the guard finds nothing in any tree read from it, and that tree need not be scanned
 * again. The contract's parser reads byte input this way.
 *
 * <h2>Differences from the Python reference</h2>
 *
 * The guard refuses everything the reference refuses that is credential material, and more: key
 * spellings such as {@code apiKey}, {@code api-key}, {@code privateKey}, {@code passwd}, {@code
 * credentials}, {@code bearer}; values such as {@code github_pat_}, AWS key ids, JWTs and bearer
 * credentials. It accepts the reference's false positives: keys whose credential word does not head
 * them ({@code max_tokens}, {@code token_ttl_seconds}, {@code secretary}), and a sensitive key
 * whose value is null, a number, a boolean, an object, a placeholder or a reference.
 */
public final class SecretGuard implements Screening {
  /** {@link #keyVerdict} values at or below this mean "the key text matches value rule i". */
  static final int KEY_IS_SECRET_TEXT = -2;

  /**
   * The path segment written for a key whose text is itself credential material, in findings and in
   * every error location of the contract.
   */
  public static final String REDACTED_KEY = Screening.REDACTED_KEY;

  /** Default of {@link Builder#maxDepth(int)}. */
  public static final int DEFAULT_MAX_DEPTH = 256;

  private static final SecretGuard BUILT_IN = new Builder().build();

  private final List<SecretRule> rules;
  private final List<String> benignKeys;
  private final int maxDepth;
  private final ValueMatcher values;
  private final KeyMatcher keys;
  private final IntConsumer probe;

  private SecretGuard(Builder builder) {
    this.rules = List.copyOf(builder.rules);
    this.benignKeys = List.copyOf(builder.benignKeys);
    this.maxDepth = builder.maxDepth;
    this.probe = builder.probe;
    List<SecretRule> valueRules = new ArrayList<>();
    List<SecretRule> keyRules = new ArrayList<>();
    for (SecretRule rule : rules) {
      (rule.target() == SecretRule.Target.VALUE ? valueRules : keyRules).add(rule);
    }
    this.values = new ValueMatcher(valueRules, probe);
    this.keys = new KeyMatcher(keyRules, benignKeys);
  }

  /**
   * The built-in rules plus the rules of every {@link SecretRuleProvider} found by {@link
   * ServiceLoader} with this library's class loader. Loaded once and cached.
   *
   * @throws ContractException if providers repeat a rule id
   */
  public static SecretGuard defaults() {
    return Defaults.INSTANCE;
  }

  /** The built-in rules only, without providers. Cached. */
  public static SecretGuard builtIn() {
    return BUILT_IN;
  }

  /** A builder that starts from the built-in rules and benign compounds. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this guard's rules, benign keys and settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** All rules, value and key rules, in the order they are tried. */
  public List<SecretRule> rules() {
    return rules;
  }

  /** The benign compounds and benign-key regexes in use (built-in ones first). */
  public List<String> benignKeys() {
    return benignKeys;
  }

  /**
   * The deepest nesting of objects and arrays scanned; deeper input fails with {@code too_deep}.
   */
  public int maxDepth() {
    return maxDepth;
  }

  /** The sensitive words of the built-in key rules, as listed in the class documentation. */
  public static List<String> sensitiveKeyWords() {
    return BuiltInRules.SENSITIVE_KEY_WORDS;
  }

  /** The built-in benign compounds, as listed in the class documentation. */
  public static List<String> benignKeyCompounds() {
    return BuiltInRules.BENIGN_KEY_COMPOUNDS;
  }

  /**
   * Every finding in a Java JSON tree, in walk order (see the class documentation).
   *
   * @param value the tree (may be null): maps, lists, arrays, strings; other values are ignored
   * @param rootPath the first path segment, e.g. {@code payload} or {@code $}
   * @throws MalformedJsonException with code {@code too_deep} if nesting exceeds {@link
   *     #maxDepth()}
   */
  public List<SecretFinding> scan(Object value, String rootPath) {
    return walkTree(value, rootPath, false).findings();
  }

  /** The first finding of {@link #scan}, stopping the walk there; {@code value} may be null. */
  public Optional<SecretFinding> firstFinding(Object value, String rootPath) {
    List<SecretFinding> findings = walkTree(value, rootPath, true).findings();
    return findings.isEmpty() ? Optional.empty() : Optional.of(findings.get(0));
  }

  /**
   * Throws for the first finding, with the reference's message: {@code sensitive field is not
   * allowed in public SaaS contract payload: <path>} (code {@code sensitive_field}) or {@code
   * sensitive value is not allowed in public SaaS contract payload: <path>} (code {@code
   * sensitive_value}). The exception's location is the path and its rule id the rule. {@code value}
   * may be null.
   *
   * @throws ContractException for the first finding
   */
  @Override
  public void check(Object value, String rootPath) {
    // Every envelope checks its identifiers one by one: no walk is needed for a lone string.
    Optional<SecretFinding> finding =
        value instanceof String
            ? textFinding((String) value, Objects.requireNonNull(rootPath, "rootPath"))
            : firstFinding(value, rootPath);
    if (finding.isPresent()) {
      throw toException(finding.get());
    }
  }

  /** The exception {@link #check} throws for {@code finding}. */
  static ContractException toException(SecretFinding finding) {
    String what = finding.code() == ErrorCode.SENSITIVE_FIELD ? "field" : "value";
    return ContractException.secret(
        finding.code(),
        finding.path(),
        "sensitive "
            + what
            + " is not allowed in public SaaS contract payload: "
            + JsonPaths.reference(finding.path()),
        finding.ruleId());
  }

  /** Applies the value rules to one string; a finding has path {@code $}. */
  public Optional<SecretFinding> checkText(String value) {
    Objects.requireNonNull(value, "value");
    return textFinding(value, "$");
  }

  /** The first value rule that matches {@code value}, as a finding at {@code path}. */
  private Optional<SecretFinding> textFinding(String value, String path) {
    int rule = values.find(value, values.newHits());
    return rule == ValueMatcher.NO_MATCH
        ? Optional.empty()
        : Optional.of(new SecretFinding(ErrorCode.SENSITIVE_VALUE, values.rule(rule).id(), path));
  }

  /**
   * Every finding in a JSON document, streamed once without building a tree; paths are rooted at
   * {@code $} ({@code $.payload.contacts.api_token}, {@code $.a[0]}). Duplicate keys are allowed.
   *
   * @throws MalformedJsonException with code {@code invalid_json} (location {@code line L, column
   *     C}) if the input is not one well-formed JSON value, {@code too_deep} if nesting exceeds
   *     {@link #maxDepth()}, {@code too_large} if a token exceeds Jackson's limits
   */
  public List<SecretFinding> scanJson(String json) {
    Objects.requireNonNull(json, "json");
    try (JsonParser parser = JsonScanner.FACTORY.createParser(json)) {
      return scanJson(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * As {@link #scanJson(String)}, for UTF-8 bytes. Other encodings are refused with {@code
   * invalid_json} (a byte order mark, or a NUL byte as every UTF-16 or UTF-32 text holds).
   */
  public List<SecretFinding> scanJson(byte[] utf8) {
    Objects.requireNonNull(utf8, "utf8");
    Utf8Only.check(utf8, JsonScanner.REFUSED);
    try (JsonParser parser = JsonScanner.FACTORY.createParser(utf8)) {
      return scanJson(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * As {@link #scanJson(byte[])}, reading UTF-8 from {@code in}, which is not closed.
   *
   * @throws UncheckedIOException if reading fails
   */
  public List<SecretFinding> scanJson(InputStream in) {
    Objects.requireNonNull(in, "in");
    try (JsonParser parser =
        JsonScanner.FACTORY.createParser(Utf8Only.checking(in, JsonScanner.REFUSED))) {
      return scanJson(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A screen for one JSON document, to apply this guard while reading it (see {@link
   * DocumentScreen}); walks the text once. Offsets given to {@link DocumentScreen#value} count
   * bytes from the start of {@code utf8}, as Jackson's byte parsers count them.
   *
   * @param utf8 the document in UTF-8 (or ASCII), the bytes the reader reads
   * @throws MalformedJsonException with code {@code invalid_json} if the bytes start with a byte
   *     order mark or hold a NUL byte (UTF-16 or UTF-32 text)
   */
  @Override
  public DocumentScreen screen(byte[] utf8) {
    Objects.requireNonNull(utf8, "utf8");
    // A screen of UTF-16 bytes would read NUL-separated ASCII and clear what the reader decodes.
    Utf8Only.check(utf8, JsonScanner.REFUSED);
    Hits hits = values.newHits();
    return new DocumentScreen(this, values.occurrences(utf8, hits), true, hits);
  }

  /**
   * As {@link #screen(byte[])}, for a document given as text; offsets count chars from the start of
   * {@code json}.
   */
  @Override
  public DocumentScreen screen(String json) {
    Objects.requireNonNull(json, "json");
    Hits hits = values.newHits();
    return new DocumentScreen(this, values.occurrences(json, hits), false, hits);
  }

  private List<SecretFinding> scanJson(JsonParser parser) {
    Walk walk = new Walk(this, "$", false);
    JsonScanner.scan(parser, walk, maxDepth);
    return walk.findings();
  }

  private Walk walkTree(Object value, String rootPath, boolean firstOnly) {
    Objects.requireNonNull(rootPath, "rootPath");
    Walk walk = new Walk(this, rootPath, firstOnly);
    new TreeScanner(walk, maxDepth).scan(value);
    return walk;
  }

  /**
   * Classifies a key: a verdict of {@link KeyMatcher} (a key rule or none, with name/value flags),
   * or {@code KEY_IS_SECRET_TEXT - i} when the key text itself matches value rule {@code i}. Keys
   * of the last kind are never cached, so the cache holds no credential text.
   */
  int keyVerdict(String key, Hits hits) {
    Integer cached = keys.cached(key);
    if (cached != null) {
      return cached;
    }
    int valueRule = values.find(key, hits);
    if (valueRule != ValueMatcher.NO_MATCH) {
      return KEY_IS_SECRET_TEXT - valueRule;
    }
    return keys.classifyAndRemember(key);
  }

  ValueMatcher values() {
    return values;
  }

  KeyMatcher keys() {
    return keys;
  }

  /** A copy that tells {@code probe} the index of every value rule whose regex runs (tests). */
  SecretGuard withRegexProbe(IntConsumer probe) {
    Builder builder = toBuilder();
    builder.probe = probe;
    return builder.build();
  }

  /** Prints the rule count only. */
  @Override
  public String toString() {
    return "SecretGuard[rules=" + rules.size() + ", maxDepth=" + maxDepth + "]";
  }

  private static final class Defaults {
    static final SecretGuard INSTANCE = load();

    private static SecretGuard load() {
      // A named module may only load services it uses; declare it here too, so that a
      // module-info without "uses SecretRuleProvider" cannot make defaults() fail.
      SecretGuard.class.getModule().addUses(SecretRuleProvider.class);
      Builder builder = builder();
      for (SecretRuleProvider provider :
          ServiceLoader.load(SecretRuleProvider.class, SecretGuard.class.getClassLoader())) {
        builder.addRules(provider.rules());
      }
      return builder.build();
    }
  }

  /**
   * Builds a {@link SecretGuard}; starts from the built-in rules (from {@link #builder()}) or from
   * an existing guard (from {@link #toBuilder()}). Not thread-safe. Methods throw {@link
   * ContractException} at once for bad input, naming the rule id but never a regex.
   */
  public static final class Builder {
    private final List<SecretRule> rules;
    private final List<String> benignKeys;
    private int maxDepth;
    private IntConsumer probe;

    private Builder() {
      rules = new ArrayList<>(BuiltInRules.all());
      benignKeys = new ArrayList<>(BuiltInRules.BENIGN_KEY_COMPOUNDS);
      maxDepth = DEFAULT_MAX_DEPTH;
    }

    private Builder(SecretGuard guard) {
      rules = new ArrayList<>(guard.rules);
      benignKeys = new ArrayList<>(guard.benignKeys);
      maxDepth = guard.maxDepth;
      probe = guard.probe;
    }

    /**
     * Appends a rule, tried after the rules already present.
     *
     * @throws ContractException with code {@code invalid_value} if a rule has the same id
     */
    public Builder addRule(SecretRule rule) {
      Objects.requireNonNull(rule, "rule");
      for (SecretRule existing : rules) {
        if (existing.id().equals(rule.id())) {
          throw ContractException.of(
              ErrorCode.INVALID_VALUE, "id", "duplicate rule id: " + rule.id());
        }
      }
      rules.add(rule);
      return this;
    }

    /** Appends rules in iteration order; see {@link #addRule}. */
    public Builder addRules(Collection<SecretRule> rules) {
      Objects.requireNonNull(rules, "rules");
      for (SecretRule rule : rules) {
        addRule(rule);
      }
      return this;
    }

    /**
     * Removes the rule with this id.
     *
     * @throws ContractException with code {@code invalid_value} if there is none, so that a renamed
     *     rule is noticed
     */
    public Builder removeRule(String id) {
      Objects.requireNonNull(id, "id");
      if (!rules.removeIf(rule -> rule.id().equals(id))) {
        throw ContractException.of(ErrorCode.INVALID_VALUE, "id", "no rule with id: " + id);
      }
      return this;
    }

    /** Keeps only the rules {@code filter} accepts. */
    public Builder retainRules(Predicate<SecretRule> filter) {
      Objects.requireNonNull(filter, "filter");
      rules.removeIf(filter.negate());
      return this;
    }

    /**
     * Adds the rules and benign keys of a JSON rules file:
     *
     * <pre>{@code
     * {"rules": [
     *    {"id": "acme-token", "description": "ACME API token", "target": "value",
     *     "regex": "acme_[a-z0-9]{32}", "keywords": ["acme_"]},
     *    {"id": "key-acme-pin", "description": "ACME PIN field", "target": "key",
     *     "regex": "(^|_)acme_pin(_|$)"}],
     *  "benign_keys": ["pin_policy"]}
     * }</pre>
     *
     * Both members are optional; {@code keywords} is optional and only for value rules. A rule may
     * also carry {@code full_description} and {@code remediation} texts (see {@link
     * SecretRule#withHelp}).
     *
     * @throws MalformedJsonException with code {@code invalid_json} ({@code line L, column C}) or
     *     {@code duplicate_key}
     * @throws ContractException with code {@code invalid_type}, {@code missing_field}, {@code
     *     unknown_field}, {@code invalid_value} or {@code empty_value}, located at the JSON path in
     *     the file, e.g. {@code $.rules[1].regex}
     * @throws UncheckedIOException if the file cannot be read
     */
    public Builder addRulesFile(Path file) {
      Objects.requireNonNull(file, "file");
      RulesFile.read(file, this);
      return this;
    }

    /**
     * Adds a benign key: a plain name (letters, digits, {@code _ - .} and space; normalised like a
     * key, so {@code pinPolicy} means {@code pin_policy}) or a regex over normalised keys. It masks
     * the words it matches on word boundaries before key rules run.
     *
     * @throws ContractException with code {@code invalid_value} if the regex does not compile
     */
    public Builder addBenignKey(String normalizedKeyRegexOrName) {
      Objects.requireNonNull(normalizedKeyRegexOrName, "normalizedKeyRegexOrName");
      try {
        KeyMatcher.checkBenign(normalizedKeyRegexOrName);
      } catch (PatternSyntaxException e) {
        throw ContractException.of(
            ErrorCode.INVALID_VALUE, "benign_keys", "invalid regular expression for a benign key");
      }
      benignKeys.add(normalizedKeyRegexOrName);
      return this;
    }

    /**
     * Sets the deepest nesting of objects and arrays to scan. Default: {@value
     * SecretGuard#DEFAULT_MAX_DEPTH}.
     *
     * @throws ContractException with code {@code invalid_value} if not positive
     */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 1) {
        throw ContractException.of(
            ErrorCode.INVALID_VALUE, "max_depth", "max_depth must be positive");
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /** The immutable guard. */
    public SecretGuard build() {
      return new SecretGuard(this);
    }
  }
}
