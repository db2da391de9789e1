package ru.sipring.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import ru.sipring.cli.SipRingCli;

class WebCommandTest {
  private static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();

  private static WebCommand parse(String... args) {
    CommandLine cli = SipRingCli.commandLine();
    CommandLine.ParseResult r = cli.parseArgs(args);
    return (WebCommand) r.subcommand().commandSpec().userObject();
  }

  private static String run(String... args) {
    CommandLine cli = SipRingCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return code + " " + err;
  }

  @Test
  void optionsBecomeThePanelsPropertiesOnLoopbackByDefault() {
    WebCommand c = parse("web", "--port", "9090", "--queue-log", DATA.resolve("queue_log").toString(), "--zone",
        "Europe/Moscow", "--agents", DATA.resolve("agents.csv").toString());
    assertThat(c.arguments()).contains("--server.port=9090", "--server.address=127.0.0.1",
        "--sipring.queue-log.paths=" + DATA.resolve("queue_log"), "--sipring.zone=Europe/Moscow",
        "--sipring.report.agents=" + DATA.resolve("agents.csv"));
  }

  @Test
  void secretsGoToTheEnvironmentNotTheCommandLine() {
    WebCommand c = parse("web", "--db", "jdbc:mariadb://pbx:3306/asteriskcdrdb", "--db-user", "u", "--db-password",
        "db-secret", "--table", "queuelog", "--ami", "pbx:5039", "--ami-user", "sipring", "--ami-secret", "ami-secret");
    assertThat(c.arguments()).contains("--sipring.database.url=jdbc:mariadb://pbx:3306/asteriskcdrdb",
        "--sipring.queue-log.source=database", "--sipring.queue-log.table=queuelog", "--sipring.ami.host=pbx",
        "--sipring.ami.port=5039", "--sipring.ami.username=sipring");
    assertThat(String.join(" ", c.arguments())).doesNotContain("db-secret", "ami-secret");
    Map<String, String> env = new HashMap<>();
    c.environment(env);
    assertThat(env).containsEntry("SIPRING_DATABASE_PASSWORD", "db-secret").containsEntry("SIPRING_AMI_SECRET",
        "ami-secret").containsEntry("SIPRING_DATABASE_USERNAME", "u");
  }

  @Test
  void recordingsBecomeTheStartersRecordingsDirectory(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path monitor = java.nio.file.Files.createDirectories(tmp.resolve("monitor"));
    WebCommand c = parse("web", "--queue-log", DATA.resolve("queue_log").toString(), "--recordings",
        monitor.toString());
    assertThat(c.arguments()).contains("--sipring.recordings.directory=" + monitor.toAbsolutePath().normalize());
    assertThat(parse("web", "--demo").arguments()).noneMatch(a -> a.startsWith("--sipring.recordings."));
    assertThat(run("web", "--recordings", tmp.resolve("absent").toString()))
        .startsWith("2 sipring web: --recordings: " + tmp.resolve("absent") + ": no such directory");
    java.nio.file.Path file = java.nio.file.Files.writeString(tmp.resolve("a-file"), "x");
    assertThat(run("web", "--recordings", file.toString())).startsWith("2 sipring web: --recordings: ");
  }

  @Test
  void badOptionsAreExitCode2NamingTheOption() {
    assertThat(run("web", "--demo", "--queue-log", DATA.resolve("queue_log").toString()))
        .startsWith("2 sipring web: --demo: runs on its own fake Asterisk");
    assertThat(run("web", "--table", "queuelog")).startsWith("2 sipring web: --table: only with --db");
    assertThat(run("web", "--zone", "Mars/Base")).startsWith("2 sipring web: --zone: unknown time zone");
    assertThat(run("web", "--queue-log", "/nonexistent/queue_log")).startsWith("2 sipring web: --queue-log: /nonexistent");
  }

  @Test
  void aMissingPanelJarIsOneClearLine() {
    assertThat(run("web", "--jar", "/nonexistent/sipring-web.jar"))
        .isEqualTo("1 sipring web: the panel is not built: /nonexistent/sipring-web.jar is missing (build it with "
            + "./mvnw -B -pl examples/sipring-web -am package -DskipTests, or give --jar)\n");
  }

  @Test
  void noSpringClassIsNeededToParse() {
    // the CLI jar must stay light: the web command lives in the panel's own process
    assertThat(WebCommand.class.getClassLoader().getResource("org/springframework/boot/SpringApplication.class"))
        .isNull();
  }
}
