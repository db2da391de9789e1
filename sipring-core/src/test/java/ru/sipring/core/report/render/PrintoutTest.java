package ru.sipring.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import ru.sipring.core.directory.CsvAgentDirectory;
import ru.sipring.core.directory.CsvQueueDirectory;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportWindow;

/**
 * The printout's figures are the report's: every group's «Итого» equals the JSON report's operator or queue row
 * (connections, total wait, total talk) and the minimum, maximum and average of that group's detail rows in the
 * same JSON; the summary panel equals the JSON summary. Run over the guide's example log, the sample week of
 * examples/data and a real corpus log (read in place).
 */
class PrintoutTest {

  /** A group as printed: its heading and its «Итого» figures. */
  record Group(String heading, long connections, double avgWait, double avgTalk, long minWait, long minTalk,
      long maxWait, long maxTalk, long totalWait, long totalTalk, int lines) {}

  static Stream<InboundReport> reports() {
    List<InboundReport> r = new ArrayList<>();
    ZoneId moscow = ZoneId.of("Europe/Moscow");
    ReportWindow open = new ReportWindow(null, null, moscow, List.of(), List.of(), List.of());
    r.add(InboundStatistics.builder().window(open).build()
        .compute(QueueLogInput.path(Path.of("src/test/resources/queuelog/guide-section7.queue_log"))));
    Path data = Path.of("../examples/data");
    r.add(InboundStatistics.builder().window(open)
        .agents(CsvAgentDirectory.load(data.resolve("agents.csv")))
        .queues(CsvQueueDirectory.load(data.resolve("queues.csv"))).build()
        .compute(QueueLogInput.path(data.resolve("queue_log"))));
    Path corpus = Path.of("/work/shared/corpus/queue_log/issue-asterisk-759_freepbx-ast20.queue_log");
    if (Files.isReadable(corpus) || "true".equals(System.getenv("CI"))) { // in CI the corpus must be there
      r.add(InboundStatistics.builder().window(open).build().compute(QueueLogInput.path(corpus)));
    }
    return r.stream();
  }

  @ParameterizedTest
  @MethodSource("reports")
  void groupTotalsEqualTheJsonReport(InboundReport report) throws Exception {
    JsonNode json = json(report);
    assertThat(json.get("answered").size()).as("the log has answered calls").isPositive();
    Printout p = Printout.inbound(report, ReportLanguage.RU);

    List<Group> queues = groups(p, "Принятые вызовы по очередям");
    JsonNode queueRows = json.get("queues");
    List<JsonNode> answeringQueues = new ArrayList<>();
    queueRows.forEach(q -> {
      if (q.get("answered").asLong() > 0) {
        answeringQueues.add(q);
      }
    });
    assertThat(queues).hasSameSizeAs(answeringQueues);
    for (int i = 0; i < queues.size(); i++) {
      JsonNode q = answeringQueues.get(i);
      String id = q.get("queue").asText();
      check(queues.get(i), label(id, q.get("name").asText()), q, json, a -> a.get("queue").asText().equals(id));
    }

    List<Group> operators = groups(p, "Принятые вызовы по операторам");
    JsonNode ops = json.get("operators");
    assertThat(operators).hasSize(ops.size());
    for (int i = 0; i < operators.size(); i++) {
      JsonNode o = ops.get(i);
      String agent = o.get("agent").asText();
      String number = o.get("number").asText().isEmpty() ? agent : o.get("number").asText();
      String name = o.get("name").asText();
      // an operator the directory knows is one row whatever interface answered; an unknown agent is its column
      Predicate<JsonNode> member = name.isEmpty() ? a -> a.get("agent").asText().equals(agent)
          : a -> a.get("agentNumber").asText().equals(o.get("number").asText()) && a.get("agentName").asText().equals(name);
      check(operators.get(i), label(number, name), o, json, member);
    }

    // the connections of all groups are all the answered calls, once per grouping
    assertThat(queues.stream().mapToLong(Group::connections).sum()).isEqualTo(json.get("summary").get("answered").asLong());
    assertThat(operators.stream().mapToLong(Group::connections).sum()).isEqualTo(json.get("summary").get("answered").asLong());
  }

  @ParameterizedTest
  @MethodSource("reports")
  void summaryPanelEqualsTheJsonSummary(InboundReport report) throws Exception {
    JsonNode s = json(report).get("summary");
    Printout.Table panel = (Printout.Table) Printout.inbound(report, ReportLanguage.EN).blocks().get(0);
    assertThat(panel.isPanel()).isTrue();
    assertThat(value(panel, "Answered:")).isEqualTo(s.get("answered").asDouble());
    assertThat(value(panel, "Lost:")).isEqualTo(s.get("lost").asDouble());
    assertThat(value(panel, "Total talk time:")).isEqualTo(s.get("talk").get("total").asDouble());
    assertThat(value(panel, "Min talk time:")).isEqualTo(s.get("talk").get("min").asDouble());
    assertThat(value(panel, "Max wait time:")).isEqualTo(s.get("wait").get("max").asDouble());
    assertThat(value(panel, "Lost: Total wait time:")).isEqualTo(s.get("lostWait").get("total").asDouble());
  }

  @Test
  void partsWhoseSectionIsNotInTheReportAreLeftOut() {
    InboundReport r = InboundStatistics.builder().sections(EnumSet.of(ReportSection.SUMMARY, ReportSection.QUEUES))
        .window(new ReportWindow(null, null, ZoneId.of("UTC"), List.of(), List.of(), List.of())).build()
        .compute(QueueLogInput.path(Path.of("src/test/resources/queuelog/guide-section7.queue_log")));
    Printout p = Printout.inbound(r, ReportLanguage.RU);
    assertThat(p.blocks()).filteredOn(b -> b instanceof Printout.Heading).extracting(b -> ((Printout.Heading) b).text())
        .containsExactly("Статистика принятых вызовов", "Очереди - принятые вызовы");
    assertThat(p.title()).isEqualTo("Отчёт по входящим вызовам — по очередям");
  }

  @Test
  void aLineMustHaveOneCellPerColumn() {
    assertThatThrownBy(() -> new Printout.Table(List.of(Printout.Column.text("a"), Printout.Column.text("b")),
        List.of(List.of(Printout.Cell.text("x"))), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells in a table of 2 columns");
    assertThatThrownBy(() -> new Printout.Cell("1", null, Printout.Cell.Unit.COUNT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double value(Printout.Table panel, String label) {
    return panel.rows().stream().filter(r -> r.get(0).text().equals(label)).findFirst()
        .map(r -> r.get(1).number()).orElseThrow(() -> new AssertionError("no line " + label));
  }

  private static String label(String number, String name) {
    return name.isEmpty() ? number : number + " " + name;
  }

  private static void check(Group g, String heading, JsonNode row, JsonNode json, Predicate<JsonNode> member) {
    assertThat(g.heading()).isEqualTo(heading);
    assertThat(g.connections()).as(heading).isEqualTo(row.get("answered").asLong());
    assertThat(g.lines()).as(heading).isEqualTo(row.get("answered").asInt());
    assertThat(g.totalWait()).as(heading).isEqualTo(row.get("waitSeconds").asLong());
    assertThat(g.totalTalk()).as(heading).isEqualTo(row.get("talkSeconds").asLong());
    List<JsonNode> detail = new ArrayList<>();
    json.get("answered").forEach(a -> {
      if (member.test(a)) {
        detail.add(a);
      }
    });
    assertThat(detail).hasSize((int) g.connections());
    assertThat(g.minWait()).isEqualTo(detail.stream().mapToLong(a -> a.get("waitSeconds").asLong()).min().orElseThrow());
    assertThat(g.maxWait()).isEqualTo(detail.stream().mapToLong(a -> a.get("waitSeconds").asLong()).max().orElseThrow());
    assertThat(g.minTalk()).isEqualTo(detail.stream().mapToLong(a -> a.get("talkSeconds").asLong()).min().orElseThrow());
    assertThat(g.maxTalk()).isEqualTo(detail.stream().mapToLong(a -> a.get("talkSeconds").asLong()).max().orElseThrow());
    assertThat(g.avgWait()).isEqualTo((double) row.get("waitSeconds").asLong() / row.get("answered").asLong());
    assertThat(g.avgTalk()).isEqualTo((double) row.get("talkSeconds").asLong() / row.get("answered").asLong());
  }

  /** The groups printed under a level-1 heading: each level-2 heading and its table's «Итого» lines. */
  static List<Group> groups(Printout p, String part) {
    List<Group> out = new ArrayList<>();
    boolean in = false;
    String heading = null;
    for (Printout.Block b : p.blocks()) {
      if (b instanceof Printout.Heading h) {
        if (h.level() == 1) {
          in = h.text().equals(part);
        } else {
          heading = h.text();
        }
      } else if (in && b instanceof Printout.Table t) {
        List<List<Printout.Cell>> tot = t.totals();
        assertThat(tot.get(0).get(0).text()).isEqualTo("Итого:");
        assertThat(tot.get(0).get(4).text()).isEqualTo("Соединений:");
        out.add(new Group(heading, n(tot.get(0).get(5)), tot.get(1).get(5).number(), tot.get(1).get(6).number(),
            n(tot.get(2).get(5)), n(tot.get(2).get(6)), n(tot.get(3).get(5)), n(tot.get(3).get(6)),
            n(tot.get(4).get(5)), n(tot.get(4).get(6)), t.rows().size()));
      }
    }
    return out;
  }

  private static long n(Printout.Cell c) {
    Double v = c.number();
    assertThat(v).isNotNull();
    assertThat(v).isEqualTo(Math.rint(v));
    return v.longValue();
  }

  private static JsonNode json(InboundReport r) throws Exception {
    StringBuilder out = new StringBuilder();
    JsonReportRenderer.of().render(r, out);
    return new ObjectMapper().readTree(out.toString());
  }
}
