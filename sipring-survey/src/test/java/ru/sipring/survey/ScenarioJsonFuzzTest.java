package ru.sipring.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.SipRingException;
import ru.sipring.core.fuzz.Mutator;

/**
 * Seeded mutational fuzzing of survey scenario JSON (the shipped example and the test scenarios). Invariants:
 * reading either gives a scenario or throws a {@link SipRingException} naming the place; validating a scenario
 * that was read returns a report and never throws; a scenario that was read writes and reads back equal.
 */
class ScenarioJsonFuzzTest {

  @Test
  void scenarioJsonSurvivesMutation() throws IOException {
    long seed = Long.getLong("sipring.fuzz.seed", System.nanoTime());
    Mutator mutator = new Mutator(seed);
    int perFile = Integer.getInteger("sipring.fuzz.mutants", 1500);
    List<Path> files = List.of(Samples.carLoanPath(), Path.of("src/test/resources/guide-self-loop.json"));
    List<String> failures = new ArrayList<>();
    int mutants = 0;
    int refused = 0;
    int read = 0;
    for (Path f : files) {
      byte[] original = Files.readAllBytes(f);
      for (int i = 0; i < perFile; i++) {
        Mutator.Mutant m = mutator.mutate(original);
        mutants++;
        Scenario s;
        try {
          s = ScenarioJson.read(new ByteArrayInputStream(m.bytes()), f.getFileName().toString());
        } catch (SipRingException e) {
          refused++;
          if (e.getMessage() == null || e.getMessage().isBlank()) {
            failures.add(f.getFileName() + " [" + m.kind() + "]: a refusal without a message");
          }
          continue;
        } catch (RuntimeException | Error e) {
          failures.add(f.getFileName() + " [" + m.kind() + "]: " + e);
          continue;
        }
        read++;
        try {
          ScenarioValidator.validate(s);
          Scenario again = ScenarioJson.parse(ScenarioJson.write(s));
          if (!again.equals(s)) {
            failures.add(f.getFileName() + " [" + m.kind() + "]: does not read back equal after writing");
          }
        } catch (RuntimeException | Error e) {
          failures.add(f.getFileName() + " [" + m.kind() + "]: after reading: " + e);
        }
      }
    }
    System.out.printf("scenario JSON fuzz: seed %d, %d mutants of %d files, %d refused, %d read%n", seed, mutants,
        files.size(), refused, read);
    assertThat(failures).as("scenario fuzz, seed %d (replay with -Dsipring.fuzz.seed=%d)", seed, seed).isEmpty();
  }
}
