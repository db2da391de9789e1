package ru.sipring.cdr;

import ru.sipring.cdr.DatabasePool;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process for lock tests: opens the embedded database in {@code args[0]}, prints {@code open}, and keeps
 * it open until its standard input ends. Public because the CLI tests (through this module's test-jar) use it too.
 */
public final class EmbeddedDatabaseHolder {
  private EmbeddedDatabaseHolder() {}

  public static void main(String[] args) throws IOException {
    try (DatabasePool ds = Databases.embedded(Path.of(args[0]))) {
      System.out.println("open");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the database until the test closes our stdin
      }
    }
  }

  /** Starts a holder of {@code dir} and returns once it has the database open. */
  public static Process start(Path dir) throws IOException {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), EmbeddedDatabaseHolder.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
    if (!"open".equals(line)) {
      p.destroy();
      throw new IllegalStateException("the holder did not open " + dir + ": " + line);
    }
    return p;
  }
}
