package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.gateway.ApiKeys;
import io.cavra.controlplane.gateway.GeneratedKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    header = "Manage the gateway's API key file.",
    description = "The key file holds only SHA-256 hashes of keys, each bound to tenants and operations.",
    subcommands = {KeysCommand.Add.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      header = "Create an API key, print it once, and store only its hash.",
      description = {
          "Generate a random key, append its SHA-256 hash to FILE (created owner-only if missing) with the",
          "tenants and operations it may use, and print the key on standard output. It cannot be shown again."},
      footerHeading = "%nExamples:%n",
      footer = {
          "  cavra-cp keys add --key-file keys.jsonl --key-id console --tenant tenant-demo",
          "  cavra-cp keys add --key-file keys.jsonl --key-id ops --tenant '*' --operation tenant_status"})
  static final class Add implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--key-file", required = true, paramLabel = "FILE", description = "The key file.")
    Path keyFile;

    @Option(names = "--key-id", required = true, paramLabel = "ID",
        description = "A name for the key, shown in audit lines (never the key itself).")
    String keyId;

    @Option(names = "--tenant", paramLabel = "TENANT", required = true,
        description = "A tenant the key may act for, or '*' for all; repeatable.")
    List<String> tenants;

    @Option(names = "--operation", paramLabel = "OPERATION",
        description = "An operation the key may call, or '*' (the default); repeatable.")
    List<String> operations = List.of("*");

    @Option(names = "--expires-at", paramLabel = "TIME",
        description = "When the key stops working, as a UTC time such as 2027-01-31T00:00:00Z (default: never).")
    String expiresAt;

    @Override
    public Integer call() {
      for (String operation : operations) {
        if (!operation.equals("*") && Operation.fromWireName(operation).isEmpty()) {
          throw new UsageException(spec.commandLine(), "--operation names an unknown operation");
        }
      }
      Instant expiry = null;
      if (expiresAt != null) {
        try {
          expiry = Instant.parse(expiresAt);
        } catch (DateTimeParseException e) {
          throw new UsageException(spec.commandLine(), "--expires-at takes a UTC time such as 2027-01-31T00:00:00Z");
        }
      }
      GeneratedKey key;
      try {
        key = ApiKeys.add(keyFile, keyId, new LinkedHashSet<>(tenants), new LinkedHashSet<>(operations), expiry);
      } catch (IllegalArgumentException e) {
        throw new UsageException(spec.commandLine(), e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      try {
        out.println(key.reveal());
        out.flush();
      } finally {
        key.destroy();
      }
      spec.commandLine().getErr().println("cavra-cp: stored the hash of key '" + keyId + "' in " + keyFile
          + "; the key above is shown only once");
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, header = "List key ids with their tenants and operations.")
  static final class ListKeys implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--key-file", required = true, paramLabel = "FILE", description = "The key file.")
    Path keyFile;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(keyFile)) {
        spec.commandLine().getErr().println("error: io_error at " + keyFile + ": no such file");
        return ExitCodes.IO_ERROR;
      }
      PrintWriter out = spec.commandLine().getOut();
      for (ApiKeys.Entry entry : ApiKeys.load(keyFile).entries()) {
        out.println(entry.keyId() + "\ttenants=" + String.join(",", entry.tenants())
            + "\toperations=" + String.join(",", entry.operations())
            + (entry.expiresAt() == null ? "" : "\texpires_at=" + entry.expiresAt()));
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      header = "Remove a key from the key file; a running gateway refuses it within seconds.",
      description = {
          "Remove the entry of ID from FILE. A gateway serving FILE notices the change at its next check",
          "(every 2 s by default) or at once on SIGHUP, and refuses the key from then on; no restart."},
      footerHeading = "%nExamples:%n",
      footer = "  cavra-cp keys revoke --key-file keys.jsonl --key-id console")
  static final class Revoke implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--key-file", required = true, paramLabel = "FILE", description = "The key file.")
    Path keyFile;

    @Option(names = "--key-id", required = true, paramLabel = "ID", description = "The id of the key to remove.")
    String keyId;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(keyFile)) {
        spec.commandLine().getErr().println("error: io_error at " + keyFile + ": no such file");
        return ExitCodes.IO_ERROR;
      }
      boolean removed;
      try {
        removed = ApiKeys.revoke(keyFile, keyId);
      } catch (IllegalArgumentException e) {
        throw new UsageException(spec.commandLine(), e.getMessage());
      }
      if (!removed) {
        throw new UsageException(spec.commandLine(), "key id " + keyId + " is not in " + keyFile);
      }
      spec.commandLine().getErr().println("cavra-cp: removed key '" + keyId + "' from " + keyFile);
      return ExitCodes.OK;
    }
  }
}
