package ru.sipring.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where the repository and this build's packaged jars are, and how to run a process; shared by the tests. */
final class Build {
  /** The modules published to Maven Central (the BOM's list), in dependency order. */
  static final List<String> PUBLISHED = List.of("sipring-core", "sipring-campaign", "sipring-survey", "sipring-fax",
      "sipring-print",
      "sipring-testkit", "sipring-ami", "sipring-cdr", "sipring-ha");

  private Build() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("sipring-bom")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("repository root (mvnw, sipring-bom/) not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static String version() {
    return required("sipring.version");
  }

  static String required(String property) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set: run through Maven (sipring-it/pom.xml)");
    }
    return v;
  }

  /** The jar this build packaged for {@code module}; fails if `package` has not run for it in this build. */
  static Path jar(String module) {
    Path jar = root().resolve(module).resolve("target").resolve(module + "-" + version() + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: these tests run in `./mvnw verify` (or `-pl sipring-it -am"
          + " verify`), after the modules are packaged");
    }
    return jar;
  }

  /** Output and exit code of a finished process. */
  record Run(int exit, String output) {}

  static Run run(Path dir, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    // read before waiting: a full pipe would block the child
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("did not finish in " + timeoutSeconds + " s: " + command);
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
