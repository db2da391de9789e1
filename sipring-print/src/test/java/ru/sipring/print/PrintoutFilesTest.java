package ru.sipring.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ru.sipring.core.directory.CsvAgentDirectory;
import ru.sipring.core.directory.CsvQueueDirectory;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.render.JsonReportRenderer;
import ru.sipring.core.report.render.Printout;
import ru.sipring.core.report.render.ReportLanguage;

/**
 * The PDF opens with PDFBox and reads back with the printout's Cyrillic text; the XLSX reads back with POI and
 * holds the same figures as the JSON report of the same log (the sample week of examples/data).
 */
class PrintoutFilesTest {
  static final Path DATA = Path.of("../examples/data");

  static InboundReport week() {
    return InboundStatistics.builder()
        .window(new ReportWindow(null, null, ZoneId.of("Europe/Moscow"), List.of(), List.of(), List.of()))
        .agents(CsvAgentDirectory.load(DATA.resolve("agents.csv")))
        .queues(CsvQueueDirectory.load(DATA.resolve("queues.csv"))).build()
        .compute(QueueLogInput.path(DATA.resolve("queue_log")));
  }

  static JsonNode json(InboundReport r) throws Exception {
    StringBuilder out = new StringBuilder();
    JsonReportRenderer.of().render(r, out);
    return new ObjectMapper().readTree(out.toString());
  }

  static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isPositive();
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void pdfOpensAndReadsInRussian() throws Exception {
    InboundReport r = week();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfPrintout.of().write(Printout.inbound(r, ReportLanguage.RU), out);
    String text = pdfText(out.toByteArray());
    assertThat(text).contains("Отчёт по входящим вызовам", "Принятые вызовы по очередям",
        "Принятые вызовы по операторам", "6000 Отдел продаж", "501 Петрова ЛВ", "Итого:", "Соединений:",
        "Среднее время:", "Минимум:", "Максимум:", "Общее время:", "Статистика принятых вызовов");
    // every group's connections, as the JSON has them, appear on its «Итого» line
    for (JsonNode q : json(r).get("queues")) {
      if (q.get("answered").asLong() > 0) {
        assertThat(text).containsPattern("Итого:\\s+Соединений:\\s+" + q.get("answered").asLong());
      }
    }
    PDDocument doc = Loader.loadPDF(out.toByteArray());
    try (doc) {
      assertThat(doc.getNumberOfPages()).as("1,100 calls listed twice take many pages").isGreaterThan(10);
      // pictures of the first pages and of the first operator group, to look at (target/printout-*.png)
      org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
      java.nio.file.Files.createDirectories(Path.of("target"));
      for (int page : new int[] {0, 1, doc.getNumberOfPages() / 2, doc.getNumberOfPages() - 1}) {
        javax.imageio.ImageIO.write(renderer.renderImageWithDPI(page, 80), "png",
            Path.of("target", "printout-" + (page + 1) + ".png").toFile());
      }
    }
  }

  @Test
  void pdfInEnglish() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfPrintout.of().write(Printout.inbound(week(), ReportLanguage.EN), out);
    assertThat(pdfText(out.toByteArray())).contains("Inbound call report", "Answered calls by queue", "Total:",
        "Connections:", "Петрова ЛВ");
  }

  @Test
  void xlsxHoldsTheJsonFigures() throws Exception {
    InboundReport r = week();
    JsonNode json = json(r);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxPrintout.of().write(Printout.inbound(r, ReportLanguage.RU), out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Отчёт по входящим вызовам — по очередям");
      List<double[]> groups = totals(s);
      List<JsonNode> expected = new ArrayList<>();
      json.get("queues").forEach(q -> {
        if (q.get("answered").asLong() > 0) {
          expected.add(q);
        }
      });
      json.get("operators").forEach(expected::add);
      assertThat(groups).hasSameSizeAs(expected);
      for (int i = 0; i < groups.size(); i++) {
        double[] g = groups.get(i);
        JsonNode e = expected.get(i);
        assertThat(g[0]).isEqualTo(e.get("answered").asDouble());
        assertThat(g[1] * 86_400).isCloseTo(e.get("waitSeconds").asDouble(), within(1e-6));
        assertThat(g[2] * 86_400).isCloseTo(e.get("talkSeconds").asDouble(), within(1e-6));
        assertThat(g[3] * 86_400).as("exact average wait")
            .isCloseTo(e.get("waitSeconds").asDouble() / e.get("answered").asDouble(), within(1e-6));
      }
      // the summary panel: numbers, not text
      Row answered = find(s, "Принято:");
      assertThat(answered.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(answered.getCell(1).getNumericCellValue()).isEqualTo(json.get("summary").get("answered").asDouble());
      Row talk = find(s, "Общее время разговора:");
      assertThat(talk.getCell(1).getNumericCellValue() * 86_400)
          .isCloseTo(json.get("summary").get("talk").get("total").asDouble(), within(1e-6));
      assertThat(talk.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("[h]:mm:ss");
    }
  }

  /** Each «Итого» block: connections, total wait, total talk, average wait (spreadsheet days for times). */
  static List<double[]> totals(Sheet s) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i <= s.getLastRowNum(); i++) {
      Row r = s.getRow(i);
      if (r != null && text(r.getCell(0)).equals("Итого:")) {
        Row avg = s.getRow(i + 1);
        Row sum = s.getRow(i + 4);
        assertThat(text(sum.getCell(4))).isEqualTo("Общее время:");
        out.add(new double[] {r.getCell(5).getNumericCellValue(), sum.getCell(5).getNumericCellValue(),
            sum.getCell(6).getNumericCellValue(), avg.getCell(5).getNumericCellValue()});
      }
    }
    return out;
  }

  static Row find(Sheet s, String label) {
    for (int i = 0; i <= s.getLastRowNum(); i++) {
      Row r = s.getRow(i);
      if (r != null && text(r.getCell(0)).equals(label)) {
        return r;
      }
    }
    throw new AssertionError("no row " + label);
  }

  static String text(Cell c) {
    return c != null && c.getCellType() == CellType.STRING ? c.getStringCellValue() : "";
  }
}
