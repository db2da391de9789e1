package ru.sipring.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.QueueDirectory;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.testkit.time.SimulatedClock;

class QueueDayFiguresTest {
  static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
  static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  @TempDir
  Path dir;

  private final List<String> lines = new ArrayList<>();
  private int call;

  private long at(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(ZONE).toEpochSecond();
  }

  private void answered(LocalDate day, int hour, String queue, int wait) {
    long t = at(day, hour, call % 60);
    String id = t + "." + (++call);
    lines.add(t + "|" + id + "|" + queue + "|NONE|ENTERQUEUE||100" + call + "|1");
    lines.add((t + wait) + "|" + id + "|" + queue + "|PJSIP/501|CONNECT|" + wait + "|" + id + "9|2");
    lines.add((t + wait + 60) + "|" + id + "|" + queue + "|PJSIP/501|COMPLETECALLER|" + wait + "|60|1");
  }

  private void abandoned(LocalDate day, int hour, String queue, int wait) {
    long t = at(day, hour, call % 60);
    String id = t + "." + (++call);
    lines.add(t + "|" + id + "|" + queue + "|NONE|ENTERQUEUE||100" + call + "|1");
    lines.add((t + wait) + "|" + id + "|" + queue + "|NONE|ABANDON|1|1|" + wait);
  }

  private Path write() throws IOException {
    lines.sort((a, b) -> Long.compare(Long.parseLong(a.substring(0, a.indexOf('|'))),
        Long.parseLong(b.substring(0, b.indexOf('|')))));
    return Files.write(dir.resolve("queue_log"), lines);
  }

  private InboundReports reports(Path log, AtomicInteger computed) {
    QueueLogProvider source = new QueueLogProvider() {
      @Override
      public QueueLogInput input(ZoneId zone) {
        return QueueLogInput.paths(List.of(log));
      }

      @Override
      public String description() {
        return log.toString();
      }
    };
    return InboundReports.of(source, AgentDirectory.empty(), QueueDirectory.empty(),
        new SipRingProperties.Report(null, null, List.of(), null, Duration.ofSeconds(20), Duration.ofSeconds(5)),
        List.of((took, failed) -> computed.incrementAndGet()));
  }

  @Test
  void todaysAnsweredLostAndServiceLevelPerQueueAreTheReportsOwn() throws IOException {
    // 6000 today: answered after 5, 15, 20 and 30 s, one abandon after 12 s; 6001: one answered after 3 s;
    // yesterday's 6000 calls (fast) must not count
    answered(DAY, 9, "6000", 5);
    answered(DAY, 10, "6000", 15);
    answered(DAY, 10, "6000", 20);
    answered(DAY, 11, "6000", 30);
    abandoned(DAY, 11, "6000", 12);
    answered(DAY, 9, "6001", 3);
    answered(DAY.minusDays(1), 15, "6000", 1);
    answered(DAY.minusDays(1), 16, "6000", 1);
    Path log = write();
    AtomicInteger computed = new AtomicInteger();
    InboundReports reports = reports(log, computed);
    SimulatedClock clock = SimulatedClock.at(DAY.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
    QueueDayFigures figures = QueueDayFigures.of(reports, ZONE, Duration.ofSeconds(20), Duration.ofSeconds(5), clock);

    QueueDayFigures.Today t = figures.today();
    assertThat(t.day()).isEqualTo(DAY);
    assertThat(t.threshold()).isEqualTo(Duration.ofSeconds(20));
    assertThat(t.queues()).extracting(QueueDayFigures.QueueDay::queue).containsExactly("6000", "6001");
    QueueDayFigures.QueueDay q = t.queue("6000").orElseThrow();
    assertThat(q.answered()).isEqualTo(4);
    assertThat(q.lost()).isEqualTo(1);
    // DESIGN.md §4 at T = 20 s: answered with wait <= 20 (5, 15, 20) / (answered + lost) = 3/5; of answered 3/4
    assertThat(q.serviceLevel().seconds()).isEqualTo(20);
    assertThat(q.serviceLevel().answeredWithin()).isEqualTo(3);
    assertThat(q.serviceLevel().percent()).isCloseTo(60.0, within(1e-9));
    assertThat(q.serviceLevel().percentOfAnswered()).isCloseTo(75.0, within(1e-9));
    // and exactly what the report over the same window and queue says
    Instant from = DAY.atStartOfDay(ZONE).toInstant();
    Instant to = DAY.plusDays(1).atStartOfDay(ZONE).toInstant();
    InboundReport direct = reports.compute(new InboundReports.Query(from, to, ZONE,
        EnumSet.of(ReportSection.SUMMARY, ReportSection.SERVICE_LEVEL), List.of("6000"), List.of(), List.of(),
        ReportView.QUEUE, PeriodTable.PeriodUnit.DAY));
    assertThat(q.serviceLevel()).isEqualTo(direct.serviceLevelAt(Duration.ofSeconds(20)));
    assertThat(q.answered()).isEqualTo(direct.summary().answered());
    QueueDayFigures.QueueDay other = t.queue("6001").orElseThrow();
    assertThat(other.answered()).isEqualTo(1);
    assertThat(other.lost()).isZero();
    assertThat(other.serviceLevel().percent()).isCloseTo(100.0, within(1e-9));
    assertThat(t.queue("6002")).isEmpty();
  }

  @Test
  void figuresAreReusedForMaxAgeThenRecomputedAndANewDayStartsAfresh() throws IOException {
    answered(DAY, 9, "6000", 5);
    Path log = write();
    AtomicInteger computed = new AtomicInteger();
    InboundReports reports = reports(log, computed);
    SimulatedClock clock = SimulatedClock.at(DAY.atTime(23, 59, 50).atZone(ZONE).toInstant(), ZONE);
    QueueDayFigures figures = QueueDayFigures.of(reports, ZONE, Duration.ofSeconds(20), Duration.ofSeconds(5), clock);

    QueueDayFigures.Today first = figures.today();
    int perComputation = computed.get(); // the queue list and one report per queue
    assertThat(perComputation).isEqualTo(2);
    clock.advance(Duration.ofSeconds(4));
    assertThat(figures.today()).isSameAs(first);
    assertThat(computed.get()).isEqualTo(perComputation);

    // a new call is seen once maxAge has passed
    answered(DAY, 10, "6000", 50);
    write();
    clock.advance(Duration.ofSeconds(1));
    QueueDayFigures.Today second = figures.today();
    assertThat(second).isNotSameAs(first);
    assertThat(second.queue("6000").orElseThrow().answered()).isEqualTo(2);
    assertThat(second.queue("6000").orElseThrow().serviceLevel().answeredWithin()).isEqualTo(1);

    // midnight: a new day even within maxAge, and yesterday's calls are gone
    clock.advance(Duration.ofSeconds(6));
    QueueDayFigures.Today next = figures.today();
    assertThat(next.day()).isEqualTo(DAY.plusDays(1));
    assertThat(next.queues()).isEmpty();
  }

  @Test
  void aFailureIsRememberedForMaxAgeSoABoardAskingEverySecondDoesNotRetryEverySecond() {
    AtomicInteger computed = new AtomicInteger();
    InboundReports reports = reports(dir.resolve("missing"), computed);
    SimulatedClock clock = SimulatedClock.at(DAY.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
    QueueDayFigures figures = QueueDayFigures.of(reports, ZONE, Duration.ofSeconds(20), Duration.ofSeconds(5), clock);
    assertThatThrownBy(figures::today).isInstanceOf(RuntimeException.class);
    int tries = computed.get();
    clock.advance(Duration.ofSeconds(2));
    assertThatThrownBy(figures::today).isInstanceOf(RuntimeException.class);
    assertThat(computed.get()).isEqualTo(tries);
    clock.advance(Duration.ofSeconds(3));
    assertThatThrownBy(figures::today).isInstanceOf(RuntimeException.class);
    assertThat(computed.get()).isGreaterThan(tries);
  }

  @Test
  void aNegativeThresholdIsRefused() {
    InboundReports reports = reports(dir.resolve("missing"), new AtomicInteger());
    assertThatThrownBy(() -> QueueDayFigures.of(reports, ZONE, Duration.ofSeconds(-1), Duration.ofSeconds(5),
        SimulatedClock.at(Instant.EPOCH, ZONE))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
  }
}
