package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The report page's PDF and XLSX exports: the library's printout (sipring-print), with the figures of the CLI's
 * JSON for the same log and window, behind the same sign-in as the other exports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrintoutExportTest {
  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<byte[]> get(String path, boolean signedIn) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (signedIn) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString(("admin:" + WebTestSupport.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void pdfExport() throws Exception {
    assertThat(get("/api/inbound/report.pdf", false).statusCode()).isEqualTo(401);
    HttpResponse<byte[]> r = get("/api/inbound/report.pdf?from=2026-03-02&to=2026-03-08&zone=Europe/Moscow", true);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        v -> assertThat(v).contains("inbound-report.pdf"));
    try (PDDocument doc = Loader.loadPDF(r.body())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Принятые вызовы по очередям", "6000 Отдел продаж",
          "Итого:", "Соединений:");
    }
  }

  @Test
  void xlsxExportHasTheCliNumbers() throws Exception {
    HttpResponse<byte[]> r = get("/api/inbound/report.xlsx?from=2026-03-02&to=2026-03-08&zone=Europe/Moscow"
        + "&sections=summary,answered,queues&lang=en", true);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("spreadsheetml"));
    JsonNode cli = new ObjectMapper().readTree(WebTestSupport.cliJson("--from", "2026-03-02", "--to", "2026-03-08",
        "--sections", "summary,answered,queues"));
    List<JsonNode> queues = new ArrayList<>();
    cli.get("queues").forEach(q -> {
      if (q.get("answered").asLong() > 0) {
        queues.add(q);
      }
    });
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Sheet s = wb.getSheetAt(0);
      List<Row> totals = new ArrayList<>();
      for (Row row : s) {
        if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING) {
          if (row.getCell(0).getStringCellValue().equals("Answered:")) {
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(cli.get("summary").get("answered").asDouble());
          }
          if (row.getCell(0).getStringCellValue().equals("Total:")) {
            totals.add(row);
          }
        }
      }
      // the queue groups come first, then the operator groups
      assertThat(totals.size()).isGreaterThan(queues.size());
      for (int i = 0; i < queues.size(); i++) {
        Row t = totals.get(i);
        assertThat(t.getCell(5).getNumericCellValue()).isEqualTo(queues.get(i).get("answered").asDouble());
        assertThat(s.getRow(t.getRowNum() + 4).getCell(6).getNumericCellValue() * 86_400)
            .isCloseTo(queues.get(i).get("talkSeconds").asDouble(), within(1e-6));
      }
    }
  }
}
