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

  /** A Luhn-valid number of {@code length} digits that starts with {@code prefix}. */
  String pan(String prefix, int length) {
    StringBuilder digits = new StringBuilder(prefix);
    while (digits.length() < length - 1) {
      digits.append(random.nextInt(10));
    }
    int sum = 0;
    for (int i = digits.length() - 1, k = 0; i >= 0; i--, k++) {
      int v = digits.charAt(i) - '0';
      if ((k & 1) == 0) {
        v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      }
      sum += v;
    }
    return digits.append((10 - sum % 10) % 10).toString();
  }

  /**
   * {@code digits} grouped four by four (or as American Express groups 15), joined by {@code sep}.
   */
  static String grouped(String digits, String sep) {
    if (digits.length() == 15) {
      return digits.substring(0, 4) + sep + digits.substring(4, 10) + sep + digits.substring(10);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 4) {
      out.append(i == 0 ? "" : sep).append(digits, i, Math.min(i + 4, digits.length()));
    }
    return out.toString();
  }

  /** Random letters and digits with at least one of each of digit, upper and lower case. */
  static String mixed(Samples s, int length) {
    return "A" + "b" + "7" + s.from(ALNUM, length - 3);
  }

  static String uuid(Samples s) {
    return s.hex(8) + "-" + s.hex(4) + "-" + s.hex(4) + "-" + s.hex(4) + "-" + s.hex(12);
  }

  static String lowerHexUuid(Samples s) {
    return uuid(s);
  }

  static String lowerUuid(Samples s) {
    String abc = "abcdefghijklmnopqrstuvwxyz0123456789";
    return s.from(abc, 7)
        + "1-"
        + s.from(abc, 4)
        + "-"
        + s.from(abc, 4)
        + "-"
        + s.from(abc, 4)
        + "-"
        + s.from(abc, 12);
  }

  /** The same digits with the check digit changed, so that the Luhn check fails. */
  static String nonLuhn(String pan) {
    char last = pan.charAt(pan.length() - 1);
    return pan.substring(0, pan.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
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
                "AKIA" + "IOSFODNN7" + "EXAMPLE",
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
                "secret_access_key: rotated-weekly",
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
            List.of("AccountKey=<account key>", "AccountKeyName=primary")));
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
                "xo" + "xp-" + "2" + s.alnum(40),
                "xo" + "xe.xoxp-1-" + s.alnum(40),
                "xo" + "xe-1-" + s.alnum(40),
                "xo" + "xa-2-" + s.alnum(30)),
            List.of(
                "xoxb-" + "123456789012345",
                "hugs xoxo",
                "xoxz-" + s.alnum(30),
                "xoxp-enterprise-grid-migration-plan")));
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
        "jwk-private-key",
        new RuleSamples(
            List.of(
                "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\""
                    + s.from(URL_SAFE, 43)
                    + "\",\"y\":\""
                    + s.from(URL_SAFE, 43)
                    + "\",\"d\":\""
                    + s.alnum(43)
                    + "\"}",
                "JWK={\"k\": \"" + s.alnum(43) + "\", \"kty\": \"oct\", \"alg\": \"HS256\"}"),
            List.of(
                "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\""
                    + s.from(URL_SAFE, 43)
                    + "\",\"y\":\""
                    + s.from(URL_SAFE, 43)
                    + "\"}",
                "{\"kty\":\"oct\",\"k\":\"REDACTED_SYMMETRIC_KEY\"}",
                "{\"kty\":\"RSA\",\"d\":\"${JWK_PRIVATE_EXPONENT}\"}",
                "{\"kty\":\"RSA\",\"use\":\"sig\"}, {\"d\":\"" + s.alnum(43) + "\"}")));
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
        "alibaba-access-key-id",
        new RuleSamples(
            List.of("LT" + "AI" + s.alnum(20)),
            List.of("LTAI" + s.alnum(10), "LTAI" + "abcdefghijklmnopqrst")));
    m.put(
        "google-oauth-access-token",
        new RuleSamples(
            List.of("ya" + "29." + s.from(URL_SAFE, 60) + "9", "ya" + "29.a0" + s.alnum(120)),
            List.of("ya29." + s.alnum(10), "ya29.example-placeholder-text-for-docs")));
    m.put(
        "google-oauth-refresh-token",
        new RuleSamples(
            List.of("1//" + "0" + s.from(URL_SAFE, 60) + "Q9"),
            List.of("1//0" + s.alnum(10), "http://0" + s.alnum(50))));
    m.put(
        "firebase-cloud-messaging-key",
        new RuleSamples(
            List.of("AAAA" + s.alnum(7) + ":" + "APA91b" + s.from(URL_SAFE, 134)),
            List.of("AAAA" + s.alnum(7) + ":APA91b" + s.alnum(20))));
    m.put(
        "azure-shared-access-key",
        new RuleSamples(
            List.of(
                "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;Shared"
                    + "AccessKey="
                    + s.from(BASE64, 43)
                    + "=",
                "endpoint=sb://acme.servicebus.windows.net/;sharedaccesskeyname=send;shared"
                    + "accesskey="
                    + s.from(BASE64, 43)
                    + "="),
            List.of("SharedAccessKeyName=RootManageSharedAccessKey", "SharedAccessKey=<key>")));
    m.put(
        "azure-sas-token",
        new RuleSamples(
            List.of(
                "https://acme.blob.core.windows.net/c?sv=2024-11-04&ss=b&srt=o&sp=r&sig="
                    + s.from(ALNUM, 40)
                    + "%2B"
                    + s.alnum(8)
                    + "%3D",
                "?sv=2022-11-02&SIG=" + s.from(BASE64, 43) + "="),
            List.of("https://example.com/?sig=short", "the sig= parameter signs the URL")));
    m.put(
        "replicate-api-token",
        new RuleSamples(
            List.of("r8" + "_" + s.alnum(37)), List.of("r8_" + s.alnum(20), "r8_is_a_prefix")));
    m.put(
        "jfrog-token",
        new RuleSamples(
            List.of("AK" + "Cp" + s.alnum(69), "cmVmdGtu" + s.alnum(56)),
            List.of("AKCp" + s.alnum(20))));
    m.put(
        "circleci-token",
        new RuleSamples(
            List.of("CCI" + "PAT_" + s.alnum(22) + "_" + s.hex(40)),
            List.of("CCIPAT_" + s.alnum(10))));
    m.put(
        "buildkite-token",
        new RuleSamples(List.of("bk" + "ua_" + s.hex(40)), List.of("bkua_" + s.hex(20))));
    m.put(
        "sonarqube-token",
        new RuleSamples(
            List.of("sq" + "p_" + s.hex(40), "sq" + "u_" + s.hex(40)),
            List.of("sqp_" + s.hex(20), "sqa_" + "g".repeat(40))));
    m.put(
        "atlassian-api-token",
        new RuleSamples(
            List.of("ATATT" + "3x" + s.from(URL_SAFE + "=", 190) + "1", "AT" + "BB" + s.alnum(32)),
            List.of("ATATT3" + s.alnum(20), "ATBB")));
    m.put(
        "discord-webhook-url",
        new RuleSamples(
            List.of(
                "https://discord.com/api/"
                    + "webhooks/"
                    + s.from("0123456789", 18)
                    + "/"
                    + s.from(URL_SAFE, 68),
                "https://DISCORD.COM/api/"
                    + "webhooks/"
                    + s.from("0123456789", 19)
                    + "/"
                    + s.from(URL_SAFE, 64)),
            List.of("https://discord.com/api/webhooks/<id>/<token>", "discord.com/developers")));
    m.put(
        "teams-webhook-url",
        new RuleSamples(
            List.of(
                "https://acme.webhook.office.com/"
                    + "webhookb2/"
                    + uuid(s)
                    + "@"
                    + uuid(s)
                    + "/IncomingWebhook/"
                    + s.hex(32)
                    + "/"
                    + uuid(s),
                "https://ACME.WEBHOOK.OFFICE.COM/"
                    + "webhookb2/"
                    + uuid(s)
                    + "@"
                    + uuid(s)
                    + "/IncomingWebhook/"
                    + s.hex(32)
                    + "/"
                    + uuid(s)),
            List.of("https://acme.webhook.office.com/webhookb2/<path>")));
    m.put(
        "telegram-bot-token",
        new RuleSamples(
            List.of(
                s.from("123456789", 1)
                    + s.from("0123456789", 9)
                    + ":"
                    + "AA"
                    + s.from(URL_SAFE, 33)),
            List.of("12:AA" + s.alnum(33), "123456789:AAshort")));
    m.put(
        "mailgun-api-key",
        new RuleSamples(
            List.of("ke" + "y-" + s.hex(32)),
            List.of("key-" + s.hex(20), "key-value-store-for-the-tenant-cache-entries")));
    m.put(
        "mailchimp-api-key",
        new RuleSamples(
            List.of(s.hex(32) + "-u" + "s21", s.hex(32) + "-u" + "s6"),
            List.of(s.hex(20) + "-us6", "locale en-us")));
    m.put(
        "brevo-api-key",
        new RuleSamples(
            List.of(
                "xkey" + "sib-" + s.hex(64) + "-" + s.alnum(16),
                "xsmtp" + "sib-" + s.hex(64) + "-" + s.alnum(16)),
            List.of("xkeysib-" + s.hex(10))));
    m.put(
        "twitter-bearer-token",
        new RuleSamples(
            List.of("A".repeat(21) + s.alnum(40) + "%3D" + s.alnum(50)),
            List.of("A".repeat(30), "A".repeat(21) + "a".repeat(40))));
    m.put(
        "facebook-access-token",
        new RuleSamples(
            List.of("EA" + "AB" + s.alnum(150)),
            List.of("EAA" + s.alnum(20), "EAA" + "b".repeat(120))));
    m.put(
        "square-access-token",
        new RuleSamples(
            List.of(
                "sq0" + "atp-" + s.from(URL_SAFE, 22),
                "sq0" + "csp-" + s.from(URL_SAFE, 43),
                "EA" + "AA" + s.from(URL_SAFE, 59) + "7"),
            List.of("sq0atp-" + s.alnum(10), "EAAA" + s.alnum(20))));
    m.put(
        "braintree-paypal-access-token",
        new RuleSamples(
            List.of(
                "access"
                    + "_token$production$"
                    + s.from("abcdefghijklmnopqrstuvwxyz0123456789", 16)
                    + "$"
                    + s.hex(32)),
            List.of(
                "access_token$production$<merchant>$<token>",
                "access_token$sandbox$short$" + s.hex(8))));
    m.put(
        "adyen-api-key",
        new RuleSamples(
            List.of("AQ" + "Ey" + s.from(BASE64 + ".", 120) + "9"),
            List.of("AQE" + s.alnum(20), "AQE" + "a".repeat(90))));
    m.put(
        "paddle-api-key",
        new RuleSamples(
            List.of(
                "pdl" + "_live_apikey_" + s.alnum(26) + "_" + s.alnum(22) + "_" + s.alnum(3),
                "pdl" + "_sdbx_apikey_" + s.alnum(40)),
            List.of("pdl_live_apikey_" + s.alnum(10), "pdl_live_apikey_" + "a".repeat(40))));
    m.put(
        "chargebee-mollie-api-key",
        new RuleSamples(
            List.of("li" + "ve_" + mixed(s, 32), "te" + "st_" + mixed(s, 30)),
            List.of(
                "test_" + "handles_large_inputs_correctly",
                "live_" + "abcdefghijklmnopqrstuvwxyzab",
                "test_" + s.alnum(10))));
    m.put(
        "gocardless-access-token",
        new RuleSamples(
            List.of("li" + "ve_" + mixed(s, 38) + "_x", "sand" + "box_" + mixed(s, 38) + "-Q"),
            List.of(
                "sandbox_" + "environment_for_the_billing_integration_", "live_" + s.alnum(20))));
    m.put(
        "checkout-secret-key",
        new RuleSamples(
            List.of("sk" + "_sbox_" + lowerUuid(s), "sk" + "_" + lowerUuid(s)),
            List.of("sk_" + s.alnum(10), "task_" + lowerUuid(s))));
    m.put(
        "klarna-api-key",
        new RuleSamples(
            List.of("klarna" + "_live_api_" + s.from(URL_SAFE, 47) + "1"),
            List.of("klarna_live_api_" + s.alnum(10))));
    m.put(
        "easypost-api-key",
        new RuleSamples(
            List.of("EZ" + "AK" + s.hex(54), "EZ" + "TK" + s.hex(54)),
            List.of("EZAK" + s.hex(20))));
    m.put(
        "shippo-api-token",
        new RuleSamples(
            List.of("shippo" + "_live_" + s.hex(40)), List.of("shippo_live_" + s.hex(10))));
    m.put(
        "plaid-access-token",
        new RuleSamples(
            List.of(
                "access" + "-production-" + lowerHexUuid(s),
                "access" + "-sandbox-" + lowerHexUuid(s)),
            List.of("access-production-<token>", "access-control-list")));
    m.put(
        "flutterwave-secret-key",
        new RuleSamples(
            List.of(
                "FLW" + "SECK-" + s.from("abcdefgh0123456789", 32) + "-X",
                "FLW" + "SECK_TEST-" + s.from("abcdefgh0123456789", 32) + "-X"),
            List.of("FLWSECK-" + s.hex(10) + "-X")));
    m.put(
        "heroku-api-key",
        new RuleSamples(
            List.of("HR" + "KU-" + s.from(URL_SAFE, 59) + "1"), List.of("HRKU-" + s.alnum(20))));
    m.put(
        "netlify-token",
        new RuleSamples(List.of("nf" + "p_" + s.alnum(36)), List.of("nfp_" + s.alnum(20))));
    m.put(
        "supabase-token",
        new RuleSamples(List.of("sb" + "p_" + s.hex(40)), List.of("sbp_" + s.hex(20))));
    m.put(
        "planetscale-token",
        new RuleSamples(
            List.of(
                "pscale" + "_tkn_" + s.from(URL_SAFE, 42) + "1", "pscale" + "_pw_" + s.alnum(43)),
            List.of("pscale_tkn_" + s.alnum(10), "pscale_pw_" + "a".repeat(40))));
    m.put(
        "fly-io-token",
        new RuleSamples(
            List.of(
                "fo" + "1_" + s.from(URL_SAFE, 42) + "A", "Fly" + "V1 fm2_" + s.from(BASE64, 150)),
            List.of("fo1_" + s.alnum(10), "FlyV1 fm2_short")));
    m.put(
        "render-api-key",
        new RuleSamples(
            List.of("rn" + "d_" + s.alnum(32)),
            List.of("rnd_" + s.alnum(20), "rnd_" + "a".repeat(32))));
    m.put(
        "cloudflare-origin-ca-key",
        new RuleSamples(
            List.of("v1" + ".0-" + s.hex(24) + "-" + s.hex(146)),
            List.of("v1.0-" + s.hex(24), "version v1.0-beta")));
    m.put(
        "hubspot-private-app-token",
        new RuleSamples(
            List.of("pat" + "-na1-" + lowerHexUuid(s), "pat" + "-eu1-" + lowerHexUuid(s)),
            List.of("pat-na1-<token>", "pat-eu1-" + s.hex(8))));
    m.put(
        "new-relic-key",
        new RuleSamples(
            List.of(
                "NR" + "AK-" + s.from(UPPER_ALNUM, 26) + "7",
                "NR" + "JS-" + s.hex(19),
                "NR" + "II-" + s.from(URL_SAFE, 31) + "x"),
            List.of("NRAK-" + s.from(UPPER_ALNUM, 10))));
    m.put(
        "dynatrace-token",
        new RuleSamples(
            List.of("dt0" + "c01." + s.from(UPPER_ALNUM, 24) + "." + s.from(UPPER_ALNUM, 64)),
            List.of("dt0c01." + s.from(UPPER_ALNUM, 10))));
    m.put(
        "mapbox-secret-token",
        new RuleSamples(
            List.of("sk" + ".eyJ" + s.from(URL_SAFE, 60) + "." + s.from(URL_SAFE, 22)),
            List.of(
                "sk.eyJ" + s.alnum(10),
                "pk.eyJ" + s.from(URL_SAFE, 60) + "." + s.from(URL_SAFE, 22))));
    m.put(
        "payment-card-number",
        new RuleSamples(
            List.of(
                s.pan("4", 16),
                grouped(s.pan("54", 16), " "),
                grouped(s.pan("37", 15), "-"),
                "card " + s.pan("6011", 16) + " on file",
                grouped(s.pan("2221", 16), "-"),
                s.pan("3530", 16),
                s.pan("62", 19),
                s.pan("4", 13)),
            List.of(
                "411111******1111",
                "4111 11** **** 1111",
                "************1111",
                "invoice " + nonLuhn(s.pan("4", 16)),
                "epoch 1733130000000",
                s.pan("1", 16),
                s.pan("99", 16),
                "4" + "4".repeat(15),
                s.pan("4", 15),
                s.pan("4", 16) + "7",
                "4111 1111-1111 1111")));
    m.put(
        "curl-basic-auth",
        new RuleSamples(
            List.of(
                "curl -u deploy:" + s.alnum(16) + " https://api.example.com",
                "CURL --silent --user ops:" + s.alnum(12) + " https://x"),
            List.of(
                "curl -u deploy:${TOKEN} https://x",
                "curl -u deploy https://x",
                "curl is used with -u in the docs")));
    m.put(
        "credential-assignment",
        new RuleSamples(
            List.of(
                "export DB_PASSWORD=" + s.alnum(16),
                "SOME_TOKEN=" + s.alnum(24),
                "aws configure set aws_secret_access_key " + s.from(BASE64, 40) + "x",
                "tool configure set some_secret_key " + s.alnum(20),
                "Server=db;User Id=app;Password=" + s.alnum(14) + ";",
                "server=db;user id=app;PASSWORD=" + s.alnum(14) + ";",
                "--api-key " + s.alnum(32),
                "password: " + s.alnum(12),
                "https://example.com/cb?access_token=" + s.alnum(24) + "&x=1",
                "{\"client_secret\": \"" + s.alnum(24) + "\"}",
                "cvv=737"),
            List.of(
                "password: required",
                "PASSWORD_MIN_LENGTH=12",
                "TOKEN_TTL_SECONDS=3600",
                "export DB_PASSWORD=${DB_PASSWORD}",
                "api_key_header_name: X-API-Key",
                "SECRET_DETECTION_ENABLED=true",
                "the token is rotated daily",
                "set the password in the vault",
                "keyboard=us",
                "password=%DB_PASSWORD%",
                "password: must-be-at-least-12")));
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
                "public_key",
                "private_key_id",
                "key_id",
                "primary_key",
                "sort_key",
                "private",
                "private_key_jwt_enabled",
                "signing_key_algorithm")));
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
                "storageAccountKey",
                "aws_secret_access_key",
                "SharedAccessKey"),
            List.of(
                "api_key_id",
                "api_version",
                "apiKeyName",
                "monkey",
                "keyboard",
                "api",
                "api_key_expires_at",
                "api_key_header_name",
                "key_rotation_interval_days",
                "access_key_id")));
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
                "bypass",
                "password_reset_url",
                "settings.password.title",
                "passwordless",
                "password_hash_algorithm",
                "pass")));
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
                "AuthHeader"),
            List.of(
                "authorization_url",
                "authorizationEndpoint",
                "auth",
                "author",
                "authority",
                "authorization_endpoint",
                "authorization_code_ttl")));
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
                "SECRET",
                "jwt_secret",
                "shared-secret"),
            List.of(
                "secret_name",
                "secretary",
                "secret_ref",
                "secretName",
                "SecretArn",
                "secrets_manager_region",
                "client_secret_expires_at",
                "secret_detection_enabled")));
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
                "AccessTokens",
                "bearer_token"),
            List.of(
                "max_tokens",
                "token_type",
                "token_count",
                "tokenizer",
                "tokenizationId",
                "maxOutputTokens",
                "next_page_token",
                "token_url",
                "prompt_tokens",
                "token_ttl_seconds",
                "login.token.placeholder",
                "token_quota",
                "tokens_per_minute")));
    m.put(
        "key-card-security-code",
        new RuleSamples(
            List.of(
                "cvv",
                "CVC",
                "cvv2",
                "card_security_code",
                "cardVerificationValue",
                "securityCode",
                "csc"),
            List.of("cvc_check", "cvv_required", "security_code_length", "cvc_result")));
    m.put(
        "key-abbreviated-credential",
        new RuleSamples(
            List.of("pw", "pass", "pswd", "Pword", "auth", "db_pw", "tkn"),
            List.of("pw_hint", "pass_rate", "auth_method", "author", "passes", "pwa")));
    return m;
  }
}
