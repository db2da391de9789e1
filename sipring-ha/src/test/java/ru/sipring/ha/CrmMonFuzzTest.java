package ru.sipring.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.fuzz.Mutator;

/**
 * Seeded mutational fuzzing of the crm_mon XML parser over every XML file of the corpus (read in place).
 * Invariant: a mutant parses to a cluster status or is refused with a {@link BadInputException} naming the
 * place; nothing else escapes (no DOM, number-format or null-pointer exception).
 */
class CrmMonFuzzTest {

  @Test
  void crmMonParserSurvivesMutation() throws IOException {
    long seed = Long.getLong("sipring.fuzz.seed", System.nanoTime());
    Mutator mutator = new Mutator(seed);
    int perFile = Integer.getInteger("sipring.fuzz.mutants", 150);
    List<Path> files = Corpus.files(".xml");
    List<String> failures = new ArrayList<>();
    int mutants = 0;
    int refused = 0;
    for (Path f : files) {
      byte[] original = Files.readAllBytes(f);
      for (int i = 0; i < perFile; i++) {
        Mutator.Mutant m = mutator.mutate(original);
        mutants++;
        try {
          CrmMonParser.parse(new String(m.bytes(), StandardCharsets.UTF_8), f.getFileName().toString());
        } catch (BadInputException e) {
          refused++;
        } catch (RuntimeException | Error e) {
          failures.add(Corpus.ha().relativize(f) + " [" + m.kind() + "]: " + e);
        }
      }
    }
    System.out.printf("crm_mon XML fuzz: seed %d, %d mutants of %d files, %d refused%n", seed, mutants,
        files.size(), refused);
    assertThat(failures).as("crm_mon fuzz, seed %d (replay with -Dsipring.fuzz.seed=%d)", seed, seed).isEmpty();
  }
}
