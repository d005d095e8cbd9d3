package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.ContractJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The corpus's credential-free documents: real-world JSON that describes credentials without
 * holding them (vendored under {@code corpus/negatives/*.jsonl}, see the README there),
 * control-plane payloads written for the corpus ({@code corpus/negatives/control-plane.json}), and
 * identifiers generated at test time (digests, UUIDs, commit ids, timestamps, billing references,
 * masked and other long numbers that are not card numbers).
 */
final class CorpusNegatives {
  static final String RESOURCES = "/corpus/negatives";

  private CorpusNegatives() {}

  /** Every negative: vendored, written and generated. */
  static List<CorpusDocument> all() {
    List<CorpusDocument> all = new ArrayList<>(vendored());
    all.addAll(generated());
    return List.copyOf(all);
  }

  /**
   * The documents of {@code corpus/negatives}: each {@code .jsonl} line and each element of each
   * {@code .json} array is {@code {"id", "class", "document"}}.
   */
  static List<CorpusDocument> vendored() {
    List<CorpusDocument> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory())) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".jsonl")) {
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
              documents.add(entry(parse(line.getBytes(StandardCharsets.UTF_8)), name));
            }
          }
        } else if (name.endsWith(".json") && !name.equals("sources.json")) {
          for (Object element : (List<?>) parse(Files.readAllBytes(file))) {
            documents.add(entry(element, name));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  private static Path directory() {
    URL url = CorpusNegatives.class.getResource(RESOURCES);
    if (url == null) {
      throw new IllegalStateException(RESOURCES + " is not on the test class path");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object parse(byte[] json) {
    return ContractJson.defaults().parseTree(json);
  }

  private static CorpusDocument entry(Object element, String file) {
    if (!(element instanceof Map<?, ?> map)
        || !(map.get("id") instanceof String id)
        || !(map.get("class") instanceof String cls)
        || !(map.get("document") instanceof Map<?, ?>)) {
      throw new IllegalStateException(file + ": an entry lacks id, class or document");
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> document = (Map<String, ?>) map.get("document");
    return new CorpusDocument(
        id,
        CorpusDocument.NEGATIVE,
        cls,
        "",
        false,
        ContractJson.toJson(document, false),
        List.of());
  }

  /** Identifiers and billing references, generated from a fixed seed. */
  static List<CorpusDocument> generated() {
    Samples s = new Samples(20261203L);
    Random r = new Random(20261204L);
    List<CorpusDocument> documents = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Map<String, Object> build = new LinkedHashMap<>();
      build.put("commit", s.hex(40));
      build.put("short_commit", s.hex(7));
      build.put("image", "registry.example.com/tenant-api@sha256:" + s.hex(64));
      build.put("sbom_digest", "sha512-" + Samples.base64Of(s.alnum(48)));
      build.put("build_url", "https://ci.example.com/acme/tenant-api/builds/" + (8000 + i * 37));
      build.put("tenant_uuid", uuid(r).toString());
      build.put("request_id", "req_" + uuid(r).toString().replace("-", ""));
      Instant at = Instant.ofEpochSecond(1_767_225_600L + r.nextInt(31_536_000));
      build.put("created_at", at.toString());
      build.put("created_epoch_ms", at.toEpochMilli());
      build.put("created_epoch_ns", String.valueOf(at.getEpochSecond()) + s.from("0123456789", 9));
      build.put("etag", "W/\"" + s.hex(32) + "\"");
      build.put("trace_id", s.hex(32));
      documents.add(generated("generated/identifiers/" + i, "generated-identifiers", build));

      Map<String, Object> billing = new LinkedHashMap<>();
      billing.put("invoice_number", "INV-2026-" + s.from("0123456789", 6));
      billing.put("invoice_id", "in_" + s.alnum(24));
      billing.put("customer_id", "cus_" + s.alnum(14));
      billing.put("subscription_id", "sub_" + s.alnum(24));
      billing.put("payment_intent", "pi_" + s.alnum(24));
      String first6 =
          i % 2 == 0
              ? "4" + s.from("0123456789", 5)
              : "5" + s.from("12345", 1) + s.from("0123456789", 4);
      String last4 = s.from("0123456789", 4);
      Map<String, Object> card = new LinkedHashMap<>();
      card.put("brand", i % 2 == 0 ? "visa" : "mastercard");
      card.put("first6", first6);
      card.put("last4", last4);
      card.put(
          "masked",
          switch (i % 4) {
            case 0 -> first6 + "******" + last4;
            case 1 -> first6.substring(0, 4) + " " + first6.substring(4) + "** **** " + last4;
            case 2 -> "XXXX-XXXX-XXXX-" + last4;
            default -> "•••• •••• •••• " + last4;
          });
      card.put("exp_month", 1 + r.nextInt(12));
      card.put("exp_year", 2027 + r.nextInt(5));
      billing.put("card", card);
      String order = notLuhn("4" + s.from("0123456789", 14));
      billing.put("order_number", order);
      billing.put("order_number_numeric", Long.parseLong(notLuhn("5" + s.from("0123456789", 14))));
      billing.put("ledger_entry_id", Long.parseLong("1" + s.from("0123456789", 18)));
      billing.put("amount_cents", 1000L + r.nextInt(500_000));
      billing.put("currency", "eur");
      billing.put("status", List.of("trialing", "active", "past_due", "canceled").get(i % 4));
      documents.add(generated("generated/billing/" + i, "generated-billing-references", billing));
    }
    return documents;
  }

  /** The digits with a check digit that fails the Luhn check. */
  private static String notLuhn(String partial) {
    String valid = CorpusPositives.luhnComplete(partial);
    char last = valid.charAt(valid.length() - 1);
    return partial + (char) ('0' + (last - '0' + 1) % 10);
  }

  private static UUID uuid(Random r) {
    byte[] bytes = new byte[16];
    r.nextBytes(bytes);
    return UUID.nameUUIDFromBytes(bytes);
  }

  private static CorpusDocument generated(String id, String cls, Map<String, Object> tree) {
    return new CorpusDocument(
        id, CorpusDocument.NEGATIVE, cls, "", false, ContractJson.toJson(tree, false), List.of());
  }
}
