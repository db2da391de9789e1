package ru.sipring.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A Maven project outside the reactor, as a host team would write it, built by the repository's wrapper against a
 * local repository under sipring-it/target that holds THIS build's packaged jars and poms (laid out as `install`
 * would, without touching ~/.m2). Third-party artifacts and plugins come from the developer's ~/.m2 through a
 * file:// mirror with snapshots off, so no network is needed and SipRing SNAPSHOTs in ~/.m2 are never seen.
 * The project runs the enforcer's dependencyConvergence: a host sees one version of each library.
 * Not thread-safe: one per test.
 */
final class OutsideProject {
  private final Path dir;

  private OutsideProject(Path dir) {
    this.dir = dir;
  }

  /** A new project whose pom holds {@code dependenciesXml} (dependencyManagement and dependencies). */
  static OutsideProject create(String name, String dependenciesXml) throws IOException {
    Path dir = Build.root().resolve("sipring-it/target").resolve(name);
    deleteTree(dir);
    OutsideProject p = new OutsideProject(dir);
    layOutRepository(Build.root(), p.repository());
    Files.createDirectories(p.project().resolve("src/main/java"));
    Files.writeString(p.project().resolve("pom.xml"), consumerPom(dependenciesXml), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("settings.xml"), settings(Path.of(Build.required("sipring.it.m2"))),
        StandardCharsets.UTF_8);
    return p;
  }

  Path repository() {
    return dir.resolve("repository");
  }

  private Path project() {
    return dir.resolve("project");
  }

  void addSource(String className, String source) throws IOException {
    Files.writeString(project().resolve("src/main/java/" + className + ".java"), source, StandardCharsets.UTF_8);
  }

  /** Runs `package`; returns the run-time class path (target/classes first). */
  String build() throws IOException, InterruptedException {
    Path root = Build.root();
    Build.Run build = Build.run(root, List.of(root.resolve("mvnw").toString(), "-B", "-q", "-s",
        dir.resolve("settings.xml").toString(), "-Dmaven.repo.local=" + repository(), "-f",
        project().resolve("pom.xml").toString(), "package"), 300);
    if (build.exit() != 0) {
      throw new AssertionError("the outside project " + dir.getFileName() + " does not build; Maven printed:\n"
          + build.output());
    }
    return project().resolve("target/classes") + File.pathSeparator
        + Files.readString(project().resolve("target/classpath.txt")).strip();
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
