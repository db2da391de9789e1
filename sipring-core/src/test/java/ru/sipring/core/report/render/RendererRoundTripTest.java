package ru.sipring.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import ru.sipring.core.report.AgentAnalytics;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.EndedBy;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.InputSummary;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.LostCause;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.text.SpreadsheetCell;

/**
 * Seeded property test: whatever text the queue_log and the directories hold (quotes, commas, line breaks,
 * control characters, Cyrillic, emoji), JSON and CSV output parse back to the same values with real parsers
 * (CSV text cells formula-neutralised).
 */
class RendererRoundTripTest {
  private static final String ALPHABET = "aZ09=+-@\uFF1D ,;\"'\\/\n\r\t\u0001\u001fЖжё€\u2028😀|<>&";

  private static String text(SplittableRandom r) {
    int n = r.nextInt(12);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int cp = ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, r.nextInt(ALPHABET.codePointCount(0, ALPHABET.length()))));
      b.appendCodePoint(cp);
    }
    return b.toString();
  }

  private static InboundReport report(SplittableRandom r) {
    InboundReport base = GuideReport.build();
    List<AnsweredCall> answered = new ArrayList<>();
    List<LostCall> lost = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answered.add(new AnsweredCall(text(r), text(r), text(r), text(r), text(r),
          Instant.ofEpochSecond(1_500_000_000L + r.nextInt(100_000_000)), text(r), Duration.ofSeconds(r.nextInt(1000)),
          Duration.ofSeconds(r.nextInt(100_000)), r.nextInt(50), EndedBy.values()[r.nextInt(3)], text(r)));
      lost.add(new LostCall(text(r), text(r), Instant.ofEpochSecond(1_500_000_000L + r.nextInt(100_000_000)), text(r),
          Duration.ofSeconds(r.nextInt(1000)), r.nextInt(50), LostCause.values()[r.nextInt(6)], text(r), text(r)));
    }
    List<AgentAnalytics> agents = List.of(new AgentAnalytics(text(r), text(r), text(r), 1, 2, 1, 10, 100,
        Map.of(text(r) + "x", 5L), 5));
    return new InboundReport(base.window(), EnumSet.allOf(ReportSection.class), base.summary(), answered, lost,
        base.operators(), base.queues(), base.serviceLevel(), base.periods(), agents, base.problems(), InputSummary.NONE, ReportView.QUEUE);
  }

  /**
   * A strict RFC 4180 reader written from the RFC's grammar (CRLF ends a record, quoted fields may hold
   * anything, "" is a quote); opencsv reads line by line and turns a lone CR inside a quoted field into LF.
   */
  static List<String[]> strictRfc4180(String s) {
    List<String[]> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          f.append('"');
          i += 2;
        } else if (c == '"') {
          quoted = false;
          i++;
        } else {
          f.append(c);
          i++;
        }
      } else if (c == '"' && f.length() == 0) {
        quoted = true;
        i++;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
        i++;
      } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        fields.add(f.toString());
        f.setLength(0);
        records.add(fields.toArray(String[]::new));
        fields.clear();
        i += 2;
      } else {
        assertThat(c).as("bare CR, LF or quote outside a quoted field at " + i).isNotIn('\r', '\n', '"');
        f.append(c);
        i++;
      }
    }
    assertThat(quoted).as("unterminated quoted field").isFalse();
    assertThat(f.length() + fields.size()).as("last record must end with CRLF").isZero();
    return records;
  }

  @Test
  void jsonAndCsvParseBackToTheSameValues() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    long first = 0x5EED_2026L;
    for (long seed = first; seed < first + 50; seed++) {
      String why = "seed " + seed;
      InboundReport rep = report(new SplittableRandom(seed));

      StringBuilder json = new StringBuilder();
      JsonReportRenderer.of().render(rep, json);
      JsonNode j = mapper.readTree(json.toString());
      for (int i = 0; i < rep.answered().size(); i++) {
        AnsweredCall c = rep.answered().get(i);
        JsonNode n = j.get("answered").get(i);
        assertThat(n.get("queueName").asText()).as(why).isEqualTo(c.queueName());
        assertThat(n.get("agentName").asText()).as(why).isEqualTo(c.agentName());
        assertThat(n.get("caller").asText()).as(why).isEqualTo(c.caller());
        assertThat(n.get("callId").asText()).as(why).isEqualTo(c.callId());
        assertThat(n.get("talkSeconds").asLong()).as(why).isEqualTo(c.talkTime().getSeconds());
        assertThat(java.time.OffsetDateTime.parse(n.get("enteredAt").asText()).toInstant()).as(why)
            .isEqualTo(c.enteredAt());
      }
      String reason = rep.agents().get(0).pausedSecondsByReason().keySet().iterator().next();
      assertThat(j.get("agents").get(0).get("pausedSecondsByReason").get(reason).asLong()).as(why).isEqualTo(5);

      StringBuilder csv = new StringBuilder();
      CsvReportRenderer.of(false).renderSection(rep, ReportSection.LOST, csv);
      List<String[]> rows = strictRfc4180(csv.toString());
      assertThat(rows).as(why).hasSize(rep.lost().size() + 1);
      for (int i = 0; i < rep.lost().size(); i++) {
        LostCall c = rep.lost().get(i);
        String[] row = rows.get(i + 1);
        assertThat(row).as(why).hasSize(9);
        assertThat(row[1]).as(why).isEqualTo(SpreadsheetCell.neutralise(c.queueName()));
        assertThat(row[3]).as(why).isEqualTo(SpreadsheetCell.neutralise(c.caller()));
        assertThat(row[7]).as(why).isEqualTo(SpreadsheetCell.neutralise(c.agent()));
        assertThat(row[8]).as(why).isEqualTo(SpreadsheetCell.neutralise(c.callId()));
        for (String cell : row) {
          assertThat(SpreadsheetCell.startsFormula(cell)).as(why + " " + cell).isFalse();
        }
      }
    }
  }
}
