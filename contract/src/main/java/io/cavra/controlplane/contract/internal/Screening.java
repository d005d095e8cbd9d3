package io.cavra.controlplane.contract.internal;

import java.util.ServiceLoader;

/**
 * The secret guard as the model's checks and the document reader use it. The guard's package
 * implements it and uses the model's error types, so the model finds the default guard through
 * {@link ServiceLoader} rather than naming that package: the packages of the contract then depend
 * on each other in one direction only.
 */
public interface Screening {

  /** The text an error shows instead of a key that is credential material. */
  String REDACTED_KEY = "<redacted>";

  /**
   * Throws the contract's secret error for the first finding in {@code value} (may be null), whose
   * paths start at {@code rootPath}.
   */
  void check(Object value, String rootPath);

  /** A screen for one document given as UTF-8 bytes; offsets count bytes. */
  Screen screen(byte[] utf8);

  /** A screen for one document given as text; offsets count chars. */
  Screen screen(String json);

  /** Receives a document's keys and strings while it is read; clear if the guard found nothing. */
  interface Screen {
    void key(String key);

    void value(long offset, String text);

    void integer(String digits);

    boolean clear();
  }

  /**
   * The guard every record applies: the first provider of this service on this library's class
   * loader (the guard's package provides the default guard with its rule providers). Fails if there
   * is none, so that a model is never built unguarded.
   */
  static Screening defaults() {
    return Default.INSTANCE;
  }

  /** Holder of {@link #defaults()}, loaded on first use. */
  final class Default {
    static final Screening INSTANCE =
        ServiceLoader.load(Screening.class, Screening.class.getClassLoader())
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no secret guard: the contract's guard provider is missing"));

    private Default() {}
  }
}
