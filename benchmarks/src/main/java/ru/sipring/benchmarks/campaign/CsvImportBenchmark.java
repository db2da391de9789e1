package ru.sipring.benchmarks.campaign;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.DuplicateScope;
import ru.sipring.campaign.csv.ContactImporter;
import ru.sipring.campaign.csv.ImportOptions;
import ru.sipring.campaign.csv.ImportResult;
import ru.sipring.cdr.campaign.JdbiCampaignStore;

/**
 * Whole-process benchmark: a generated client base of N rows (default 1,000,000; Russian headers, ';', quoted
 * notes, UTF-8) imported into MariaDB through {@link ContactImporter} and {@link JdbiCampaignStore}, with the
 * duplicate check within the assignment. Prints parse rows/s and end-to-end rows/s.
 *
 * <p>{@code mariadb} (default) needs the test MariaDB ({@code source .ci/services.d/10-mariadb.sh}); {@code h2} is
 * the embedded database in a temporary directory. Run:
 * {@code java -Xmx3g -cp benchmarks/target/sipring-benchmarks-*-all.jar
 * ru.sipring.benchmarks.campaign.CsvImportBenchmark [rows] [mariadb|h2] [rounds]}
 *
 * <p>{@code rounds} (default 1) repeats the import, each time into a new database, in the same JVM: the first round
 * is what {@code bin/sipring campaign import} sees (a fresh JVM, the JIT compiling H2 while it imports), the later
 * ones what a long-running host such as the web panel sees.
 */
public final class CsvImportBenchmark {
  private CsvImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String engine = args.length > 1 ? args[1] : "mariadb";
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Path file = Files.createTempFile("sipring-bench", ".csv");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("ФИО;Номер телефона;Предприятие;Город;Примечание\n");
      for (int i = 0; i < rows; i++) {
        w.write("Клиент Номер " + i + ";8 (9" + String.format("%02d", i % 100) + ") " + String.format("%07d", i)
            + ";ООО Ромашка " + (i % 1000) + ";Москва;\"звонить после 10; спросить " + i + "\"\n");
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.delete(file);
    System.out.printf("file: %d rows, %.1f MB%n", rows, bytes.length / 1e6);

    long t0 = System.nanoTime();
    ContactImporter.Parsed parsed = ContactImporter.parse(1, "bench.csv", bytes, ImportOptions.defaults());
    long t1 = System.nanoTime();
    System.out.printf("parse only: %d cards in %.2f s = %.0f rows/s%n", parsed.contacts().size(), (t1 - t0) / 1e9,
        rows / ((t1 - t0) / 1e9));
    parsed = null;

    for (int round = 1; round <= rounds; round++) {
      if (rounds > 1) {
        System.out.printf("round %d of %d%n", round, rounds);
      }
      importOnce(engine, rows, bytes);
    }
  }

  private static void importOnce(String engine, int rows, byte[] bytes) throws Exception {
    try (BenchDatabase db = BenchDatabase.open(engine, "sipring_bench_import")) {
      JdbiCampaignStore store = JdbiCampaignStore.migrateAndOpen(db.dataSource());
      long p = store.campaigns().createProject("Bench").id();
      long t = store.campaigns().createTask(p, "T").id();
      Assignment a = store.campaigns().createAssignment(t, "A", AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
      ContactImporter importer = new ContactImporter(store.contacts());
      for (DuplicateScope scope : new DuplicateScope[] {DuplicateScope.ASSIGNMENT}) {
        long s0 = System.nanoTime();
        ImportResult r = importer.importBytes(a.id(), "bench.csv", bytes, ImportOptions.defaults().withDuplicates(scope));
        long s1 = System.nanoTime();
        System.out.printf("import into %s (duplicates: %s): %d imported, %d rejected, %d duplicates in %.2f s "
            + "= %.0f rows/s%n", db.engine(), scope, r.imported(), r.rejected().size(), r.duplicates(), (s1 - s0) / 1e9,
            rows / ((s1 - s0) / 1e9));
      }
      long s0 = System.nanoTime();
      ImportResult again = importer.importBytes(a.id(), "bench.csv", bytes, ImportOptions.defaults());
      long s1 = System.nanoTime();
      System.out.printf("re-import, all duplicates: %d duplicates in %.2f s = %.0f rows/s%n", again.duplicates(),
          (s1 - s0) / 1e9, rows / ((s1 - s0) / 1e9));
    }
  }

}
