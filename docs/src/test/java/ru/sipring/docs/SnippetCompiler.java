package ru.sipring.docs;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import ru.sipring.docs.MarkdownSnippets.Line;
import ru.sipring.docs.MarkdownSnippets.Page;
import ru.sipring.docs.MarkdownSnippets.Snippet;

/**
 * Turns the snippets of Markdown pages into Java sources and compiles them all in one javac run, reporting each
 * error at the Markdown file and line it came from.
 *
 * <p>Thread-safety: not thread-safe; one instance per compilation.
 */
final class SnippetCompiler {
  /** What every fragment may use without importing: the JDK packages a reader takes for granted. */
  static final List<String> DEFAULT_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*", "java.net.http.*",
      "java.nio.charset.*", "java.nio.file.*", "java.time.*", "java.util.*", "java.util.concurrent.*",
      "java.util.function.*", "java.util.stream.*");

  /** A generated compilation unit and, per generated line, the Markdown place it came from. */
  record Unit(Snippet snippet, String className, String source, List<String> origins) {}

  /** The outcome of one snippet: its unit and the errors, each as "page:line: message". */
  record Result(Unit unit, List<String> errors) {}

  private SnippetCompiler() {}

  static List<Unit> units(List<Page> pages) {
    List<Unit> units = new ArrayList<>();
    for (Page page : pages) {
      List<Line> chain = new ArrayList<>();
      for (Snippet s : page.snippets()) {
        if (s.program()) {
          units.add(program(s));
          chain = new ArrayList<>();
          continue;
        }
        if (!s.continues()) {
          chain = new ArrayList<>();
        }
        units.add(fragment(page, s, chain));
        chain.addAll(s.given());
        chain.addAll(s.body());
      }
    }
    return units;
  }

  private static Unit program(Snippet s) {
    List<String> src = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    for (Line l : s.body()) {
      src.add(l.text());
      origins.add(s.page() + ":" + l.mdLine());
    }
    return new Unit(s, s.className(), String.join("\n", src) + "\n", origins);
  }

  private static Unit fragment(Page page, Snippet s, List<Line> previous) {
    String className = "Snippet_" + page.name().replaceAll("[^A-Za-z0-9]", "_") + "_" + s.line();
    List<String> src = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    for (String imp : DEFAULT_IMPORTS) {
      src.add("import " + imp + ";");
      origins.add(s.page() + ": default imports");
    }
    for (Line l : page.imports()) {
      src.add(l.text());
      origins.add(page.name() + ":" + l.mdLine());
    }
    for (Line l : s.imports()) {
      src.add(l.text());
      origins.add(page.name() + ":" + l.mdLine());
    }
    src.add("@SuppressWarnings(\"all\") final class " + className + " {");
    origins.add(s.id() + " (generated)");
    src.add("  static void snippet() throws Throwable {");
    origins.add(s.id() + " (generated)");
    List<Line> body = new ArrayList<>();
    if (s.continues()) {
      body.addAll(previous);
    }
    body.addAll(s.given());
    body.addAll(s.body());
    for (Line l : body) {
      src.add(l.text());
      origins.add(page.name() + ":" + l.mdLine());
    }
    src.add("  }");
    origins.add(s.id() + " (generated)");
    src.add("}");
    origins.add(s.id() + " (generated)");
    return new Unit(s, className, String.join("\n", src) + "\n", origins);
  }

  /** Compiles every unit into {@code out}; returns one result per unit, in order. */
  static List<Result> compile(List<Unit> units, String classPath, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
    }
    Files.createDirectories(out);
    Map<URI, Unit> byUri = new LinkedHashMap<>();
    List<JavaFileObject> files = new ArrayList<>();
    for (Unit u : units) {
      URI uri = URI.create("string:///" + u.className() + ".java");
      byUri.put(uri, u);
      files.add(new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return u.source();
        }
      });
    }
    // one javac task per unit: a syntax error in one snippet stops javac before it checks types anywhere, so
    // a shared task would hide the other snippets' errors
    List<Diagnostic<? extends JavaFileObject>> all = new ArrayList<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("--release", "17", "-proc:none", "-nowarn", "-encoding", "UTF-8",
          "-classpath", classPath, "-d", out.toString());
      for (JavaFileObject file : files) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        javac.getTask(new StringWriter(), fm, diagnostics, options, null, List.of(file)).call();
        all.addAll(diagnostics.getDiagnostics());
      }
    }
    Map<Unit, List<String>> errors = new LinkedHashMap<>();
    units.forEach(u -> errors.put(u, new ArrayList<>()));
    List<String> unplaced = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : all) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      Unit u = d.getSource() == null ? null : byUri.get(d.getSource().toUri());
      String message = String.join(" | ", d.getMessage(Locale.ROOT).lines().map(String::strip)
          .filter(l -> !l.startsWith("location:")).toList());
      if (u == null) {
        unplaced.add(message);
        continue;
      }
      int line = (int) d.getLineNumber();
      String where = line >= 1 && line <= u.origins().size() ? u.origins().get(line - 1) : u.snippet().id();
      String code = line >= 1 && line <= u.source().lines().count()
          ? u.source().lines().skip(line - 1).findFirst().orElse("").strip() : "";
      errors.get(u).add(where + ": " + message + (code.isEmpty() ? "" : "\n      " + code));
    }
    if (!unplaced.isEmpty()) {
      throw new IllegalStateException("javac errors outside the snippets: " + unplaced);
    }
    List<Result> results = new ArrayList<>();
    units.forEach(u -> results.add(new Result(u, List.copyOf(errors.get(u)))));
    return results;
  }

  /** The class path of the running tests (surefire hands it over in a system property). */
  static String testClassPath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    return cp;
  }

  static String javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String join(String... paths) {
    return String.join(File.pathSeparator, paths);
  }
}
