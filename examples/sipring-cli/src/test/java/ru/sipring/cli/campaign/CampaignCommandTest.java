package ru.sipring.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import ru.sipring.cli.SipRingCli;

class CampaignCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private record Result(int exit, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + out, e);
      }
    }
  }

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SipRingCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  private String store() {
    return tmp.resolve("home").toString();
  }

  static Path corpus() {
    String prop = System.getProperty("sipring.corpus");
    Path p = prop == null ? null : Path.of(prop);
    return p != null && Files.isDirectory(p) ? p : Path.of("/work/shared/corpus");
  }

  static Stream<Path> leads() throws IOException {
    try (Stream<Path> s = Files.list(corpus().resolve("leads"))) {
      return s.filter(p -> !p.toString().endsWith(".md")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("leads")
  void importPrintsTheContractJsonForEveryCorpusFile(Path f) {
    Result r = run("campaign", "import", "--assignment", "Проект/Задача/Задание", "--file", f.toString(),
        "--store", store(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = r.json();
    assertThat(j.fieldNames()).toIterable().containsExactly("imported", "rejected", "duplicates");
    assertThat(j.get("imported").asInt()).isPositive();
    assertThat(j.get("rejected").isArray()).isTrue();
  }

  @Test
  void rejectedRowsHaveLineAndReasonAndNothingImportedExitsNonZero() throws IOException {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "phone;name\n;Ivan\nabc;Petr\n");
    Result r = run("campaign", "import", "--assignment", "P/T/A", "--file", bad.toString(), "--store", store(),
        "--format", "json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.json().get("imported").asInt()).isZero();
    assertThat(r.json().get("rejected").get(0).get("line").asInt()).isEqualTo(2);
    assertThat(r.json().get("rejected").get(1).get("reason").asText()).contains("abc");
    Path noPhone = tmp.resolve("nophone.csv");
    Files.writeString(noPhone, "name;city\nIvan;Moscow\n");
    Result n = run("campaign", "import", "--assignment", "P/T/A", "--file", noPhone.toString(), "--store", store(),
        "--format", "json");
    assertThat(n.exit()).isEqualTo(1);
    assertThat(n.json().get("rejected").get(0).get("line").asInt()).isEqualTo(1);
  }

  @Test
  void partlyBadFileImportsTheRestAndExitsZeroAndDuplicatesAreCounted() throws IOException {
    Path f = tmp.resolve("f.csv");
    Files.writeString(f, "phone,name\n79160000001,A\n,B\n89160000001,C\n");
    Result r = run("campaign", "import", "--assignment", "P/T/A", "--file", f.toString(), "--store", store(),
        "--format", "json", "--delimiter", ",", "--encoding", "utf-8");
    assertThat(r.exit()).isZero();
    assertThat(r.out().trim()).isEqualTo(
        "{\"imported\":1,\"rejected\":[{\"line\":3,\"reason\":\"phone: missing\"}],\"duplicates\":1}");
  }

  @Test
  void windows1251WithExplicitEncodingAndMappingFile() throws IOException {
    Path f = tmp.resolve("cp.csv");
    Files.write(f, "Клиент\tТел\nИванов\t8 916 000 00 01\n".getBytes("windows-1251"));
    Path m = tmp.resolve("m.json");
    Files.writeString(m, "{\"header\": true, \"columns\": {\"Клиент\": \"full_name\", \"Тел\": \"phone\"}}");
    Result r = run("campaign", "import", "--assignment", "P/T/A", "--file", f.toString(), "--store", store(),
        "--encoding", "windows-1251", "--delimiter", "tab", "--mapping", m.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().get("imported").asInt()).isEqualTo(1);
    Path out = tmp.resolve("export.csv");
    assertThat(run("campaign", "export", "--assignment", "P/T/A", "--file", out.toString(), "--store", store()).exit())
        .isZero();
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("Иванов").contains("8 916 000 00 01");
  }

  @Test
  void billingRateContract() throws IOException {
    Path t = tmp.resolve("tariffs.csv");
    Files.writeString(t, "prefix,name,price_per_minute,initial_block,billing_block,connect_charge,free_seconds,"
        + "minimal_cost,valid_from,valid_to\n7916,MSK mobile,1.50,0,1,,,,,\n7,RU,1.00,60,60,,,,,\n");
    Result r = run("billing", "rate", "--tariffs", t.toString(), "--number", "89161234567", "--seconds", "61",
        "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().trim()).isEqualTo("{\"prefix\":\"7916\",\"billedSeconds\":61,\"cost\":\"1.53\"}");
    Result none = run("billing", "rate", "--tariffs", t.toString(), "--number", "4420", "--seconds", "61",
        "--format", "json");
    assertThat(none.json().get("cost").isNull()).isTrue();
    assertThat(none.json().get("prefix").isNull()).isTrue();
    Result un = run("billing", "rate", "--tariffs", t.toString(), "--number", "74951234567", "--seconds", "61",
        "--unanswered", "--format", "json");
    assertThat(un.out().trim()).isEqualTo("{\"prefix\":\"7\",\"billedSeconds\":0,\"cost\":\"0.00\"}");
  }

  @Test
  void createDialWithAFakePbxAndReport() throws IOException {
    assertThat(run("campaign", "create", "P/T/A", "--window", "00:00-23:59", "--store", store()).exit()).isZero();
    Path f = tmp.resolve("f.csv");
    Files.writeString(f, "phone;full_name\n79160000001;A\n79160000002;B\n");
    run("campaign", "import", "--assignment", "P/T/A", "--file", f.toString(), "--store", store());
    Result d = run("campaign", "dial", "--assignment", "P/T/A", "--extension", "520", "--fake-pbx", "ANSWERED",
        "--pause", "0", "--max-concurrent", "2", "--store", store(), "--run-for", "10");
    assertThat(d.exit()).as(d.err()).isZero();
    assertThat(d.out()).contains("placed 2 calls");
    Result again = run("campaign", "dial", "--assignment", "P/T/A", "--extension", "520", "--fake-pbx", "ANSWERED",
        "--pause", "0", "--store", store(), "--run-for", "2");
    assertThat(again.out()).as("answered clients are never called again").contains("placed 0 calls");
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).toString();
    Result rep = run("campaign", "report", "--from", today, "--to", today, "--format", "json", "--store", store());
    assertThat(rep.exit()).as(rep.err()).isZero();
    assertThat(rep.json().get("total").get("calls").asInt()).isEqualTo(2);
    assertThat(run("campaign", "list", "--store", store()).out()).contains("A — 2 clients");
    // the printed «Отчет 2»: one operator group closed by «Итого вызовов» with the report's count
    Path xlsx = tmp.resolve("report2.xlsx");
    Result x = run("campaign", "report", "--from", today, "--to", today, "--format", "xlsx", "--out", xlsx.toString(),
        "--store", store());
    assertThat(x.exit()).as(x.err()).isZero();
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
        Files.newInputStream(xlsx))) {
      boolean found = false;
      for (org.apache.poi.ss.usermodel.Row row : wb.getSheetAt(0)) {
        if (row.getCell(0) != null && "Итого вызовов:".equals(row.getCell(0).getStringCellValue())) {
          assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(2.0);
          found = true;
        }
      }
      assertThat(found).isTrue();
    }
    Path pdf = tmp.resolve("report2.pdf");
    assertThat(run("campaign", "report", "--from", today, "--to", today, "--format", "pdf", "--out", pdf.toString(),
        "--store", store()).exit()).isZero();
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Детализация ИКЦ отчет 2",
          "Итого вызовов:", "Максимальное");
    }
    Result noFile = run("campaign", "report", "--from", today, "--to", today, "--format", "pdf", "--store", store());
    assertThat(noFile.exit()).isNotZero();
    assertThat(noFile.err()).contains("give --out FILE").doesNotContain("Exception");
  }

  @Test
  void dialsThroughAmiAgainstTheFakeAsterisk() throws IOException {
    try (ru.sipring.testkit.ami.FakeAsterisk asterisk = ru.sipring.testkit.ami.FakeAsterisk.start()) {
      asterisk.onOriginate(o -> o.channel().contains("79160000001")
          ? new ru.sipring.testkit.ami.FakeAsterisk.OriginateScript(5, java.time.Duration.ofMillis(20))
          : ru.sipring.testkit.ami.FakeAsterisk.OriginateScript.answered(java.time.Duration.ofMillis(20)));
      Path f = tmp.resolve("f.csv");
      Files.writeString(f, "phone;full_name\n8 916 000-00-01;Busy\n79160000002;Answers\n");
      run("campaign", "import", "--assignment", "P/T/A", "--file", f.toString(), "--store", store());
      Result d = run("campaign", "dial", "--assignment", "P/T/A", "--extension", "520", "--context", "from-internal",
          "--callerid", "12345678", "--pause", "0", "--retries", "0", "--ami", "127.0.0.1:" + asterisk.port(),
          "--ami-user", "sipring", "--ami-secret", "sipring-secret", "--store", store(), "--run-for", "20");
      assertThat(d.exit()).as(d.err()).isZero();
      assertThat(asterisk.originates()).extracting(ru.sipring.testkit.ami.FakeAsterisk.OriginateSeen::channel)
          .containsExactly("Local/79160000001@from-internal", "Local/79160000002@from-internal");
      assertThat(asterisk.originates()).allSatisfy(o -> {
        assertThat(o.exten()).isEqualTo("520");
        assertThat(o.context()).isEqualTo("from-internal");
      });
      String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).toString();
      Result rep = run("campaign", "report", "--from", today, "--to", today, "--format", "csv", "--store", store());
      assertThat(rep.out()).contains("Занят").contains("Отвечен");
    }
  }

  @Test
  void workSessionsLiveViewAndHungSessions() {
    run("campaign", "create", "P/T/A", "--store", store());
    assertThat(run("campaign", "work", "start", "Иванов ВВ", "--assignment", "P/T/A", "--store", store()).exit())
        .isZero();
    assertThat(run("campaign", "work", "start", "Иванов ВВ", "--assignment", "P/T/A", "--store", store()).exit())
        .as("one open session per operator").isEqualTo(2);
    run("campaign", "work", "pause", "Иванов ВВ", "--reason", "обед", "--store", store());
    assertThat(run("campaign", "work", "live", "--store", store()).out()).contains("Иванов ВВ").contains("пауза: обед");
    run("campaign", "work", "resume", "Иванов ВВ", "--store", store());
    Result hung = run("campaign", "work", "hung", "--older-than-hours", "0", "--store", store());
    assertThat(hung.out()).startsWith("session ");
    String id = hung.out().split("\\s+")[1];
    Result closed = run("campaign", "work", "close", id, "--store", store());
    assertThat(closed.exit()).as(closed.err()).isZero();
    assertThat(closed.out()).contains("закрыта администратором");
    assertThat(run("campaign", "work", "live", "--store", store()).out()).isEmpty();
  }
}
