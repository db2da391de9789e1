package ru.sipring.campaign.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundChartsTest {
  private static OutboundReport.GroupRow row(String name, long calls, String cost) {
    return new OutboundReport.GroupRow(name, Duration.ZERO, Duration.ZERO, calls, null, Duration.ofMinutes(calls),
        null, null, null, new BigDecimal(cost), 0);
  }

  @Test
  void barsAreProportionalAndNamesAreEscaped() {
    String svg = OutboundCharts.bars("Сумма <по> операторам", List.of(row("<script>alert(1)</script>", 4, "10.00"),
        row("Петров", 2, "5.00")), OutboundCharts.Measure.COST);
    assertThat(svg).startsWith("<svg").endsWith("</svg>").doesNotContain("<script>")
        .contains("&lt;script&gt;").contains("Сумма &lt;по&gt; операторам").contains(">10.00<").contains(">5.00<");
    assertThat(svg).contains("width=\"350\"").contains("width=\"175\"");
  }

  @Test
  void callsPerDaySumTheDays() {
    ZoneId z = ZoneId.of("Europe/Moscow");
    LocalDate d = LocalDate.of(2026, 3, 2);
    OutboundReport r = new OutboundReport(Instant.EPOCH, Instant.EPOCH, z, List.of(), List.of(), List.of(), List.of(),
        row("Итого", 5, "0"), List.of(), List.of(
            new OutboundReport.DayRow(d, "A", "P", "T", 10, 2, Duration.ZERO, null, null),
            new OutboundReport.DayRow(d, "B", "P", "T", 10, 3, Duration.ZERO, null, null),
            new OutboundReport.DayRow(d.plusDays(1), "A", "P", "T", 10, 1, Duration.ZERO, null, null)),
        List.of());
    String svg = OutboundCharts.callsPerDay("Вызовы", r);
    assertThat(svg).contains(">5</text>").contains(">1</text>").contains(">02.03<").contains(">03.03<");
  }
}
