package ru.sipring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A host that wants only the cdr and queue_log tables declares sipring-cdr and gets the database stack, not the
 * campaign, survey and fax areas (PDFBox, mail, opencsv): sipring-cdr declares those areas optional.
 * (Before: 32 jars, 13 MiB; 13 jars and about 6 MB before H2 joined as the embedded store.)
 */
class CdrHostDependenciesTest {
  @Test
  void sipringCdrAloneBringsTheDatabaseStackOnly() throws Exception {
    OutsideProject project = OutsideProject.create("cdr-host", """
        <dependencyManagement><dependencies><dependency>
          <groupId>ru.sipring</groupId><artifactId>sipring-bom</artifactId><version>%s</version>
          <type>pom</type><scope>import</scope>
        </dependency></dependencies></dependencyManagement>
        <dependencies><dependency>
          <groupId>ru.sipring</groupId><artifactId>sipring-cdr</artifactId>
        </dependency></dependencies>
        """.formatted(Build.version()));
    List<String> jars = Arrays.stream(project.build().split(File.pathSeparator))
        .filter(e -> e.endsWith(".jar")).map(e -> e.substring(e.lastIndexOf(File.separatorChar) + 1)).toList();
    assertThat(jars).as("the host's run-time class path")
        .anyMatch(j -> j.startsWith("sipring-cdr-")).anyMatch(j -> j.startsWith("sipring-core-"))
        .anyMatch(j -> j.startsWith("jdbi3-core-")).anyMatch(j -> j.startsWith("mariadb-java-client-"))
        .noneMatch(j -> j.startsWith("sipring-campaign-") || j.startsWith("sipring-survey-")
            || j.startsWith("sipring-fax-"))
        .noneMatch(j -> j.startsWith("pdfbox") || j.startsWith("fontbox") || j.contains("mail")
            || j.startsWith("opencsv") || j.startsWith("commons-"));
  }
}
