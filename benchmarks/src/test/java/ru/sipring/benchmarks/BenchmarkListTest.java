package ru.sipring.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JMH benchmarks can be run from the jar: JMH's annotation processor ran and listed every class with a
 * {@code @Benchmark} method in {@code META-INF/BenchmarkList}. Without it, {@code java -jar ... RatingBenchmark}
 * finds nothing to run (which the build did from the day the compiler was given its own processor list until
 * 2026-12-02).
 */
class BenchmarkListTest {
  @Test
  void everyJmhBenchmarkIsListed() throws IOException {
    String list;
    try (InputStream in = BenchmarkListTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
      assertThat(in).as("META-INF/BenchmarkList (JMH's annotation processor output)").isNotNull();
      list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> benchmarks;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      benchmarks = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
        try {
          return Files.readString(f).contains("@Benchmark\n");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).map(f -> f.getFileName().toString().replace(".java", "")).toList();
    }
    assertThat(benchmarks).contains("RatingBenchmark", "DetailPageBenchmark");
    assertThat(benchmarks).allSatisfy(b -> assertThat(list).contains("." + b + " "));
  }
}
