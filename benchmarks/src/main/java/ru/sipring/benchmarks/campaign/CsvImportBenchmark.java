package ru.sipring.benchmarks.campaign;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneId;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.DuplicateScope;
import ru.sipring.campaign.csv.ContactImporter;
import ru.sipring.campaign.csv.ImportOptions;
import ru.sipring.campaign.csv.ImportResult;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.campaign.JdbiCampaignStore;

/**
 * Whole-process benchmark: a generated client base of N rows (default 1,000,000; Russian headers, ';', quoted
 * notes, UTF-8) imported into MariaDB through {@link ContactImporter} and {@link JdbiCampaignStore}, with the
 * duplicate check within the assignment. Prints parse rows/s and end-to-end rows/s.
 *
 * <p>Needs the test MariaDB ({@code source .ci/services.d/10-mariadb.sh}). Run:
 * {@code java -Xmx3g -cp benchmarks/target/sipring-benchmarks-all.jar
 * ru.sipring.benchmarks.campaign.CsvImportBenchmark [rows]}
 */
public final class CsvImportBenchmark {
  private CsvImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String url = System.getenv().getOrDefault("SIPRING_TEST_JDBC_URL", "jdbc:mariadb://127.0.0.1:3366/asteriskcdrdb");
    String user = System.getenv().getOrDefault("SIPRING_TEST_DB_USER", "sipring");
    String password = System.getenv().getOrDefault("SIPRING_TEST_DB_PASSWORD", "sipring");
    String server = url.substring(0, url.indexOf('/', "jdbc:mariadb://".length()));
    String db = "sipring_bench_import";
    try (Connection c = DriverManager.getConnection(server + "/", user, password); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db);
      s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
    }
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

    try (HikariDataSource ds = Databases.pooled(server + "/" + db, user, password)) {
      JdbiCampaignStore store = JdbiCampaignStore.migrateAndOpen(ds);
      long p = store.campaigns().createProject("Bench").id();
      long t = store.campaigns().createTask(p, "T").id();
      Assignment a = store.campaigns().createAssignment(t, "A", AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
      ContactImporter importer = new ContactImporter(store.contacts());
      for (DuplicateScope scope : new DuplicateScope[] {DuplicateScope.ASSIGNMENT}) {
        long s0 = System.nanoTime();
        ImportResult r = importer.importBytes(a.id(), "bench.csv", bytes, ImportOptions.defaults().withDuplicates(scope));
        long s1 = System.nanoTime();
        System.out.printf("import into MariaDB (duplicates: %s): %d imported, %d rejected, %d duplicates in %.2f s "
            + "= %.0f rows/s%n", scope, r.imported(), r.rejected().size(), r.duplicates(), (s1 - s0) / 1e9,
            rows / ((s1 - s0) / 1e9));
      }
      long s0 = System.nanoTime();
      ImportResult again = importer.importBytes(a.id(), "bench.csv", bytes, ImportOptions.defaults());
      long s1 = System.nanoTime();
      System.out.printf("re-import, all duplicates: %d duplicates in %.2f s = %.0f rows/s%n", again.duplicates(),
          (s1 - s0) / 1e9, rows / ((s1 - s0) / 1e9));
    } finally {
      try (Connection c = DriverManager.getConnection(server + "/", user, password);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + db);
      } catch (java.sql.SQLException e) {
        System.err.println("could not drop " + db + ": " + e.getMessage());
      }
    }
  }

}
