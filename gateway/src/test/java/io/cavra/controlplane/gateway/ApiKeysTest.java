package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cavra.controlplane.contract.Operation;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
  @TempDir Path dir;

  @Test
  void addReturnsARecognizableKeyAndStoresOnlyItsHash() throws Exception {
    Path file = dir.resolve("keys.jsonl");

    GeneratedKey key = ApiKeys.add(file, "ci-bot", Set.of("tenant-demo"), Set.of("tenant_status"));

    String secret = key.reveal();
    assertThat(secret).matches("cavra_[0-9A-Za-z]{49}");
    assertThat(ApiKeys.looksGenerated(secret)).isTrue();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain(secret).doesNotContain(secret.substring(6, 30));
    Map<String, Object> line = TestGateway.json(text.strip());
    assertThat(line.keySet())
        .containsExactly("key_id", "sha256", "tenants", "operations", "created_at");
    assertThat(line)
        .containsEntry("key_id", "ci-bot")
        .containsEntry("sha256", ApiKeys.sha256Hex(secret.toCharArray()))
        .containsEntry("tenants", List.of("tenant-demo"))
        .containsEntry("operations", List.of("tenant_status"));
  }

  @Test
  void aTamperedKeyFailsItsChecksum() {
    String secret = ApiKeys.add(dir.resolve("k.jsonl"), "a", Set.of("*"), Set.of("*")).reveal();
    char last = secret.charAt(10);
    String tampered = secret.substring(0, 10) + (last == 'a' ? 'b' : 'a') + secret.substring(11);

    assertThat(ApiKeys.looksGenerated(tampered)).isFalse();
  }

  @Test
  void keysAreDifferentEachTime() {
    Path file = dir.resolve("keys.jsonl");
    Set<String> keys = new LinkedHashSet<>();
    for (int i = 0; i < 20; i++) {
      keys.add(ApiKeys.add(file, "k" + i, Set.of("*"), Set.of("*")).reveal());
    }

    assertThat(keys).hasSize(20);
    assertThat(ApiKeys.load(file).entries()).hasSize(20);
  }

  @Test
  void theKeyFileIsOwnerOnlyWhereSupported() throws Exception {
    Path file = dir.resolve("keys.jsonl");
    ApiKeys.add(file, "a", Set.of("*"), Set.of("*"));

    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void authenticateFindsTheEntryOfAKeyAndNothingElse() {
    Path file = dir.resolve("keys.jsonl");
    String a = ApiKeys.add(file, "a", Set.of("tenant-a"), Set.of("*")).reveal();
    String b =
        ApiKeys.add(file, "b", Set.of("*"), Set.of("tenant_status", "entitlement_status")).reveal();
    ApiKeys keys = ApiKeys.load(file);

    assertThat(keys.authenticate(a)).get().extracting(ApiKeys.Entry::keyId).isEqualTo("a");
    assertThat(keys.authenticate(b)).get().extracting(ApiKeys.Entry::keyId).isEqualTo("b");
    assertThat(keys.authenticate(a + "x")).isEmpty();
    assertThat(keys.authenticate("")).isEmpty();
    ApiKeys.Entry entryB = keys.authenticate(b).orElseThrow();
    assertThat(entryB.allowsTenant("anyone")).isTrue();
    assertThat(entryB.allowsOperation(Operation.TENANT_STATUS)).isTrue();
    assertThat(entryB.allowsOperation(Operation.EVIDENCE_EXPORT)).isFalse();
    assertThat(keys.authenticate(a).orElseThrow().allowsTenant("tenant-b")).isFalse();
  }

  @Test
  void aDuplicateKeyIdIsRefused() {
    Path file = dir.resolve("keys.jsonl");
    ApiKeys.add(file, "a", Set.of("*"), Set.of("*"));

    assertThatThrownBy(() -> ApiKeys.add(file, "a", Set.of("*"), Set.of("*")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key id a is already in " + file);
  }

  @Test
  void invalidScopesAreRefused() {
    Path file = dir.resolve("keys.jsonl");

    assertThatThrownBy(() -> ApiKeys.add(file, "a", Set.of(), Set.of("*")))
        .hasMessage("tenants must name at least one entry, or *");
    assertThatThrownBy(() -> ApiKeys.add(file, "a", Set.of("*"), Set.of("launch_rockets")))
        .hasMessage(
            "operations names an unknown operation; use wire names such as tenant_status, or *");
    assertThatThrownBy(
            () -> ApiKeys.add(file, "a", new LinkedHashSet<>(List.of("*", "t")), Set.of("*")))
        .hasMessage("tenants: * stands alone");
    assertThatThrownBy(() -> ApiKeys.add(file, "no spaces", Set.of("*"), Set.of("*")))
        .hasMessageStartingWith("key_id must be");
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void loadSkipsBlankAndCommentLines() throws Exception {
    Path file = dir.resolve("keys.jsonl");
    Files.writeString(
        file,
        "# keys for the demo\n\n" + line("a", "*") + "\n   \n" + line("b", "tenant_status") + "\n");

    assertThat(ApiKeys.load(file).entries())
        .extracting(ApiKeys.Entry::keyId)
        .containsExactly("a", "b");
  }

  @Test
  void aMalformedLineIsNamedWithoutItsText() throws Exception {
    Path file = dir.resolve("keys.jsonl");
    String pasted = ApiKeys.KEY_PREFIX + "secretlookingtext";
    Files.writeString(file, line("a", "*") + "\n" + pasted + "\n");

    assertThatThrownBy(() -> ApiKeys.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key file " + file + " line 2: not a JSON object (invalid_json)")
        .hasMessageNotContaining(pasted);
  }

  @Test
  void unknownKeysAndBadHashesAreRefused() throws Exception {
    Path file = dir.resolve("keys.jsonl");
    Files.writeString(file, line("a", "*").replace("\"tenants\"", "\"key\":\"x\",\"tenants\""));
    assertThatThrownBy(() -> ApiKeys.load(file))
        .hasMessageEndingWith(
            "line 1: unknown key; expected key_id, sha256, tenants, operations, created_at,"
                + " expires_at");

    Files.writeString(file, line("a", "*").replace("\"" + "0".repeat(64) + "\"", "\"ABC\""));
    assertThatThrownBy(() -> ApiKeys.load(file))
        .hasMessageEndingWith("line 1: sha256 must be 64 lower-case hex digits");

    Files.writeString(file, line("a", "*") + "\n" + line("a", "*"));
    assertThatThrownBy(() -> ApiKeys.load(file))
        .hasMessageEndingWith("line 2: key_id a appears twice");
  }

  @Test
  void aGeneratedKeyNeverPrintsItself() {
    GeneratedKey key = ApiKeys.add(dir.resolve("keys.jsonl"), "printer", Set.of("*"), Set.of("*"));
    String secret = key.reveal();

    assertThat(key.toString())
        .isEqualTo("GeneratedKey[keyId=printer, key=[REDACTED]]")
        .doesNotContain(secret);
    key.destroy();
    assertThatThrownBy(key::reveal).isInstanceOf(IllegalStateException.class);
  }

  private static String line(String id, String operation) {
    return "{\"key_id\":\""
        + id
        + "\",\"sha256\":\""
        + "0".repeat(64)
        + "\",\"tenants\":[\"*\"],\"operations\":[\""
        + operation
        + "\"]}";
  }
}
