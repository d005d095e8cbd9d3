package io.cavra.controlplane.contract.secret;

import java.util.List;
import java.util.Objects;

/**
 * One labelled document of the guard's corpus: a JSON document that holds credential material (a
 * positive) or not (a negative).
 *
 * @param id a stable name that never contains the credential, e.g. {@code
 *     value/github-pat-classic/1/map-key}
 * @param kind what the positive exercises ({@code value-rule}, {@code key-named}, {@code cli-line},
 *     …), or {@code negative}
 * @param group the row of the report: a rule id, a sensitive key word, a card network, or a
 *     negative's class
 * @param placement the column of the report: where or how the credential is placed; empty for
 *     negatives
 * @param json the document, UTF-8 JSON text
 * @param secrets the credential strings a positive holds, so that a report can be checked not to
 *     repeat them; empty for negatives
 */
record CorpusDocument(
    String id,
    String kind,
    String group,
    String placement,
    boolean credential,
    String json,
    List<String> secrets) {
  static final String NEGATIVE = "negative";

  CorpusDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(json, "json");
    secrets = List.copyOf(secrets);
  }

  /** Names the document only: never its text. */
  @Override
  public String toString() {
    return "CorpusDocument[" + id + "]";
  }
}
