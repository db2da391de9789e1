package ru.sipring.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.sipring.core.directory.CsvAgentDirectory;
import ru.sipring.core.directory.CsvQueueDirectory;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.AgentAnalytics;
import ru.sipring.core.report.DurationStats;
import ru.sipring.core.report.EndedBy;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.OperatorRow;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.ServiceLevel;
import ru.sipring.core.report.Summary;

/**
 * The admin guide's own example (section 7), reproduced from a queue_log written for it
 * (src/test/resources/queuelog/make-guide-section7.py; choices in docs/inbound.md).
 */
class GuideExampleGoldenTest {
  static final ZoneId MSK = ZoneId.of("Europe/Moscow");
  static InboundReport report;

  static Path resource(String name) throws URISyntaxException {
    return Path.of(GuideExampleGoldenTest.class.getResource("/queuelog/" + name).toURI());
  }

  @BeforeAll
  static void compute() throws Exception {
    ReportWindow window = new ReportWindow(LocalDate.of(2020, 5, 11).atStartOfDay(MSK).toInstant(),
        LocalDateTime.of(2020, 5, 26, 21, 3, 57).atZone(MSK).toInstant(), MSK, List.of(), List.of(), List.of());
    report = InboundStatistics.builder()
        .window(window)
        .agents(CsvAgentDirectory.load(resource("guide-agents.csv")))
        .queues(CsvQueueDirectory.load(resource("guide-queues.csv")))
        .build()
        .compute(QueueLogInput.path(resource("guide-section7.queue_log")));
  }

  @Test
  void summaryPanel() {
    Summary s = report.summary();
    assertThat(s.answered()).isEqualTo(18);
    assertThat(s.lost()).isEqualTo(6);
    assertThat(s.unfinished()).isZero();
    assertThat(s.maxPosition()).isEqualTo(1);
    assertThat(s.talk()).isEqualTo(new DurationStats(18, 6 * 60 + 38, 1, 74));
    assertThat(Math.round(s.talk().averageSeconds())).isEqualTo(22);
    assertThat(s.answeredWait()).isEqualTo(new DurationStats(18, 3 * 60 + 24, 5, 40));
    assertThat(Math.rint(s.answeredWait().averageSeconds())).isEqualTo(11);
    assertThat(s.lostWait()).isEqualTo(new DurationStats(6, 80, 11, 15));
    assertThat(Math.rint(s.lostWait().averageSeconds())).isEqualTo(13);
    assertThat(s.answeredPercent()).isEqualTo(75.0);
    assertThat(report.problems().total()).isZero();
  }

  @Test
  void operatorsAndQueues() {
    assertThat(report.operators()).extracting(OperatorRow::number, OperatorRow::name, OperatorRow::answered,
            OperatorRow::waitSeconds, OperatorRow::talkSeconds)
        .containsExactly(
            tuple("500", "Иванов ВА", 3L, 50L, 108L),
            tuple("501", "", 8L, 61L, 91L),
            tuple("501", "Петрова ЛВ", 7L, 93L, 199L));
    assertThat(report.queues()).singleElement().satisfies(q -> {
      assertThat(q.queue()).isEqualTo("6000");
      assertThat(q.name()).isEqualTo("Отдел продаж");
      assertThat(q.answered()).isEqualTo(18);
      assertThat(q.waitSeconds()).isEqualTo(204);
      assertThat(q.talkSeconds()).isEqualTo(398);
      assertThat(q.lost()).isEqualTo(6);
      assertThat(q.lostWaitSeconds()).isEqualTo(80);
    });
  }

  @Test
  void completion() {
    assertThat(report.operators()).extracting(OperatorRow::name, OperatorRow::endedByCaller,
            OperatorRow::endedByAgent, OperatorRow::transferred)
        .containsExactly(tuple("Иванов ВА", 1L, 2L, 0L), tuple("", 5L, 3L, 0L), tuple("Петрова ЛВ", 7L, 0L, 0L));
    OperatorRow ivanov = report.operators().get(0);
    assertThat(Math.round(ivanov.percentOfAnswered(ivanov.endedByCaller()))).isEqualTo(33);
    assertThat(Math.round(ivanov.percentOfAnswered(ivanov.endedByAgent()))).isEqualTo(67);
  }

  @Test
  void serviceLevel() {
    ServiceLevel sl = report.serviceLevel();
    assertThat(sl.answered()).extracting(ServiceLevel.Bucket::upToSeconds, ServiceLevel.Bucket::calls)
        .containsExactly(tuple(5, 3L), tuple(10, 8L), tuple(15, 4L), tuple(30, 1L), tuple(45, 2L), tuple(60, 0L),
            tuple(90, 0L), tuple(120, 0L), tuple(300, 0L), tuple(null, 0L));
    assertThat(sl.answered()).extracting(b -> Math.round(b.percent())).startsWith(17L, 44L, 22L, 6L, 11L, 0L);
    assertThat(sl.lost()).extracting(ServiceLevel.Bucket::calls)
        .containsExactly(0L, 0L, 6L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(sl.lost().get(2).percent()).isEqualTo(100.0);
    // SL% = answered within T / (answered + lost): 3/24 at 5 s, 11/24 at 10 s, 18/24 from 45 s
    assertThat(sl.thresholds().get(0).percent()).isEqualTo(12.5);
    assertThat(sl.thresholds().get(1).answeredWithin()).isEqualTo(11);
    assertThat(sl.thresholds().get(4).percent()).isEqualTo(75.0);
    // Asterisk's own service level (of the 18 answered) beside the guide's (of the 24 offered)
    assertThat(sl.thresholds().get(4).percentOfAnswered()).isEqualTo(100.0);
    assertThat(report.serviceLevelAt(java.time.Duration.ofSeconds(10)).percentOfAnswered())
        .isEqualTo(100.0 * 11 / 18);
    // any threshold, not only the bucket bounds: the longest answered wait is 40 s
    assertThat(report.serviceLevelAt(java.time.Duration.ofSeconds(40)).answeredWithin()).isEqualTo(18);
    assertThat(report.serviceLevelAt(java.time.Duration.ofSeconds(39)).answeredWithin()).isLessThan(18);
  }

  @Test
  void perDayTable() {
    PeriodTable p = report.periods();
    assertThat(p.unit()).isEqualTo(PeriodTable.PeriodUnit.DAY);
    assertThat(p.rows()).extracting(PeriodTable.Row::start, PeriodTable.Row::offered, PeriodTable.Row::answered,
            PeriodTable.Row::transferred, PeriodTable.Row::lost)
        .containsExactly(
            tuple(LocalDateTime.of(2020, 5, 12, 0, 0), 1L, 1L, 0L, 0L),
            tuple(LocalDateTime.of(2020, 5, 13, 0, 0), 6L, 4L, 0L, 2L),
            tuple(LocalDateTime.of(2020, 5, 14, 0, 0), 17L, 13L, 0L, 4L));
    // shown rounded half-even to whole seconds, as the guide does (7.5 → 8, 12.5 → 12)
    assertThat(p.rows()).extracting(r -> Math.rint(r.answeredWait().averageSeconds()),
            r -> Math.rint(r.answeredTalk().averageSeconds()), r -> Math.rint(r.lostWait().averageSeconds()),
            r -> Math.round(r.percentOfOffered(r.answered())))
        .containsExactly(tuple(13.0, 15.0, 0.0, 100L), tuple(8.0, 9.0, 15.0, 67L), tuple(12.0, 27.0, 12.0, 76L));
  }

  @Test
  void detailLists() {
    assertThat(report.answered()).hasSize(18);
    assertThat(report.answered().get(0)).satisfies(a -> {
      assertThat(a.enteredAt().atZone(MSK).toLocalDateTime()).isEqualTo(LocalDateTime.of(2020, 5, 12, 14, 35, 13));
      assertThat(a.queueName()).isEqualTo("Отдел продаж");
      assertThat(a.agentNumber()).isEqualTo("501");
      assertThat(a.agentName()).isEmpty();
      assertThat(a.caller()).isEqualTo("500");
      assertThat(a.waitTime().toSeconds()).isEqualTo(13);
      assertThat(a.talkTime().toSeconds()).isEqualTo(15);
      assertThat(a.position()).isEqualTo(1);
      assertThat(a.endedBy()).isEqualTo(EndedBy.AGENT);
    });
    assertThat(report.lost()).hasSize(6);
    assertThat(report.lost()).extracting(l -> l.enteredAt().atZone(MSK).toLocalDateTime().toString(),
            l -> l.waitTime().toSeconds())
        .containsExactly(tuple("2020-05-13T12:25:17", 15L), tuple("2020-05-13T13:12:40", 15L),
            tuple("2020-05-14T09:15:42", 11L), tuple("2020-05-14T12:48:01", 15L),
            tuple("2020-05-14T13:05:31", 13L), tuple("2020-05-14T16:52:30", 11L));
  }

  @Test
  void agentAnalytics() {
    assertThat(report.agents()).extracting(AgentAnalytics::name, AgentAnalytics::answered,
            AgentAnalytics::missedOffers, AgentAnalytics::endedByCaller, AgentAnalytics::loggedInSeconds,
            AgentAnalytics::pausedSeconds)
        .containsExactly(
            tuple("Иванов ВА", 3L, 4L, 1L, 3 * 9 * 3600L, 0L),
            tuple("", 8L, 0L, 5L, 0L, 0L),
            tuple("Петрова ЛВ", 7L, 3L, 7L, 3 * 9 * 3600L, 1800L));
    AgentAnalytics petrova = report.agents().get(2);
    assertThat(petrova.pausedSecondsByReason()).containsExactly(java.util.Map.entry("Обед", 1800L));
    assertThat(petrova.workSeconds()).isEqualTo(3 * 9 * 3600L - 1800);
    assertThat(report.input().eventCounts()).containsEntry("DID", 18L).containsEntry("ENTERQUEUE", 24L);
  }
}
