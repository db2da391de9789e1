package ru.sipring.campaign.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Corpus;
import ru.sipring.core.BadInputException;
import ru.sipring.core.fuzz.Mutator;

/**
 * Seeded mutational fuzzing of rate tables over the corpus rate files (read in place). Invariants: only a
 * {@link BadInputException} escapes {@link TariffCsv#read}, and {@link TariffTable#of} either builds or refuses
 * with an IllegalArgumentException (the CLI reports both in one line); the tariffs of untouched rows survive.
 */
class TariffCsvFuzzTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

  @Test
  void rateTablesSurviveMutation() throws IOException {
    long seed = Long.getLong("sipring.fuzz.seed", System.nanoTime());
    Mutator mutator = new Mutator(seed);
    int perFile = Integer.getInteger("sipring.fuzz.mutants", 400);
    List<String> failures = new ArrayList<>();
    int mutants = 0;
    int refused = 0;
    int problems = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(Corpus.dir("rates"))) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
    }
    for (Path f : files) {
      byte[] original = Files.readAllBytes(f);
      String name = f.getFileName().toString();
      TariffCsv.Result base;
      try {
        base = TariffCsv.read(name, original, MSK);
      } catch (BadInputException notARateTable) {
        base = null; // cgrates files without a prefix column: still fuzzed for escaping exceptions
      }
      for (int i = 0; i < perFile; i++) {
        Mutator.Mutant m = mutator.mutate(original);
        mutants++;
        TariffCsv.Result r;
        try {
          r = TariffCsv.read(name, m.bytes(), MSK);
        } catch (BadInputException e) {
          refused++;
          continue;
        } catch (RuntimeException | Error e) {
          failures.add(name + " [" + m.kind() + "]: " + e);
          continue;
        }
        problems += r.problems().size();
        try {
          TariffTable.of(r.tariffs()).rate("74951234567", java.time.Instant.parse("2020-01-01T00:00:00Z"), 61, true);
        } catch (IllegalArgumentException tooPrecise) {
          // a clear refusal the CLI shows in one line
        } catch (RuntimeException | Error e) {
          failures.add(name + " [" + m.kind() + "]: table: " + e);
        }
        if (base == null || !base.problems().isEmpty() || m.firstTouched() <= 1) {
          continue;
        }
        Set<String> prefixes = new HashSet<>();
        r.tariffs().forEach(t -> prefixes.add(t.prefix() + "|" + t.pricePerMinute()));
        long line = 1;
        for (Tariff t : base.tariffs()) {
          line++; // rate files have one row per line after the header; blank lines do not occur in the corpus
          if ((line < m.firstTouched() - 1 || line > m.lastTouched() + 1)
              && !prefixes.contains(t.prefix() + "|" + t.pricePerMinute())) {
            failures.add(name + " [" + m.kind() + "]: tariff " + t.prefix() + " of untouched line " + line + " lost");
          }
        }
      }
    }
    System.out.printf("tariff CSV fuzz: seed %d, %d mutants of %d files, %d refused as a whole, %d row problems%n",
        seed, mutants, files.size(), refused, problems);
    assertThat(failures).as("tariff fuzz, seed %d (replay with -Dsipring.fuzz.seed=%d)", seed, seed).isEmpty();
  }
}
