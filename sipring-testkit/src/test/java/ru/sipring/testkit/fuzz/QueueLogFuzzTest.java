package ru.sipring.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue_log fuzz suite in the build: a fixed number of mutants of the corpus logs per run (a new seed each
 * run, printed, so that runs add up; {@code -Dsipring.fuzz.seed=N} replays one). A longer run is
 * {@link QueueLogFuzzer#main}.
 */
class QueueLogFuzzTest {
  private static final Path CORPUS = corpus();

  /** The corpus the build names, else the shared one; like the core corpus tests, required when CI=true. */
  private static Path corpus() {
    String prop = System.getProperty("sipring.corpus");
    Path p = prop != null && Files.isDirectory(Path.of(prop)) ? Path.of(prop) : Path.of("/work/shared/corpus");
    return p.resolve("queue_log");
  }

  @BeforeEach
  void corpusPresent() {
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(Files.isDirectory(CORPUS), "corpus not found at " + CORPUS);
    }
  }

  @Test
  void damagedLogsNeverThrowAndTheirValidLinesGiveTheSameReport() {
    long seed = Long.getLong("sipring.fuzz.seed", new SplittableRandom().nextLong());
    int count = Integer.getInteger("sipring.fuzz.count", 12000);
    QueueLogFuzzer.Result r = new QueueLogFuzzer(CORPUS, Path.of("target/fuzz-failures")).run(seed, count);
    System.out.println("queue_log fuzz: seed " + seed + ", " + r.mutants() + " mutants, " + r.linesRejected()
        + " bad lines reported, problems by kind " + r.problemKinds());
    assertThat(r.failures()).as("seed " + seed + ", " + r.failed() + " failed mutants, the first").isEmpty();
    assertThat(r.linesRejected()).as("seed " + seed + ": the mutations damaged nothing").isPositive();
  }

  @Test
  void theCleanCorpusIsItsOwnValidPart() throws Exception {
    QueueLogFuzzer f = new QueueLogFuzzer(CORPUS, Path.of("target/fuzz-failures"));
    byte[] log = QueueLogFuzzer.pbxwareToQueueLog(java.nio.file.Files.readAllLines(
        CORPUS.resolve("pbxware-voipreports1_queue_log.csv")));
    assertThat(QueueLogFuzzer.acceptedLines(log)).isEqualTo(log);
    assertThat(f.check(log).summary().answered()).isEqualTo(91);
  }
}
