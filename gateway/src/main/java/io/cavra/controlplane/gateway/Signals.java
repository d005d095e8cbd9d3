package io.cavra.controlplane.gateway;

/**
 * Installs handlers for POSIX signals through {@code sun.misc.Signal}, the one JDK API for it. A
 * handler replaces the JVM's own: a SIGTERM that is handled does not run the shutdown hooks or exit
 * with 143; the handler decides. Where a signal cannot be handled (Windows has no SIGHUP), nothing
 * is installed and {@link #handle} says so.
 */
final class Signals {
  private Signals() {}

  /**
   * Runs {@code action} on its own thread each time {@code name} (TERM, INT, HUP) arrives; whether
   * it could.
   */
  @SuppressWarnings("removal")
  static boolean handle(String name, Runnable action) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> action.run());
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
      return false;
    }
  }
}
