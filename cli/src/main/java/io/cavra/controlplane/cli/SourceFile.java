package io.cavra.controlplane.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One input of {@code scan}: how it is named in messages, where it is, how SARIF names it, and how
 * it is read.
 *
 * @param display the name in text output and diagnostics, as given or found under a directory
 * @param path the file, or {@code null} for standard input
 * @param uri the SARIF artifact URI: relative to the source root (then {@code relative}) or an
 *     absolute {@code file:} URI; {@code null} for unnamed standard input
 */
record SourceFile(String display, Path path, String uri, boolean relative, Kind kind) {

  /** How a file is read. */
  enum Kind {
    /** One JSON document. */
    JSON,
    /** One JSON document per line. */
    JSONL,
    /** YAML, one or more documents. */
    YAML,
    /** Dotenv: {@code KEY=value} lines. */
    ENV,
    /** Anything else, line by line: logs, properties, configuration, prose. */
    TEXT
  }

  boolean stdin() {
    return path == null;
  }

  /** What the fingerprint is keyed on: the URI when there is one, else the display name. */
  String identity() {
    return uri != null ? uri : display;
  }

  /** The kind a file's name implies, or {@code null} when the name says nothing. */
  static Kind kindOfName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return Kind.JSON;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Kind.JSONL;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Kind.YAML;
    }
    if (name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env")) {
      return Kind.ENV;
    }
    return null;
  }

  /**
   * The SARIF URI of {@code file} (absolute and normalised): relative to {@code root} with '/'
   * separators and percent-encoding when it lies below it, else an absolute {@code file:} URI.
   */
  static String uri(Path file, Path root) {
    if (file.startsWith(root) && !file.equals(root)) {
      StringBuilder relative = new StringBuilder();
      for (Path segment : root.relativize(file)) {
        if (relative.length() > 0) {
          relative.append('/');
        }
        relative.append(encode(segment.toString()));
      }
      return relative.toString();
    }
    return file.toUri().toString();
  }

  /** Whether {@link #uri(Path, Path)} gives a relative reference for {@code file}. */
  static boolean isBelow(Path file, Path root) {
    return file.startsWith(root) && !file.equals(root);
  }

  /** Percent-encodes one path segment for a URI reference (spaces, '%', '#', '?', non-ASCII …). */
  static String encode(String segment) {
    try {
      String encoded = new URI(null, null, segment, null).toASCIIString();
      return encoded.replace("?", "%3F").replace("#", "%23").replace(":", "%3A");
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot encode a path segment", e);
    }
  }
}
