package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.gateway.ApiKeys;
import io.cavra.controlplane.gateway.GeneratedKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    header = "Manage the gateway's API key store.",
    description = {
      "The key store (--key-store, a JSON-lines file that 'serve --key-store' reads) holds only"
          + " SHA-256",
      "hashes of keys, each bound to tenants and operations. The raw key is shown once, or written"
          + " to",
      "the file named by --api-key-file, which 'verify --api-key-file' reads."
    },
    subcommands = {KeysCommand.Add.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      header = "Create an API key, show it once, and store only its hash.",
      description = {
        "Generate a random key and append its SHA-256 hash to the key store (created owner-only if"
            + " missing)",
        "with the tenants and operations it may use. The key itself goes to standard output, or to"
            + " a new",
        "owner-only file with --api-key-file; it cannot be shown again. A key for the conformance"
            + " kit",
        "('verify') needs the tenants tenant-demo and tenant-conformance-b and every operation."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  cavra-cp keys add --key-store keys.jsonl --key-id demo --tenant tenant-demo \\",
        "      --tenant tenant-conformance-b --api-key-file demo.key",
        "  cavra-cp keys add --key-store keys.jsonl --key-id ops --tenant '*' --operation"
            + " tenant_status"
      })
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--key-store",
        required = true,
        paramLabel = "FILE",
        description = "The key store: hashes of keys, one JSON object a line.")
    Path keyFile;

    @Option(
        names = "--api-key-file",
        paramLabel = "FILE",
        description =
            "Write the raw key to FILE (a new file, owner-only) instead of standard output.")
    Path apiKeyFile;

    @Option(
        names = "--key-id",
        required = true,
        paramLabel = "ID",
        description = "A name for the key, shown in audit lines (never the key itself).")
    String keyId;

    @Option(
        names = "--tenant",
        paramLabel = "TENANT",
        required = true,
        description = "A tenant the key may act for, or '*' for all; repeatable.")
    List<String> tenants;

    @Option(
        names = "--operation",
        paramLabel = "OPERATION",
        completionCandidates = OperationNames.class,
        description =
            "An operation the key may call, or '*' for all (the default); repeatable."
                + " Operations: ${COMPLETION-CANDIDATES}.")
    List<String> operations = List.of("*");

    @Option(
        names = "--expires-at",
        paramLabel = "TIME",
        description =
            "When the key stops working, as a UTC time such as 2027-01-31T00:00:00Z (default:"
                + " never).")
    String expiresAt;

    @Override
    public Integer call() {
      for (String operation : operations) {
        if (!operation.equals("*") && Operation.fromWireName(operation).isEmpty()) {
          throw new UsageException(
              spec.commandLine(),
              "--operation names an unknown operation"
                  + Suggestions.didYouMean(operation, new OperationNames()));
        }
      }
      Instant expiry = null;
      if (expiresAt != null) {
        try {
          expiry = Instant.parse(expiresAt);
        } catch (DateTimeParseException e) {
          throw new UsageException(
              spec.commandLine(), "--expires-at takes a UTC time such as 2027-01-31T00:00:00Z");
        }
      }
      if (apiKeyFile != null && Files.exists(apiKeyFile, LinkOption.NOFOLLOW_LINKS)) {
        throw new UsageException(
            spec.commandLine(),
            "--api-key-file names a file that exists; keys are never overwritten");
      }
      GeneratedKey key;
      try {
        key =
            ApiKeys.add(
                keyFile,
                keyId,
                new LinkedHashSet<>(tenants),
                new LinkedHashSet<>(operations),
                expiry);
      } catch (IllegalArgumentException e) {
        throw new UsageException(spec.commandLine(), e.getMessage());
      }
      try {
        if (apiKeyFile == null) {
          PrintWriter out = spec.commandLine().getOut();
          out.println(key.reveal());
          out.flush();
        } else {
          writeOwnerOnly(apiKeyFile, key.reveal() + "\n");
        }
      } finally {
        key.destroy();
      }
      spec.commandLine()
          .getErr()
          .println(
              "cavra-cp: stored the hash of key '"
                  + keyId
                  + "' in "
                  + keyFile
                  + (apiKeyFile == null
                      ? "; the key above is shown only once"
                      : " and the key in " + apiKeyFile));
      return ExitCodes.OK;
    }

    private static void writeOwnerOnly(Path file, String text) {
      try {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                  PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
        try (SeekableByteChannel channel = Files.newByteChannel(file, options, attributes)) {
          ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
          while (bytes.hasRemaining()) {
            channel.write(bytes);
          }
        }
      } catch (IOException e) {
        throw new IoFailure(file.toString(), e);
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      header = "List key ids with their tenants and operations.")
  static final class ListKeys implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--key-store",
        required = true,
        paramLabel = "FILE",
        description = "The key store.")
    Path keyFile;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(keyFile)) {
        spec.commandLine().getErr().println("error: io_error at " + keyFile + ": no such file");
        return ExitCodes.IO_ERROR;
      }
      PrintWriter out = spec.commandLine().getOut();
      for (ApiKeys.Entry entry : ApiKeys.load(keyFile).entries()) {
        out.println(
            entry.keyId()
                + "\ttenants="
                + String.join(",", entry.tenants())
                + "\toperations="
                + String.join(",", entry.operations())
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
        "Remove the entry of ID from FILE. A gateway serving FILE notices the change at its next"
            + " check",
        "(every 2 s by default) or at once on SIGHUP, and refuses the key from then on; no restart."
      },
      footerHeading = "%nExamples:%n",
      footer = "  cavra-cp keys revoke --key-store keys.jsonl --key-id console")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--key-store",
        required = true,
        paramLabel = "FILE",
        description = "The key store.")
    Path keyFile;

    @Option(
        names = "--key-id",
        required = true,
        paramLabel = "ID",
        description = "The id of the key to remove.")
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
