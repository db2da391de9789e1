package ru.sipring.cli;

/**
 * Apache POI (the XLSX printouts) logs through log4j-api, and the CLI ships no log4j provider: without one,
 * log4j-api prints "ERROR Log4j API could not find a logging provider" on stderr the first time POI loads, which
 * reads like a failure of the command. log4j-api's own simple logger (errors only, to stderr) is enough for a
 * command. A provider the user set with {@code -Dlog4j.provider} or {@code -Dlog4j2.loggerContextFactory} is kept.
 * Stateless, thread-safe.
 */
public final class PrintLogging {
  private PrintLogging() {}

  /** Call before the first printout of the process. */
  public static void quiet() {
    if (System.getProperty("log4j.provider") == null && System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }
  }
}
