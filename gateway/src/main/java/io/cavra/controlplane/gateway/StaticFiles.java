package io.cavra.controlplane.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The contract explorer's files, served from the class-path folder {@value #FOLDER} and nowhere
 * else: names are checked against a strict pattern before any lookup, so no path can leave it.
 */
final class StaticFiles {
  /** The class-path folder, relative to this package. */
  static final String FOLDER = "explorer/";

  static final String INDEX = "index.html";

  /**
   * Segments of letters, digits, '_', '-' and inner dots, joined by '/'; no '..', no leading dot.
   */
  private static final Pattern NAME =
      Pattern.compile(
          "[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}(/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}){0,4}");

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("map", "application/json"),
          Map.entry("woff2", "font/woff2"));
  private static final byte[] PLACEHOLDER =
      ("<!doctype html>\n"
              + "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CAVRA control plane"
              + " gateway</title></head><body><h1>CAVRA control plane gateway</h1><p>The contract"
              + " explorer is not built into this jar (explorer not built).</p><p>The API is"
              + " available: <a href=\"/v1/operations\">/v1/operations</a>, <a"
              + " href=\"/v1/contract\">/v1/contract</a>, <a"
              + " href=\"/openapi.json\">/openapi.json</a>.</p></body></html>\n")
          .getBytes(StandardCharsets.UTF_8);

  /** One file: its bytes and content type. */
  record File(byte[] bytes, String contentType) {}

  private final Map<String, File> cache = new ConcurrentHashMap<>();

  /** The explorer's start page, or a placeholder that says the explorer is not built. */
  File index() {
    return file(INDEX).orElseGet(() -> new File(PLACEHOLDER, TYPES.get("html")));
  }

  /**
   * The file called {@code name} inside the folder, if the name is acceptable and the file exists.
   */
  Optional<File> file(String name) {
    if (!acceptableName(name)) {
      return Optional.empty();
    }
    File cached = cache.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<File> loaded = load(name);
    loaded.ifPresent(file -> cache.put(name, file));
    return loaded;
  }

  /** A name of the strict pattern whose extension has a known content type (so never a folder). */
  static boolean acceptableName(String name) {
    if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
      return false;
    }
    int dot = name.lastIndexOf('.');
    return dot > name.lastIndexOf('/')
        && TYPES.containsKey(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static Optional<File> load(String name) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new File(in.readAllBytes(), contentType(name)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read explorer resource", e);
    }
  }

  static String contentType(String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
