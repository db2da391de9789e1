package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.queuelog.InputProblem;

/** The CDR contract on MariaDB, plus junk rows, old schemas and a connection lost mid-stream. */
class JdbiCdrRepositoryTest extends CdrRepositoryContract {
  private static TestDatabase db;
  private static final AtomicInteger TABLES = new AtomicInteger();

  @BeforeAll
  static void database() {
    db = TestDatabase.create("cdr");
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected CdrRepository repositoryWith(List<CdrRecord> records) {
    String table = "cdr_" + TABLES.incrementAndGet();
    CdrTables.createFreePbxTable(db.dataSource(), table);
    CdrTables.insert(db.dataSource(), table, records);
    return JdbiCdrRepository.of(db.dataSource(), table);
  }

  @Test
  void filterValuesAreBoundParametersAndTableNamesAreCheckedIdentifiers() {
    JdbiCdrRepository repo = (JdbiCdrRepository) repositoryWith(DAY.subList(0, 2));
    String table = "cdr_" + TABLES.get();
    List<CdrRecord> got = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();

    // a value that would widen the WHERE clause if it were pasted into the SQL text
    repo.read(CdrQuery.builder().src("x' OR '1'='1").build(), sink(got, problems));
    repo.read(CdrQuery.builder().uniqueid("x\\' OR 1=1 -- ").build(), sink(got, problems));

    assertThat(got).isEmpty();
    assertThat(problems).isEmpty();
    for (String hostile : List.of(table + "; DROP TABLE " + table, table + "` WHERE 1=1 -- ", "../" + table)) {
      assertThatThrownBy(() -> JdbiCdrRepository.of(db.dataSource(), hostile))
          .isInstanceOf(BadInputException.class);
    }
    List<CdrRecord> still = new ArrayList<>();
    repo.read(CdrQuery.all(), sink(still, problems));
    assertThat(still).hasSize(2);
  }

  @Test
  void junkRowsAreReportedAndTheRestIsRead() {
    JdbiCdrRepository repo = (JdbiCdrRepository) repositoryWith(DAY.subList(0, 2));
    String table = "cdr_" + TABLES.get();
    db.execute("SET SESSION sql_mode = ''",
        "INSERT INTO " + table + " (calldate, uniqueid) VALUES ('0000-00-00 00:00:00', 'zero')",
        "INSERT INTO " + table + " (calldate, uniqueid) VALUES ('1000-01-01 00:00:00', 'placeholder')");
    List<CdrRecord> got = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();

    long n = repo.read(CdrQuery.all(), sink(got, problems));

    assertThat(n).isEqualTo(2);
    assertThat(got).containsExactlyElementsOf(DAY.subList(0, 2));
    assertThat(problems).hasSize(2);
    assertThat(problems).extracting(InputProblem::line).containsExactly(1L, 2L);
    assertThat(problems.get(0).message()).contains("0000-00-00 00:00:00", "zero");
    assertThat(problems.get(1).message()).contains("1000-01-01", "FreePBX's empty default", "placeholder");
    assertThat(problems.get(0).source()).endsWith(db.name() + "." + table);
  }

  @Test
  void olderSchemaWithoutFreePbxColumnsReadsDefaults() {
    db.execute("CREATE TABLE cdr_old (calldate datetime NOT NULL default '0000-00-00 00:00:00',"
            + " clid varchar(80) NOT NULL default '', src varchar(80) NOT NULL default '',"
            + " dst varchar(80) NOT NULL default '', dcontext varchar(80) NOT NULL default '',"
            + " channel varchar(80) NOT NULL default '', dstchannel varchar(80) NOT NULL default '',"
            + " lastapp varchar(80) NOT NULL default '', lastdata varchar(80) NOT NULL default '',"
            + " duration int(11) NOT NULL default '0', billsec int(11) NOT NULL default '0',"
            + " disposition varchar(45) NOT NULL default '', amaflags int(11) NOT NULL default '0',"
            + " accountcode varchar(20) NOT NULL default '', uniqueid varchar(32) NOT NULL default '',"
            + " userfield varchar(255) NOT NULL default '', callingsubaddr varchar(80) NOT NULL,"
            + " calledsubaddr varchar(80) NOT NULL) ENGINE=MyISAM DEFAULT CHARSET=latin1",
        "INSERT INTO cdr_old VALUES ('2013-07-22 19:29:54','\"Test\" <468>','468','7018','from-internal',"
            + "'SIP/468-00000002','SIP/trunk-00000003','Dial','SIP/trunk/7018,300,',14,5,'ANSWERED',3,'',"
            + "'1374539394.2','','','')");
    JdbiCdrRepository repo = JdbiCdrRepository.of(db.dataSource(), "cdr_old");

    List<CdrRecord> got = read(repo, CdrQuery.all());

    assertThat(repo.columns()).doesNotContain("did", "linkedid", "recordingfile").contains("userfield");
    assertThat(got).singleElement().satisfies(r -> {
      assertThat(r.src()).isEqualTo("468");
      assertThat(r.billsec()).hasSeconds(5);
      assertThat(r.did()).isEmpty();
      assertThat(r.linkedid()).isEmpty();
      assertThat(r.sequence()).isZero();
    });
    assertThatThrownBy(() -> repo.read(CdrQuery.builder().linkedid("x").build(), sink(got, new ArrayList<>())))
        .isInstanceOf(BadInputException.class).hasMessageContaining("linkedid");
  }

  @Test
  void connectionLostMidStreamIsAConnectionException() throws Exception {
    List<CdrRecord> many = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      CdrRecord c = cdr(java.time.LocalDateTime.parse("2024-01-01T00:00:00").plusSeconds(i).toString()
          .replace('T', ' '), "101", "200", "ANSWERED", 10, 5, "u" + i, "u" + i);
      // a wide userfield (~10 MB in all): more than socket buffers hold, so the server is still sending
      many.add(new CdrRecord(c.calldate(), c.clid(), c.src(), c.dst(), c.dcontext(), c.channel(), c.dstchannel(),
          c.lastapp(), c.lastdata(), c.duration(), c.billsec(), c.disposition(), c.amaflags(), c.accountcode(),
          c.uniqueid(), "y".repeat(250), c.did(), c.recordingfile(), c.cnum(), c.cnam(), c.outboundCnum(),
          c.outboundCnam(), c.dstCnam(), c.linkedid(), c.peeraccount(), c.sequence()));
    }
    JdbiCdrRepository repo = (JdbiCdrRepository) repositoryWith(many);
    AtomicInteger seen = new AtomicInteger();

    assertThatThrownBy(() -> repo.read(CdrQuery.all(), new CdrRepository.Sink() {
      @Override
      public void record(CdrRecord record) {
        if (seen.incrementAndGet() == 10) {
          killStreamingConnection();
        }
      }

      @Override
      public void problem(InputProblem problem) {}
    })).isInstanceOf(ConnectionException.class).hasMessageContaining("reading");
    assertThat(seen.get()).isLessThan(30_000);
  }

  /** Kills, from a separate session, every other session of this test database that is running a query. */
  private static void killStreamingConnection() {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist WHERE db = '" + db.name()
            + "' AND id <> CONNECTION_ID() AND command <> 'Sleep'")) {
      List<Long> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
      assertThat(ids).as("the streaming session").isNotEmpty();
      for (long id : ids) {
        try (Statement kill = c.createStatement()) {
          kill.execute("KILL " + id);
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
