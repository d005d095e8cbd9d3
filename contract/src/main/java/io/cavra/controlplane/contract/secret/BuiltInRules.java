package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.secret.SecretRule.ValuePolicy;
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
              random(4),
              "ghp_"),
          SecretRule.value(
              "github-oauth-token",
              "GitHub OAuth access token (gho_)",
              B + "gho_[A-Za-z0-9_]{20,}",
              random(4),
              "gho_"),
          SecretRule.value(
              "github-app-token",
              "GitHub App user-to-server or server-to-server token (ghu_, ghs_)",
              B + "gh[us]_[A-Za-z0-9_]{20,}",
              random(4),
              "ghu_",
              "ghs_"),
          SecretRule.value(
              "github-refresh-token",
              "GitHub refresh token (ghr_)",
              B + "ghr_[A-Za-z0-9_]{20,}",
              random(4),
              "ghr_"),
          SecretRule.value(
              "github-pat-fine-grained",
              "GitHub fine-grained personal access token (github_pat_)",
              B + "github_pat_[A-Za-z0-9_]{36,}",
              random(11),
              "github_pat_"),
          SecretRule.value(
              "gitlab-pat",
              "GitLab personal access token (glpat-)",
              B + "glpat-[A-Za-z0-9_-]{20,}",
              random(6),
              "glpat-"),
          SecretRule.value(
              "gitlab-token",
              "GitLab runner, deploy, trigger, feed, OAuth and other tokens",
              B
                  + "(?:(?:glrt|gldt|glft|glsoat|glcbt|glimt|glagent|gloas)-[A-Za-z0-9_-]{20,}"
                  + "|glptt-[0-9a-f]{40}|GR1348941[A-Za-z0-9_-]{20,})",
              random(9),
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
              (t, m) -> !isDocumentationExample(t, m.start(), m.end()),
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
              (t, m) -> !isDocumentationExample(t, m.start(), m.end()),
              "secret_acc",
              "secret-acc",
              "secretacc"),
          SecretRule.value(
              "aws-bedrock-api-key",
              "AWS Bedrock long-lived API key (ABSK)",
              B + "ABSK[A-Za-z0-9+/]{109,269}",
              "absk"),
          SecretRule.value(
              "alibaba-access-key-id",
              "Alibaba Cloud AccessKey id (LTAI)",
              B + "LTAI[A-Za-z0-9]{20}(?![A-Za-z0-9])",
              random(4),
              "ltai"),
          SecretRule.value(
              "google-api-key", "Google API key (AIza)", B + "AIza[0-9A-Za-z_-]{35}", "aiza"),
          SecretRule.value(
              "google-oauth-client-secret",
              "Google OAuth client secret (GOCSPX-)",
              B + "GOCSPX-[A-Za-z0-9_-]{28}",
              "gocspx-"),
          SecretRule.value(
              "google-oauth-access-token",
              "Google OAuth 2.0 access token (ya29.)",
              B + "ya29\\.[0-9A-Za-z_-]{30,}",
              random(5),
              "ya29."),
          SecretRule.value(
              "google-oauth-refresh-token",
              "Google OAuth 2.0 refresh token (1//0…)",
              "(?<![A-Za-z0-9/])1//0[0-9A-Za-z_-]{40,}",
              random(4),
              "1//0"),
          SecretRule.value(
              "firebase-cloud-messaging-key",
              "Firebase Cloud Messaging legacy server key (…:APA91b…)",
              B + "AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}",
              "apa91b"),
          SecretRule.value(
              "azure-ad-client-secret",
              "Azure AD (Entra ID) client secret (…Q~…)",
              "(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}[0-9]Q~"
                  + "[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])",
              "q~"),
          SecretRule.value(
              "azure-storage-account-key",
              "Azure storage account key in a connection string (AccountKey=, any case)",
              "(?i:accountkey)=[A-Za-z0-9+/]{86}==",
              "accountkey="),
          SecretRule.value(
              "azure-shared-access-key",
              "Azure Service Bus, Event Hubs or IoT Hub shared access key (SharedAccessKey=, any"
                  + " case)",
              "(?i:sharedaccesskey)=[A-Za-z0-9+/]{42,44}=",
              "sharedaccesskey="),
          SecretRule.value(
              "azure-sas-token",
              "Azure shared access signature (sig= in a SAS URL or token)",
              "(?<=[?&])(?i:sig)=(?:[A-Za-z0-9+/]|%2[BbFf]){40,}(?:%3[Dd]|=)",
              "sig="),
          SecretRule.value(
              "openai-api-key",
              "OpenAI API key (sk-proj-, sk-svcacct-, sk-admin-, legacy sk-…T3BlbkFJ…)",
              B
                  + "sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}"
                  + "|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})",
              random(3),
              "sk-proj-",
              "sk-svcacct-",
              "sk-admin-",
              "t3blbkfj"),
          SecretRule.value(
              "anthropic-api-key",
              "Anthropic API or admin key (sk-ant-)",
              B + "sk-ant-(?:api|admin|oat)[0-9]{2}-[A-Za-z0-9_-]{32,}",
              random(13),
              "sk-ant-"),
          SecretRule.value(
              "huggingface-token",
              "Hugging Face access token (hf_)",
              B + "hf_[A-Za-z]{34}(?![A-Za-z0-9])",
              random(3),
              "hf_"),
          SecretRule.value(
              "perplexity-api-key",
              "Perplexity API key (pplx-)",
              B + "pplx-[A-Za-z0-9]{48}",
              random(5),
              "pplx-"),
          SecretRule.value(
              "groq-api-key", "Groq API key (gsk_)", B + "gsk_[A-Za-z0-9]{52}", random(4), "gsk_"),
          SecretRule.value(
              "replicate-api-token",
              "Replicate API token (r8_)",
              B + "r8_[A-Za-z0-9]{37}(?![A-Za-z0-9])",
              random(3),
              "r8_"),
          SecretRule.value(
              "npm-access-token",
              "npm access token (npm_)",
              B + "npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])",
              random(4),
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
              random(9),
              "dckr_pat_"),
          SecretRule.value(
              "jfrog-token",
              "JFrog Artifactory API key or reference token (AKCp, cmVmdGtu)",
              B + "(?:AKCp[A-Za-z0-9]{69}|cmVmdGtu[A-Za-z0-9]{56})",
              "akcp",
              "cmvmdgtu"),
          SecretRule.value(
              "circleci-token",
              "CircleCI personal API token (CCIPAT_)",
              B + "CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}",
              "ccipat_"),
          SecretRule.value(
              "buildkite-token",
              "Buildkite user API token (bkua_)",
              B + "bkua_[a-f0-9]{40}",
              "bkua_"),
          SecretRule.value(
              "sonarqube-token",
              "SonarQube or SonarCloud token (sqp_, squ_, sqa_)",
              B + "sq[pua]_[a-f0-9]{40}",
              "sqp_",
              "squ_",
              "sqa_"),
          SecretRule.value(
              "atlassian-api-token",
              "Atlassian API token or Bitbucket app password (ATATT3, ATBB)",
              B + "(?:ATATT3[A-Za-z0-9_=-]{180,}|ATBB[A-Za-z0-9_=.-]{28,})",
              random(4),
              "atatt3",
              "atbb"),
          SecretRule.value(
              "slack-token",
              "Slack bot, user, refresh and legacy tokens (xoxb-, xoxp-, xoxe-, xoxa-, …)",
              B + "xox(?:e\\.xox)?[abeoprs]-[0-9][A-Za-z0-9-]{15,}",
              "xox"),
          SecretRule.value(
              "slack-app-token",
              "Slack app-level token (xapp-)",
              B + "xapp-[0-9]-[A-Za-z0-9-]{14,}",
              "xapp-"),
          SecretRule.value(
              "slack-webhook-url",
              "Slack incoming webhook URL (hooks.slack.com/services/…, host in any case)",
              "(?i:hooks\\.slack\\.com)/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56}",
              "hooks.slack"),
          SecretRule.value(
              "discord-webhook-url",
              "Discord webhook URL (discord.com/api/webhooks/…, host in any case)",
              "(?i:discord(?:app)?\\.com)/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,70}",
              "discord"),
          SecretRule.value(
              "teams-webhook-url",
              "Microsoft Teams incoming webhook URL (….webhook.office.com/webhookb2/…, host in any"
                  + " case)",
              "(?i:webhook\\.office\\.com)/webhookb2/[A-Za-z0-9@-]{40,}/IncomingWebhook/[A-Za-z0-9]{32}/[A-Za-z0-9-]{36}",
              "webhook.office"),
          SecretRule.value(
              "telegram-bot-token",
              "Telegram bot token (<bot id>:AA…)",
              "(?<![0-9])[0-9]{8,10}:AA[0-9A-Za-z_-]{33}(?![0-9A-Za-z_-])",
              ":aa"),
          SecretRule.value(
              "sendgrid-api-key",
              "SendGrid API key (SG.…)",
              B + "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}",
              random(3),
              "sg."),
          SecretRule.value(
              "mailgun-api-key",
              "Mailgun private API key (key- + 32 hex)",
              B + "key-[0-9a-f]{32}(?![A-Za-z0-9])",
              random(4),
              "key-"),
          SecretRule.value(
              "mailchimp-api-key",
              "Mailchimp API key (32 hex + -us<n>)",
              B + "[0-9a-f]{32}-us[0-9]{1,2}(?![A-Za-z0-9])",
              "-us"),
          SecretRule.value(
              "brevo-api-key",
              "Brevo (Sendinblue) API or SMTP key (xkeysib-, xsmtpsib-)",
              B + "x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}",
              "xkeysib-",
              "xsmtpsib-"),
          SecretRule.value(
              "twitter-bearer-token",
              "X (Twitter) app bearer token (AAAAAAAAAAAAAAAAAAAAA…)",
              "A{21}[A-Za-z0-9%]{40,}",
              random(21),
              "aaaaaaaa"),
          SecretRule.value(
              "facebook-access-token",
              "Facebook or Instagram Graph API access token (EAA…)",
              B + "EAA[A-Za-z0-9]{100,}",
              random(3),
              "eaa"),
          SecretRule.value(
              "stripe-secret-key",
              "Stripe secret key (sk_live_, sk_test_, sk_prod_)",
              B + "sk_(?:live|test|prod)_[A-Za-z0-9_]{16,}",
              random(8),
              "sk_live_",
              "sk_test_",
              "sk_prod_"),
          SecretRule.value(
              "stripe-restricted-key",
              "Stripe restricted key (rk_live_, rk_test_, rk_prod_)",
              B + "rk_(?:live|test|prod)_[A-Za-z0-9_]{16,}",
              random(8),
              "rk_live_",
              "rk_test_",
              "rk_prod_"),
          SecretRule.value(
              "stripe-webhook-secret",
              "Stripe webhook signing secret (whsec_)",
              B + "whsec_[A-Za-z0-9+/=]{24,}",
              random(6),
              "whsec_"),
          SecretRule.value(
              "square-access-token",
              "Square access token or OAuth secret (EAAA…, sq0atp-, sq0csp-)",
              B + "(?:sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}|EAAA[A-Za-z0-9_-]{60}(?![A-Za-z0-9_-]))",
              random(7),
              "sq0atp-",
              "sq0csp-",
              "eaaa"),
          SecretRule.value(
              "braintree-paypal-access-token",
              "Braintree or PayPal access token (access_token$production$…)",
              "access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32}",
              "access_token$"),
          SecretRule.value(
              "adyen-api-key",
              "Adyen API key (AQE…)",
              B + "AQE[A-Za-z0-9][A-Za-z0-9+/=._~-]{80,}",
              random(3),
              "aqe"),
          SecretRule.value(
              "paddle-api-key",
              "Paddle API key (pdl_live_, pdl_sdbx_)",
              B + "pdl_(?:live|sdbx)_(?:apikey|key)_[A-Za-z0-9_]{30,}",
              random(9),
              "pdl_live_",
              "pdl_sdbx_"),
          SecretRule.value(
              "gocardless-access-token",
              "GoCardless access token (live_ or sandbox_ and 40 chars)",
              "(?<![A-Za-z0-9_])(?:live|sandbox)_[A-Za-z0-9_-]{40}(?![A-Za-z0-9_-])",
              randomMixed(5),
              "live_",
              "sandbox_"),
          SecretRule.value(
              "chargebee-mollie-api-key",
              "Chargebee or Mollie API key (live_ or test_ and 26–40 random letters and digits)",
              "(?<![A-Za-z0-9_])(?:live|test)_[A-Za-z0-9]{26,40}(?![A-Za-z0-9_])",
              randomMixed(5),
              "live_",
              "test_"),
          SecretRule.value(
              "checkout-secret-key",
              "Checkout.com secret key (sk_sbox_, sk_ + UUID)",
              B
                  + "sk_(?:sbox_)?[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}(?![A-Za-z0-9])",
              random(3),
              "sk_"),
          SecretRule.value(
              "klarna-api-key",
              "Klarna API key (klarna_live_api_, klarna_test_api_)",
              B + "klarna_(?:live|test)_api_[A-Za-z0-9_-]{40,}",
              random(16),
              "klarna_"),
          SecretRule.value(
              "easypost-api-key",
              "EasyPost API key (EZAK, EZTK)",
              B + "EZ[AT]K[a-f0-9]{54}",
              "ezak",
              "eztk"),
          SecretRule.value(
              "shippo-api-token",
              "Shippo API token (shippo_live_, shippo_test_)",
              B + "shippo_(?:live|test)_[a-f0-9]{40}",
              "shippo_"),
          SecretRule.value(
              "plaid-access-token",
              "Plaid access token (access-production-…, access-sandbox-…)",
              B
                  + "access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
              "access-"),
          SecretRule.value(
              "flutterwave-secret-key",
              "Flutterwave secret key (FLWSECK-)",
              B + "FLWSECK(?:_TEST)?-[a-h0-9]{32}-X",
              "flwseck"),
          SecretRule.value(
              "hashicorp-vault-token",
              "HashiCorp Vault service or batch token (hvs., hvb.)",
              B + "hv[sb]\\.[A-Za-z0-9_-]{24,}",
              random(4),
              "hvs.",
              "hvb."),
          SecretRule.value(
              "terraform-cloud-token",
              "Terraform Cloud / Enterprise API token (….atlasv1.…)",
              B + "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}",
              random(0),
              ".atlasv1."),
          SecretRule.value(
              "digitalocean-token",
              "DigitalOcean personal, OAuth or refresh token (dop_v1_, doo_v1_, dor_v1_)",
              B + "do[opr]_v1_[a-f0-9]{64}",
              "dop_v1_",
              "doo_v1_",
              "dor_v1_"),
          SecretRule.value(
              "heroku-api-key",
              "Heroku platform API key (HRKU-)",
              B + "HRKU-[A-Za-z0-9_-]{58,62}(?![A-Za-z0-9_-])",
              random(5),
              "hrku-"),
          SecretRule.value(
              "netlify-token",
              "Netlify personal access token (nfp_)",
              B + "nfp_[A-Za-z0-9]{36}(?![A-Za-z0-9])",
              random(4),
              "nfp_"),
          SecretRule.value(
              "supabase-token",
              "Supabase personal access token (sbp_)",
              B + "sbp_[a-f0-9]{40}(?![A-Za-z0-9])",
              "sbp_"),
          SecretRule.value(
              "planetscale-token",
              "PlanetScale token or password (pscale_tkn_, pscale_pw_, pscale_oauth_)",
              B + "pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64}",
              random(10),
              "pscale_"),
          SecretRule.value(
              "fly-io-token",
              "Fly.io access token (fo1_, FlyV1 fm1_/fm2_)",
              B + "(?:fo1_[A-Za-z0-9_-]{43}|FlyV1 fm[12][a-z]?_[A-Za-z0-9+/=_-]{100,})",
              random(4),
              "fo1_",
              "flyv1 fm"),
          SecretRule.value(
              "render-api-key",
              "Render API key (rnd_)",
              B + "rnd_[A-Za-z0-9]{32}(?![A-Za-z0-9])",
              random(4),
              "rnd_"),
          SecretRule.value(
              "cloudflare-origin-ca-key",
              "Cloudflare Origin CA key (v1.0-…)",
              B + "v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}",
              "v1.0-"),
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
              random(8),
              "lin_api_"),
          SecretRule.value(
              "hubspot-private-app-token",
              "HubSpot private app access token (pat-na1-, pat-eu1-, …)",
              B
                  + "pat-(?:na|eu|ap)[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
              "pat-na",
              "pat-eu",
              "pat-ap"),
          SecretRule.value(
              "doppler-token",
              "Doppler personal token (dp.pt.)",
              B + "dp\\.pt\\.[A-Za-z0-9]{43}",
              random(6),
              "dp.pt."),
          SecretRule.value(
              "pulumi-access-token",
              "Pulumi access token (pul-)",
              B + "pul-[a-f0-9]{40}(?![A-Za-z0-9])",
              "pul-"),
          SecretRule.value(
              "new-relic-key",
              "New Relic user, ingest or browser key (NRAK-, NRII-, NRJS-)",
              B + "(?:NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-[a-f0-9]{19})(?![A-Za-z0-9])",
              random(5),
              "nrak-",
              "nrii-",
              "nrjs-"),
          SecretRule.value(
              "dynatrace-token",
              "Dynatrace API token (dt0c01.)",
              B + "dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}",
              "dt0c01."),
          SecretRule.value(
              "grafana-token",
              "Grafana service-account or cloud token (glsa_, glc_)",
              B + "(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,})",
              random(4),
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
              "mapbox-secret-token",
              "Mapbox secret access token (sk.eyJ…)",
              B + "sk\\.eyJ[A-Za-z0-9_-]{50,}\\.[A-Za-z0-9_-]{20,}",
              "sk.eyj"),
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
              JsonWebKeys.RULE_ID,
              "JSON Web Key with private or symmetric key material (kty RSA, EC, OKP or oct, with"
                  + " d, p, q, dp, dq, qi or k)",
              JsonWebKeys.REGEX,
              JsonWebKeys::accept,
              JsonWebKeys.KEYWORD),
          SecretRule.value(
              "payment-card-number",
              "Payment card number (PAN): 13–19 digits with a card network's prefix, Luhn-valid,"
                  + " whole or grouped by spaces or dashes",
              PaymentCards.REGEX,
              PaymentCards::accept,
              PaymentCards.KEYWORDS),
          SecretRule.value(
              "curl-basic-auth",
              "curl command line with a user and password (curl … -u user:password)",
              "(?i:curl)(?=[ \\t])[^\\n"
                  + "]{0,200}?[ \\t](?:-u|--user)[ \\t=]+[\"']?([^\\s:\"']{1,64}):([^\\s\"']{3,})",
              (t, m) -> !Placeholders.isPlaceholder(m.group(2)),
              "curl"),
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
              (t, m) -> isOpaqueCredential(m.group(1)),
              "bearer"),
          SecretRule.value(
              "http-basic-credentials",
              "Basic credential (Basic <base64 of user:password>)",
              "(?<![A-Za-z0-9_-])(?i:basic)\\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])",
              (t, m) -> isBasicCredential(m.group(1)),
              "basic"),
          SecretRule.value(
              "basic-auth-url",
              "URL with a password in its user info (scheme://user:password@host)",
              "(?<=[A-Za-z0-9])://([^ \\t\\n\\x0B\\f\\r/?#@:]*+):([^ \\t\\n\\x0B\\f\\r/?#@]++)@",
              (t, m) -> !Placeholders.isPlaceholder(m.group(2)),
              "://"),
          SecretRule.value(
              "credential-assignment",
              "A credential given by name in text: NAME=value, NAME: value, --name value, set NAME"
                  + " value, or a connection string's Password=…, for every name a key rule covers",
              Assignments.REGEX,
              Assignments::accept,
              Assignments.KEYWORDS));

  static final List<SecretRule> KEY_RULES =
      List.of(
          SecretRule.key(
              "key-private-key",
              "private, signing or encryption key material",
              "(?:private|priv|signing|secret|encryption|decryption|master|hmac)_?keys?",
              ValuePolicy.ANY_STRING,
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
              "API, access, auth, account, client, service, license or subscription key",
              "(?:api|access|auth|account|client|service|app|application|license|licence"
                  + "|subscription|integration|db|database|storage_account|shared_access|sas)_?keys?",
              ValuePolicy.ANY_STRING,
              List.of(
                  "api_key",
                  "apikey",
                  "x_api_key",
                  "access_key",
                  "auth_key",
                  "account_key",
                  "client_key",
                  "service_key",
                  "app_key",
                  "license_key",
                  "subscription_key",
                  "db_key",
                  "shared_access_key")),
          SecretRule.key(
              "key-password",
              "password, passphrase or passcode",
              "pass_?(?:word|wd|phrase|code)s?"
                  + "|(?:^|_)(?:db|database|key|user|admin|root|mysql|postgres|redis|smtp|ftp|ldap)_?pass(?=_|$)"
                  + "|(?:^|_)pwds?(?=_|$)",
              ValuePolicy.ANY_STRING,
              List.of(
                  "password", "passwd", "passphrase", "passcode", "pwd", "db_pass", "key_pass")),
          SecretRule.key(
              "key-connection-string",
              "connection string (usually embeds credentials)",
              "(?:^|_)conn(?:ection)?_?str(?:ing)?s?(?=_|$)",
              ValuePolicy.ANY_STRING,
              List.of("connection_string", "conn_str")),
          SecretRule.key(
              "key-authorization",
              "authorization header or bearer credential",
              "authorization|(?:^|_)(?:proxy_)?auth_?headers?(?=_|$)|(?:^|_)bearer(?=_|$)",
              ValuePolicy.ANY_STRING,
              List.of("authorization", "auth_header", "bearer")),
          SecretRule.key(
              "key-credentials",
              "credentials",
              "credentials?|(?:^|_)creds?(?=_|$)",
              ValuePolicy.ANY_STRING,
              List.of("credential", "credentials", "cred", "creds")),
          SecretRule.key(
              "key-cookie",
              "cookie header value (a session credential)",
              "^(?:(?:set|session|auth)_)?cookies?$",
              ValuePolicy.ANY_STRING,
              List.of("cookie", "cookies", "set_cookie", "session_cookie", "auth_cookie")),
          SecretRule.key(
              "key-secret",
              "secret (client, webhook, shared, …)",
              // A Vault AppRole secret id is a credential, unlike most "…_id" keys.
              "secrets?(?:_id$)?",
              ValuePolicy.ANY_STRING,
              List.of("secret", "secrets", "client_secret", "webhook_secret")),
          SecretRule.key(
              "key-token",
              "token (access, refresh, auth, id, session, …)",
              "tokens?",
              ValuePolicy.ANY_STRING,
              List.of(
                  "token",
                  "tokens",
                  "access_token",
                  "refresh_token",
                  "auth_token",
                  "id_token",
                  "session_token")),
          SecretRule.key(
              "key-card-security-code",
              "payment card security code (CVV, CVC, CSC), as a string or a number",
              "(?:^|_)(?:cvv|cvc|csc|cvn|cav)_?2?(?=_|$)|card_?(?:security|verification)_?(?:code|value)"
                  + "|(?:^|_)security_code(?=_|$)",
              ValuePolicy.CARD_CODE,
              List.of("cvv", "cvc", "cvv2", "cvc2", "csc", "card_security_code", "security_code")),
          SecretRule.key(
              "key-abbreviated-credential",
              "abbreviated password or auth field (pw, pass, pswd, auth, tkn) holding a"
                  + " credential-like value",
              "(?:^|_)(?:pw|pws|psw|pswd|pword|passw|pass|auth|tkn|tok)(?=_|$)",
              ValuePolicy.CREDENTIAL_LIKE,
              List.of("pw", "pass", "pswd", "psw", "pword", "auth", "tkn")));

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
          "existing_secret",
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
   * Vetoes a match whose body (the match after its first {@code prefix} chars) has neither a digit
   * nor both upper- and lower-case letters: random tokens nearly always have them, words and prose
   * that begin like a token's prefix ({@code ghp_tokens_are_rotated_weekly}) do not.
   */
  static SecretRule.MatchFilter random(int prefix) {
    return (text, m) -> bodyIsRandom(text, m.start() + prefix, m.end(), false);
  }

  /** As {@link #random}, but the body needs digits, upper- and lower-case letters all three. */
  static SecretRule.MatchFilter randomMixed(int prefix) {
    return (text, m) -> bodyIsRandom(text, m.start() + prefix, m.end(), true);
  }

  static boolean bodyIsRandom(CharSequence text, int from, int to, boolean allThree) {
    if (isDocumentationExample(text, from, to)) {
      return false;
    }
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      digit |= c >= '0' && c <= '9';
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    return allThree ? digit && upper && lower : digit || (upper && lower);
  }

  /**
   * Whether {@code text[from, to)} holds {@code EXAMPLE} (any case), as the example keys of
   * providers' documentation do ({@code AKIAIOSFODNN7EXAMPLE}, {@code …bPxRfiCYEXAMPLEKEY}).
   */
  static boolean isDocumentationExample(CharSequence text, int from, int to) {
    for (int i = from; i + 7 <= to; i++) {
      if ((text.charAt(i) | 0x20) == 'e'
          && text.subSequence(i, i + 7).toString().equalsIgnoreCase("example")) {
        return true;
      }
    }
    return false;
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

  private static boolean isAuthorizationCredential(CharSequence text, Matcher m) {
    String scheme = m.group(1);
    String credentials = m.group(2);
    if (scheme != null && scheme.equalsIgnoreCase("basic")) {
      return isBasicCredential(credentials);
    }
    return credentials.length() >= 16 && isOpaqueCredential(credentials);
  }
}
