package ru.sipring.cdr.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.billing.BillingRounding;
import ru.sipring.campaign.billing.Tariff;
import ru.sipring.campaign.report.OutboundReport;
import ru.sipring.campaign.report.OutboundReports;
import ru.sipring.campaign.tariff.InMemoryTariffRepository;
import ru.sipring.campaign.tariff.TariffBook;
import ru.sipring.campaign.tariff.TariffRepository;
import ru.sipring.cdr.CdrRecord;
import ru.sipring.cdr.InMemoryCdrRepository;

/**
 * The point of the reconciliation: a dialled call stored with 0 s and no recording shows its talk time, its cost
 * (from a stored rate table) and its recording in the "Детализация" report once the CDR is reconciled.
 */
class ReconciledReportTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void costAndRecordingAppearInTheReportAfterTheReconciliation() {
    InMemoryCampaignStore store = new InMemoryCampaignStore();
    long task = store.campaigns().createTask(store.campaigns().createProject("П").id(), "З").id();
    Assignment a = store.campaigns().createAssignment(task, "А", AssignmentSettings.defaults(MSK));
    store.contacts().insertAll(a.id(), List.of(Contact.of(a.id(), "89161234567", Map.of(), Map.of())));
    Contact c = store.contacts().byAssignment(a.id()).get(0);
    store.attempts().insert(new CallAttempt(0, c.id(), a.id(), null, c.phone(), T0, T0.plusSeconds(5),
        CallOutcome.ANSWERED, 5, 0, "", "1772442000.5", null, true, "t1"));
    TariffRepository rates = new InMemoryTariffRepository(Clock.fixed(T0, MSK));
    rates.addVersion("Основной", Instant.parse("2026-01-01T00:00:00Z"), "test",
        List.of(Tariff.of("7916", "Моб", new BigDecimal("1.50"), 0, 1)));
    OutboundReports reports = new OutboundReports(store, Clock.fixed(T0.plusSeconds(3600), MSK));
    Instant from = T0.minusSeconds(3600);
    Instant to = T0.plusSeconds(3600);

    OutboundReport.CallRow before = reports.build(from, to, MSK,
        TariffBook.load(rates, "Основной", BillingRounding.RELATIVE), OutboundReports.Filter.all()).calls().get(0);
    CdrRecord row = new CdrRecord(LocalDateTime.ofInstant(T0, MSK), "", "12345678", "79161234567", "from-internal",
        "Local/79161234567@from-internal-1;2", "SIP/trunk-2", "Dial", "", Duration.ofSeconds(70),
        Duration.ofSeconds(61), "ANSWERED", 3, "", "1772442000.6", "", "", "out-1.wav", "", "", "", "", "",
        "1772442000.5", "", 1);
    new CdrReconciler(store, InMemoryCdrRepository.of(List.of(row)), MSK, Clock.fixed(T0, MSK), Duration.ofSeconds(60),
        Duration.ofHours(2), T0).reconcile(from, to);
    OutboundReport.CallRow after = reports.build(from, to, MSK,
        TariffBook.load(rates, "Основной", BillingRounding.RELATIVE), OutboundReports.Filter.all()).calls().get(0);

    assertThat(before.talk()).isZero();
    assertThat(before.recording()).isNull();
    assertThat(after.talk()).isEqualTo(Duration.ofSeconds(61));
    assertThat(after.cost()).isEqualByComparingTo("1.53");
    assertThat(after.recording()).isEqualTo("out-1.wav");
  }
}
