package ru.sipring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import ru.sipring.docs.MarkdownSnippets.Page;
import ru.sipring.docs.SnippetCompiler.Result;

/**
 * Every ```java block of README.md and docs/*.md, compiled straight from the Markdown (and run, where it is a
 * program), so the documentation cannot drift from the API. One dynamic test per block, named page:line.
 */
class DocsSnippetsTest {
  private static List<Result> results;
  private static Path classes;

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))
        && Files.isRegularFile(dir.resolve("mvnw")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("repository root (README.md, docs/, mvnw) not found above "
          + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static List<Page> pages(Path root) throws IOException {
    List<Page> pages = new ArrayList<>();
    pages.add(MarkdownSnippets.read(root.resolve("README.md"), "README.md"));
    try (Stream<Path> md = Files.list(root.resolve("docs"))) {
      for (Path p : md.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        pages.add(MarkdownSnippets.read(p, "docs/" + p.getFileName()));
      }
    }
    return pages;
  }

  private static synchronized List<Result> compiled() throws IOException {
    if (results == null) {
      Path root = repositoryRoot();
      classes = Path.of("target", "docs-snippets").toAbsolutePath();
      results = SnippetCompiler.compile(SnippetCompiler.units(pages(root)), SnippetCompiler.testClassPath(), classes);
      // all errors in one place, page order, for whoever fixes the docs
      Files.write(Path.of("target", "docs-snippets-errors.txt"),
          results.stream().flatMap(r -> r.errors().stream()).toList(), StandardCharsets.UTF_8);
    }
    return results;
  }

  @Test
  void theDocsHaveSnippetsAndTheReadmeHasAProgram() throws IOException {
    List<Result> all = compiled();
    assertThat(all).hasSizeGreaterThan(20);
    assertThat(all).anySatisfy(r -> {
      assertThat(r.unit().snippet().page()).isEqualTo("README.md");
      assertThat(r.unit().snippet().program()).isTrue();
    });
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompiles() throws IOException {
    return compiled().stream().map(r -> DynamicTest.dynamicTest(r.unit().snippet().id(), () ->
        assertThat(r.errors()).as("%s does not compile; generated source:%n%s", r.unit().snippet().id(),
            r.unit().source()).isEmpty()));
  }

  @TestFactory
  Stream<DynamicTest> everyProgramRunsFromTheRepositoryRoot() throws IOException {
    return compiled().stream().filter(r -> r.unit().snippet().program()).map(r ->
        DynamicTest.dynamicTest(r.unit().snippet().id() + " runs", () -> {
          assertThat(r.errors()).as("compiles").isEmpty();
          Process p = new ProcessBuilder(SnippetCompiler.javaLauncher(), "-cp",
              SnippetCompiler.join(classes.toString(), SnippetCompiler.testClassPath()), r.unit().className())
              .directory(repositoryRoot().toFile()).redirectErrorStream(true).start();
          p.getOutputStream().close();
          String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
          System.out.println("--- " + r.unit().snippet().id() + " printed:\n" + out);
          assertThat(p.exitValue()).as("exit code of %s; it printed:%n%s", r.unit().snippet().id(), out).isZero();
        }));
  }
}
