package ru.sipring.cli.web;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sipring web}: starts the admin panel (examples/sipring-web, a Spring Boot application) on 127.0.0.1.
 * The panel runs as its own Java process from its own jar, so the CLI stays a small picocli jar and no Spring
 * class loads for any other command; the options become the panel's {@code sipring.*} properties, secrets
 * travel in the child's environment (never on its command line, where {@code ps} shows them).
 *
 * <p>Exit codes: the panel's own (0 stopped; 2 no admin password); 1 the panel's jar is missing; 2 a bad option.
 */
@Command(name = "web", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Start the admin panel (reports, wallboard, REST API) on http://127.0.0.1:PORT/. User admin, "
        + "password from $SIPRING_ADMIN_PASSWORD (or a file named by $SIPRING_ADMIN_PASSWORD_FILE).",
    footer = {"", "Examples:",
        "  SIPRING_ADMIN_PASSWORD=... sipring web --queue-log examples/data/queue_log \\",
        "      --agents examples/data/agents.csv --queues examples/data/queues.csv --zone Europe/Moscow",
        "  SIPRING_ADMIN_PASSWORD=... sipring web --demo",
        "  sipring web --db jdbc:mariadb://pbx:3306/asteriskcdrdb --table queuelog --ami pbx:5038 \\",
        "      --recordings /var/spool/asterisk/monitor",
        "", "Documentation: docs/web.md"})
public final class WebCommand implements Callable<Integer> {
  @Spec

  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "address to listen on (default ${DEFAULT-VALUE}; put a TLS proxy in front for anything else)")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String bind;

  @Option(names = "--queue-log", arity = "1..*", paramLabel = "PATH", description = "queue_log files or directories")
  List<Path> queueLogs = new ArrayList<>();

  @Option(names = "--agents", paramLabel = "FILE", description = "CSV agent,number,name")
  @Nullable Path agents;

  @Option(names = "--queues", paramLabel = "FILE", description = "CSV queue,name")
  @Nullable Path queues;

  @Option(names = "--zone", paramLabel = "ZONE", description = "time zone of reports (default: the system zone)")
  @Nullable String zone;

  @Option(names = "--db", paramLabel = "JDBC_URL", description = "database: the queue_log table and the operators")
  @Nullable String db;

  @Option(names = "--db-user", paramLabel = "U", defaultValue = "${env:SIPRING_DB_USER}")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String dbUser;

  @Option(names = "--db-password", paramLabel = "P", defaultValue = "${env:SIPRING_DB_PASSWORD}")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String dbPassword;

  @Option(names = "--table", paramLabel = "TABLE", description = "queue_log table (default queue_log; FreePBX 16/17: queuelog)")
  @Nullable String table;

  @Option(names = "--ami", paramLabel = "HOST:PORT", defaultValue = "${env:SIPRING_AMI}",
      description = "Asterisk AMI for the live wallboard (env SIPRING_AMI)")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String ami;

  @Option(names = "--ami-user", paramLabel = "U", defaultValue = "${env:SIPRING_AMI_USER}")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String amiUser;

  @Option(names = "--ami-secret", paramLabel = "S", defaultValue = "${env:SIPRING_AMI_SECRET}")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String amiSecret;

  @Option(names = "--recordings", paramLabel = "DIR",
      description = "where Asterisk records calls (FreePBX: /var/spool/asterisk/monitor): the report page plays and "
          + "downloads an answered call's recording from here")
  @Nullable Path recordings;

  @Option(names = "--demo", description = "simulate today's call-centre day on a fake Asterisk (moving wallboard)")
  boolean demo;

  @Option(names = "--jar", paramLabel = "FILE",
      description = "the panel's jar (default: $SIPRING_WEB_JAR, else examples/sipring-web/target/sipring-web.jar)")
  @Nullable Path jar;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<String> args = arguments();
    Path webJar = webJar();
    if (!Files.isRegularFile(webJar)) {
      spec.commandLine().getErr().println("sipring web: the panel is not built: " + webJar + " is missing (build it "
          + "with ./mvnw -B -pl examples/sipring-web -am package -DskipTests, or give --jar)");
      spec.commandLine().getErr().flush();
      return 1;
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String opts = System.getenv("SIPRING_WEB_JAVA_OPTS");
    if (opts != null && !opts.isBlank()) {
      command.addAll(List.of(opts.trim().split("\\s+")));
    }
    command.add("-jar");
    command.add(webJar.toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
    environment(pb.environment());
    Process p = pb.start();
    // Ctrl-C reaches both processes (same process group); stop the panel too when only the CLI is stopped
    Thread stop = new Thread(p::destroy, "sipring-web-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    int code = p.waitFor();
    try {
      Runtime.getRuntime().removeShutdownHook(stop);
    } catch (IllegalStateException e) {
      // shutting down already
    }
    return code;
  }

  /** The panel's arguments: Spring Boot properties, no secrets. */
  List<String> arguments() {
    if (port < 0 || port > 65535) {
      throw bad("--port", "must be 0..65535, got " + port);
    }
    if (demo && (!queueLogs.isEmpty() || db != null || ami != null && !ami.isBlank())) {
      throw bad("--demo", "runs on its own fake Asterisk: leave out --queue-log, --db and --ami");
    }
    if (!queueLogs.isEmpty() && db != null) {
      throw bad("--db", "give --queue-log or --db for the reports, not both (the database is then used for operators only"
          + " with --queue-log omitted)");
    }
    if (table != null && db == null) {
      throw bad("--table", "only with --db JDBC_URL");
    }
    List<String> a = new ArrayList<>();
    a.add("--server.port=" + port);
    a.add("--server.address=" + bind);
    if (!queueLogs.isEmpty()) {
      List<String> paths = new ArrayList<>();
      for (Path p : queueLogs) {
        if (!Files.exists(p)) {
          throw bad("--queue-log", p + ": no such file or directory");
        }
        paths.add(p.toAbsolutePath().toString());
      }
      a.add("--sipring.queue-log.paths=" + String.join(",", paths));
    }
    if (agents != null) {
      a.add("--sipring.report.agents=" + agents.toAbsolutePath());
    }
    if (queues != null) {
      a.add("--sipring.report.queues=" + queues.toAbsolutePath());
    }
    if (zone != null) {
      try {
        java.time.ZoneId.of(zone);
      } catch (java.time.DateTimeException e) {
        throw bad("--zone", "unknown time zone '" + zone + "' (use a region such as Europe/Moscow)");
      }
      a.add("--sipring.zone=" + zone);
    }
    if (db != null) {
      a.add("--sipring.database.url=" + db);
      a.add("--sipring.queue-log.source=database");
      if (table != null) {
        a.add("--sipring.queue-log.table=" + table);
      }
    }
    if (ami != null && !ami.isBlank()) {
      String host = ami.trim();
      int colon = host.lastIndexOf(':');
      if (colon > 0) {
        try {
          a.add("--sipring.ami.port=" + Integer.parseInt(host.substring(colon + 1)));
        } catch (NumberFormatException e) {
          throw bad("--ami", "port is not a number in '" + ami + "'");
        }
        host = host.substring(0, colon);
      }
      a.add("--sipring.ami.host=" + host);
      if (amiUser != null) {
        a.add("--sipring.ami.username=" + amiUser);
      }
      if (amiSecret == null) {
        throw bad("--ami-secret", "missing: give --ami-secret or set SIPRING_AMI_SECRET");
      }
    }
    if (recordings != null) {
      if (!Files.isDirectory(recordings)) {
        throw bad("--recordings", recordings + ": no such directory");
      }
      a.add("--sipring.recordings.directory=" + recordings.toAbsolutePath().normalize());
    }
    if (demo) {
      a.add("--sipring.web.demo=true");
    }
    return a;
  }

  /** Secrets for the panel, by Spring's environment-variable names. */
  void environment(Map<String, String> env) {
    if (dbUser != null) {
      env.put("SIPRING_DATABASE_USERNAME", dbUser);
    }
    if (dbPassword != null) {
      env.put("SIPRING_DATABASE_PASSWORD", dbPassword);
    }
    if (amiSecret != null && ami != null && !ami.isBlank()) {
      env.put("SIPRING_AMI_SECRET", amiSecret);
    }
  }

  private Path webJar() {
    if (jar != null) {
      return jar;
    }
    String env = System.getenv("SIPRING_WEB_JAR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    // beside the CLI's jar in the source tree: examples/sipring-cli/target/x.jar -> examples/sipring-web/target
    try {
      Path self = Path.of(WebCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path examples = self.getParent() == null || self.getParent().getParent() == null ? null
          : self.getParent().getParent().getParent();
      if (examples != null) {
        return examples.resolve("sipring-web").resolve("target").resolve("sipring-web.jar");
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // fall through to the working directory
    }
    return Path.of("examples", "sipring-web", "target", "sipring-web.jar");
  }

  private ParameterException bad(String option, String message) {
    return new ParameterException(spec.commandLine(), option + ": " + message);
  }
}
