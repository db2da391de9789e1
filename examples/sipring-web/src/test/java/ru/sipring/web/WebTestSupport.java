package ru.sipring.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import picocli.CommandLine;
import ru.sipring.cli.report.ReportCommand;

/** The sample data, the users of the tests, and the CLI as the reference the web must equal. */
final class WebTestSupport {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();
  static final String ADMIN_PASSWORD = "admin-test-password";
  static final String SUPERVISOR_PASSWORD = "supervisor-test-password";
  static final String OPERATOR_PASSWORD = "operator-test-password";

  private WebTestSupport() {
  }

  /** The panel over examples/data with an admin, a supervisor {@code sv} and an operator {@code op}. */
  static void properties(DynamicPropertyRegistry r) {
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4); // cost 4: fast tests; production uses 10
    r.add("sipring.web.admin-password", () -> ADMIN_PASSWORD);
    r.add("sipring.web.users.sv.password", () -> "{bcrypt}" + bcrypt.encode(SUPERVISOR_PASSWORD));
    r.add("sipring.web.users.sv.role", () -> "SUPERVISOR");
    r.add("sipring.web.users.op.password", () -> "{bcrypt}" + bcrypt.encode(OPERATOR_PASSWORD));
    r.add("sipring.web.users.op.role", () -> "OPERATOR");
    r.add("sipring.zone", () -> "Europe/Moscow");
    r.add("sipring.queue-log.paths", () -> DATA.resolve("queue_log").toString());
    r.add("sipring.report.agents", () -> DATA.resolve("agents.csv").toString());
    r.add("sipring.report.queues", () -> DATA.resolve("queues.csv").toString());
    r.add("server.address", () -> "127.0.0.1");
  }

  /** {@code sipring report --format json} with the same data and these options; stdout as text. */
  static String cliJson(String... options) {
    List<String> args = new ArrayList<>(List.of("--queue-log", DATA.resolve("queue_log").toString(),
        "--agents", DATA.resolve("agents.csv").toString(), "--queues", DATA.resolve("queues.csv").toString(),
        "--zone", "Europe/Moscow", "--format", "json"));
    args.addAll(List.of(options));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportCommand command = new ReportCommand(new ByteArrayInputStream(new byte[0]), out);
    CommandLine cli = ReportCommand.commandLine(command);
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args.toArray(String[]::new));
    if (code != 0) {
      throw new AssertionError("sipring report exited " + code + ": " + err);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
