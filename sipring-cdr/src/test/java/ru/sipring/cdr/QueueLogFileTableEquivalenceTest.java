package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import ru.sipring.core.queuelog.QueueLogRecord;
import ru.sipring.core.queuelog.QueueLogSource;
import ru.sipring.testkit.contract.QueueLogSourceContract;

/**
 * The same queue_log lines, once as file lines and once loaded into a realtime table the way Asterisk writes
 * them, give equal records: real lines from the corpus (an Asterisk 20 attended transfer, an Elastix pause
 * with a spaced member name) and seeded synthetic traffic with every event shape (0–7 data fields, pipes in
 * the remainder, Cyrillic names, same-second runs).
 */
class QueueLogFileTableEquivalenceTest {
  private static TestDatabase db;
  private static int tables;

  @BeforeAll
  static void database() {
    db = TestDatabase.create("ql_equiv");
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  /** A queue_log file line as records: {@code epoch|callid|queue|agent|event|data...}, trailing empties dropped. */
  static QueueLogRecord parseLine(String line) {
    String[] f = line.split("\\|", -1);
    List<String> data = new ArrayList<>(Arrays.asList(f).subList(5, f.length));
    while (!data.isEmpty() && data.get(data.size() - 1).isEmpty()) {
      data.remove(data.size() - 1);
    }
    return new QueueLogRecord(Long.parseLong(f[0]), f[1], f[2], f[3], f[4], data);
  }

  static List<QueueLogRecord> corpusLines() throws IOException {
    Path dir = TestDatabase.corpus().resolve("queue_log");
    List<QueueLogRecord> out = new ArrayList<>();
    for (String file : List.of("issue-asterisk-759_freepbx-ast20.queue_log", "issue-qpanel-39_elastix-ast11.queue_log")) {
      Path p = dir.resolve(file);
      if (!Files.exists(p) && !"true".equalsIgnoreCase(System.getenv("CI"))) {
        continue;
      }
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(parseLine(line.strip()));
        }
      }
    }
    return out;
  }

  /** Seeded synthetic file lines: the shapes Asterisk 13–22 writes. */
  static List<String> syntheticLines(long seed, int calls) {
    Random r = new Random(seed);
    List<String> lines = new ArrayList<>();
    // a DATETIME column holds local time: in the hour a DST change repeats, its order and instants cannot
    // follow the file (documented limitation), so the synthetic traffic stays clear of DST changes
    long t = 1_700_000_000L;
    lines.add(t + "|NONE|NONE|NONE|QUEUESTART|");
    String[] agents = {"Петрова ЛВ", "Иванов ИИ", "JASON SMITH", "PJSIP/501"};
    for (int i = 0; i < calls; i++) {
      t += r.nextInt(20);
      String id = t + "." + i;
      String q = "15" + r.nextInt(3);
      String agent = agents[r.nextInt(agents.length)];
      lines.add(t + "|" + id + "|" + q + "|NONE|ENTERQUEUE||7916" + (1_000_000 + r.nextInt(8_999_999)) + "|" + (1 + r.nextInt(5)));
      int wait = r.nextInt(60);
      switch (r.nextInt(6)) {
        case 0 -> lines.add((t + wait) + "|" + id + "|" + q + "|NONE|ABANDON|1|" + (1 + r.nextInt(5)) + "|" + wait);
        case 1 -> {
          lines.add((t + wait) + "|" + id + "|" + q + "|" + agent + "|RINGNOANSWER|15000");
          lines.add((t + wait) + "|" + id + "|" + q + "|" + agent + "|CONNECT|" + wait + "|" + id + "1|" + r.nextInt(10));
          lines.add((t + wait + 90) + "|" + id + "|" + q + "|" + agent + "|COMPLETECALLER|" + wait + "|90|1");
        }
        case 2 -> {
          lines.add((t + wait) + "|" + id + "|" + q + "|" + agent + "|CONNECT|" + wait + "|" + id + "1|3");
          lines.add((t + wait + 40) + "|" + id + "|" + q + "|" + agent
              + "|ATTENDEDTRANSFER|LINK|" + id + "2|" + id + "3|" + wait + "|40|1");
        }
        case 3 -> lines.add((t + wait) + "|" + id + "|" + q + "|NONE|EXITWITHKEY|5|1|1|" + wait);
        case 4 -> lines.add((t + wait) + "|NONE|" + q + "|" + agent + "|PAUSE|Обед|extra|");
        default -> lines.add((t + wait) + "|" + id + "|" + q + "|NONE|DID|");
      }
    }
    lines.sort((a, b) -> Long.compare(Long.parseLong(a.substring(0, a.indexOf('|'))),
        Long.parseLong(b.substring(0, b.indexOf('|'))))); // stable: same-second lines keep their order
    return lines;
  }

  @ParameterizedTest
  @EnumSource(QueueLogTables.Layout.class)
  void fileLinesAndTableRowsGiveEqualRecords(QueueLogTables.Layout layout) throws IOException {
    long seed = System.nanoTime();
    List<QueueLogRecord> fromFile = new ArrayList<>(corpusLines());
    fromFile.sort((a, b) -> Long.compare(a.epochSecond(), b.epochSecond()));
    List<QueueLogRecord> synthetic = syntheticLines(seed, 400).stream().map(QueueLogFileTableEquivalenceTest::parseLine)
        .toList();
    ZoneId zone = ZoneId.of("Europe/Berlin");

    for (List<QueueLogRecord> records : List.of(fromFile, synthetic)) {
      String table = "ql_" + (++tables);
      QueueLogTables.create(db.dataSource(), table, layout);
      QueueLogTables.insert(db.dataSource(), table, layout, zone, records);
      List<QueueLogRecord> expected = records;

      QueueLogSource source = QueueLogTableSource.builder(db.dataSource()).table(table).zone(zone).build();
      var got = QueueLogSourceContract.readAll(source);

      assertThat(got.problems).as("seed %d", seed).isEmpty();
      assertThat(got.records).as("layout %s, seed %d", layout, seed).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(got.records.get(i)).as("record %d, layout %s, seed %d", i, layout, seed).isEqualTo(expected.get(i));
      }
    }
  }

  @Test
  void freePbxQueuelogTableFromTheRealDumpIsReadToo() throws IOException {
    Path dump = TestDatabase.corpus().resolve("cdr/freepbx17-oscar6262_asteriskcdrdb.sql");
    List<String> ddl = SqlDump.tableStatements(SqlDump.statements(dump), "queuelog").stream()
        .filter(s -> s.startsWith("CREATE TABLE")).toList();
    assertThat(ddl).hasSize(1);
    db.execute(ddl.get(0));
    List<QueueLogRecord> records = syntheticLines(42, 50).stream().map(QueueLogFileTableEquivalenceTest::parseLine)
        .filter(r -> r.data().stream().mapToInt(String::length).max().orElse(0) <= 40) // FreePBX: varchar(40)
        .filter(r -> r.queue().length() <= 20)
        .toList();
    QueueLogTables.insert(db.dataSource(), "queuelog", QueueLogTables.Layout.DATETIME, ZoneId.of("UTC"), records);

    var got = QueueLogSourceContract.readAll(QueueLogTableSource.builder(db.dataSource()).table("queuelog")
        .zone(ZoneId.of("UTC")).build());

    assertThat(got.problems).isEmpty();
    assertThat(got.records).containsExactlyElementsOf(records);
  }
}
