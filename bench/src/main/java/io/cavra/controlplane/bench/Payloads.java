package io.cavra.controlplane.bench;

import io.cavra.controlplane.contract.ContractJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeded generator of realistic, secret-free payload trees for the guard benchmarks: operating
 * records with policy references, labels, evidence windows, blockers, free text, ids, digests,
 * timestamps and credential-free URLs, as plain JSON values (ordered maps, lists, strings, longs,
 * decimals, booleans).
 */
final class Payloads {
  private static final String[] WORDS = {
    "retention",
    "enforcement",
    "evidence",
    "window",
    "export",
    "connector",
    "archive",
    "tenant",
    "registry",
    "catalog",
    "freshness",
    "rollout",
    "approval",
    "workflow",
    "dashboard",
    "refresh",
    "billing",
    "subscription",
    "license",
    "telemetry",
    "support",
    "handoff",
    "escalation",
    "drill",
    "customer",
    "success",
    "review",
    "release",
    "closeout",
    "scheduler",
    "worker",
    "runtime",
    "retry",
    "policy",
    "pack",
    "artifact",
    "integrity",
    "entitlement",
    "scope",
    "region",
    "lagging",
    "behind",
    "pending",
    "completed",
    "failed",
    "twice",
    "after",
    "before",
    "during",
    "nightly",
    "weekly",
    "owner",
    "acknowledged",
    "the",
    "a",
    "for",
    "with",
    "and",
    "was",
    "is",
    "not",
    "yet",
    "on",
    "of",
    "in",
    "to",
    "by",
    "from",
    "queue",
    "backlog",
    "snapshot",
    "checksum",
    "mismatch",
    "recovered",
    "migrated",
    "café",
    "naïve",
    "résumé",
    "Zürich",
    "São",
    "Paulo",
  };
  private static final String[] KINDS = {
    "policy_evaluation",
    "audit_store_check",
    "evidence_export",
    "support_handoff",
    "dashboard_refresh",
    "license_telemetry",
    "billing_monitoring",
    "closeout_retry",
  };
  private static final String[] STATES = {
    "ready", "degraded", "blocked", "pending", "not_configured"
  };
  private static final String[] REGIONS = {
    "eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2"
  };
  private static final String[] TEAMS = {
    "governance", "platform-security", "payments", "data", "sre", "support"
  };
  private static final String[] PACKS = {
    "baseline-network-egress",
    "baseline-iam-least-privilege",
    "storage-encryption-at-rest",
    "audit-log-retention-365d",
    "k8s-pod-security-restricted",
    "container-image-provenance",
    "tls-min-version-1-2",
    "pci-dss-segmentation",
    "cardholder-data-masking",
    "change-approval-two-person",
  };
  private static final String[] BLOCKER_CODES = {
    "evidence_stale",
    "export_connector_unreachable",
    "approval_missing",
    "retention_below_policy",
    "catalog_out_of_date",
    "owner_unassigned",
  };
  private static final Instant EPOCH = Instant.parse("2026-11-01T00:00:00Z");

  private Payloads() {}

  /**
   * A tree of operating records whose canonical JSON is at least {@code minBytes} and less than
   * {@code minBytes} plus one record (about 1.3 KB). Same seed, same tree.
   */
  static Map<String, Object> operatingRecords(long seed, int minBytes) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object> records = new ArrayList<>();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("tenant_id", "tenant-acme-eu-01");
    root.put("generated_at", "2026-11-27T00:00:00Z");
    root.put(
        "source_url", "https://control-plane.cavra.example/v1/tenants/tenant-acme-eu-01/operating");
    root.put("records", records);
    int size = utf8Length(root);
    for (int i = 0; size < minBytes; i++) {
      Map<String, Object> record = record(random, i);
      size += utf8Length(record) + 1;
      records.add(record);
    }
    return Collections.unmodifiableMap(root);
  }

  /** The canonical compact JSON of {@code tree}, as UTF-8. */
  static byte[] json(Map<String, Object> tree) {
    return ContractJson.toJson(tree, false).getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> record(SplittableRandom random, int index) {
    Map<String, Object> record = new LinkedHashMap<>();
    String pack = pick(random, PACKS);
    String version =
        random.nextInt(1, 6) + "." + random.nextInt(0, 10) + "." + random.nextInt(0, 10);
    Instant start = EPOCH.plus(random.nextInt(0, 60 * 24 * 26), ChronoUnit.MINUTES);
    record.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
    record.put("sequence", (long) index);
    record.put("kind", pick(random, KINDS));
    record.put("state", pick(random, STATES));
    record.put(
        "policy_refs",
        List.of(
            "cavra-starter/" + pack + "@" + version,
            "acme-platform/" + pick(random, PACKS) + "@1.0.0"));
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("team", pick(random, TEAMS));
    labels.put("region", pick(random, REGIONS));
    labels.put("environment", random.nextInt(4) == 0 ? "staging" : "production");
    labels.put("cost-center", "cc-" + random.nextInt(1000, 9999));
    record.put("labels", labels);
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("start", start.toString());
    window.put("end", start.plus(24, ChronoUnit.HOURS).toString());
    window.put("complete", random.nextBoolean());
    record.put("evidence_window", window);
    List<Object> blockers = new ArrayList<>();
    for (int b = random.nextInt(0, 3); b > 0; b--) {
      Map<String, Object> blocker = new LinkedHashMap<>();
      blocker.put("code", pick(random, BLOCKER_CODES));
      blocker.put("message", sentence(random, 8, 16));
      blocker.put("owner", pick(random, TEAMS));
      blocker.put("since", start.plus(random.nextInt(1, 600), ChronoUnit.MINUTES).toString());
      blockers.add(blocker);
    }
    record.put("blockers", blockers);
    record.put("summary", sentence(random, 12, 30));
    record.put(
        "artifact_url",
        "https://registry.cavra.example/v1/packs/" + pack + "/" + version + "/artifact.tar.gz");
    record.put("artifact_digest", "sha256:" + hex(random, 64));
    record.put("attempts", (long) random.nextInt(0, 5));
    record.put("coverage", BigDecimal.valueOf(random.nextInt(0, 1001), 3));
    record.put("updated_at", start.plus(random.nextInt(1, 1440), ChronoUnit.MINUTES).toString());
    return record;
  }

  private static String sentence(SplittableRandom random, int minWords, int maxWords) {
    StringBuilder out = new StringBuilder();
    for (int n = random.nextInt(minWords, maxWords + 1); n > 0; n--) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(pick(random, WORDS));
    }
    out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
    return out.append('.').toString();
  }

  private static String hex(SplittableRandom random, int digits) {
    char[] out = new char[digits];
    for (int i = 0; i < digits; i++) {
      out[i] = Character.forDigit(random.nextInt(16), 16);
    }
    return new String(out);
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static int utf8Length(Map<String, Object> tree) {
    return json(tree).length;
  }
}
