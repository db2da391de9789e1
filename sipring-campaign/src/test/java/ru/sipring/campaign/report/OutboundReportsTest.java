package ru.sipring.campaign.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.MutableClock;
import ru.sipring.campaign.OperatorCalls;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.campaign.WorkTracker;
import ru.sipring.campaign.billing.Tariff;
import ru.sipring.campaign.billing.TariffTable;

class OutboundReportsTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
  private static final Instant T0 = Instant.parse("2020-06-02T16:00:00Z"); // 19:00 Moscow
  private InMemoryCampaignStore store;
  private MutableClock clock;
  private OutboundReport report;

  @BeforeEach
  void setUp() {
    store = new InMemoryCampaignStore();
    clock = new MutableClock(T0);
    Project p = store.campaigns().createProject("Привлечение клиентов");
    Task t = store.campaigns().createTask(p.id(), "Мелкооптовая торговля");
    Assignment a = store.campaigns().createAssignment(t.id(), "Поиск магазинов", AssignmentSettings.defaults(MSK));
    store.contacts().insertAll(a.id(), List.of(
        Contact.of(a.id(), "89857616856", Map.of(ContactField.FULL_NAME, "Карлов Иван", ContactField.COUNTERPARTY_ID,
            "KA-1", ContactField.NOTE_2, "перезвонить"), Map.of()),
        Contact.of(a.id(), "89160603883", Map.of(ContactField.FULL_NAME, "Иванов Петр Сергеевич"), Map.of()),
        Contact.of(a.id(), "881", Map.of(), Map.of())));
    List<Contact> cs = store.contacts().byAssignment(a.id());
    WorkTracker tracker = new WorkTracker(store.sessions(), clock);
    OperatorCalls calls = new OperatorCalls(store, clock);
    tracker.start("Иванов ВВ", a.id());
    clock.advance(Duration.ofMinutes(10));
    calls.record("Иванов ВВ", cs.get(0).id(), clock.instant(), CallOutcome.ANSWERED, 30, 22, "");
    clock.advance(Duration.ofMinutes(5));
    tracker.pause("Иванов ВВ", "перерыв");
    clock.advance(Duration.ofMinutes(10));
    tracker.resume("Иванов ВВ");
    calls.record("Иванов ВВ", cs.get(1).id(), clock.instant(), CallOutcome.BUSY, 8, 0, "");
    clock.advance(Duration.ofMinutes(1));
    calls.record("Иванов ВВ", cs.get(1).id(), clock.instant(), CallOutcome.ANSWERED, 12, 11, "ok");
    calls.record("Иванов ВВ", cs.get(2).id(), clock.instant(), CallOutcome.ANSWERED, 1, 1, "");
    clock.advance(Duration.ofMinutes(34));
    tracker.stop("Иванов ВВ");
    TariffTable tariffs = TariffTable.of(List.of(Tariff.of("7985", "МТС", new BigDecimal("1.50"), 0, 1),
        Tariff.of("7916", "МТС", new BigDecimal("1.50"), 60, 60)));
    report = new OutboundReports(store, clock).build(T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(3)), MSK,
        tariffs, OutboundReports.Filter.all());
  }

  @Test
  void groupedTimesCallsAndCost() {
    OutboundReport.GroupRow op = report.byOperator().get(0);
    assertThat(op.name()).isEqualTo("Иванов ВВ");
    assertThat(op.computedTime()).isEqualTo(Duration.ofMinutes(60));
    assertThat(op.formTime()).isEqualTo(Duration.ofMinutes(50));
    assertThat(op.calls()).isEqualTo(4);
    assertThat(op.callsPerHour()).isEqualTo(4.0);
    assertThat(op.talkTotal()).isEqualTo(Duration.ofSeconds(34));
    assertThat(op.talkAverageSeconds()).isEqualTo(8.5);
    assertThat(op.talkMin()).isEqualTo(Duration.ZERO);
    assertThat(op.talkMax()).isEqualTo(Duration.ofSeconds(22));
    // 22 s per second at 1.50 = 0.55; busy = 0.00; 11 s in a 60/60 tariff = 1.50; 881 unrated
    assertThat(op.cost()).isEqualTo(new BigDecimal("2.05"));
    assertThat(op.unratedCalls()).isEqualTo(1);
    assertThat(report.byProject()).singleElement().extracting(OutboundReport.GroupRow::name)
        .isEqualTo("Привлечение клиентов");
    assertThat(report.total().cost()).isEqualTo(new BigDecimal("2.05"));
  }

  @Test
  void totalsAreTheSumOfPerCallCosts() {
    BigDecimal sum = report.calls().stream().map(OutboundReport.CallRow::cost).filter(java.util.Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(report.total().cost()).isEqualTo(sum);
    assertThat(report.calls()).extracting(OutboundReport.CallRow::cost).containsExactly(new BigDecimal("0.55"),
        new BigDecimal("0.00"), new BigDecimal("1.50"), null);
  }

  @Test
  void report2PerDayAndDetail() {
    assertThat(report.days()).singleElement().satisfies(d -> {
      assertThat(d.date()).isEqualTo(LocalDate.of(2020, 6, 2));
      assertThat(d.workMinutes()).isEqualTo(50);
      assertThat(d.calls()).isEqualTo(4);
      assertThat(d.task()).isEqualTo("Мелкооптовая торговля");
    });
    OutboundReport.Report2Row first = report.report2().get(0);
    assertThat(first.counterpartyId()).isEqualTo("KA-1");
    assertThat(first.status()).isEqualTo("Отвечен");
    assertThat(first.notes()).containsEntry("Примечание 2", "перезвонить");
  }

  @Test
  void report2PrintoutPerOperatorClosesWithTheReportsFigures() {
    ru.sipring.core.report.render.Printout p = OutboundReportRenderer.printout(report);
    assertThat(p.blocks()).filteredOn(b -> b instanceof ru.sipring.core.report.render.Printout.Heading)
        .extracting(b -> ((ru.sipring.core.report.render.Printout.Heading) b).text())
        .containsExactly("Детализация ИКЦ отчет 2", "Иванов ВВ");
    ru.sipring.core.report.render.Printout.Table t = (ru.sipring.core.report.render.Printout.Table) p.blocks().get(2);
    OutboundReport.GroupRow op = report.byOperator().get(0);
    assertThat(t.rows()).hasSize((int) op.calls());
    assertThat(t.totals().get(0).get(0).text()).isEqualTo("Итого вызовов:");
    assertThat(t.totals().get(0).get(3).number()).isEqualTo(4.0);
    assertThat(t.totals().get(0).get(4).number()).isEqualTo(34.0);
    assertThat(t.totals().get(0).get(5).text()).isEqualTo("2.05");
    assertThat(t.totals().get(1).get(3).text()).isEqualTo("Максимальное");
    assertThat(t.totals().get(1).get(4).number()).isEqualTo(22.0);
    assertThat(t.totals().get(2).get(4).number()).isEqualTo(0.0);
    assertThat(t.totals().get(3).get(4).number()).isEqualTo(8.5);
    // the lines are the operator's calls, and their talk adds up to the total the report computed
    assertThat(t.rows().stream().mapToDouble(r -> r.get(4).number()).sum()).isEqualTo(34.0);
  }

  @Test
  void rendersEveryFormat() {
    StringWriter text = new StringWriter();
    OutboundReportRenderer.render(report, OutboundReportRenderer.Format.TEXT, text);
    assertThat(text.toString()).contains("Иванов ВВ  01:00:00  00:50:00  4").contains("Отчет 2")
        .contains("00:00:08"); // 8.5 s shown half-even
    StringWriter csv = new StringWriter();
    OutboundReportRenderer.render(report, OutboundReportRenderer.Format.CSV, csv);
    assertThat(csv.toString()).contains("\"Иванов ВВ\";\"01:00:00\";\"00:50:00\";\"4\"");
    StringWriter json = new StringWriter();
    OutboundReportRenderer.render(report, OutboundReportRenderer.Format.JSON, json);
    assertThat(json.toString()).contains("\"talkAverageSeconds\" : 8.5").contains("\"cost\" : 2.05");
    StringWriter html = new StringWriter();
    OutboundReportRenderer.render(report, OutboundReportRenderer.Format.HTML, html);
    assertThat(html.toString()).startsWith("<!DOCTYPE html>").contains("<td>Иванов ВВ</td>");
  }
}
