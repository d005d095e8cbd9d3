package io.cavra.controlplane.gateway;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The gateway's API keys, read from a key file that holds only SHA-256 hashes. Immutable and
 * thread-safe once loaded; a running gateway reads the file again when it changes (or on SIGHUP).
 *
 * <p><b>Key file format.</b> UTF-8 JSON lines: one JSON object per line; blank lines and lines
 * starting with {@code #} are ignored. Each object has exactly these keys:
 *
 * <pre>{@code
 * {"key_id":"ci-bot","sha256":"<64 lower-case hex digits>","tenants":["tenant-demo"],"operations":["*"],"created_at":"2026-11-27T10:00:00Z"}
 * }</pre>
 *
 * {@code key_id} is 1–64 characters of letters, digits, {@code .}, {@code _} or {@code -}, unique
 * in the file; {@code sha256} is the hash of the key's UTF-8 text; {@code tenants} lists the tenant
 * ids the key may act for, or {@code ["*"]} for all; {@code operations} lists operation wire names,
 * or {@code ["*"]} for all; {@code created_at} is optional, and so is {@code expires_at}, a UTC
 * time from which the key is refused. Keys are never stored.
 *
 * <p><b>Keys.</b> {@link #add} makes a key of {@value #KEY_PREFIX} followed by 43 base62 characters
 * (32 random bytes from {@link SecureRandom}) and 6 base62 characters of CRC-32 checksum, so that
 * secret scanners can recognize one and check it offline. A caller sends it as {@code
 * Authorization: Bearer <key>}; the gateway hashes what it receives and compares the hash with
 * every entry in constant time ({@link MessageDigest#isEqual}).
 */
public final class ApiKeys {
  /** The prefix of every generated key. */
  public static final String KEY_PREFIX = "cavra_";

  /** The wildcard that allows every tenant or every operation. */
  public static final String ANY = "*";

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Set<String> FIELDS =
      Set.of("key_id", "sha256", "tenants", "operations", "created_at", "expires_at");
  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ContractJson LINE_CODEC =
      ContractJson.defaults().withMaxBytes(64 << 10).withMaxDepth(4);

  private final List<Entry> entries;
  private final byte[][] hashes;

  private ApiKeys(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    this.hashes = new byte[entries.size()][];
    for (int i = 0; i < entries.size(); i++) {
      hashes[i] = hexToBytes(entries.get(i).sha256());
    }
  }

  /**
   * One key file entry: the key's id, the hash of the key, and what it may do.
   *
   * @param keyId the key's public name, used in logs, audit lines and metrics
   * @param sha256 the SHA-256 of the key, 64 lower-case hex digits
   * @param tenants the tenant ids the key may act for, or {@code *}
   * @param operations the operation wire names the key may call, or {@code *}
   * @param expiresAt when the key stops working, or {@code null} for never
   */
  public record Entry(
      String keyId, String sha256, Set<String> tenants, Set<String> operations, Instant expiresAt) {
    /** An entry that does not expire. */
    public Entry(String keyId, String sha256, Set<String> tenants, Set<String> operations) {
      this(keyId, sha256, tenants, operations, null);
    }

    /** Checks every component as the key file reader does. */
    public Entry {
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(sha256, "sha256");
      if (!KEY_ID.matcher(keyId).matches()) {
        throw new IllegalArgumentException(
            "key_id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or"
                + " digit");
      }
      if (!SHA256_HEX.matcher(sha256).matches()) {
        throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
      }
      tenants = checkScope(tenants, "tenants", false);
      operations = checkScope(operations, "operations", true);
    }

    /** Whether the key has expired at {@code now}. */
    public boolean expired(Instant now) {
      return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether the key may act for {@code tenantId}. */
    public boolean allowsTenant(String tenantId) {
      return tenants.contains(ANY) || tenants.contains(tenantId);
    }

    /** Whether the key may call {@code operation}. */
    public boolean allowsOperation(Operation operation) {
      return operations.contains(ANY) || operations.contains(operation.wireName());
    }
  }

  /**
   * Reads and checks a key file.
   *
   * @throws IllegalArgumentException naming the line and the problem (never the line's text)
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ApiKeys load(Path keyFile) {
    Objects.requireNonNull(keyFile, "keyFile");
    try {
      return new ApiKeys(parse(Files.readAllBytes(keyFile), keyFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key file " + keyFile, e);
    }
  }

  /** The entries, in file order. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * Creates a key for {@code keyId}, appends its hash to {@code keyFile} (created with owner-only
   * permissions where the file system supports them) and returns the key, which is not stored
   * anywhere: show it to the user once.
   *
   * @param tenants the tenant ids the key may act for, or {@code Set.of("*")}
   * @param operations operation wire names, or {@code Set.of("*")}
   * @throws IllegalArgumentException if {@code keyId} is malformed or already in the file, or a
   *     scope is empty or names an unknown operation
   */
  public static GeneratedKey add(
      Path keyFile, String keyId, Set<String> tenants, Set<String> operations) {
    return add(keyFile, keyId, tenants, operations, null);
  }

  /**
   * {@link #add(Path, String, Set, Set)} for a key that stops working at {@code expiresAt} (a
   * running gateway refuses it from then on, as if it were revoked); {@code null} for never.
   *
   * @since 0.2
   */
  public static GeneratedKey add(
      Path keyFile, String keyId, Set<String> tenants, Set<String> operations, Instant expiresAt) {
    Objects.requireNonNull(keyFile, "keyFile");
    char[] key = newKey();
    Instant expiry = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS);
    Entry entry = new Entry(keyId, sha256Hex(key), tenants, operations, expiry);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("key_id", entry.keyId());
    line.put("sha256", entry.sha256());
    line.put("tenants", List.copyOf(entry.tenants()));
    line.put("operations", List.copyOf(entry.operations()));
    line.put("created_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    if (expiry != null) {
      line.put("expires_at", expiry.toString());
    }
    byte[] text = (ContractJson.toJson(line, false) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Path parent = keyFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (FileChannel channel = open(keyFile)) {
        FileLock lock = channel.lock();
        ByteBuffer existing = ByteBuffer.allocate(Math.toIntExact(channel.size()));
        while (existing.hasRemaining() && channel.read(existing, existing.position()) >= 0) {
          // read the whole file under the lock
        }
        byte[] before = existing.array();
        for (Entry other : parse(before, keyFile)) {
          if (other.keyId().equals(keyId)) {
            throw new IllegalArgumentException("key id " + keyId + " is already in " + keyFile);
          }
        }
        long position = channel.size();
        if (before.length > 0 && before[before.length - 1] != '\n') {
          position += channel.write(ByteBuffer.wrap(new byte[] {'\n'}), position);
        }
        ByteBuffer out = ByteBuffer.wrap(text);
        while (out.hasRemaining()) {
          position += channel.write(out, position);
        }
        channel.force(true);
        lock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write key file " + keyFile, e);
    }
    return new GeneratedKey(entry.keyId(), key);
  }

  /**
   * Removes the entry of {@code keyId} from {@code keyFile}, under the same lock as {@link #add},
   * keeping every other line as it is. A gateway watching the file refuses the key from its next
   * check on (within two seconds by default), or at once on SIGHUP.
   *
   * @return whether the file held the key id
   * @since 0.2
   */
  public static boolean revoke(Path keyFile, String keyId) {
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(keyId, "keyId");
    if (!Files.isRegularFile(keyFile)) {
      throw new UncheckedIOException(
          "cannot read key file " + keyFile, new java.io.FileNotFoundException());
    }
    try (FileChannel channel = open(keyFile)) {
      FileLock lock = channel.lock();
      ByteBuffer existing = ByteBuffer.allocate(Math.toIntExact(channel.size()));
      while (existing.hasRemaining() && channel.read(existing, existing.position()) >= 0) {
        // read the whole file under the lock
      }
      parse(existing.array(), keyFile);
      String[] lines = new String(existing.array(), StandardCharsets.UTF_8).split("\n", -1);
      StringBuilder kept = new StringBuilder();
      boolean removed = false;
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        boolean entry = !line.isEmpty() && !line.startsWith("#");
        if (entry
            && entry(LINE_CODEC.parseTree(line.getBytes(StandardCharsets.UTF_8)))
                .keyId()
                .equals(keyId)) {
          removed = true;
          continue;
        }
        kept.append(lines[i]);
        if (i < lines.length - 1) {
          kept.append('\n');
        }
      }
      if (removed) {
        // A new file moved over the old one: a gateway reading the file sees the old or the new
        // content, never a truncated one (which would be a valid file with fewer keys).
        Path temporary =
            keyFile.resolveSibling(keyFile.getFileName() + ".revoke-" + System.nanoTime());
        try (FileChannel out = open(temporary)) {
          ByteBuffer text = ByteBuffer.wrap(kept.toString().getBytes(StandardCharsets.UTF_8));
          while (text.hasRemaining()) {
            out.write(text);
          }
          out.force(true);
        }
        try {
          Files.move(
              temporary,
              keyFile,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(temporary);
        }
      }
      lock.release();
      return removed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write key file " + keyFile, e);
    }
  }

  /**
   * The entry whose hash matches {@code presentedKey}, compared in constant time against every
   * entry, unless it has expired at {@code now}.
   */
  Optional<Entry> authenticate(String presentedKey, Instant now) {
    byte[] hash = sha256(presentedKey.toCharArray());
    Entry found = null;
    for (int i = 0; i < hashes.length; i++) {
      if (MessageDigest.isEqual(hashes[i], hash)) {
        found = entries.get(i);
      }
    }
    return found == null || found.expired(now) ? Optional.empty() : Optional.of(found);
  }

  /** {@link #authenticate(String, Instant)} now. */
  Optional<Entry> authenticate(String presentedKey) {
    return authenticate(presentedKey, Instant.now());
  }

  /** Reads the key file as bytes, for change detection. */
  static byte[] read(Path keyFile) {
    try {
      return Files.readAllBytes(keyFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key file " + keyFile, e);
    }
  }

  /** Parses key file bytes already read from {@code keyFile}. */
  static ApiKeys of(byte[] content, Path keyFile) {
    return new ApiKeys(parse(content, keyFile));
  }

  /** Whether {@code key} has the shape of a generated key, checksum included. */
  static boolean looksGenerated(String key) {
    if (!key.startsWith(KEY_PREFIX) || key.length() != KEY_PREFIX.length() + 49) {
      return false;
    }
    String body = key.substring(KEY_PREFIX.length(), KEY_PREFIX.length() + 43);
    return key.endsWith(checksum(body));
  }

  private static FileChannel open(Path file) throws IOException {
    Set<OpenOption> options =
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (!Files.exists(file)
        && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      FileAttribute<?> ownerOnly =
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
      return FileChannel.open(file, options, ownerOnly);
    }
    return FileChannel.open(file, options);
  }

  private static List<Entry> parse(byte[] content, Path file) {
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
    List<Entry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = "key file " + file + " line " + (i + 1) + ": ";
      Entry entry;
      try {
        entry = entry(LINE_CODEC.parseTree(line.getBytes(StandardCharsets.UTF_8)));
      } catch (ContractException e) {
        throw new IllegalArgumentException(
            where + "not a JSON object (" + e.code().wireName() + ")");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage());
      }
      if (!ids.add(entry.keyId())) {
        throw new IllegalArgumentException(where + "key_id " + entry.keyId() + " appears twice");
      }
      entries.add(entry);
    }
    return entries;
  }

  private static Entry entry(Object tree) {
    if (!(tree instanceof Map)) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    Map<?, ?> map = (Map<?, ?>) tree;
    for (Object key : map.keySet()) {
      if (!FIELDS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown key; expected key_id, sha256, tenants, operations, created_at, expires_at");
      }
    }
    Instant expiresAt = null;
    if (map.get("expires_at") != null) {
      try {
        expiresAt = Instant.parse(string(map, "expires_at"));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(
            "expires_at must be a UTC time such as 2027-01-31T00:00:00Z");
      }
    }
    return new Entry(
        string(map, "key_id"),
        string(map, "sha256"),
        strings(map, "tenants"),
        strings(map, "operations"),
        expiresAt);
  }

  private static String string(Map<?, ?> map, String name) {
    Object value = map.get(name);
    if (!(value instanceof String)) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    return (String) value;
  }

  private static Set<String> strings(Map<?, ?> map, String name) {
    Object value = map.get(name);
    if (!(value instanceof List)) {
      throw new IllegalArgumentException(name + " must be a list of strings");
    }
    Set<String> set = new LinkedHashSet<>();
    for (Object element : (List<?>) value) {
      if (!(element instanceof String)) {
        throw new IllegalArgumentException(name + " must be a list of strings");
      }
      set.add((String) element);
    }
    return set;
  }

  private static Set<String> checkScope(Set<String> scope, String name, boolean operations) {
    Objects.requireNonNull(scope, name);
    if (scope.isEmpty()) {
      throw new IllegalArgumentException(name + " must name at least one entry, or *");
    }
    Set<String> copy = new LinkedHashSet<>();
    for (String value : scope) {
      Objects.requireNonNull(value, name);
      if (value.isBlank() || !value.strip().equals(value)) {
        throw new IllegalArgumentException(
            name + " entries must be non-blank without surrounding white space");
      }
      if (operations && !value.equals(ANY) && Operation.fromWireName(value).isEmpty()) {
        throw new IllegalArgumentException(
            name + " names an unknown operation; use wire names such as tenant_status, or *");
      }
      copy.add(value);
    }
    if (copy.contains(ANY) && copy.size() > 1) {
      throw new IllegalArgumentException(name + ": * stands alone");
    }
    return Collections.unmodifiableSet(copy);
  }

  private static char[] newKey() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String body = base62(new BigInteger(1, random), 43);
    java.util.Arrays.fill(random, (byte) 0);
    return (KEY_PREFIX + body + checksum(body)).toCharArray();
  }

  private static String checksum(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    return base62(BigInteger.valueOf(crc.getValue()), 6);
  }

  private static String base62(BigInteger value, int width) {
    char[] out = new char[width];
    BigInteger base = BigInteger.valueOf(62);
    for (int i = width - 1; i >= 0; i--) {
      BigInteger[] qr = value.divideAndRemainder(base);
      out[i] = BASE62[qr[1].intValue()];
      value = qr[0];
    }
    return new String(out);
  }

  static String sha256Hex(char[] key) {
    byte[] hash = sha256(key);
    StringBuilder hex = new StringBuilder(64);
    for (byte b : hash) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  private static byte[] sha256(char[] key) {
    ByteBuffer utf8 = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(key));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(utf8);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    } finally {
      if (utf8.hasArray()) {
        java.util.Arrays.fill(utf8.array(), (byte) 0);
      }
    }
  }

  private static byte[] hexToBytes(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
