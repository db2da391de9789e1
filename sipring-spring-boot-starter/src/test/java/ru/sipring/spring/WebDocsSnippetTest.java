package ru.sipring.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;

/** The embedding snippet of docs/web.md, compiled and run (the web annotations left out: no MVC here). */
class WebDocsSnippetTest {

  /** docs/web.md, "Embed the starter in another Spring Boot application". */
  static class CallCentreFigures {
    private final InboundReports reports;

    CallCentreFigures(InboundReports reports) {
      this.reports = reports;
    }

    long answeredToday() {
      ZoneId zone = ZoneId.of("Europe/Moscow");
      Instant from = LocalDate.now(zone).atStartOfDay(zone).toInstant();
      InboundReports.Query q = new InboundReports.Query(from, null, zone, EnumSet.of(ReportSection.SUMMARY),
          List.of(), List.of(), List.of(), ReportView.QUEUE, PeriodTable.PeriodUnit.DAY);
      return reports.compute(q).summary().answered();
    }
  }

  @Test
  void theSnippetRunsOnTheStartersBean() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SipRingAutoConfiguration.class))
        .withPropertyValues("sipring.queue-log.paths=" + SipRingAutoConfigurationTest.DATA.resolve("queue_log"))
        .withBean(CallCentreFigures.class)
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          // the sample week lies in the past: nothing answered "today"
          assertThat(ctx.getBean(CallCentreFigures.class).answeredToday()).isZero();
        });
  }
}
