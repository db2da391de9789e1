package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import ru.sipring.core.queuelog.InputProblem;

/**
 * Loads the real dumps of the shared corpus (cdr/PROVENANCE.md) into MariaDB exactly as their SQL says, then
 * checks what {@link JdbiCdrRepository} reads back: the counts PROVENANCE.md states, the junk rows reported,
 * and every value equal to the one the dump's INSERT statements carry (parsed independently). No corpus value
 * is copied here: the expectations are derived from the dump at test time.
 */
class CorpusDumpTest {
  private static final Comparator<CdrRecord> ORDER = Comparator.comparing(CdrRecord::calldate)
      .thenComparing(CdrRecord::uniqueid).thenComparing(CdrRecord::sequence).thenComparing(CdrRecord::dstchannel)
      .thenComparing(CdrRecord::channel).thenComparing(CdrRecord::lastapp).thenComparing(CdrRecord::dst)
      .thenComparing(CdrRecord::lastdata).thenComparing(CdrRecord::disposition);

  @Test
  void freePbx17DumpReadsBackWithItsInvalidDatesReported() throws Exception {
    Loaded loaded = load("freepbx17-oscar6262_asteriskcdrdb.sql", "freepbx17");
    try (TestDatabase db = loaded.db) {
      JdbiCdrRepository repo = JdbiCdrRepository.of(db.dataSource());
      List<CdrRecord> got = new ArrayList<>();
      List<InputProblem> problems = new ArrayList<>();

      long n = repo.read(CdrQuery.all(), CdrRepositoryContract.sink(got, problems));

      // PROVENANCE.md: 574 rows, 38 with invalid calldate (0000-00-00 x5, 1000-01-01 x33), 536 parsed
      assertThat(loaded.dumpRows).hasSize(574);
      assertThat(repo.columns()).containsExactlyElementsOf(CdrRecord.COLUMNS);
      assertThat(n).isEqualTo(536);
      assertThat(problems).hasSize(38);
      assertThat(problems).filteredOn(p -> p.message().contains("'0000-00-00")).hasSize(5);
      assertThat(problems).filteredOn(p -> p.message().contains("'1000-01-01")).hasSize(33);
      Map<String, Long> dispositions = got.stream().collect(Collectors.groupingBy(CdrRecord::disposition,
          TreeMap::new, Collectors.counting()));
      assertThat(dispositions).isEqualTo(new TreeMap<>(Map.of("ANSWERED", 343L, "FAILED", 129L, "NO ANSWER", 45L, "BUSY", 19L)));
      assertThat(got.get(0).calldate()).isBetween(LocalDateTime.parse("2024-04-14T20:27:00"),
          LocalDateTime.parse("2024-04-14T20:27:59"));
      // PROVENANCE's "… 2024-05-08 22:58" is when the span ends; the last call starts a minute earlier
      assertThat(got.get(got.size() - 1).calldate()).isBetween(LocalDateTime.parse("2024-05-08T22:50:00"),
          LocalDateTime.parse("2024-05-08T22:58:59"));
      assertThat(got).isSortedAccordingTo(Comparator.comparing(CdrRecord::calldate));
      assertSameValues(got, loaded);
    }
  }

  @Test
  void elastix2013DumpWithTheOldSchemaReadsBack() throws Exception {
    Loaded loaded = load("elastix-nextor2013_asteriskcdrdb.sql", "elastix2013");
    try (TestDatabase db = loaded.db) {
      JdbiCdrRepository repo = JdbiCdrRepository.of(db.dataSource());
      List<CdrRecord> got = new ArrayList<>();
      List<InputProblem> problems = new ArrayList<>();

      long n = repo.read(CdrQuery.all(), CdrRepositoryContract.sink(got, problems));

      // PROVENANCE.md: 2,633 rows, 2013-07-22 14:50 .. 2013-08-19 14:24, lastapp Queue 264, no did/linkedid
      assertThat(loaded.dumpRows).hasSize(2633);
      assertThat(repo.columns()).doesNotContain("did", "recordingfile", "linkedid", "sequence");
      assertThat(problems).isEmpty();
      assertThat(n).isEqualTo(2633);
      assertThat(got.stream().filter(r -> r.lastapp().equals("Queue")).count()).isEqualTo(264);
      assertThat(got.get(0).calldate()).isBetween(LocalDateTime.parse("2013-07-22T14:50:00"),
          LocalDateTime.parse("2013-07-22T14:50:59"));
      assertThat(got.get(got.size() - 1).calldate()).isBetween(LocalDateTime.parse("2013-08-19T14:24:00"),
          LocalDateTime.parse("2013-08-19T14:24:59"));
      assertSameValues(got, loaded);

      // filters on the real data agree with filtering the dump by hand
      CdrRecord someQueueCall = got.stream().filter(r -> r.lastapp().equals("Queue")).findFirst().orElseThrow();
      List<CdrRecord> bySrc = CdrRepositoryContract.read(repo, CdrQuery.builder().src(someQueueCall.src()).build());
      assertThat(bySrc).containsExactlyInAnyOrderElementsOf(
          got.stream().filter(r -> r.src().equals(someQueueCall.src())).toList());
      LocalDateTime day = LocalDateTime.parse("2013-08-01T00:00:00");
      List<CdrRecord> august1 = CdrRepositoryContract.read(repo,
          CdrQuery.builder().localWindow(day, day.plusDays(1)).build());
      assertThat(august1).isNotEmpty().containsExactlyInAnyOrderElementsOf(got.stream()
          .filter(r -> !r.calldate().isBefore(day) && r.calldate().isBefore(day.plusDays(1))).toList());
    }
  }

  private record Loaded(TestDatabase db, List<String> columns, List<List<Object>> dumpRows) {}

  private static Loaded load(String file, String purpose) throws Exception {
    Path dump = TestDatabase.corpus().resolve("cdr").resolve(file);
    Assumptions.assumeTrue(Files.isRegularFile(dump) || "true".equalsIgnoreCase(System.getenv("CI")),
        "corpus file " + dump + " is not here");
    List<String> all = SqlDump.statements(dump);
    List<String> cdr = SqlDump.tableStatements(all, "cdr");
    TestDatabase db = TestDatabase.create(purpose);
    List<String> columns = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      for (String statement : cdr) {
        s.execute(statement);
      }
      try (var rs = s.executeQuery("SELECT * FROM cdr WHERE 1 = 0")) {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
      }
    }
    return new Loaded(db, columns, SqlDump.rows(cdr, "cdr"));
  }

  /** Every record read equals the record built from the dump's own tuple; junk tuples are the ones left out. */
  private static void assertSameValues(List<CdrRecord> got, Loaded loaded) {
    List<CdrRecord> expected = new ArrayList<>();
    for (List<Object> tuple : loaded.dumpRows) {
      Map<String, Object> row = new HashMap<>();
      for (int i = 0; i < loaded.columns.size(); i++) {
        row.put(loaded.columns.get(i), tuple.get(i));
      }
      LocalDateTime calldate = Sql.parseDateTime((String) row.get("calldate"));
      if (calldate == null || calldate.getYear() < 1970) {
        continue;
      }
      expected.add(new CdrRecord(calldate, s(row, "clid"), s(row, "src"), s(row, "dst"), s(row, "dcontext"),
          s(row, "channel"), s(row, "dstchannel"), s(row, "lastapp"), s(row, "lastdata"),
          Duration.ofSeconds(i(row, "duration")), Duration.ofSeconds(i(row, "billsec")), s(row, "disposition"),
          (int) i(row, "amaflags"), s(row, "accountcode"), s(row, "uniqueid"), s(row, "userfield"),
          s(row, "did"), s(row, "recordingfile"), s(row, "cnum"), s(row, "cnam"), s(row, "outbound_cnum"),
          s(row, "outbound_cnam"), s(row, "dst_cnam"), s(row, "linkedid"), s(row, "peeraccount"),
          (int) i(row, "sequence")));
    }
    List<CdrRecord> sortedGot = new ArrayList<>(got);
    sortedGot.sort(ORDER);
    expected.sort(ORDER);
    assertThat(sortedGot).hasSameSizeAs(expected);
    for (int k = 0; k < expected.size(); k++) {
      assertThat(sortedGot.get(k)).as("record %d of %d", k, expected.size()).isEqualTo(expected.get(k));
    }
  }

  private static String s(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v == null ? "" : v.toString();
  }

  private static long i(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v == null ? 0 : v instanceof Long l ? l : Long.parseLong(v.toString());
  }
}
