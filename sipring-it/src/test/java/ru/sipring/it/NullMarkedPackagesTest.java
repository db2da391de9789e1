package ru.sipring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * NullAway checks only packages annotated {@code @NullMarked}: a new package without its package-info would
 * silently escape the check. Every package of main code in the published modules and the example hosts must carry
 * it; the benchmarks are measurements, not product, and are left out.
 */
class NullMarkedPackagesTest {
  @Test
  void everyPackageOfMainCodeIsNullMarked() throws IOException {
    Path root = Build.root();
    TreeSet<String> unmarked = new TreeSet<>();
    TreeSet<Path> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> root.relativize(p).toString().contains("src/main/java/"))
          .filter(p -> !root.relativize(p).startsWith("benchmarks"))
          .filter(p -> !root.relativize(p).toString().contains("/target/"))
          .forEach(p -> packages.add(p.getParent()));
    }
    for (Path dir : packages) {
      Path info = dir.resolve("package-info.java");
      if (!Files.exists(info) || !Files.readString(info).contains("@NullMarked")) {
        unmarked.add(root.relativize(dir).toString());
      }
    }
    assertThat(packages).hasSizeGreaterThan(50);
    assertThat(List.copyOf(unmarked)).as("packages of main code without @NullMarked").isEmpty();
  }
}
