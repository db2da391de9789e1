package ru.sipring.testkit.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.core.pbx.OriginateResult;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;
import ru.sipring.testkit.time.SimulatedClock;

class CdrWritingTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

  private static OriginateRequest request(String number, String tag) {
    return new OriginateRequest("Local/" + number + "@from-internal", "from-internal", "501",
        "\"SipRing\" <74950000000>", Duration.ofSeconds(30), Map.of(), tag);
  }

  @Test
  void anAnsweredCallGetsItsRowWhenHungUpWithTheOriginatesUniqueidAndTheRecording() throws Exception {
    SimulatedClock clock = SimulatedClock.at(Instant.parse("2026-03-02T06:15:00Z"), ZoneOffset.UTC);
    CdrSink.InMemory sink = CdrSink.inMemory();
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of(clock).writingCdr(sink, MSK, true);
    OriginateResult r = pbx.originate(request("79160000001", "t1")).toCompletableFuture().get();
    assertThat(sink.rows()).isEmpty();
    assertThat(pbx.callsUp()).containsExactly("t1");
    CdrRow row = pbx.hangUp("t1", Duration.ofSeconds(61));
    assertThat(sink.rows()).containsExactly(row);
    assertThat(row.uniqueid()).isEqualTo(r.uniqueId()).isEqualTo(row.linkedid());
    assertThat(row.calldate()).isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 15, 0));
    assertThat(row.dst()).isEqualTo("79160000001");
    assertThat(row.src()).isEqualTo("74950000000");
    assertThat(row.billsec()).isEqualTo(61);
    assertThat(row.duration()).isEqualTo(61);
    assertThat(row.disposition()).isEqualTo("ANSWERED");
    assertThat(row.recordingfile()).isEqualTo("out-79160000001-74950000000-20260302-091500-" + r.uniqueId() + ".wav");
    assertThat(pbx.callsUp()).isEmpty();
    assertThatThrownBy(() -> pbx.hangUp("t1", Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("t1");
  }

  @Test
  void callsNotAnsweredGetTheirRowAtOnceWithoutBillsecOrRecording() throws Exception {
    CdrSink.InMemory sink = CdrSink.inMemory();
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of(Clock.systemUTC()).writingCdr(sink, MSK, true)
        .outcomesByChannel(Map.of("Local/79160000002@from-internal", java.util.List.of(OriginateOutcome.BUSY),
            "Local/79160000003@from-internal", java.util.List.of(OriginateOutcome.NO_ANSWER)));
    OriginateResult busy = pbx.originate(request("79160000002", "b")).toCompletableFuture().get();
    pbx.originate(request("79160000003", "n")).toCompletableFuture().get();
    assertThat(sink.rows()).extracting(CdrRow::disposition).containsExactly("BUSY", "NO ANSWER");
    assertThat(sink.rows()).allSatisfy(x -> {
      assertThat(x.billsec()).isZero();
      assertThat(x.recordingfile()).isEmpty();
    });
    assertThat(sink.rows().get(0).uniqueid()).isEqualTo(busy.uniqueId());
    assertThat(pbx.callsUp()).isEmpty();
  }

  @Test
  void withoutCdrWritingHangUpIsRefused() throws Exception {
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of();
    pbx.originate(request("79160000001", "t")).toCompletableFuture().get();
    assertThatThrownBy(() -> pbx.hangUp("t", Duration.ofSeconds(3))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("writingCdr");
  }

  @Test
  void theJdbcSinkInsertsFreePbxColumnsThatReadBack() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:cdr-sink;DB_CLOSE_DELAY=-1;MODE=MariaDB");
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      StringBuilder ddl = new StringBuilder("CREATE TABLE cdr (calldate datetime NOT NULL");
      for (String col : CdrRow.COLUMNS.subList(1, CdrRow.COLUMNS.size())) {
        boolean number = col.equals("duration") || col.equals("billsec") || col.equals("amaflags")
            || col.equals("sequence");
        ddl.append(", ").append(col).append(number ? " int NOT NULL DEFAULT 0" : " varchar(255) NOT NULL DEFAULT ''");
      }
      st.execute(ddl.append(")").toString());
    }
    SimulatedClock clock = SimulatedClock.at(Instant.parse("2026-03-02T06:15:00Z"), ZoneOffset.UTC);
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of(clock).writingCdr(JdbcCdrSink.of(ds, "cdr"), MSK, true);
    OriginateResult r = pbx.originate(request("79160000001", "t1")).toCompletableFuture().get();
    pbx.hangUp("t1", Duration.ofSeconds(75));
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT calldate, dst, billsec, disposition, uniqueid, linkedid, recordingfile, "
            + "amaflags FROM cdr")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getTimestamp(1).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 15, 0));
      assertThat(rs.getString(2)).isEqualTo("79160000001");
      assertThat(rs.getInt(3)).isEqualTo(75);
      assertThat(rs.getString(4)).isEqualTo("ANSWERED");
      assertThat(rs.getString(5)).isEqualTo(r.uniqueId());
      assertThat(rs.getString(6)).isEqualTo(r.uniqueId());
      assertThat(rs.getString(7)).endsWith("-" + r.uniqueId() + ".wav");
      assertThat(rs.getInt(8)).isEqualTo(3);
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void aTableNameThatIsNotPlainIsRefused() {
    assertThatThrownBy(() -> JdbcCdrSink.of(new JdbcDataSource(), "cdr; DROP TABLE x"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("table");
  }
}
