package io.cavra.controlplane.contract.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The built-in rules and word lists. Value rules are ordered specific-first, so a string that
 * several rules match reports the most specific one. Patterns use explicit ASCII classes and
 * lookarounds instead of {@code \b}, whose meaning differs between Python and Java.
 */
final class BuiltInRules {
  private BuiltInRules() {}

  /** Left boundary for prefixed tokens: not preceded by an ASCII letter or digit. */
  private static final String B = "(?<![A-Za-z0-9])";

  static final List<SecretRule> VALUE_RULES =
      List.of(
          SecretRule.value(
              "cavra-api-key",
              "CAVRA gateway API key (cavra_ + 43 base62 + 6 base62 of CRC-32)",
              B + "cavra_[A-Za-z0-9]{49}(?![A-Za-z0-9])",
              "cavra_"),
          SecretRule.value(
              "github-pat-classic",
              "GitHub classic personal access token (ghp_)",
              B + "ghp_[A-Za-z0-9_]{20,}",
              "ghp_"),
          SecretRule.value(
              "github-oauth-token",
              "GitHub OAuth access token (gho_)",
              B + "gho_[A-Za-z0-9_]{20,}",
              "gho_"),
          SecretRule.value(
              "github-app-token",
              "GitHub App user-to-server or server-to-server token (ghu_, ghs_)",
              B + "gh[us]_[A-Za-z0-9_]{20,}",
              "ghu_",
              "ghs_"),
          SecretRule.value(
              "github-refresh-token",
              "GitHub refresh token (ghr_)",
              B + "ghr_[A-Za-z0-9_]{20,}",
              "ghr_"),
          SecretRule.value(
              "github-pat-fine-grained",
              "GitHub fine-grained personal access token (github_pat_)",
              B + "github_pat_[A-Za-z0-9_]{36,}",
              "github_pat_"),
          SecretRule.value(
              "gitlab-pat",
              "GitLab personal access token (glpat-)",
              B + "glpat-[A-Za-z0-9_-]{20,}",
              "glpat-"),
          SecretRule.value(
              "gitlab-token",
              "GitLab runner, deploy, trigger, feed, OAuth and other tokens",
              B
                  + "(?:(?:glrt|gldt|glft|glsoat|glcbt|glimt|glagent|gloas)-[A-Za-z0-9_-]{20,}"
                  + "|glptt-[0-9a-f]{40}|GR1348941[A-Za-z0-9_-]{20,})",
              "glrt-",
              "gldt-",
              "glft-",
              "glsoat-",
              "glcbt-",
              "glimt-",
              "glagent-",
              "gloas-",
              "glptt-",
              "gr1348941"),
          SecretRule.value(
              "aws-access-key-id",
              "AWS access key id (AKIA, ASIA, ABIA, ACCA, A3T)",
              B + "(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])",
              "akia",
              "asia",
              "abia",
              "acca",
              "a3t"),
          SecretRule.value(
              "aws-secret-access-key",
              "AWS secret access key assigned in text (secret_access_key = …)",
              "(?i:secret(?:_access_|-access-|access)key)[\"']?\\s*[:=]\\s*[\"']?"
                  + "[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])",
              "secret_acc",
              "secret-acc",
              "secretacc"),
          SecretRule.value(
              "aws-bedrock-api-key",
              "AWS Bedrock long-lived API key (ABSK)",
              B + "ABSK[A-Za-z0-9+/]{109,269}",
              "absk"),
          SecretRule.value(
              "google-api-key", "Google API key (AIza)", B + "AIza[0-9A-Za-z_-]{35}", "aiza"),
          SecretRule.value(
              "google-oauth-client-secret",
              "Google OAuth client secret (GOCSPX-)",
              B + "GOCSPX-[A-Za-z0-9_-]{28}",
              "gocspx-"),
          SecretRule.value(
              "azure-ad-client-secret",
              "Azure AD (Entra ID) client secret (…Q~…)",
              "(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}[0-9]Q~"
                  + "[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])",
              "q~"),
          SecretRule.value(
              "azure-storage-account-key",
              "Azure storage account key in a connection string (AccountKey=)",
              "AccountKey=[A-Za-z0-9+/]{86}==",
              "accountkey="),
          SecretRule.value(
              "openai-api-key",
              "OpenAI API key (sk-proj-, sk-svcacct-, sk-admin-, legacy sk-…T3BlbkFJ…)",
              B
                  + "sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}"
                  + "|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})",
              "sk-proj-",
              "sk-svcacct-",
              "sk-admin-",
              "t3blbkfj"),
          SecretRule.value(
              "anthropic-api-key",
              "Anthropic API or admin key (sk-ant-)",
              B + "sk-ant-(?:api|admin|oat)[0-9]{2}-[A-Za-z0-9_-]{32,}",
              "sk-ant-"),
          SecretRule.value(
              "huggingface-token",
              "Hugging Face access token (hf_)",
              B + "hf_[A-Za-z]{34}(?![A-Za-z0-9])",
              "hf_"),
          SecretRule.value(
              "perplexity-api-key",
              "Perplexity API key (pplx-)",
              B + "pplx-[A-Za-z0-9]{48}",
              "pplx-"),
          SecretRule.value(
              "groq-api-key", "Groq API key (gsk_)", B + "gsk_[A-Za-z0-9]{52}", "gsk_"),
          SecretRule.value(
              "npm-access-token",
              "npm access token (npm_)",
              B + "npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])",
              "npm_"),
          SecretRule.value(
              "pypi-upload-token",
              "PyPI or TestPyPI upload token (pypi-AgEI…, pypi-AgEN…)",
              B + "pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}",
              "pypi-ag"),
          SecretRule.value(
              "rubygems-api-key",
              "RubyGems API key (rubygems_)",
              B + "rubygems_[a-f0-9]{48}",
              "rubygems_"),
          SecretRule.value(
              "dockerhub-pat",
              "Docker Hub personal access token (dckr_pat_)",
              B + "dckr_pat_[A-Za-z0-9_-]{27,}",
              "dckr_pat_"),
          SecretRule.value(
              "slack-token",
              "Slack bot, user, refresh and legacy tokens (xoxb-, xoxp-, xoxe-, xoxa-, …)",
              B + "xox(?:e\\.xox)?[abeoprs]-[A-Za-z0-9-]{16,}",
              "xox"),
          SecretRule.value(
              "slack-app-token",
              "Slack app-level token (xapp-)",
              B + "xapp-[A-Za-z0-9-]{16,}",
              "xapp-"),
          SecretRule.value(
              "slack-webhook-url",
              "Slack incoming webhook URL (hooks.slack.com/services/…)",
              "hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56}",
              "hooks.slack"),
          SecretRule.value(
              "sendgrid-api-key",
              "SendGrid API key (SG.…)",
              B + "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}",
              "sg."),
          SecretRule.value(
              "stripe-secret-key",
              "Stripe secret key (sk_live_, sk_test_, sk_prod_)",
              B + "sk_(?:live|test|prod)_[A-Za-z0-9_]{16,}",
              "sk_live_",
              "sk_test_",
              "sk_prod_"),
          SecretRule.value(
              "stripe-restricted-key",
              "Stripe restricted key (rk_live_, rk_test_, rk_prod_)",
              B + "rk_(?:live|test|prod)_[A-Za-z0-9_]{16,}",
              "rk_live_",
              "rk_test_",
              "rk_prod_"),
          SecretRule.value(
              "stripe-webhook-secret",
              "Stripe webhook signing secret (whsec_)",
              B + "whsec_[A-Za-z0-9+/=]{24,}",
              "whsec_"),
          SecretRule.value(
              "square-access-token",
              "Square access token or OAuth secret (sq0atp-, sq0csp-)",
              B + "sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}",
              "sq0atp-",
              "sq0csp-"),
          SecretRule.value(
              "hashicorp-vault-token",
              "HashiCorp Vault service or batch token (hvs., hvb.)",
              B + "hv[sb]\\.[A-Za-z0-9_-]{24,}",
              "hvs.",
              "hvb."),
          SecretRule.value(
              "terraform-cloud-token",
              "Terraform Cloud / Enterprise API token (….atlasv1.…)",
              B + "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}",
              ".atlasv1."),
          SecretRule.value(
              "digitalocean-token",
              "DigitalOcean personal, OAuth or refresh token (dop_v1_, doo_v1_, dor_v1_)",
              B + "do[opr]_v1_[a-f0-9]{64}",
              "dop_v1_",
              "doo_v1_",
              "dor_v1_"),
          SecretRule.value(
              "databricks-token",
              "Databricks personal access token (dapi)",
              B + "dapi[a-f0-9]{32}(?:-[0-9]+)?(?![A-Za-z0-9])",
              "dapi"),
          SecretRule.value(
              "shopify-token",
              "Shopify access, custom-app, private-app or shared secret (shpat_, …)",
              B + "shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}",
              "shpat_",
              "shpca_",
              "shppa_",
              "shpss_"),
          SecretRule.value(
              "postman-api-key",
              "Postman API key (PMAK-)",
              B + "PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}",
              "pmak-"),
          SecretRule.value(
              "linear-api-key",
              "Linear API key (lin_api_)",
              B + "lin_api_[A-Za-z0-9]{40}",
              "lin_api_"),
          SecretRule.value(
              "doppler-token",
              "Doppler personal token (dp.pt.)",
              B + "dp\\.pt\\.[A-Za-z0-9]{43}",
              "dp.pt."),
          SecretRule.value(
              "pulumi-access-token",
              "Pulumi access token (pul-)",
              B + "pul-[a-f0-9]{40}(?![A-Za-z0-9])",
              "pul-"),
          SecretRule.value(
              "grafana-token",
              "Grafana service-account or cloud token (glsa_, glc_)",
              B + "(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,})",
              "glsa_",
              "glc_"),
          SecretRule.value(
              "sentry-token",
              "Sentry user or organisation auth token (sntryu_, sntrys_)",
              B + "(?:sntryu_[a-f0-9]{64}|sntrys_eyJ[A-Za-z0-9+/=_-]{50,})",
              "sntryu_",
              "sntrys_"),
          SecretRule.value(
              "notion-token",
              "Notion integration token (ntn_)",
              B + "ntn_[0-9]{11}[A-Za-z0-9]{35}",
              "ntn_"),
          SecretRule.value(
              "onepassword-service-account-token",
              "1Password service-account token (ops_eyJ)",
              B + "ops_eyJ[A-Za-z0-9+/]{250,}",
              "ops_eyj"),
          SecretRule.value(
              "age-secret-key",
              "age encryption secret key (AGE-SECRET-KEY-1)",
              "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
              "age-secret-"),
          SecretRule.value(
              "jwt",
              "JSON Web Token (eyJ….eyJ….signature)",
              // Possessive, and the header bounded, so that a long run of "eyJ" stays cheap.
              "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,1024}+"
                  + "\\.eyJ[A-Za-z0-9_-]{10,}+\\.[A-Za-z0-9_-]{16,}",
              "eyj"),
          SecretRule.value(
              "private-key-pem",
              "PEM private key header (PKCS#8, RSA, EC, DSA, OPENSSH, ENCRYPTED, SSH2)",
              "(?:-----|----|---- )(?i:begin)[ A-Za-z0-9]*(?i:private key) ?-{4,5}",
              "-----begin",
              "----begin",
              "---- begin"),
          SecretRule.value(
              "pgp-private-key-block",
              "PGP (OpenPGP) private key block header",
              "(?i:-----begin pgp private key block-----)",
              "-----begin pgp"),
          SecretRule.value(
              "putty-private-key",
              "PuTTY private key file header (PuTTY-User-Key-File-2/3)",
              "(?i:putty-user-key-file-)[0-9]+:",
              "putty-user"),
          SecretRule.value(
              "http-authorization-header",
              "Authorization header text with credentials (Authorization: <scheme> <credentials>)",
              "(?<![A-Za-z0-9_])(?i:authorization)[\"']?\\s*[:=]\\s*[\"']?"
                  + "(?:([A-Za-z][A-Za-z0-9_-]*)\\s+)?([A-Za-z0-9._~+/=:,-]{8,})",
              BuiltInRules::isAuthorizationCredential,
              "authorization"),
          SecretRule.value(
              "http-bearer-token",
              "Bearer credential (Bearer <token of 16 or more chars>)",
              "(?<![A-Za-z0-9_-])(?i:bearer)\\s+([A-Za-z0-9._~+/-]{16,}=*)",
              m -> isOpaqueCredential(m.group(1)),
              "bearer"),
          SecretRule.value(
              "http-basic-credentials",
              "Basic credential (Basic <base64 of user:password>)",
              "(?<![A-Za-z0-9_-])(?i:basic)\\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])",
              m -> isBasicCredential(m.group(1)),
              "basic"),
          SecretRule.value(
              "basic-auth-url",
              "URL with a password in its user info (scheme://user:password@host)",
              // \s spelled out: a negated class holding \s runs as a chain of predicates, and every
              // URL in a payload is tried. Possessive, since ':' and '@' end the classes anyway.
              "(?<=[A-Za-z0-9])://([^ \\t\\n\\x0B\\f\\r/?#@:]*+):([^ \\t\\n\\x0B\\f\\r/?#@]++)@",
              m -> !Placeholders.isPlaceholder(m.group(2)),
              "://"));

  static final List<SecretRule> KEY_RULES =
      List.of(
          SecretRule.key(
              "key-private-key",
              "private, signing or encryption key material",
              "(?:private|priv|signing|secret|encryption|decryption|master|hmac)_?key",
              List.of(
                  "private_key",
                  "privkey",
                  "signing_key",
                  "secret_key",
                  "encryption_key",
                  "decryption_key",
                  "master_key",
                  "hmac_key")),
          SecretRule.key(
              "key-api-key",
              "API, auth or account key",
              "(?:api|auth|account)_?key",
              List.of("api_key", "apikey", "x_api_key", "auth_key", "account_key")),
          SecretRule.key(
              "key-password",
              "password, passphrase or passcode",
              "pass_?(?:word|wd|phrase|code)|(?:^|_)pwds?(?:_|$)",
              List.of("password", "passwd", "passphrase", "passcode", "pwd")),
          SecretRule.key(
              "key-connection-string",
              "connection string (usually embeds credentials)",
              "(?:^|_)conn(?:ection)?_?str(?:ing)?s?(?:_|$)",
              List.of("connection_string", "conn_str")),
          SecretRule.key(
              "key-authorization",
              "authorization header or bearer credential",
              "authorization|(?:^|_)auth_?headers?(?:_|$)|(?:^|_)bearer(?:_|$)",
              List.of("authorization", "auth_header", "bearer")),
          SecretRule.key(
              "key-credentials",
              "credentials",
              "credential|(?:^|_)creds?(?:_|$)",
              List.of("credential", "credentials", "cred", "creds")),
          SecretRule.key(
              "key-cookie",
              "cookie header value (a session credential)",
              "^(?:(?:set|session|auth)_)?cookies?$",
              List.of("cookie", "cookies", "set_cookie", "session_cookie", "auth_cookie")),
          SecretRule.key(
              "key-secret",
              "secret (client, webhook, shared, …)",
              "secret",
              List.of("secret", "secrets", "client_secret", "webhook_secret")),
          SecretRule.key(
              "key-token",
              "token (access, refresh, auth, id, session, …)",
              "token",
              List.of(
                  "token",
                  "tokens",
                  "access_token",
                  "refresh_token",
                  "auth_token",
                  "id_token",
                  "session_token")));

  /**
   * Normalised word sequences that name metadata about a secret rather than the secret. Each is
   * masked wherever it occurs on word boundaries before the key rules run.
   */
  static final List<String> BENIGN_KEY_COMPOUNDS =
      List.of(
          // counts, limits, sizes and types
          "max_tokens",
          "max_output_tokens",
          "max_completion_tokens",
          "max_new_tokens",
          "input_tokens",
          "output_tokens",
          "prompt_tokens",
          "completion_tokens",
          "total_tokens",
          "cached_tokens",
          "reasoning_tokens",
          "tokens_used",
          "token_count",
          "token_limit",
          "token_usage",
          "token_type",
          "key_size",
          "key_length",
          "secret_length",
          "secret_size",
          // URLs and endpoints
          "token_url",
          "token_uri",
          "token_endpoint",
          "auth_url",
          "authorization_url",
          "authorization_endpoint",
          // names, ids and references
          "secret_name",
          "secret_ref",
          "secret_arn",
          "secret_version",
          "secret_key_ref",
          "key_id",
          "key_name",
          "api_key_id",
          "token_id",
          "token_name",
          "credential_id",
          "credentials_id",
          "token_file",
          "token_env",
          "secret_file",
          "password_file",
          "key_file",
          "key_path",
          "page_token",
          "continuation_token",
          // policies
          "password_policy",
          "password_min_length",
          "password_max_length",
          // public keys
          "public_key",
          "public_keys",
          "public_key_pem",
          // lifetimes
          "expires_in",
          "token_expires_in",
          "token_expires_at",
          "token_expiry",
          "token_ttl",
          // other words and flags
          "secretary",
          "secretaries",
          "tokenizer",
          "tokenizers",
          "tokenize",
          "tokenized",
          "tokenization",
          "tokenization_id",
          "with_credentials");

  /** The sensitive words of the built-in key rules, in rule order. */
  static final List<String> SENSITIVE_KEY_WORDS = sensitiveWords();

  static List<SecretRule> all() {
    List<SecretRule> all = new ArrayList<>(VALUE_RULES);
    all.addAll(KEY_RULES);
    return List.copyOf(all);
  }

  private static List<String> sensitiveWords() {
    Set<String> words = new LinkedHashSet<>();
    for (SecretRule rule : KEY_RULES) {
      words.addAll(rule.keywords());
    }
    return List.copyOf(words);
  }

  /**
   * An opaque bearer-style credential: not a placeholder, and with a digit or with both upper- and
   * lower-case letters, which prose after "bearer" rarely has and random tokens nearly always do.
   */
  static boolean isOpaqueCredential(String token) {
    if (Placeholders.isPlaceholder(token)) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    return upper && lower;
  }

  /** Base64 that decodes to printable {@code user:password} text with a non-empty password. */
  static boolean isBasicCredential(String base64) {
    String body = base64;
    while (body.endsWith("=")) {
      body = body.substring(0, body.length() - 1);
    }
    if (body.length() % 4 == 1) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(body + "==".substring(0, (4 - body.length() % 4) % 4));
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = -1;
    for (int i = 0; i < decoded.length; i++) {
      int b = decoded[i] & 0xff;
      if (b < 0x20 || b == 0x7f) {
        return false;
      }
      if (b == ':' && colon < 0) {
        colon = i;
      }
    }
    return colon >= 0
        && colon < decoded.length - 1
        && !Placeholders.isPlaceholder(
            new String(decoded, colon + 1, decoded.length - colon - 1, StandardCharsets.UTF_8));
  }

  private static boolean isAuthorizationCredential(Matcher m) {
    String scheme = m.group(1);
    String credentials = m.group(2);
    if (scheme != null && scheme.equalsIgnoreCase("basic")) {
      return isBasicCredential(credentials);
    }
    return credentials.length() >= 16 && isOpaqueCredential(credentials);
  }
}
