package ru.sipring.campaign;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared corpus: system property {@code sipring.corpus}, else {@code /work/shared/corpus}. */
public final class Corpus {
  private Corpus() {}

  public static Path dir(String sub) {
    String prop = System.getProperty("sipring.corpus");
    Path p = prop == null ? null : Path.of(prop);
    if (p == null || !Files.isDirectory(p)) {
      p = Path.of("/work/shared/corpus");
    }
    Path d = p.resolve(sub);
    if (!Files.isDirectory(d)) {
      throw new IllegalStateException("corpus directory missing: " + d);
    }
    return d;
  }
}
