package io.cavra.controlplane.gateway;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps request data out of Jetty's own log records. Jetty writes some values of a bad request into
 * its warnings (a second {@code Host} header, for one); a header can hold a credential, so every
 * record of the {@code org.eclipse.jetty} loggers is re-published to the root handlers as the
 * logger's name, the level and the exception class only, and Jetty's INFO chatter is dropped unless
 * a level was configured. This applies when SLF4J is bound to {@code java.util.logging}, as in the
 * gateway's jars; an application with another SLF4J backend must filter Jetty's records there.
 */
final class JettyLogs {
  static final String WITHHELD = "details withheld: Jetty's text may hold request data";

  /** Held strongly: java.util.logging keeps loggers only weakly, and would forget the settings. */
  private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

  private static boolean installed;

  private JettyLogs() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    if (JETTY.getLevel() == null) {
      JETTY.setLevel(Level.WARNING);
    }
    JETTY.setUseParentHandlers(false);
    JETTY.addHandler(new Sanitizer());
  }

  /** The text that replaces a Jetty record's message. */
  static String sanitized(LogRecord record) {
    String name = record.getLoggerName() == null ? "org.eclipse.jetty" : record.getLoggerName();
    Throwable thrown = record.getThrown();
    return "jetty "
        + name.substring(name.lastIndexOf('.') + 1)
        + ": "
        + WITHHELD
        + (thrown == null ? "" : " (" + thrown.getClass().getName() + ")");
  }

  private static final class Sanitizer extends Handler {
    @Override
    public void publish(LogRecord record) {
      LogRecord clean = new LogRecord(record.getLevel(), sanitized(record));
      clean.setLoggerName(record.getLoggerName());
      clean.setInstant(record.getInstant());
      for (Handler handler : Logger.getLogger("").getHandlers()) {
        handler.publish(clean);
      }
    }

    @Override
    public void flush() {
      for (Handler handler : Logger.getLogger("").getHandlers()) {
        handler.flush();
      }
    }

    @Override
    public void close() {}
  }
}
