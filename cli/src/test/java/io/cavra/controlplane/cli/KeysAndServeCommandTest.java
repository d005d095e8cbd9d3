package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysAndServeCommandTest {
  @TempDir Path dir;

  @Test
  void keysAddPrintsTheKeyOnceAndStoresOnlyItsHash() throws Exception {
    Path file = dir.resolve("keys.jsonl");
    Cli.Result result =
        Cli.run(
            "keys",
            "add",
            "--key-store",
            file.toString(),
            "--key-id",
            "console",
            "--tenant",
            "tenant-demo",
            "--operation",
            "tenant_status");

    assertThat(result.exitCode()).isZero();
    String key = result.out().strip();
    assertThat(key).startsWith("cavra_").hasSizeGreaterThan(30);
    String stored = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(stored).contains("\"key_id\":\"console\"").doesNotContain(key);
    assertThat(result.err()).doesNotContain(key);

    Cli.Result list = Cli.run("keys", "list", "--key-store", file.toString());
    assertThat(list.out()).isEqualTo("console\ttenants=tenant-demo\toperations=tenant_status\n");
  }

  @Test
  void keysAddWritesTheKeyToAnOwnerOnlyFileForVerifyToRead() throws Exception {
    Path store = dir.resolve("keys.jsonl");
    Path keyFile = dir.resolve("demo.key");
    Cli.Result result =
        Cli.run(
            "keys",
            "add",
            "--key-store",
            store.toString(),
            "--key-id",
            "demo",
            "--tenant",
            "tenant-demo",
            "--tenant",
            "tenant-conformance-b",
            "--api-key-file",
            keyFile.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEmpty();
    String key = Files.readString(keyFile, StandardCharsets.UTF_8);
    assertThat(key).startsWith("cavra_").endsWith("\n").hasSize(56);
    assertThat(Files.getPosixFilePermissions(keyFile))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(result.err())
        .isEqualTo(
            "cavra-cp: stored the hash of key 'demo' in "
                + store
                + " and the key in "
                + keyFile
                + "\n");
    assertThat(Cli.run("keys", "list", "--key-store", store.toString()).out())
        .isEqualTo("demo\ttenants=tenant-demo,tenant-conformance-b\toperations=*\n");
  }

  @Test
  void keysAddNeverOverwritesAKeyFile() throws Exception {
    Path store = dir.resolve("keys.jsonl");
    Path keyFile = Files.writeString(dir.resolve("demo.key"), "an earlier key\n");

    Cli.Result result =
        Cli.run(
            "keys",
            "add",
            "--key-store",
            store.toString(),
            "--key-id",
            "demo",
            "--tenant",
            "tenant-demo",
            "--api-key-file",
            keyFile.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith(
            "error: usage: --api-key-file names a file that exists; keys are never overwritten");
    assertThat(Files.readString(keyFile)).isEqualTo("an earlier key\n");
    assertThat(store).doesNotExist();
  }

  @Test
  void keysAddSuggestsTheOperationMeant() {
    Cli.Result result =
        Cli.run(
            "keys",
            "add",
            "--key-store",
            dir.resolve("k").toString(),
            "--key-id",
            "x",
            "--tenant",
            "t",
            "--operation",
            "tenant-status");

    assertThat(result.err())
        .startsWith(
            "error: usage: --operation names an unknown operation; did you mean 'tenant_status'?");
  }

  @Test
  void keysRevokeRemovesTheKeyAndSaysWhenTheIdIsUnknown() throws Exception {
    Path file = dir.resolve("keys.jsonl");
    Cli.run(
        "keys",
        "add",
        "--key-store",
        file.toString(),
        "--key-id",
        "console",
        "--tenant",
        "tenant-demo");
    Cli.run(
        "keys",
        "add",
        "--key-store",
        file.toString(),
        "--key-id",
        "ci",
        "--tenant",
        "*",
        "--expires-at",
        "2027-01-31T00:00:00Z");

    Cli.Result revoked =
        Cli.run("keys", "revoke", "--key-store", file.toString(), "--key-id", "console");
    Cli.Result again =
        Cli.run("keys", "revoke", "--key-store", file.toString(), "--key-id", "console");

    assertThat(revoked.exitCode()).isZero();
    assertThat(revoked.err()).isEqualTo("cavra-cp: removed key 'console' from " + file + "\n");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err()).contains("key id console is not in " + file);
    assertThat(Cli.run("keys", "list", "--key-store", file.toString()).out())
        .isEqualTo("ci\ttenants=*\toperations=*\texpires_at=2027-01-31T00:00:00Z\n");
  }

  @Test
  void keysAddRefusesAnUnparsableExpiry() {
    Cli.Result result =
        Cli.run(
            "keys",
            "add",
            "--key-store",
            dir.resolve("k").toString(),
            "--key-id",
            "x",
            "--tenant",
            "t",
            "--expires-at",
            "next tuesday");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--expires-at takes a UTC time such as 2027-01-31T00:00:00Z");
  }

  @Test
  void keysAddRefusesAnUnknownOperation() {
    Cli.Result result =
        Cli.run(
            "keys",
            "add",
            "--key-store",
            dir.resolve("k").toString(),
            "--key-id",
            "x",
            "--tenant",
            "t",
            "--operation",
            "no_such_operation");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).doesNotContain("no_such_operation");
  }

  @Test
  void serveRefusesANonLoopbackAddressWithoutAKeyFile() {
    Cli.Result result = Cli.run("serve", "--host", "0.0.0.0", "--port", "0", "--audit-log", "none");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
    assertThat(result.err()).startsWith("error: cannot_start at serve: ");
  }

  @Test
  void serveOnABusyPortSaysTheAddressIsInUseAndSuggestsAnotherPort() throws Exception {
    try (java.net.ServerSocket busy =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Cli.Result result =
          Cli.run("serve", "--port", Integer.toString(busy.getLocalPort()), "--audit-log", "none");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
      assertThat(result.err())
          .isEqualTo(
              "error: cannot_start at serve: cannot listen on 127.0.0.1:"
                  + busy.getLocalPort()
                  + ": the address is already in use; stop what listens there or choose another"
                  + " port with --port\n");
    }
  }

  @Test
  void serveTakesTheGatewaysOptionsWithTheirDefaultsInItsHelp() {
    Cli.Result result = Cli.run("serve", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "--max-concurrent-per-client=N",
            "(default: 64)",
            "--behind-proxy",
            "--tls-cert=FILE",
            "--audit-log=auto|stdout|stderr|none|FILE",
            "(default: auto)");
  }

  @Test
  void serveRefusesABadValueInTheWordsOfItsOption() {
    Cli.Result result = Cli.run("serve", "--max-concurrent", "0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--max-concurrent must be at least 1");
  }

  @Test
  void serveRefusesAnUnknownAdapterNamingTheKnownOnes() {
    Cli.Result result = Cli.run("serve", "--port", "0", "--adapter", "acme", "--audit-log", "none");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
    assertThat(result.err()).contains("community");
  }

  @Test
  void serveRefusesAMissingAdapterPath() {
    Cli.Result result =
        Cli.run("serve", "--port", "0", "--adapter-path", dir.resolve("absent.jar").toString());
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
  }
}
