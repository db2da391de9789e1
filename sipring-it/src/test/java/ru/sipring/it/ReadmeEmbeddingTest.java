package ru.sipring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.ArrayList;
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
    String java = null;
    Matcher block = BLOCK.matcher(section.group(1));
    while (block.find()) {
      if (block.group(1).equals("xml") && xml == null) {
        xml = block.group(2);
      } else if (block.group(1).equals("java") && java == null) {
        java = block.group(2);
      }
    }
    assertThat(xml).as("an xml block in Embedding").isNotNull();
    assertThat(java).as("a java block in Embedding").isNotNull();
    assertThat(xml).as("the XML imports the BOM").contains("<artifactId>sipring-bom</artifactId>")
        .contains("<scope>import</scope>").contains("<version>" + Build.version() + "</version>");
    Matcher cls = CLASS.matcher(java);
    assertThat(cls.find()).as("the program declares a public class").isTrue();
    String className = cls.group(1);

    Path it = root.resolve("sipring-it/target/readme-embedding");
    deleteTree(it);
    Path repo = it.resolve("repository");
    layOutRepository(root, repo);
    Path project = it.resolve("project");
    Files.createDirectories(project.resolve("src/main/java"));
    Files.writeString(project.resolve("src/main/java/" + className + ".java"), java, StandardCharsets.UTF_8);
    Files.writeString(project.resolve("pom.xml"), consumerPom(xml), StandardCharsets.UTF_8);
    Path settings = it.resolve("settings.xml");
    Files.writeString(settings, settings(Path.of(Build.required("sipring.it.m2"))), StandardCharsets.UTF_8);

    Build.Run build = Build.run(root, List.of(root.resolve("mvnw").toString(), "-B", "-q", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repo, "-f", project.resolve("pom.xml").toString(), "package"), 300);
    assertThat(build.exit()).as("the outside project builds; Maven printed:%n%s", build.output()).isZero();

    String classPath = project.resolve("target/classes") + File.pathSeparator
        + Files.readString(project.resolve("target/classpath.txt")).strip();
    assertThat(classPath).as("the program runs on the jars of this build, from the test repository")
        .contains(repo.resolve("ru/sipring/sipring-core/" + Build.version()).toString())
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

  /** This build's parent pom, BOM and published jars with their poms, in Maven's repository layout. */
  private static void layOutRepository(Path root, Path repo) throws IOException {
    String v = Build.version();
    put(repo, "sipring-parent", v, root.resolve("pom.xml"), null);
    put(repo, "sipring-bom", v, root.resolve("sipring-bom/pom.xml"), null);
    for (String module : Build.PUBLISHED) {
      put(repo, module, v, root.resolve(module).resolve("pom.xml"), Build.jar(module));
    }
  }

  private static void put(Path repo, String artifact, String version, Path pom, Path jar) throws IOException {
    Path dir = repo.resolve("ru/sipring").resolve(artifact).resolve(version);
    Files.createDirectories(dir);
    Files.copy(pom, dir.resolve(artifact + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      Files.copy(jar, dir.resolve(artifact + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String consumerPom(String readmeXml) {
    String dependencyPlugin = Build.required("sipring.it.dependency-plugin");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>embedding-host</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
        %s
          <build>
            <plugins>
              <!-- the plugin versions SipRing's own build uses, so ~/.m2 already holds them -->
              <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
              <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
              <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.5</version></plugin>
              <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId><artifactId>maven-enforcer-plugin</artifactId><version>3.6.2</version>
                <executions><execution><id>one-version-each</id><goals><goal>enforce</goal></goals>
                  <configuration><rules><dependencyConvergence/></rules></configuration></execution></executions>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>%s</version>
                <executions><execution><id>classpath</id><phase>package</phase><goals><goal>build-classpath</goal></goals>
                  <configuration><includeScope>runtime</includeScope><outputFile>${project.build.directory}/classpath.txt</outputFile></configuration>
                </execution></executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(readmeXml.indent(2), dependencyPlugin);
  }

  private static String settings(Path m2) {
    String url = m2.toUri().toString();
    return """
        <settings>
          <mirrors>
            <mirror><id>developer-m2</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
          </mirrors>
          <profiles>
            <profile>
              <id>no-snapshots</id>
              <repositories>
                <repository><id>central</id><url>%s</url>
                  <releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots></repository>
              </repositories>
              <pluginRepositories>
                <pluginRepository><id>central</id><url>%s</url>
                  <releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository>
              </pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>no-snapshots</activeProfile></activeProfiles>
        </settings>
        """.formatted(url, url, url);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (var s = Files.walk(dir)) {
      s.forEach(all::add);
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      Files.delete(all.get(i));
    }
  }
}
