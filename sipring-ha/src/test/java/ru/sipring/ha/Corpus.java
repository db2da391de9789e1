package ru.sipring.ha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the shared corpus (read only; never copied into the repository). */
final class Corpus {
  private Corpus() {}

  static Path ha() {
    String prop = System.getProperty("sipring.corpus");
    Path p = prop == null ? null : Path.of(prop);
    if (p == null || !Files.isDirectory(p)) {
      p = Path.of("/work/shared/corpus");
    }
    Path ha = p.resolve("ha").normalize();
    if (!Files.isDirectory(ha)) {
      throw new IllegalStateException("corpus not found at " + ha + " (system property sipring.corpus)");
    }
    return ha;
  }

  static Path file(String relative) {
    return ha().resolve(relative);
  }

  /** Every file under ha/ whose name ends with the suffix, sorted. */
  static List<Path> files(String suffix) {
    try (Stream<Path> s = Files.walk(ha())) {
      return s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
