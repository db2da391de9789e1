package ru.sipring.print;

import static org.assertj.core.api.Assertions.assertThat;

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
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.render.Printout;
import ru.sipring.core.report.render.ReportLanguage;

/**
 * Agent names, queue names and caller IDs come from outside: in XLSX a name that begins like a formula stays a
 * string (quote-prefixed, so editing it keeps it text), and in PDF characters the font has no glyph for (emoji,
 * control and format characters, unpaired surrogates) print as '?' or a space instead of failing the document.
 */
class HostilePrintoutTest {
  static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+7 (495) 123", "-2+3",
      "@SUM(A1:A9)", "\tTab=1", "Пётр 😀 Смайлов", "bell\u0007 and\nnewline", "rtl\u202Eevil", "bad \uD800 surrogate",
      "丁 CJK 汉字", "");

  static InboundReport hostile() {
    InboundReport r = InboundStatistics.builder()
        .window(new ReportWindow(null, null, ZoneId.of("UTC"), List.of(), List.of(), List.of())).build()
        .compute(QueueLogInput.path(Path.of("../sipring-core/src/test/resources/queuelog/guide-section7.queue_log")));
    List<AnsweredCall> rows = new ArrayList<>();
    int i = 0;
    for (AnsweredCall c : r.answered()) {
      String h = HOSTILE.get(i++ % HOSTILE.size());
      rows.add(new AnsweredCall(c.queue(), h, h, c.agentNumber(), h, c.enteredAt(), h, c.waitTime(),
          c.talkTime(), c.position(), c.endedBy(), c.callId()));
    }
    return new InboundReport(r.window(), r.sections(), r.summary(), rows, r.lost(), r.operators(), r.queues(),
        r.serviceLevel(), r.periods(), r.agents(), r.problems(), r.input(), r.view());
  }

  @Test
  void formulaLikeTextStaysText() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxPrintout.of().write(Printout.inbound(hostile(), ReportLanguage.RU), out);
    List<String> seen = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet s = wb.getSheetAt(0);
      for (Row row : s) {
        for (Cell c : row) {
          assertThat(c.getCellType()).as("no formula cells at all").isNotEqualTo(CellType.FORMULA);
          if (c.getCellType() == CellType.STRING) {
            String v = c.getStringCellValue();
            seen.add(v);
            if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
              assertThat(c.getCellStyle().getQuotePrefixed()).as("quote prefix on '%s'", v).isTrue();
            }
          }
        }
      }
    }
    assertThat(seen).as("the text itself is kept, not altered").contains("=HYPERLINK(\"http://evil\",\"x\")",
        "@SUM(A1:A9)", "-2+3", "+7 (495) 123", "Пётр 😀 Смайлов");
  }

  @Test
  void missingGlyphsDoNotFailThePdf() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfPrintout.of().write(Printout.inbound(hostile(), ReportLanguage.RU), out);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      String text = new PDFTextStripper().getText(doc);
      // DejaVu Sans has no CJK (and draws the emoji); the unpaired surrogate is no character at all
      assertThat(text).contains("? CJK ??", "bad ? surrogate", "=HYPERLINK(", "bell  and newline", "Итого:");
      assertThat(text).doesNotContain("\u0007", "丁", "\u202E");
    }
  }
}
