package ru.sipring.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sipring report --format pdf|xlsx --out FILE}: the guide's grouped printout, with the JSON's figures. */
class ReportPrintoutCommandTest {
  static final String[] SAMPLE = {"--queue-log", "../data/queue_log", "--agents", "../data/agents.csv",
      "--queues", "../data/queues.csv", "--zone", "Europe/Moscow"};

  @TempDir
  Path tmp;

  private static String[] sample(String... more) {
    List<String> a = new ArrayList<>(List.of(SAMPLE));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void pdfOfTheSampleWeek() throws Exception {
    Path pdf = tmp.resolve("out/report.pdf");
    ReportCommandTest.Run r = ReportCommandTest.run(sample("--format", "pdf", "--out", pdf.toString()));
    assertThat(r.exit()).as(r.err()).isZero();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Принятые вызовы по очередям", "6000 Отдел продаж", "Итого:", "Соединений:",
          "Принятые вызовы по операторам", "502 Иванов ВА");
    }
  }

  @Test
  void xlsxGroupsEqualTheJsonReport() throws Exception {
    Path xlsx = tmp.resolve("report.xlsx");
    ReportCommandTest.Run r = ReportCommandTest.run(sample("--format", "xlsx", "--out", xlsx.toString(), "--lang", "en"));
    assertThat(r.exit()).as(r.err()).isZero();
    ReportCommandTest.Run json = ReportCommandTest.run(sample("--format", "json"));
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(json.out());
    List<JsonNode> expected = new ArrayList<>();
    report.get("queues").forEach(q -> {
      if (q.get("answered").asLong() > 0) {
        expected.add(q);
      }
    });
    report.get("operators").forEach(expected::add);
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
      Sheet s = wb.getSheetAt(0);
      List<Row> totals = new ArrayList<>();
      for (Row row : s) {
        if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
            && row.getCell(0).getStringCellValue().equals("Total:")) {
          totals.add(row);
        }
      }
      assertThat(totals).hasSameSizeAs(expected);
      for (int i = 0; i < totals.size(); i++) {
        Row t = totals.get(i);
        Row sum = s.getRow(t.getRowNum() + 4);
        assertThat(sum.getCell(4).getStringCellValue()).isEqualTo("Total time:");
        assertThat(t.getCell(5).getNumericCellValue()).isEqualTo(expected.get(i).get("answered").asDouble());
        assertThat(sum.getCell(5).getNumericCellValue() * 86_400)
            .isCloseTo(expected.get(i).get("waitSeconds").asDouble(), within(1e-6));
        assertThat(sum.getCell(6).getNumericCellValue() * 86_400)
            .isCloseTo(expected.get(i).get("talkSeconds").asDouble(), within(1e-6));
      }
    }
  }

  @Test
  void binaryFormatsNeedAFile() {
    for (String f : List.of("pdf", "xlsx")) {
      ReportCommandTest.Run r = ReportCommandTest.run(sample("--format", f));
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("--format " + f + ": writes a binary file: give --out FILE")
          .doesNotContain("Exception");
      assertThat(r.out()).isEmpty();
    }
  }
}
