package ru.sipring.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ```java blocks of a Markdown page, with the hidden markers that make fragments compile.
 *
 * <p>The convention (documented in docs/architecture.md, "Docs snippets"):
 *
 * <ul>
 *   <li>A block that declares {@code static void main(} is a <em>program</em>: compiled as written, as its own
 *       compilation unit, and run from the repository root.
 *   <li>Any other block is a <em>fragment</em>: statements (optionally preceded by {@code import} lines) that
 *       become the body of a method {@code static void snippet() throws Throwable}, after the page's imports.
 *   <li>{@code <!-- snippet-imports ... -->} anywhere on the page: import lines for every fragment of the page.
 *   <li>{@code <!-- snippet-given ... -->} right before a block (blank lines allowed between): declarations the
 *       fragment uses but does not show, compiled before it in the same method (a reader's "given ...").
 *       {@code <!-- snippet-given continues ... -->} also puts the previous fragment of the page in front, so a
 *       page can build one example over several blocks.
 * </ul>
 *
 * <p>An unknown {@code snippet-} marker is an error, so a misspelt marker cannot silently drop declarations.
 * Thread-safety: stateless; safe from any thread.
 */
final class MarkdownSnippets {
  private static final Pattern MAIN = Pattern.compile("static\\s+void\\s+main\\s*\\(");
  private static final Pattern CLASS_NAME =
      Pattern.compile("(?m)^(?:public\\s+|final\\s+)*(?:class|record)\\s+(\\w+)");
  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");

  private MarkdownSnippets() {}

  /** A line of snippet text with the place in the Markdown file it came from. */
  record Line(String text, int mdLine) {}

  /** One ```java block. */
  record Snippet(String page, int line, boolean program, String className, List<Line> imports, List<Line> given,
      List<Line> body, boolean continues) {
    String id() {
      return page + ":" + line;
    }
  }

  /** A page: its file name (as shown in messages), its page-wide imports, its snippets in order. */
  record Page(String name, List<Line> imports, List<Snippet> snippets) {}

  static Page read(Path file, String name) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8), name);
  }

  static Page parse(List<String> lines, String name) {
    List<Line> pageImports = new ArrayList<>();
    List<Snippet> snippets = new ArrayList<>();
    List<Line> pendingGiven = null;
    boolean pendingContinues = false;
    int i = 0;
    while (i < lines.size()) {
      String raw = lines.get(i);
      String t = raw.strip();
      if (t.startsWith("<!--")) {
        int start = i;
        StringBuilder header = new StringBuilder(t.substring(4));
        List<Line> content = new ArrayList<>();
        boolean closedOnFirst = t.endsWith("-->") && t.length() >= 7;
        if (closedOnFirst) {
          header.setLength(header.length() - 3);
        } else {
          i++;
          while (i < lines.size() && !lines.get(i).strip().equals("-->")) {
            content.add(new Line(lines.get(i), i + 1));
            i++;
          }
          if (i == lines.size()) {
            throw new IllegalArgumentException(name + ":" + (start + 1) + ": HTML comment is never closed by a line '-->'");
          }
        }
        String h = header.toString().strip();
        if (h.startsWith("snippet-imports")) {
          for (Line l : content) {
            if (!l.text().isBlank() && !IMPORT.matcher(l.text()).matches()) {
              throw new IllegalArgumentException(name + ":" + l.mdLine() + ": snippet-imports holds only import lines");
            }
            pageImports.add(l);
          }
          pendingGiven = null;
        } else if (h.startsWith("snippet-given")) {
          String rest = h.substring("snippet-given".length()).strip();
          if (!rest.isEmpty() && !rest.equals("continues")) {
            throw new IllegalArgumentException(name + ":" + (start + 1) + ": unknown option '" + rest + "' of snippet-given");
          }
          pendingGiven = content;
          pendingContinues = rest.equals("continues");
        } else if (h.startsWith("snippet")) {
          throw new IllegalArgumentException(name + ":" + (start + 1) + ": unknown marker '" + h.split("\\s")[0]
              + "' (known: snippet-imports, snippet-given)");
        } else {
          pendingGiven = null;
        }
        i++;
        continue;
      }
      if (t.startsWith("```")) {
        String lang = t.substring(3).strip().toLowerCase(Locale.ROOT);
        int fence = i;
        List<Line> block = new ArrayList<>();
        i++;
        while (i < lines.size() && !lines.get(i).strip().startsWith("```")) {
          block.add(new Line(lines.get(i), i + 1));
          i++;
        }
        if (i == lines.size()) {
          throw new IllegalArgumentException(name + ":" + (fence + 1) + ": code block is never closed");
        }
        i++;
        if (lang.equals("java")) {
          snippets.add(snippet(name, fence + 2, block, pendingGiven == null ? List.of() : pendingGiven,
              pendingContinues));
        }
        pendingGiven = null;
        pendingContinues = false;
        continue;
      }
      if (!t.isEmpty()) {
        pendingGiven = null;
        pendingContinues = false;
      }
      i++;
    }
    return new Page(name, List.copyOf(pageImports), List.copyOf(snippets));
  }

  private static Snippet snippet(String page, int line, List<Line> block, List<Line> given, boolean continues) {
    String text = String.join("\n", block.stream().map(Line::text).toList());
    if (MAIN.matcher(text).find()) {
      Matcher m = CLASS_NAME.matcher(text);
      if (!m.find()) {
        throw new IllegalArgumentException(page + ":" + line + ": a program (it has main) must declare a class");
      }
      if (!given.isEmpty() || continues) {
        throw new IllegalArgumentException(page + ":" + line + ": a program is complete; it takes no snippet-given");
      }
      return new Snippet(page, line, true, m.group(1), List.of(), List.of(), List.copyOf(block), false);
    }
    List<Line> imports = new ArrayList<>();
    List<Line> body = new ArrayList<>();
    List<Line> givenBody = new ArrayList<>();
    for (Line l : given) {
      (IMPORT.matcher(l.text()).matches() ? imports : givenBody).add(l);
    }
    boolean head = true;
    for (Line l : block) {
      if (head && IMPORT.matcher(l.text()).matches()) {
        imports.add(l);
      } else {
        head = head && l.text().isBlank();
        body.add(l);
      }
    }
    return new Snippet(page, line, false, null, List.copyOf(imports), List.copyOf(givenBody), List.copyOf(body),
        continues);
  }
}
