package ru.sipring.campaign.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Corpus;
import ru.sipring.core.SipRingException;
import ru.sipring.core.fuzz.Mutator;

/**
 * Seeded mutational fuzzing of client-base import over the corpus lead files (read in place, never copied).
 * Invariants: nothing but a {@link SipRingException} escapes (a clear error with its place) and every row of the
 * original that the mutation did not touch is still imported with the same phone. Print the seed on failure:
 * {@code -Dsipring.fuzz.seed=N} replays it.
 */
class ClientCsvFuzzTest {
  static final int MUTANTS_PER_FILE = Integer.getInteger("sipring.fuzz.mutants", 400);

  record Stats(int mutants, int refused, int rowsRejected) {}

  @Test
  void importSurvivesMutatedClientFiles() throws IOException {
    long seed = Long.getLong("sipring.fuzz.seed", System.nanoTime());
    Mutator mutator = new Mutator(seed);
    List<String> failures = new ArrayList<>();
    int mutants = 0;
    int refused = 0;
    int rejectedRows = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(Corpus.dir("leads"))) {
      files = s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
    }
    for (Path f : files) {
      byte[] original = Files.readAllBytes(f);
      String name = f.getFileName().toString();
      ContactImporter.Parsed base = ContactImporter.parse(1, name, original, ImportOptions.defaults());
      Map<Long, Long> ends = recordEnds(base.csv());
      for (int i = 0; i < MUTANTS_PER_FILE; i++) {
        Mutator.Mutant m = mutator.mutate(original);
        mutants++;
        ContactImporter.Parsed p;
        try {
          p = ContactImporter.parse(1, name, m.bytes(), ImportOptions.defaults());
        } catch (SipRingException refusedWhole) {
          refused++;
          if (refusedWhole.getMessage().contains("\n") && !refusedWhole.getMessage().contains("line")) {
            failures.add(name + " [" + m.kind() + "]: a refusal without a place: " + refusedWhole.getMessage());
          }
          continue;
        } catch (RuntimeException | Error e) {
          failures.add(name + " [" + m.kind() + "]: " + e);
          continue;
        }
        rejectedRows += p.rejected().size();
        if (m.firstTouched() <= firstDataLine(base) || !sameReading(base, p)) {
          continue; // the header or the file's detected shape changed: rows are read differently, by design
        }
        Set<String> phones = new HashSet<>();
        p.contacts().forEach(c -> phones.add(c.phoneNormalized()));
        for (int k = 0; k < base.contacts().size(); k++) {
          long start = base.lines().get(k);
          long end = ends.getOrDefault(start, start);
          boolean touched = end >= m.firstTouched() - 1 && start <= m.lastTouched() + 1;
          String phone = base.contacts().get(k).phoneNormalized();
          if (!touched && !phone.isEmpty() && !phones.contains(phone)) {
            failures.add(name + " [" + m.kind() + "]: the untouched row of line " + start + " (" + phone
                + ") was lost; rejected: " + p.rejected());
          }
        }
      }
    }
    System.out.printf("client CSV fuzz: seed %d, %d mutants of %d files, %d refused as a whole, %d rows rejected%n",
        seed, mutants, files.size(), refused, rejectedRows);
    assertThat(failures).as("client CSV fuzz, seed %d (replay with -Dsipring.fuzz.seed=%d)", seed, seed).isEmpty();
  }

  private static long firstDataLine(ContactImporter.Parsed base) {
    return base.header() ? 1 : 0;
  }

  private static boolean sameReading(ContactImporter.Parsed a, ContactImporter.Parsed b) {
    return a.csv().charset().equals(b.csv().charset()) && a.csv().delimiter() == b.csv().delimiter()
        && a.header() == b.header() && a.mapping().equals(b.mapping());
  }

  /** Record start line to end line, for rows that span lines (a quoted field with a line break). */
  private static Map<Long, Long> recordEnds(CsvText csv) throws IOException {
    Map<Long, Long> ends = new HashMap<>();
    try (CsvRecords r = csv.records()) {
      for (CsvRecords.Record x = r.next(); x != null; x = r.next()) {
        ends.put(x.line(), r.lastEndLine());
      }
    }
    return ends;
  }
}
