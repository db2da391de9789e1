package ru.sipring.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ru.sipring.cli.SipRingCli;

/** Runs {@code sipring report} in-process on a tiny hand-written log and on the shipped sample. */
class ReportCommandTest {
  static final String TINY = "src/test/resources/report/tiny.queue_log";
  static final String TINY_AGENTS = "src/test/resources/report/tiny-agents.csv";
  static final String TINY_QUEUES = "src/test/resources/report/tiny-queues.csv";
  static final String SAMPLE = "../data/queue_log";

  private final ObjectMapper mapper = new ObjectMapper();

  @TempDir
  Path tmp;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    return runWithStdin(new ByteArrayInputStream(new byte[0]), args);
  }

  static Run runWithStdin(InputStream stdin, String... args) {
    return run(stdin, false, args);
  }

  static Run run(InputStream stdin, boolean progress, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportCommand command = new ReportCommand(stdin, out);
    command.showProgress = progress;
    CommandLine cli = ReportCommand.commandLine(command);
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  private static String[] tiny(String... more) {
    List<String> a = new ArrayList<>(List.of("--queue-log", TINY, "--agents", TINY_AGENTS, "--queues", TINY_QUEUES,
        "--zone", "Europe/Moscow"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void textOfTheTinyLogMatchesTheGoldenFile() throws IOException {
    Run r = run(tiny());
    assertThat(r.exit).as(r.err).isZero();
    assertGolden(r.out, "tiny.ru.txt");
    // the one bad line is reported on stderr too, with file and line
    assertThat(r.err).contains("1 input line(s) could not be used").contains("tiny.queue_log:20");
  }

  @Test
  void englishText() throws IOException {
    Run r = run(tiny("--lang", "en", "--sections", "summary,completion"));
    assertThat(r.exit).as(r.err).isZero();
    assertGolden(r.out, "tiny.en.txt");
  }

  @Test
  void jsonOfTheTinyLog() throws IOException {
    Run r = run(tiny("--format", "json"));
    assertThat(r.exit).as(r.err).isZero();
    JsonNode j = mapper.readTree(r.out);
    JsonNode s = j.get("summary");
    assertThat(s.get("answered").asLong()).isEqualTo(3);
    assertThat(s.get("lost").asLong()).isEqualTo(2);
    assertThat(s.get("talk").get("total").asLong()).isEqualTo(44 + 80 + 88);
    assertThat(s.get("talk").get("avg").asDouble()).isEqualTo(212.0 / 3);
    assertThat(s.get("wait").get("total").asLong()).isEqualTo(6 + 20 + 12);
    assertThat(s.get("lostWait").get("max").asLong()).isEqualTo(12);
    assertThat(s.get("maxPosition").asInt()).isEqualTo(2);
    JsonNode first = j.get("answered").get(0);
    assertThat(first.get("enteredAt").asText()).isEqualTo("2020-05-14T11:03:20+03:00");
    assertThat(first.get("agentName").asText()).isEqualTo("Петрова ЛВ");
    assertThat(first.get("queueName").asText()).isEqualTo("Отдел продаж");
    JsonNode sl = j.get("serviceLevel").get("answered");
    assertThat(sl.get(1).get("upToSeconds").asInt()).isEqualTo(10);
    assertThat(sl.get(1).get("calls").asLong()).isEqualTo(1);
    assertThat(sl.get(sl.size() - 1).get("upToSeconds").isNull()).isTrue();
    JsonNode ivanov = j.get("agents").get(1);
    assertThat(ivanov.get("number").asText()).isEqualTo("502");
    assertThat(ivanov.get("missedOffers").asLong()).isEqualTo(1);
    assertThat(ivanov.get("pausedSecondsByReason").get("Обед").asLong()).isEqualTo(600);
    assertThat(ivanov.get("transferred").asLong()).isEqualTo(1);
    assertThat(j.get("problems").get("total").asLong()).isEqualTo(1);
    assertThat(j.get("problems").get("validLines").asLong()).isEqualTo(21);
    assertThat(j.get("problems").get("first").get(0).get("line").asLong()).isEqualTo(20);
  }

  static final String MULTI = "src/test/resources/report/multistint.queue_log";

  @Test
  void viewQueueIsTheDefaultAndSaysSo() throws IOException {
    JsonNode s = mapper.readTree(run("--queue-log", MULTI, "--format", "json").out).get("summary");
    assertThat(s.get("view").asText()).isEqualTo("queue");
    // overflow, lost twice, transferred: 7 stints
    assertThat(s.get("answered").asLong()).isEqualTo(3);
    assertThat(s.get("lost").asLong()).isEqualTo(3);
    JsonNode explicit = mapper.readTree(run("--queue-log", MULTI, "--format", "json", "--view", "queue").out);
    assertThat(explicit.get("summary")).isEqualTo(s);
    assertThat(explicit.get("answered").get(0).has("stints")).isFalse();
  }

  @Test
  void viewCallerGroupsTheStintsOfOneCaller() throws IOException {
    Run r = run("--queue-log", MULTI, "--format", "json", "--view", "caller", "--zone", "UTC");
    assertThat(r.exit).as(r.err).isZero();
    JsonNode j = mapper.readTree(r.out);
    JsonNode s = j.get("summary");
    assertThat(s.get("view").asText()).isEqualTo("caller");
    assertThat(s.get("answered").asLong()).isEqualTo(2);
    assertThat(s.get("lost").asLong()).isEqualTo(1);
    assertThat(s.get("wait").get("total").asLong()).isEqualTo(30 + 10 + 5 + 4);
    assertThat(s.get("lostWait").get("total").asLong()).isEqualTo(20 + 5);
    JsonNode first = j.get("answered").get(0);
    assertThat(first.get("queue").asText()).isEqualTo("6001");
    assertThat(first.get("firstQueue").asText()).isEqualTo("6000");
    assertThat(first.get("stints").asInt()).isEqualTo(2);
    assertThat(first.get("waitSeconds").asLong()).isEqualTo(40);
    assertThat(first.get("enteredAt").asText()).isEqualTo("2020-05-14T08:03:20Z");
    JsonNode lost = j.get("lost").get(0);
    assertThat(lost.get("cause").asText()).isEqualTo("ABANDON");
    assertThat(lost.get("waitSeconds").asLong()).isEqualTo(25);
    // operator rows stay per stint in both views
    JsonNode queueView = mapper.readTree(run("--queue-log", MULTI, "--format", "json", "--zone", "UTC").out);
    assertThat(j.get("operators")).isEqualTo(queueView.get("operators"));
    assertThat(j.get("agents")).isEqualTo(queueView.get("agents"));
  }

  @Test
  void textAndHtmlTitlesNameTheView() {
    Run text = run("--queue-log", MULTI, "--view", "caller", "--sections", "summary");
    assertThat(text.exit).as(text.err).isZero();
    assertThat(text.out).startsWith("Отчёт по входящим вызовам — по звонящим\n\nИтоги\n");
    assertThat(text.out).contains("Принято:                  2\n");
    assertThat(run("--queue-log", MULTI, "--sections", "summary").out).startsWith("Итоги\n");
    Run en = run("--queue-log", MULTI, "--view", "CALLER", "--lang", "en", "--sections", "summary");
    assertThat(en.out).startsWith("Inbound call report — per caller\n");
    String html = run("--queue-log", MULTI, "--view", "caller", "--format", "html").out;
    assertThat(html).contains("<h1>Отчёт по входящим вызовам — по звонящим</h1>");
    assertThat(run("--queue-log", MULTI, "--format", "html").out)
        .contains("<h1>Отчёт по входящим вызовам — по очередям</h1>");
    // caller-view detail tables name the first queue and the number of stints; the queue view's do not
    String answered = run("--queue-log", MULTI, "--view", "caller", "--sections", "answered", "--zone", "UTC").out;
    assertThat(answered).contains("Первая очередь").contains("Очередей");
    assertThat(answered.lines().filter(x -> x.startsWith("6001")).toList()).hasSize(2)
        .allMatch(x -> x.matches(".*6000\\s+2\\s*$"));
    assertThat(run("--queue-log", MULTI, "--sections", "answered").out).doesNotContain("Первая очередь");
  }

  @Test
  void csvInTheCallerViewHasTheCallerColumns() throws IOException {
    Path dir = tmp.resolve("csv");
    Run r = run("--queue-log", MULTI, "--view", "caller", "--format", "csv", "--out", dir.toString(), "--zone", "UTC");
    assertThat(r.exit).as(r.err).isZero();
    List<String> lost = Files.readAllLines(dir.resolve("lost.csv"));
    assertThat(lost.get(0)).endsWith(",callId,firstQueue,stints");
    assertThat(lost).hasSize(2);
    assertThat(lost.get(1)).startsWith("6001,,2020-05-14T08:06:40Z,70001110002,25,1,ABANDON,,1589443600.3,6000,2");
    List<String> answered = Files.readAllLines(dir.resolve("answered.csv"));
    assertThat(answered).hasSize(3);
    assertThat(answered.get(1)).endsWith(",1589443400.1,6000,2");
  }

  @Test
  void badViewIsExitCode2() {
    Run r = run("--queue-log", MULTI, "--view", "agent");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--view");
  }

  @Test
  void sectionsLimitTheOutputAndSlAndPeriodAreApplied() throws IOException {
    Run r = run(tiny("--format", "json", "--sections", "summary,serviceLevel,periods", "--sl", "10,30",
        "--period", "hour"));
    assertThat(r.exit).as(r.err).isZero();
    JsonNode j = mapper.readTree(r.out);
    List<String> keys = new ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("summary", "serviceLevel", "periods");
    JsonNode answered = j.get("serviceLevel").get("answered");
    assertThat(answered).hasSize(3);
    assertThat(answered.get(0).get("calls").asLong()).isEqualTo(1); // wait 6
    assertThat(answered.get(1).get("calls").asLong()).isEqualTo(2); // 12 and 20
    assertThat(j.get("periods").get("unit").asText()).isEqualTo("hour");
    assertThat(j.get("periods").get("rows").get(0).get("start").asText()).isEqualTo("2020-05-14T11:00:00+03:00");
  }

  @Test
  void windowAndFiltersSelectCalls() throws IOException {
    JsonNode j = mapper.readTree(run(tiny("--format", "json", "--sections", "summary", "--from",
        "2020-05-14T11:05", "--to", "2020-05-14T11:22")).out);
    assertThat(j.get("summary").get("answered").asLong()).isEqualTo(2);
    assertThat(j.get("summary").get("lost").asLong()).isEqualTo(1);
    assertThat(j.get("summary").get("window").get("to").asText()).isEqualTo("2020-05-14T11:22:00+03:00");
    j = mapper.readTree(run(tiny("--format", "json", "--sections", "summary", "--queue", "6001")).out);
    assertThat(j.get("summary").get("answered").asLong()).isZero();
    assertThat(j.get("summary").get("lost").asLong()).isEqualTo(1);
    j = mapper.readTree(run(tiny("--format", "json", "--sections", "summary", "--agent", "502")).out);
    assertThat(j.get("summary").get("answered").asLong()).isEqualTo(1);
    j = mapper.readTree(run(tiny("--format", "json", "--sections", "summary", "--caller", "70001110002")).out);
    assertThat(j.get("summary").get("answered").asLong()).isEqualTo(1);
    // a date alone as --to is the end of that day
    j = mapper.readTree(run(tiny("--format", "json", "--sections", "summary", "--from", "2020-05-14", "--to",
        "2020-05-14")).out);
    assertThat(j.get("summary").get("answered").asLong()).isEqualTo(3);
  }

  @Test
  void timesAreIsoDatesOrDateTimesInTheZone() {
    java.time.ZoneId msk = java.time.ZoneId.of("Europe/Moscow");
    assertThat(ReportCommand.parseTime("2020-05-14", msk, false)).hasToString("2020-05-13T21:00:00Z");
    assertThat(ReportCommand.parseTime("2020-05-14", msk, true)).hasToString("2020-05-14T21:00:00Z");
    assertThat(ReportCommand.parseTime("2020-05-14T11:05", msk, true)).hasToString("2020-05-14T08:05:00Z");
    assertThat(ReportCommand.parseTime("2020-05-14 11:05:30", msk, false)).hasToString("2020-05-14T08:05:30Z");
    assertThat(ReportCommand.parseTime("2020-05-14T11:05+05:00", msk, false)).hasToString("2020-05-14T06:05:00Z");
  }

  @Test
  void singleSectionAliasAsTheIssueWritesIt() throws IOException {
    Run r = run(tiny("--format", "csv", "--section", "queues"));
    assertThat(r.exit).as(r.err).isZero();
    assertThat(parseCsv(r.out).get(0)[0]).isEqualTo("queue");
  }

  @Test
  void csvOneFilePerSectionParsesBack() throws IOException {
    Path dir = tmp.resolve("csv");
    Run r = run(tiny("--format", "csv", "--out", dir.toString(), "--bom"));
    assertThat(r.exit).as(r.err).isZero();
    for (String s : List.of("summary", "answered", "lost", "operators", "queues", "completion", "serviceLevel",
        "periods", "agents", "problems")) {
      assertThat(dir.resolve(s + ".csv")).exists();
    }
    String answered = Files.readString(dir.resolve("answered.csv"), StandardCharsets.UTF_8);
    assertThat(answered).startsWith("\uFEFFqueue,queueName,agent,");
    List<String[]> rows = parseCsv(answered.substring(1));
    assertThat(rows).hasSize(4);
    List<String> header = List.of(rows.get(0));
    assertThat(rows.stream().skip(1).map(x -> x[header.indexOf("talkSeconds")]).sorted().toList())
        .containsExactly("44", "80", "88");
    List<String[]> summary = parseCsv(Files.readString(dir.resolve("summary.csv")).substring(1));
    assertThat(summary.get(1)[List.of(summary.get(0)).indexOf("answered")]).isEqualTo("3");
  }

  @Test
  void csvToStdoutForOneSection() throws IOException {
    Run r = run(tiny("--format", "csv", "--sections", "lost"));
    assertThat(r.exit).as(r.err).isZero();
    List<String[]> rows = parseCsv(r.out);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)[6]).isEqualTo("ABANDON");
    assertThat(r.out).doesNotStartWith("\uFEFF").contains("\r\n");
  }

  @Test
  void htmlPageWithChartsToAFile() throws IOException {
    Path file = tmp.resolve("r/report.html");
    Run r = run(tiny("--format", "html", "--out", file.toString()));
    assertThat(r.exit).as(r.err).isZero();
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(html).contains("<svg class=\"pie\"", "<svg class=\"bars\"", "Петрова ЛВ", "<section id=\"agents\">");
  }

  @Test
  void stdinWithDash() throws IOException {
    byte[] log = Files.readAllBytes(Path.of(TINY));
    Run r = runWithStdin(new ByteArrayInputStream(log), "--queue-log", "-", "--format", "json", "--sections",
        "summary", "--zone", "UTC");
    assertThat(r.exit).as(r.err).isZero();
    assertThat(mapper.readTree(r.out).get("summary").get("answered").asLong()).isEqualTo(3);
  }

  @Test
  void badOptionsExitTwoNamingTheOption() {
    assertBad(run(tiny("--sl", "5,x")), "--sl");
    assertBad(run(tiny("--sl", "-5")), "--sl");
    assertBad(run(tiny("--zone", "Mars/Olympus")), "--zone");
    assertBad(run(tiny("--from", "14.05.2020")), "--from");
    assertBad(run(tiny("--from", "2020-05-15", "--to", "2020-05-14T00:00")), "--to");
    assertBad(run(tiny("--sections", "summary,bogus")), "--sections");
    assertBad(run(tiny("--lang", "de")), "--lang");
    assertBad(run(tiny("--period", "week")), "--period");
    assertBad(run(tiny("--format", "pdf")), "--format");
    assertBad(run(tiny("--format", "csv")), "--format csv");
    assertBad(run(tiny("--short-abandon", "-1")), "--short-abandon");
    assertBad(run("--zone", "UTC"), "--queue-log");
  }

  @Test
  void unreadableFilesExitOneWithThePath() {
    Run r = run("--queue-log", "no/such/queue_log");
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err).contains("no/such/queue_log");
    r = run("--queue-log", TINY, "--agents", "no/such/agents.csv");
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err).contains("no/such/agents.csv");
  }

  @Test
  void unwritableOutputExitsOneWithThePath() throws IOException {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    Run r = run(tiny("--format", "csv", "--out", file.resolve("sub").toString()));
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err).contains(file.toString());
  }

  @Test
  void theShippedSampleReportsEverySectionConsistently() throws IOException {
    Run r = run("--queue-log", SAMPLE, "--agents", "../data/agents.csv", "--queues", "../data/queues.csv",
        "--zone", "Europe/Moscow", "--format", "json");
    assertThat(r.exit).as(r.err).isZero();
    JsonNode j = mapper.readTree(r.out);
    JsonNode s = j.get("summary");
    assertThat(s.get("answered").asLong()).isEqualTo(j.get("answered").size()).isGreaterThan(500);
    assertThat(s.get("lost").asLong()).isEqualTo(j.get("lost").size()).isGreaterThan(20);
    assertThat(s.get("unfinished").asLong()).isPositive(); // the Wednesday restart
    long byOperators = 0;
    for (JsonNode o : j.get("operators")) {
      byOperators += o.get("answered").asLong();
      assertThat(o.get("name").asText()).as("every agent value of the sample is in agents.csv").isNotEmpty();
    }
    assertThat(byOperators).isEqualTo(s.get("answered").asLong());
    long byPeriods = 0;
    for (JsonNode p : j.get("periods").get("rows")) {
      byPeriods += p.get("answered").asLong();
    }
    assertThat(byPeriods).isEqualTo(s.get("answered").asLong());
    assertThat(j.get("periods").get("rows")).hasSize(7);
    long causes = 0;
    for (JsonNode l : j.get("lost")) {
      if (!l.get("cause").asText().equals("ABANDON")) {
        causes++;
      }
    }
    assertThat(causes).isPositive();
    // and the text the README shows
    Run text = run("--queue-log", SAMPLE, "--agents", "../data/agents.csv", "--queues", "../data/queues.csv",
        "--zone", "Europe/Moscow", "--sections", "summary,operators");
    assertThat(text.out).contains("Принято:").contains("Петрова ЛВ").doesNotContain("Принятые вызовы");
  }

  @Test
  void progressGoesToStderrAndEndsItsLineBeforeTheReport() {
    Run r = run(new ByteArrayInputStream(new byte[0]), true, tiny("--sections", "summary"));
    assertThat(r.exit).isZero();
    assertThat(r.err).contains("\rsipring report: 21 lines").contains("(100%)");
    assertThat(r.out).startsWith("Итоги\n");
    // switched off (the default when System.console() is null, as in a test run): nothing is shown
    assertThat(run(tiny("--sections", "summary")).err).doesNotContain("lines,");
  }

  @Test
  void registeredInTheMainCommand() {
    assertThat(SipRingCli.commandLine().getSubcommands()).containsKey("report");
  }

  private static void assertBad(Run r, String option) {
    assertThat(r.exit).as(r.err).isEqualTo(2);
    assertThat(r.err).contains(option);
  }

  static List<String[]> parseCsv(String csv) throws IOException {
    try (com.opencsv.CSVReader reader = new com.opencsv.CSVReaderBuilder(new java.io.StringReader(csv))
        .withCSVParser(new com.opencsv.RFC4180ParserBuilder().build()).build()) {
      return reader.readAll();
    } catch (com.opencsv.exceptions.CsvException e) {
      throw new IOException(e);
    }
  }

  /** Compares with src/test/resources/report/NAME; {@code -Dsipring.golden.update=true} rewrites the file. */
  static void assertGolden(String actual, String name) throws IOException {
    Path p = Path.of("src/test/resources/report", name);
    if (Boolean.getBoolean("sipring.golden.update")) {
      Files.writeString(p, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(p, StandardCharsets.UTF_8));
  }
}
