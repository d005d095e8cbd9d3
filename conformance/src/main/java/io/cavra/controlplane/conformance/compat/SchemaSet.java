package io.cavra.controlplane.conformance.compat;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ContractSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A set of JSON Schemas to compare, keyed by file name (e.g. {@code request.schema.json}).
 * Immutable.
 *
 * <p>Sets come from a directory ({@link #directory}: every {@code *.json} file but {@code
 * index.json}), from class-path resources listed by an {@code index.json} whose {@code "schemas"}
 * array names them ({@link #classPath}: {@code <name>.schema.json}), from the schemas the contract
 * publishes ({@link #published}), or from the v1 baseline shipped with this kit ({@link
 * #baselineV1}).
 */
public final class SchemaSet {
  /** The class-path directory of the shipped v1 baseline; no leading slash. */
  public static final String BASELINE_V1 = "io/cavra/controlplane/conformance/compat/baseline/v1/";

  private static final String SUFFIX = ".schema.json";

  private final String description;
  private final Map<String, Object> schemas;

  private SchemaSet(String description, Map<String, Object> schemas) {
    this.description = description;
    this.schemas = Collections.unmodifiableMap(schemas);
  }

  /**
   * Every {@code *.json} file directly in {@code directory}, except {@code index.json}.
   *
   * @throws UncheckedIOException if the directory or a file cannot be read
   * @throws IllegalArgumentException if a file is not JSON
   */
  public static SchemaSet directory(Path directory) {
    Objects.requireNonNull(directory, "directory");
    Map<String, Object> schemas = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json") && !name.equals("index.json") && Files.isRegularFile(file)) {
          schemas.put(name, parse(name, Files.readAllBytes(file)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schemas in " + directory, e);
    }
    return new SchemaSet(directory.toString(), schemas);
  }

  /**
   * The schemas that {@code <resourceDirectory>index.json} lists, read with {@code loader}.
   *
   * @param resourceDirectory a class-path directory with a trailing slash and no leading one
   * @throws UncheckedIOException if the index or a listed schema is missing
   * @throws IllegalArgumentException if a file is not JSON or the index has no {@code "schemas"}
   *     list
   */
  public static SchemaSet classPath(String resourceDirectory, ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    return indexed(
        Objects.requireNonNull(resourceDirectory, "resourceDirectory"),
        loader::getResourceAsStream);
  }

  private static SchemaSet indexed(String resourceDirectory, Function<String, InputStream> open) {
    Object index = parse("index.json", resource(open, resourceDirectory + "index.json"));
    Object names = index instanceof Map ? ((Map<?, ?>) index).get("schemas") : null;
    if (!(names instanceof List)) {
      throw new IllegalArgumentException(resourceDirectory + "index.json has no \"schemas\" list");
    }
    Map<String, Object> schemas = new TreeMap<>();
    for (Object name : (List<?>) names) {
      String file = name + SUFFIX;
      schemas.put(file, parse(file, resource(open, resourceDirectory + file)));
    }
    return new SchemaSet("classpath:" + resourceDirectory, schemas);
  }

  /** The schemas published by the contract module this kit runs with ({@link ContractSchemas}). */
  public static SchemaSet published() {
    Map<String, Object> schemas = new TreeMap<>();
    for (String name : ContractSchemas.names()) {
      schemas.put(
          name + SUFFIX,
          parse(name + SUFFIX, ContractSchemas.read(name).getBytes(StandardCharsets.UTF_8)));
    }
    return new SchemaSet("classpath:" + ContractSchemas.RESOURCE_DIRECTORY, schemas);
  }

  /**
   * The contract's v1 schemas as first published, shipped with this kit as the compatibility
   * baseline.
   */
  public static SchemaSet baselineV1() {
    // Through this class, so that the resources are found on the module path too.
    return indexed(BASELINE_V1, path -> SchemaSet.class.getResourceAsStream("/" + path));
  }

  /** Where the schemas came from: a directory or {@code classpath:<directory>}. */
  public String description() {
    return description;
  }

  /** The schema file names, sorted. */
  public List<String> names() {
    return List.copyOf(schemas.keySet());
  }

  /** The parsed schema (plain JSON tree) for {@code name}, or {@code null}. */
  Object schema(String name) {
    return schemas.get(name);
  }

  private static byte[] resource(Function<String, InputStream> open, String path) {
    try (InputStream in = open.apply(path)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing resource " + path));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + path, e);
    }
  }

  private static Object parse(String name, byte[] bytes) {
    try {
      return ContractJson.defaults().parseTree(bytes);
    } catch (ContractException e) {
      throw new IllegalArgumentException(
          name + " is not JSON: " + e.code() + " at " + e.location(), e);
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
