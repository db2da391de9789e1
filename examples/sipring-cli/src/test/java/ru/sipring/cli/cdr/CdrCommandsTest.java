package ru.sipring.cli.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ru.sipring.cdr.CdrRecord;
import ru.sipring.cdr.CdrTables;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.cli.SipRingCli;

/** {@code sipring cdr}, {@code operators} and {@code recording} against the test MariaDB. */
class CdrCommandsTest {
  private static TestDatabase db;

  @TempDir
  Path tmp;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SipRingCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static CdrRecord row(String calldate, String src, String dst, String disposition, String uniqueid, String file) {
    return new CdrRecord(LocalDateTime.parse(calldate), "\"Имя\" <" + src + ">", src, dst, "from-internal",
        "PJSIP/" + src + "-01", "PJSIP/" + dst + "-02", "Dial", "PJSIP/" + dst + ",30", Duration.ofSeconds(42),
        Duration.ofSeconds(30), disposition, 3, "acc", uniqueid, "note, with comma", "4950000000", file, src,
        "Имя", "", "", "", uniqueid, "", 5);
  }

  @BeforeAll
  static void database() {
    db = TestDatabase.create("cli");
    CdrTables.createFreePbxTable(db.dataSource(), "cdr");
    CdrTables.insert(db.dataSource(), "cdr", List.of(
        row("2024-05-01T09:00:00", "101", "200", "ANSWERED", "1714543200.1", "rec-1.wav"),
        row("2024-05-01T10:00:00", "102", "200", "NO ANSWER", "1714546800.2", ""),
        row("2024-05-02T11:00:00", "101", "201", "BUSY", "1714636800.3", "")));
    db.execute("SET SESSION sql_mode = ''",
        "INSERT INTO cdr (calldate, uniqueid) VALUES ('0000-00-00 00:00:00', 'junk-1')");
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  private static String[] dbArgs(String... rest) {
    List<String> args = new ArrayList<>(List.of(rest));
    args.addAll(List.of("--db", db.jdbcUrl(), "--db-user", TestDatabase.user(),
        "--db-password", TestDatabase.password()));
    return args.toArray(String[]::new);
  }

  @Test
  void cdrJsonIsAnArrayOfObjectsNamedAfterTheColumnsAndJunkGoesToStderr() throws Exception {
    Run r = run(dbArgs("cdr", "--format", "json"));

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertThat(rows.isArray()).isTrue();
    assertThat(rows).hasSize(3);
    List<String> keys = new ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyElementsOf(CdrRecord.COLUMNS);
    assertThat(rows.get(0).get("calldate").asText()).isEqualTo("2024-05-01 09:00:00");
    assertThat(rows.get(0).get("duration").isInt()).isTrue();
    assertThat(rows.get(0).get("billsec").asInt()).isEqualTo(30);
    assertThat(rows.get(0).get("clid").asText()).isEqualTo("\"Имя\" <101>");
    assertThat(rows.get(2).get("disposition").asText()).isEqualTo("BUSY");
    assertThat(r.err()).contains("skipped").contains("0000-00-00").contains("junk-1").contains("1 junk row(s)");
  }

  @Test
  void cdrCsvWithWindowAndFilters() {
    Run r = run(dbArgs("cdr", "--format", "csv", "--from", "2024-05-01", "--to", "2024-05-02", "--zone",
        "Europe/Moscow", "--dst", "200", "--src", "101"));

    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo(String.join(",", CdrRecord.COLUMNS));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("2024-05-01 09:00:00,").contains("\"note, with comma\"");
    assertThat(r.err()).isEmpty(); // the window excludes the zero-date row
  }

  @Test
  void cdrCsvWritesWhatCallersSentAsTextNeverAsAFormula() throws Exception {
    CdrTables.createFreePbxTable(db.dataSource(), "cdr_hostile");
    CdrTables.insert(db.dataSource(), "cdr_hostile", List.of(new CdrRecord(LocalDateTime.parse("2024-05-03T09:00:00"),
        "\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\" <+79160000001>", "+79160000001", "-2+3+cmd|' /C calc'!A0",
        "from-trunk", "PJSIP/t-01", "", "Dial", "@SUM(1+1)*cmd|' /C calc'!A0", Duration.ofSeconds(42),
        Duration.ofSeconds(30), "ANSWERED", 3, "=ACC()", "1714723200.9", "\t=1+1", "\uFF1DDID()", "", "+79160000001",
        "=HYPERLINK(\"http://evil.example/\")", "", "", "", "1714723200.9", "", 5)));

    Run r = run(dbArgs("cdr", "--format", "csv", "--table", "cdr_hostile"));

    assertThat(r.exit()).as(r.err()).isZero();
    List<String[]> rows;
    try (com.opencsv.CSVReader reader = new com.opencsv.CSVReader(new java.io.StringReader(r.out()))) {
      rows = reader.readAll();
    }
    List<String> header = List.of(rows.get(0));
    String[] row = rows.get(1);
    for (String cell : row) {
      assertThat(ru.sipring.core.text.SpreadsheetCell.startsFormula(cell)).as("cell %s", cell).isFalse();
    }
    assertThat(row[header.indexOf("src")]).isEqualTo("'+79160000001");
    assertThat(row[header.indexOf("cnam")]).isEqualTo("'=HYPERLINK(\"http://evil.example/\")");
    assertThat(row[header.indexOf("lastdata")]).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
    assertThat(row[header.indexOf("userfield")]).isEqualTo("'\t=1+1");
    assertThat(row[header.indexOf("did")]).isEqualTo("'\uFF1DDID()");
    assertThat(row[header.indexOf("billsec")]).isEqualTo("30");
    assertThat(row[header.indexOf("calldate")]).isEqualTo("2024-05-03 09:00:00");
  }

  @Test
  void uniqueidAndLinkedidFilters() throws Exception {
    JsonNode one = new ObjectMapper().readTree(run(dbArgs("cdr", "--uniqueid", "1714546800.2")).out());
    JsonNode linked = new ObjectMapper().readTree(run(dbArgs("cdr", "--linkedid", "1714636800.3")).out());

    assertThat(one).hasSize(1);
    assertThat(one.get(0).get("disposition").asText()).isEqualTo("NO ANSWER");
    assertThat(linked).hasSize(1);
    assertThat(linked.get(0).get("dst").asText()).isEqualTo("201");
  }

  @Test
  void emptyResultIsAnEmptyJsonArray() throws Exception {
    Run r = run(dbArgs("cdr", "--src", "nobody"));

    assertThat(r.exit()).isZero();
    assertThat(new ObjectMapper().readTree(r.out())).isEmpty();
  }

  @Test
  void databaseDownExitsWithAClearMessage() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Run r = run("cdr", "--db", "jdbc:mariadb://127.0.0.1:" + port + "/asteriskcdrdb", "--db-user", "x");

    assertThat(r.exit()).isEqualTo(Failures.UNREACHABLE);
    assertThat(r.err()).contains("sipring cdr:").contains("unreachable");
  }

  @Test
  void missingTableIsNotFound() {
    Run r = run(dbArgs("cdr", "--table", "no_such_cdr"));

    assertThat(r.exit()).isEqualTo(Failures.NOT_FOUND);
    assertThat(r.err()).contains("no_such_cdr").contains("doesn't exist");
  }

  @Test
  void badTimeNamesTheOption() {
    Run r = run(dbArgs("cdr", "--from", "yesterday"));

    assertThat(r.exit()).isEqualTo(Failures.BAD_INPUT);
    assertThat(r.err()).contains("--from").contains("yesterday");
  }

  @Test
  void operatorsAddListDisableSetPin() throws Exception {
    Path secret = Files.writeString(tmp.resolve("pin.key"), "cli-test-secret-0123456789\n");
    String s = secret.toString();

    assertThat(run(dbArgs("operators", "add", "501", "Петрова ЛВ", "--pin=7391", "--service-password=x",
        "--pin-secret-file", s)).exit()).isEqualTo(Failures.REJECTED); // no service password set yet
    assertThat(run(dbArgs("operators", "service-password", "--new=sipring")).exit()).isZero();
    Run add = run(dbArgs("operators", "add", "501", "Петрова ЛВ", "--pin=7391", "--service-password=sipring",
        "--pin-secret-file", s));
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(run(dbArgs("operators", "add", "502", "Иванов ИИ", "--pin=7391", "--service-password=sipring",
        "--pin-secret-file", s)).err()).contains("already used by another active operator");
    assertThat(run(dbArgs("operators", "add", "502", "Иванов ИИ", "--service-password=sipring")).exit()).isZero();
    assertThat(run(dbArgs("operators", "set-pin", "502", "--pin=70815", "--service-password=sipring",
        "--pin-secret-file", s)).exit()).isZero();
    assertThat(run(dbArgs("operators", "disable", "501", "--service-password=wrong")).exit())
        .isEqualTo(Failures.REJECTED);
    assertThat(run(dbArgs("operators", "disable", "501", "--service-password=sipring")).exit()).isZero();

    Run list = run(dbArgs("operators", "list"));
    assertThat(list.exit()).isZero();
    assertThat(list.out().lines().toList()).hasSize(2);
    assertThat(list.out()).contains("501").contains("Петрова ЛВ").contains("disabled")
        .contains("Иванов ИИ").doesNotContain("7391").doesNotContain("777");
    JsonNode json = new ObjectMapper().readTree(run(dbArgs("operators", "list", "--format", "json")).out());
    assertThat(json.get(1).get("hasPin").asBoolean()).isTrue();
    assertThat(json.get(0).get("active").asBoolean()).isFalse();
  }

  @Test
  void recordingIsSavedOrClearlyMissing() throws Exception {
    Path monitor = Files.createDirectories(tmp.resolve("monitor/2024/05/01")).getParent().getParent().getParent();
    Files.write(monitor.resolve("2024/05/01/rec-1.wav"), new byte[] {82, 73, 70, 70});
    Path out = tmp.resolve("call.wav");

    Run ok = run(dbArgs("recording", "1714543200.1", "--out", out.toString(), "--monitor", monitor.toString()));
    Run none = run(dbArgs("recording", "1714546800.2", "--out", out.toString(), "--monitor", monitor.toString()));

    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(out).hasBinaryContent(new byte[] {82, 73, 70, 70});
    assertThat(none.exit()).isEqualTo(Failures.NOT_FOUND);
    assertThat(none.err()).contains("was not recorded");
  }

  @Test
  void aRecordingfileOutsideTheMonitorRootIsRefusedAndNothingIsSaved() throws Exception {
    Path monitor = Files.createDirectories(tmp.resolve("monitor"));
    Path secret = Files.writeString(tmp.resolve("pin.key"), "the PIN secret");
    CdrTables.createFreePbxTable(db.dataSource(), "cdr_rec_hostile");
    CdrTables.insert(db.dataSource(), "cdr_rec_hostile", List.of(
        row("2024-05-01T09:00:00", "101", "200", "ANSWERED", "1714543200.8", secret.toString()),
        row("2024-05-01T09:00:00", "101", "200", "ANSWERED", "1714543200.9", "../pin.key")));
    Path out = tmp.resolve("stolen.wav");

    for (String id : List.of("1714543200.8", "1714543200.9")) {
      Run r = run(dbArgs("recording", id, "--out", out.toString(), "--monitor", monitor.toString(), "--table",
          "cdr_rec_hostile"));

      assertThat(r.exit()).as(r.err()).isEqualTo(Failures.BAD_INPUT);
      assertThat(r.err()).contains("uniqueid " + id).contains("monitor root");
      assertThat(out).doesNotExist();
    }
  }
}
