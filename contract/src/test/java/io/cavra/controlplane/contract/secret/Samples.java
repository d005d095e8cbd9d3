package io.cavra.controlplane.contract.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * True- and false-positive samples for every built-in rule, generated at test time from a seeded
 * {@link Random}: vendor prefixes plus random bodies, so that no credential-shaped literal is
 * committed. Values for value rules, key names for key rules.
 */
final class Samples {
  static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  static final String HEX = "0123456789abcdef";
  static final String BASE64 = ALNUM + "+/";
  static final String URL_SAFE = ALNUM + "_-";
  static final String BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

  /** The samples of one rule. */
  record RuleSamples(List<String> truePositives, List<String> falsePositives) {}

  private final Random random;

  Samples(long seed) {
    random = new Random(seed);
  }

  String from(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  String alnum(int length) {
    // Random bodies could, rarely, lack a digit; tokens here always have one.
    return from(ALNUM, length - 1) + random.nextInt(10);
  }

  String hex(int length) {
    return from(HEX, length);
  }

  static String base64Of(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Samples for every built-in rule, keyed by rule id. */
  static Map<String, RuleSamples> all() {
    Samples s = new Samples(20261127L);
    Map<String, RuleSamples> m = new LinkedHashMap<>();
    String pem = "-----BEGIN ";
    String pemEnd = "PRIVATE KEY-----";

    m.put(
        "cavra-api-key",
        new RuleSamples(
            List.of(
                "cav" + "ra_" + s.alnum(49),
                "Authorization: Bearer cav" + "ra_" + s.alnum(49),
                "key=cav" + "ra_" + s.alnum(49) + ";"),
            List.of(
                "cavra_gateway_requests_total",
                "cavra_" + s.alnum(48),
                "cavra_" + s.alnum(50),
                "xcavra_" + s.alnum(49),
                "cavra_<key>")));
    m.put(
        "github-pat-classic",
        new RuleSamples(
            List.of(
                "gh" + "p_" + s.alnum(36),
                "GITHUB_TOKEN=gh" + "p_" + s.alnum(36),
                "-gh" + "p_" + s.alnum(20),
                "gh" + "p_" + s.alnum(20) + "é",
                "_gh" + "p_" + s.alnum(30)),
            List.of(
                "gh" + "p_" + s.alnum(19),
                "GH" + "P_" + s.alnum(36),
                "xgh" + "p_" + s.alnum(36),
                "gh" + "p_<token>",
                "gh" + "p_" + "*".repeat(36))));
    m.put(
        "github-oauth-token",
        new RuleSamples(
            List.of("gh" + "o_" + s.alnum(36)),
            List.of("gh" + "o_" + s.alnum(10), "gho_is_not_a_token")));
    m.put(
        "github-app-token",
        new RuleSamples(
            List.of("gh" + "u_" + s.alnum(36), "gh" + "s_" + s.alnum(36)),
            List.of("gh" + "s_" + s.alnum(12), "ghs_" + "-".repeat(30))));
    m.put(
        "github-refresh-token",
        new RuleSamples(List.of("gh" + "r_" + s.alnum(76)), List.of("gh" + "r_" + s.alnum(8))));
    m.put(
        "github-pat-fine-grained",
        new RuleSamples(
            List.of("github" + "_pat_" + s.alnum(22) + "_" + s.alnum(59)),
            List.of("github" + "_pat_" + s.alnum(12), "see the github_pat_ docs")));
    m.put(
        "gitlab-pat",
        new RuleSamples(
            List.of("gl" + "pat-" + s.alnum(20), "gl" + "pat-" + s.from(URL_SAFE, 26) + "1"),
            List.of("gl" + "pat-" + s.alnum(10), "glpat-<your token>")));
    m.put(
        "gitlab-token",
        new RuleSamples(
            List.of(
                "gl" + "rt-" + s.alnum(20),
                "gl" + "ptt-" + s.hex(40),
                "GR1348941" + s.alnum(20),
                "gl" + "dt-" + s.alnum(20),
                "gl" + "oas-" + s.alnum(30)),
            List.of("glrt-" + s.alnum(5), "glptt-" + "z".repeat(40), "GR1348941")));
    m.put(
        "aws-access-key-id",
        new RuleSamples(
            List.of(
                "AK" + "IA" + s.from(UPPER_ALNUM, 16),
                "AS" + "IA" + s.from(UPPER_ALNUM, 16),
                "key=A3T" + "X" + s.from(UPPER_ALNUM, 16),
                "\"AB" + "IA" + s.from(UPPER_ALNUM, 16) + "\""),
            List.of(
                "AKIA" + s.from(UPPER_ALNUM, 15),
                "akia" + s.from(UPPER_ALNUM, 16),
                "AKIA" + s.from(UPPER_ALNUM, 17),
                "region asia-east1",
                "XAKIA" + s.from(UPPER_ALNUM, 16))));
    m.put(
        "aws-secret-access-key",
        new RuleSamples(
            List.of(
                "aws_secret_access_key = " + s.from(BASE64, 40),
                "{\"SecretAccessKey\": \"" + s.from(BASE64, 40) + "\"}",
                "AWS_SECRET_ACCESS_KEY=" + s.from(BASE64, 40)),
            List.of(
                "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}",
                "secret_access_key: " + s.from(BASE64, 20),
                "set aws_secret_access_key in the vault")));
    m.put(
        "aws-bedrock-api-key",
        new RuleSamples(
            List.of("AB" + "SK" + s.from(BASE64, 132)), List.of("ABSK" + s.from(BASE64, 20))));
    m.put(
        "google-api-key",
        new RuleSamples(
            List.of("AI" + "za" + s.from(URL_SAFE, 35)),
            List.of("AIza" + s.from(URL_SAFE, 20), "aiza is not a key")));
    m.put(
        "google-oauth-client-secret",
        new RuleSamples(
            List.of("GOC" + "SPX-" + s.from(URL_SAFE, 28)), List.of("GOCSPX-" + s.alnum(8))));
    m.put(
        "azure-ad-client-secret",
        new RuleSamples(
            List.of(
                s.from(LETTERS, 3) + "8Q" + "~" + s.from(ALNUM + "_~.-", 34),
                "secret: " + s.from(LETTERS, 3) + "1Q" + "~" + s.alnum(31)),
            List.of("abc8Q~" + s.alnum(10), "a Q~ b")));
    m.put(
        "azure-storage-account-key",
        new RuleSamples(
            List.of(
                "DefaultEndpointsProtocol=https;AccountName=acme;Account"
                    + "Key="
                    + s.from(BASE64, 86)
                    + "==;EndpointSuffix=core.windows.net"),
            List.of("AccountKey=<account key>", "AccountKey=" + s.from(BASE64, 20) + "==")));
    m.put(
        "openai-api-key",
        new RuleSamples(
            List.of(
                "sk-" + "proj-" + s.from(URL_SAFE, 74) + "T3Blbk" + "FJ" + s.from(URL_SAFE, 74),
                "sk-" + s.alnum(20) + "T3Blbk" + "FJ" + s.alnum(20),
                "sk-" + "svcacct-" + s.from(URL_SAFE, 58) + "1"),
            List.of("sk-proj-" + s.alnum(10), "task-proj-" + s.alnum(60), "T3BlbkFJ alone")));
    m.put(
        "anthropic-api-key",
        new RuleSamples(
            List.of(
                "sk-" + "ant-api03-" + s.from(URL_SAFE, 93) + "AA",
                "sk-" + "ant-admin01-" + s.from(URL_SAFE, 93) + "AA"),
            List.of("sk-ant-api03-" + s.alnum(10), "sk-ant-" + s.alnum(40))));
    m.put(
        "huggingface-token",
        new RuleSamples(
            List.of("h" + "f_" + s.from(LETTERS, 34)),
            List.of("hf_" + s.from(LETTERS, 33), "hf_" + s.from(LETTERS, 35), "hf_hub_download")));
    m.put(
        "perplexity-api-key",
        new RuleSamples(List.of("pp" + "lx-" + s.alnum(48)), List.of("pplx-" + s.alnum(20))));
    m.put(
        "groq-api-key",
        new RuleSamples(List.of("gs" + "k_" + s.alnum(52)), List.of("gsk_" + s.alnum(20))));
    m.put(
        "npm-access-token",
        new RuleSamples(
            List.of(
                "np" + "m_" + s.alnum(36),
                "//registry.npmjs.org/:_authToken=np" + "m_" + s.alnum(36)),
            List.of("npm_" + s.alnum(35), "npm_" + s.alnum(37), "npm_install_step")));
    m.put(
        "pypi-upload-token",
        new RuleSamples(
            List.of(
                "pypi-" + "AgEIcHlwaS5vcmc" + s.from(URL_SAFE, 70),
                "pypi-" + "AgENdGVzdC5weXBpLm9yZw" + s.from(URL_SAFE, 70)),
            List.of("pypi-AgEIcHlwaS5vcmc" + s.alnum(10), "pypi-" + s.alnum(80))));
    m.put(
        "rubygems-api-key",
        new RuleSamples(
            List.of("ruby" + "gems_" + s.hex(48)),
            List.of("rubygems_" + s.hex(20), "rubygems_org_mirror")));
    m.put(
        "dockerhub-pat",
        new RuleSamples(
            List.of("dckr" + "_pat_" + s.from(URL_SAFE, 27)), List.of("dckr_pat_" + s.alnum(10))));
    m.put(
        "slack-token",
        new RuleSamples(
            List.of(
                "xo" + "xb-" + "12345678901234567890",
                "xo" + "xp-" + s.alnum(40),
                "xo" + "xe.xoxp-1-" + s.alnum(40),
                "xo" + "xe-1-" + s.alnum(40),
                "xo" + "xa-2-" + s.alnum(30)),
            List.of("xoxb-" + "123456789012345", "hugs xoxo", "xoxz-" + s.alnum(30))));
    m.put(
        "slack-app-token",
        new RuleSamples(
            List.of(
                "xa"
                    + "pp-1-A"
                    + s.from(UPPER_ALNUM, 10)
                    + "-"
                    + s.from("0123456789", 13)
                    + "-"
                    + s.hex(64)),
            List.of("xapp-" + s.alnum(8), "the xapp- prefix")));
    m.put(
        "slack-webhook-url",
        new RuleSamples(
            List.of(
                "https://hooks.slack.com/"
                    + "services/T"
                    + s.from(UPPER_ALNUM, 8)
                    + "/B"
                    + s.from(UPPER_ALNUM, 8)
                    + "/"
                    + s.alnum(24)),
            List.of(
                "https://hooks.slack.com/services/<webhook path>", "hooks.slack.com is the host")));
    m.put(
        "sendgrid-api-key",
        new RuleSamples(
            List.of("S" + "G." + s.from(URL_SAFE, 22) + "." + s.from(URL_SAFE, 43)),
            List.of("SG." + s.alnum(10) + "." + s.alnum(10), "msg.text", "see SG. docs")));
    m.put(
        "stripe-secret-key",
        new RuleSamples(
            List.of(
                "sk" + "_live_" + s.alnum(24),
                "sk" + "_test_" + s.alnum(16),
                "sk" + "_prod_" + s.alnum(30)),
            List.of("sk_live_" + s.alnum(15), "task_live_" + s.alnum(24), "sk_live_<key>")));
    m.put(
        "stripe-restricted-key",
        new RuleSamples(
            List.of("rk" + "_live_" + s.alnum(24), "rk" + "_test_" + s.alnum(24)),
            List.of("rk_live_" + s.alnum(10), "park_live_" + s.alnum(24))));
    m.put(
        "stripe-webhook-secret",
        new RuleSamples(
            List.of("wh" + "sec_" + s.from(BASE64, 32)),
            List.of("whsec_" + s.alnum(10), "whsec_<secret>")));
    m.put(
        "square-access-token",
        new RuleSamples(
            List.of("sq0" + "atp-" + s.from(URL_SAFE, 22), "sq0" + "csp-" + s.from(URL_SAFE, 43)),
            List.of("sq0atp-" + s.alnum(10))));
    m.put(
        "hashicorp-vault-token",
        new RuleSamples(
            List.of(
                "hv" + "s." + s.from(URL_SAFE, 90),
                "hv" + "b." + s.from(URL_SAFE, 138),
                "hv" + "s." + s.alnum(24)),
            List.of("hvs." + s.alnum(10), "see hvs.docs")));
    m.put(
        "terraform-cloud-token",
        new RuleSamples(
            List.of(s.alnum(14) + ".atlas" + "v1." + s.from(URL_SAFE, 67)),
            List.of("x.atlasv1.y", s.alnum(14) + ".atlasv1." + s.alnum(20))));
    m.put(
        "digitalocean-token",
        new RuleSamples(
            List.of(
                "do" + "p_v1_" + s.hex(64), "do" + "o_v1_" + s.hex(64), "do" + "r_v1_" + s.hex(64)),
            List.of("dop_v1_" + s.hex(63), "dop_v1_" + "z".repeat(64))));
    m.put(
        "databricks-token",
        new RuleSamples(
            List.of("da" + "pi" + s.hex(32), "da" + "pi" + s.hex(32) + "-2"),
            List.of("dapi" + s.hex(31), "dapi" + s.hex(33), "dapiversion")));
    m.put(
        "shopify-token",
        new RuleSamples(
            List.of("shp" + "at_" + s.hex(32), "shp" + "ss_" + s.hex(32)),
            List.of("shpat_" + s.hex(10))));
    m.put(
        "postman-api-key",
        new RuleSamples(
            List.of("PM" + "AK-" + s.hex(24) + "-" + s.hex(34)), List.of("PMAK-" + s.hex(10))));
    m.put(
        "linear-api-key",
        new RuleSamples(List.of("lin" + "_api_" + s.alnum(40)), List.of("lin_api_" + s.alnum(10))));
    m.put(
        "doppler-token",
        new RuleSamples(List.of("dp." + "pt." + s.alnum(43)), List.of("dp.pt." + s.alnum(10))));
    m.put(
        "pulumi-access-token",
        new RuleSamples(
            List.of("pu" + "l-" + s.hex(40)), List.of("pul-" + s.hex(39), "pul-request")));
    m.put(
        "grafana-token",
        new RuleSamples(
            List.of("gl" + "sa_" + s.alnum(32) + "_" + s.hex(8), "gl" + "c_" + s.from(BASE64, 60)),
            List.of("glsa_" + s.alnum(10), "glc_" + s.alnum(10))));
    m.put(
        "sentry-token",
        new RuleSamples(
            List.of("sntry" + "u_" + s.hex(64), "sntry" + "s_eyJ" + s.from(BASE64, 60)),
            List.of("sntryu_" + s.hex(10))));
    m.put(
        "notion-token",
        new RuleSamples(
            List.of("nt" + "n_" + s.from("0123456789", 11) + s.alnum(35)),
            List.of("ntn_" + s.alnum(10))));
    m.put(
        "onepassword-service-account-token",
        new RuleSamples(
            List.of("op" + "s_eyJ" + s.from(BASE64, 260)), List.of("ops_eyJ" + s.alnum(20))));
    m.put(
        "age-secret-key",
        new RuleSamples(
            List.of("AGE-SECRET" + "-KEY-1" + s.from(BECH32, 58)),
            List.of("AGE-SECRET-KEY-1" + s.from(BECH32, 10))));
    m.put(
        "jwt",
        new RuleSamples(
            List.of(
                "ey"
                    + "J"
                    + s.from(URL_SAFE, 30)
                    + ".ey"
                    + "J"
                    + s.from(URL_SAFE, 40)
                    + "."
                    + s.from(URL_SAFE, 43)),
            List.of("eyJhbGciOiJIUzI1NiJ9", "eyJ" + s.alnum(20) + ".eyJ" + s.alnum(20) + ".")));
    m.put(
        "private-key-pem",
        new RuleSamples(
            List.of(
                pem + pemEnd + "\n" + s.from(BASE64, 64),
                pem + "RSA " + pemEnd,
                pem + "EC " + pemEnd,
                pem + "DSA " + pemEnd,
                pem + "OPENSSH " + pemEnd,
                pem + "ENCRYPTED " + pemEnd,
                "---- BEGIN SSH2 ENCRYPTED " + "PRIVATE KEY ----",
                "-----begin " + "private key-----"),
            List.of(
                "-----BEGIN PUBLIC KEY-----",
                "-----BEGIN CERTIFICATE-----",
                "the private key rotation is due",
                "BEGIN PRIVATE KEY")));
    m.put(
        "pgp-private-key-block",
        new RuleSamples(
            List.of("-----BEGIN PGP " + "PRIVATE KEY BLOCK-----\n" + s.from(BASE64, 64)),
            List.of("-----BEGIN PGP PUBLIC KEY BLOCK-----", "-----BEGIN PGP SIGNATURE-----")));
    m.put(
        "putty-private-key",
        new RuleSamples(
            List.of("PuTTY-User-" + "Key-File-3: ssh-ed25519\nEncryption: none"),
            List.of("PuTTY-User-Key-File is the header name")));
    m.put(
        "http-authorization-header",
        new RuleSamples(
            List.of(
                "Authorization: Token " + s.alnum(40),
                "authorization: Basic " + base64Of("alice:" + s.alnum(16)),
                "Proxy-Authorization: Bearer " + s.alnum(32),
                "{\"Authorization\": \"SharedKey acme:" + s.from(BASE64, 43) + "=\"}"),
            List.of(
                "Authorization: required",
                "authorization: <redacted>",
                "Authorization: Bearer ${TOKEN}",
                "authorization: pending review for tenant-demo",
                "Authorization: Basic " + base64Of("no colon here"))));
    m.put(
        "http-bearer-token",
        new RuleSamples(
            List.of("Bearer " + s.alnum(32), "curl -H 'bearer " + s.from(URL_SAFE, 24) + "9.x'"),
            List.of(
                "Bearer ${TOKEN}",
                "Bearer <token>",
                "bearer of this document",
                "Bearer authentication_required_here",
                "Bearer " + "X".repeat(24),
                "Bearer " + "*".repeat(24),
                "Bearer SOME_UPPER_CASE_CONSTANT")));
    m.put(
        "http-basic-credentials",
        new RuleSamples(
            List.of(
                "Basic " + base64Of("alice:" + s.alnum(16)), "basic " + base64Of(":" + s.alnum(8))),
            List.of(
                "basic information",
                "Basic plan customers",
                "basic enterprise support",
                "Basic " + base64Of("no colon here"),
                "Basic " + base64Of("user:"),
                "Basic " + base64Of("user:****"))));
    m.put(
        "basic-auth-url",
        new RuleSamples(
            List.of(
                "postgres://app:" + s.alnum(16) + "@db.internal:5432/app",
                "see https://deploy:" + s.alnum(12) + "@example.com/repo.git",
                "redis://:" + s.alnum(20) + "@cache:6379/0"),
            List.of(
                "https://example.com/path?a=b",
                "https://user:${PASSWORD}@example.com",
                "https://user:****@example.com",
                "https://user@example.com",
                "postgres://app:<password>@db",
                "://user:pw@host")));

    m.put(
        "key-private-key",
        new RuleSamples(
            List.of(
                "private_key",
                "privateKey",
                "signing_key",
                "signingKey",
                "secretKey",
                "encryption_key",
                "PRIVATE-KEY",
                "ssh_privkey",
                "master_key",
                "hmac_key",
                "PrivateKeyPem"),
            List.of(
                "public_key", "private_key_id", "key_id", "primary_key", "sort_key", "private")));
    m.put(
        "key-api-key",
        new RuleSamples(
            List.of(
                "api_key",
                "apiKey",
                "API_KEY",
                "api-key",
                "x-api-key",
                "APIKey",
                "apikey",
                "auth_key",
                "storageAccountKey"),
            List.of("api_key_id", "api_version", "apiKeyName", "monkey", "keyboard", "api")));
    m.put(
        "key-password",
        new RuleSamples(
            List.of(
                "password",
                "passwords",
                "passwd",
                "pwd",
                "db_password",
                "PassWord",
                "passphrase",
                "userPassword",
                "passcode",
                "DB_PWD"),
            List.of(
                "password_policy",
                "password_min_length",
                "passwordFile",
                "passport",
                "cwd",
                "bypass")));
    m.put(
        "key-connection-string",
        new RuleSamples(
            List.of("connection_string", "connectionString", "conn_str", "ConnectionStrings"),
            List.of("connection_timeout", "connection", "string")));
    m.put(
        "key-authorization",
        new RuleSamples(
            List.of(
                "authorization",
                "Authorization",
                "auth_header",
                "bearer",
                "proxy-authorization",
                "bearer_token",
                "AuthHeader"),
            List.of("authorization_url", "authorizationEndpoint", "auth", "author", "authority")));
    m.put(
        "key-credentials",
        new RuleSamples(
            List.of("credentials", "credential", "creds", "googleCredentials", "aws_creds"),
            List.of("credentials_id", "credentialsId", "with_credentials", "withCredentials")));
    m.put(
        "key-cookie",
        new RuleSamples(
            List.of("cookie", "Cookie", "cookies", "Set-Cookie", "session_cookie"),
            List.of("cookie_policy", "cookie_consent", "accept_cookies", "cookieName")));
    m.put(
        "key-secret",
        new RuleSamples(
            List.of(
                "secret",
                "client_secret",
                "clientSecret",
                "webhookSecret",
                "secrets",
                "aws_secret_access_key",
                "SECRET",
                "jwt_secret",
                "shared-secret"),
            List.of("secret_name", "secretary", "secret_ref", "secretName", "SecretArn")));
    m.put(
        "key-token",
        new RuleSamples(
            List.of(
                "token",
                "api_token",
                "accessToken",
                "refresh_token",
                "id_token",
                "tokens",
                "x-auth-token",
                "team_token",
                "csrf_token",
                "AccessTokens"),
            List.of(
                "max_tokens",
                "token_type",
                "token_count",
                "tokenizer",
                "tokenizationId",
                "maxOutputTokens",
                "next_page_token",
                "token_url",
                "prompt_tokens")));
    return m;
  }
}
