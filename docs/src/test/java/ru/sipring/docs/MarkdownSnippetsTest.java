package ru.sipring.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.docs.MarkdownSnippets.Page;
import ru.sipring.docs.SnippetCompiler.Result;

/** The snippet convention itself: markers, fragments, programs, and that a broken snippet fails at its line. */
class MarkdownSnippetsTest {
  @TempDir Path out;

  private static Page page(String... lines) {
    return MarkdownSnippets.parse(List.of(lines), "page.md");
  }

  private List<Result> compile(Page page) throws IOException {
    return SnippetCompiler.compile(SnippetCompiler.units(List.of(page)), SnippetCompiler.testClassPath(), out);
  }

  @Test
  void aFragmentUsesThePageImportsAndItsGiven() throws IOException {
    Page p = page(
        "<!-- snippet-imports",
        "import ru.sipring.core.report.render.ReportLanguage;",
        "-->",
        "text",
        "<!-- snippet-given",
        "String name = \"RU\";",
        "-->",
        "",
        "```java",
        "ReportLanguage lang = ReportLanguage.valueOf(name);",
        "```",
        "```bash",
        "<!-- snippet-nonsense inside a shell block is not a marker -->",
        "```");
    assertThat(p.snippets()).hasSize(1);
    assertThat(compile(p)).singleElement().satisfies(r -> assertThat(r.errors()).isEmpty());
  }

  @Test
  void aBrokenFragmentFailsAtItsMarkdownLine() throws IOException {
    Page p = page("# title", "```java", "int x = 1;", "x.noSuchMethod();", "```");
    List<Result> results = compile(p);
    assertThat(results).singleElement().satisfies(r ->
        assertThat(r.errors()).singleElement().asString().startsWith("page.md:4: "));
  }

  @Test
  void aContinuedFragmentSeesThePreviousOne() throws IOException {
    Page p = page(
        "```java", "int calls = 3;", "```",
        "<!-- snippet-given continues",
        "int lost = 1;",
        "-->",
        "```java", "int answered = calls - lost;", "```",
        "```java", "int again = calls;", "```");
    List<Result> results = compile(p);
    assertThat(results.get(0).errors()).isEmpty();
    assertThat(results.get(1).errors()).isEmpty();
    assertThat(results.get(2).errors()).as("without 'continues' the scope is new")
        .singleElement().asString().startsWith("page.md:11: ");
  }

  @Test
  void aBlockWithMainIsAProgramCompiledAsWritten() throws IOException {
    Page p = page("```java", "import java.util.List;", "", "public class Hello {",
        "  public static void main(String[] args) { System.out.println(List.of(1)); }", "}", "```");
    assertThat(p.snippets()).singleElement().satisfies(s -> {
      assertThat(s.program()).isTrue();
      assertThat(s.className()).isEqualTo("Hello");
    });
    assertThat(compile(p)).singleElement().satisfies(r -> assertThat(r.errors()).isEmpty());
  }

  @Test
  void aMisspeltMarkerIsAnError() {
    assertThatThrownBy(() -> page("<!-- snippet-givn", "int x = 1;", "-->", "```java", "x++;", "```"))
        .hasMessageContaining("page.md:1: unknown marker 'snippet-givn'");
  }
}
