package ru.sipring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ru.sipring.core.directory.CsvAgentDirectory;
import ru.sipring.core.directory.CsvQueueDirectory;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportWindow;

/**
 * The README's "Embedding" section, taken as an outside team would: its XML goes into a new Maven project, its
 * Java program into that project's sources, unchanged. The project imports sipring-bom and is built by the
 * repository's Maven wrapper against a local repository under target/ that holds THIS build's packaged jars and
 * poms (laid out as `install` would, without touching ~/.m2); third-party artifacts and plugins come from the
 * developer's ~/.m2 through a file:// mirror, so no network is needed and SipRing SNAPSHOTs there are never seen
 * (the mirror has snapshots off). The consumer build also runs the enforcer's dependencyConvergence, so a host
 * sees one version of each library. Then the program runs from the repository root and must print the summary.
 */
class ReadmeEmbeddingTest {
  private static final Pattern SECTION = Pattern.compile("(?ms)^## Embedding\\s*$(.*?)(?=^## |\\z)");
  private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w+)\\s*$(.*?)^```\\s*$");
  private static final Pattern CLASS = Pattern.compile("(?m)^public\\s+(?:final\\s+)?class\\s+(\\w+)");

  @Test
  void theEmbeddingProgramBuildsAgainstTheBomAndPrintsTheSummary() throws Exception {
    Path root = Build.root();
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    Matcher section = SECTION.matcher(readme);
    assertThat(section.find()).as("README.md has a section '## Embedding'").isTrue();
    String xml = null;
    String program = null;
    Matcher block = BLOCK.matcher(section.group(1));
    while (block.find()) {
      if (block.group(1).equals("xml") && xml == null) {
        xml = block.group(2);
      } else if (block.group(1).equals("java") && program == null) {
        program = block.group(2);
      }
    }
    assertThat(xml).as("an xml block in Embedding").isNotNull();
    assertThat(program).as("a java block in Embedding").isNotNull();
    assertThat(xml).as("the XML imports the BOM").contains("<artifactId>sipring-bom</artifactId>")
        .contains("<scope>import</scope>").contains("<version>" + Build.version() + "</version>");
    Matcher cls = CLASS.matcher(program);
    assertThat(cls.find()).as("the program declares a public class").isTrue();
    String className = cls.group(1);

    OutsideProject project = OutsideProject.create("readme-embedding", xml);
    project.addSource(className, program);
    String classPath = project.build();
    assertThat(classPath).as("the program runs on the jars of this build, from the test repository")
        .contains(project.repository().resolve("ru/sipring/sipring-core/" + Build.version()).toString())
        .doesNotContain("sipring-core/target/classes");
    Build.Run run = Build.run(root, List.of(Build.java(), "-cp", classPath, className), 120);
    assertThat(run.exit()).as("the program exits 0; it printed:%n%s", run.output()).isZero();

    InboundReport expected = sampleWeek(root);
    assertThat(run.output()).as("it prints the summary of examples/data")
        .contains(expected.summary().answered() + " answered, " + expected.summary().lost() + " lost")
        .contains("Answered:").contains(String.valueOf(expected.summary().answered()));
  }

  /** The same week computed here, in-process: the numbers the printed summary must show. */
  private static InboundReport sampleWeek(Path root) {
    ZoneId zone = ZoneId.of("Europe/Moscow");
    return InboundStatistics.builder()
        .window(new ReportWindow(LocalDate.of(2026, 3, 2).atStartOfDay(zone).toInstant(),
            LocalDate.of(2026, 3, 9).atStartOfDay(zone).toInstant(), zone, List.of(), List.of(), List.of()))
        .agents(CsvAgentDirectory.load(root.resolve("examples/data/agents.csv")))
        .queues(CsvQueueDirectory.load(root.resolve("examples/data/queues.csv")))
        .build()
        .compute(QueueLogInput.paths(List.of(root.resolve("examples/data/queue_log"))));
  }

}
