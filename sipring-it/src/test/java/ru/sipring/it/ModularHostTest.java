package ru.sipring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * A JPMS host on the module path, against this build's jars. SipRing's jars are automatic modules
 * ({@code Automatic-Module-Name}); an automatic module declares no {@code requires}, so the explicit modules it
 * uses (slf4j's {@code org.slf4j}, Jackson's {@code com.fasterxml.jackson.databind}, ...) are not resolved unless
 * the host names them. This test pins both halves of what docs/architecture.md ("Modular hosts") tells a host:
 * without the additions it compiles and then dies with NoClassDefFoundError; with them it runs.
 */
class ModularHostTest {
  private static final String MAIN = """
      package host;

      import java.nio.file.Path;
      import java.time.ZoneId;
      import java.util.List;
      import ru.sipring.core.inbound.InboundStatistics;
      import ru.sipring.core.queuelog.QueueLogInput;
      import ru.sipring.core.report.InboundReport;
      import ru.sipring.core.report.ReportWindow;
      import ru.sipring.survey.Scenario;
      import ru.sipring.survey.ScenarioJson;

      public class Main {
        public static void main(String[] args) {
          InboundReport report = InboundStatistics.builder().window(ReportWindow.all(ZoneId.of("Europe/Moscow")))
              .build().compute(QueueLogInput.paths(List.of(Path.of("examples/data/queue_log"))));
          System.out.println("answered " + report.summary().answered());
          Scenario s = ScenarioJson.read(Path.of("examples/surveys/car-loan.json"));   // Jackson inside
          System.out.println("scenario " + s.id() + " with " + s.questions().size() + " questions");
        }
      }
      """;

  /** What docs/architecture.md tells a modular host to add beside its own requires of SipRing modules. */
  private static final String ADDED = """
        requires org.slf4j;
        requires com.fasterxml.jackson.databind;
      """;

  @Test
  void withTheDocumentedRequiresAModularHostRuns() throws Exception {
    Build.Run run = compileAndRun("with", ADDED);
    assertThat(run.exit()).as("exit code; it printed:%n%s", run.output()).isZero();
    assertThat(run.output()).contains("answered ").contains("scenario car-loan with ");
  }

  @Test
  void withoutThemItCompilesButDiesOnJackson() throws Exception {
    Build.Run run = compileAndRun("without", "");
    assertThat(run.exit()).as("it printed:%n%s", run.output()).isNotZero();
    assertThat(run.output()).as("the failure the docs describe; if SipRing ships module-info one day, this test"
            + " and the docs change together")
        .contains("NoClassDefFoundError").contains("com/fasterxml/jackson");
  }

  private Build.Run compileAndRun(String name, String extraRequires) throws IOException, InterruptedException {
    Path root = Build.root();
    List<String> modulePath = modulePath();
    Path dir = root.resolve("sipring-it/target/modular-host-" + name);
    Path src = dir.resolve("src");
    Path out = dir.resolve("classes");
    Files.createDirectories(src.resolve("host"));
    Files.createDirectories(out);
    Path info = src.resolve("module-info.java");
    Files.writeString(info, "module host {\n  requires ru.sipring.core;\n  requires ru.sipring.survey;\n"
        + extraRequires + "}\n", StandardCharsets.UTF_8);
    Path main = src.resolve("host/Main.java");
    Files.writeString(main, MAIN, StandardCharsets.UTF_8);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    int rc = javac.run(null, null, null, "--release", "17", "-proc:none", "-Xlint:-module", "-encoding", "UTF-8",
        "-d", out.toString(), "--module-path", String.join(File.pathSeparator, modulePath),
        info.toString(), main.toString());
    assertThat(rc).as("the modular host compiles (javac exit code)").isZero();

    List<String> command = new ArrayList<>(List.of(Build.java(), "--module-path",
        out + File.pathSeparator + String.join(File.pathSeparator, modulePath), "-m", "host/host.Main"));
    return Build.run(root, command, 120);
  }

  /** The packaged core and survey jars, plus their compile closure (written by the dependency plugin). */
  private static List<String> modulePath() throws IOException {
    Path listed = Path.of("target", "modular-host-module-path.txt");
    List<String> entries = Arrays.stream(Files.readString(listed).strip().split(File.pathSeparator))
        .filter(e -> !e.isBlank()).toList();
    assertThat(entries).as("the module path holds this build's jars, not class directories")
        .contains(Build.jar("sipring-core").toString(), Build.jar("sipring-survey").toString())
        .allMatch(e -> e.endsWith(".jar"));
    return entries;
  }
}
