package ru.sipring.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.InputSummary;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;

class JsonReportRendererTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode render(InboundReport r, Set<ReportSection> sections) throws Exception {
    StringBuilder out = new StringBuilder();
    JsonReportRenderer.of().render(r, sections, out);
    return mapper.readTree(out.toString());
  }

  @Test
  void everySectionUnderItsKeyInEnumOrder() throws Exception {
    JsonNode json = render(GuideReport.build(), EnumSet.allOf(ReportSection.class));
    List<String> keys = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("summary", "answered", "lost", "operators", "queues", "completion",
        "serviceLevel", "periods", "agents", "problems");
  }

  @Test
  void summaryHasCountsAndExactDurationStats() throws Exception {
    JsonNode s = render(GuideReport.build(), Set.of(ReportSection.SUMMARY)).get("summary");
    assertThat(s.get("answered").asLong()).isEqualTo(18);
    assertThat(s.get("lost").asLong()).isEqualTo(6);
    assertThat(s.get("unfinished").asLong()).isEqualTo(1);
    assertThat(s.get("maxPosition").asInt()).isEqualTo(1);
    assertThat(s.get("answeredPercent").asDouble()).isEqualTo(75.0);
    JsonNode talk = s.get("talk");
    assertThat(talk.get("total").asLong()).isEqualTo(398);
    assertThat(talk.get("avg").asDouble()).isEqualTo(398.0 / 18); // exact, not rounded to 22
    assertThat(talk.get("min").asLong()).isEqualTo(1);
    assertThat(talk.get("max").asLong()).isEqualTo(74);
    assertThat(s.get("wait").get("total").asLong()).isEqualTo(204);
    assertThat(s.get("lostWait").get("avg").asDouble()).isEqualTo(80.0 / 6);
    assertThat(s.get("window").get("from").asText()).isEqualTo("2020-05-11T00:00:00+03:00");
    assertThat(s.get("window").get("zone").asText()).isEqualTo("Europe/Moscow");
  }

  @Test
  void detailRowsCarryIsoTimesWithOffsetAndSecondsAsNumbers() throws Exception {
    JsonNode json = render(GuideReport.build(), Set.of(ReportSection.ANSWERED, ReportSection.LOST));
    JsonNode first = json.get("answered").get(0);
    assertThat(first.get("enteredAt").asText()).isEqualTo("2020-05-12T14:35:13+03:00");
    assertThat(first.get("waitSeconds").isIntegralNumber()).isTrue();
    assertThat(first.get("waitSeconds").asLong()).isEqualTo(13);
    assertThat(first.get("talkSeconds").asLong()).isEqualTo(15);
    assertThat(first.get("endedBy").asText()).isEqualTo("AGENT");
    assertThat(json.get("answered").get(2).get("agentName").asText()).isEqualTo("Петрова ЛВ");
    JsonNode lost = json.get("lost").get(1);
    assertThat(lost.get("caller").asText()).isEqualTo("500, \"доб\""); // escaping survives the round trip
    assertThat(lost.get("cause").asText()).isEqualTo("EXITWITHTIMEOUT");
    assertThat(json.has("summary")).isFalse();
  }

  @Test
  void operatorAndAgentRowsHaveTheContractKeys() throws Exception {
    JsonNode json = render(GuideReport.build(), EnumSet.allOf(ReportSection.class));
    List<String> contract = List.of("agent", "number", "name", "answered", "waitSeconds", "talkSeconds",
        "endedByCaller", "endedByAgent", "transferred");
    for (String section : List.of("operators", "completion", "agents")) {
      for (JsonNode row : json.get(section)) {
        for (String key : contract) {
          assertThat(row.has(key)).as(section + "." + key).isTrue();
        }
      }
    }
    JsonNode ivanov = json.get("operators").get(1);
    assertThat(ivanov.get("name").asText()).isEqualTo("Иванов ВА");
    assertThat(ivanov.get("waitSeconds").asLong()).isEqualTo(50);
    assertThat(ivanov.get("endedByAgent").asLong()).isEqualTo(2);
    assertThat(json.get("completion").get(1).get("endedByAgentPercent").asDouble()).isEqualTo(200.0 / 3);
    JsonNode agent = json.get("agents").get(0);
    assertThat(agent.get("waitSeconds").asLong()).isEqualTo(50); // joined from the operators section
    assertThat(agent.get("missedOffers").asLong()).isEqualTo(2);
    assertThat(agent.get("pausedSecondsByReason").get("Обед").asLong()).isEqualTo(3600);
    assertThat(agent.get("pausedSecondsByReason").get("").asLong()).isEqualTo(600);
    assertThat(agent.get("workSeconds").asLong()).isEqualTo(8 * 3600 - 4200);
    assertThat(agent.get("callsPerHour").asDouble()).isEqualTo(3 * 3600.0 / (8 * 3600 - 4200));
  }

  @Test
  void agentFieldsFromOperatorsAreNullWhenThatSectionWasNotComputed() throws Exception {
    InboundReport full = GuideReport.build();
    InboundReport agentsOnly = new InboundReport(full.window(), EnumSet.of(ReportSection.AGENTS), full.summary(),
        List.of(), List.of(), List.of(), List.of(), full.serviceLevel(), full.periods(), full.agents(), full.problems(), InputSummary.NONE, ReportView.QUEUE);
    JsonNode agent = render(agentsOnly, EnumSet.allOf(ReportSection.class)).get("agents").get(0);
    assertThat(agent.get("waitSeconds").isNull()).isTrue();
    assertThat(agent.get("answered").asLong()).isEqualTo(3);
  }

  @Test
  void serviceLevelBucketsWithOverflowAsNullAndThresholds() throws Exception {
    JsonNode sl = render(GuideReport.build(), Set.of(ReportSection.SERVICE_LEVEL)).get("serviceLevel");
    JsonNode answered = sl.get("answered");
    assertThat(answered).hasSize(10);
    assertThat(answered.get(0).get("upToSeconds").asInt()).isEqualTo(5);
    assertThat(answered.get(0).get("calls").asLong()).isEqualTo(3);
    assertThat(answered.get(1).get("calls").asLong()).isEqualTo(8);
    assertThat(answered.get(1).get("percent").asDouble()).isEqualTo(800.0 / 18);
    assertThat(answered.get(9).get("upToSeconds").isNull()).isTrue();
    assertThat(sl.get("lost").get(2).get("percent").asDouble()).isEqualTo(100.0);
    JsonNode t15 = sl.get("thresholds").get(2);
    assertThat(t15.get("seconds").asInt()).isEqualTo(15);
    assertThat(t15.get("answeredWithin").asLong()).isEqualTo(15);
    assertThat(t15.get("percent").asDouble()).isEqualTo(62.5);
    assertThat(t15.get("percentOfAnswered").asDouble()).isEqualTo(100.0 * 15 / 18); // Asterisk's own
  }

  @Test
  void periodsStartInTheReportZoneAndProblemsListWhere() throws Exception {
    JsonNode json = render(GuideReport.build(), Set.of(ReportSection.PERIODS, ReportSection.PROBLEMS));
    JsonNode periods = json.get("periods");
    assertThat(periods.get("unit").asText()).isEqualTo("day");
    JsonNode day = periods.get("rows").get(1);
    assertThat(day.get("start").asText()).isEqualTo("2020-05-13T00:00:00+03:00");
    assertThat(day.get("offered").asLong()).isEqualTo(6);
    assertThat(day.get("answeredPercent").asDouble()).isEqualTo(400.0 / 6);
    assertThat(day.get("answeredWait").get("avg").asDouble()).isEqualTo(7.5);
    assertThat(day.get("lostWait").get("total").asLong()).isEqualTo(30);
    JsonNode problems = json.get("problems");
    assertThat(problems.get("total").asLong()).isEqualTo(2);
    assertThat(problems.get("countsByKind").get("bad epoch").asLong()).isEqualTo(1);
    assertThat(problems.get("first").get(1).get("line").asLong()).isEqualTo(42);
  }

  @Test
  void emptyReportIsValidJson() throws Exception {
    InboundReport full = GuideReport.build();
    InboundReport empty = new InboundReport(full.window(), EnumSet.allOf(ReportSection.class),
        new ru.sipring.core.report.Summary(0, 0, 0, 0, 0, ru.sipring.core.report.DurationStats.EMPTY,
            ru.sipring.core.report.DurationStats.EMPTY, ru.sipring.core.report.DurationStats.EMPTY),
        List.of(), List.of(), List.of(), List.of(), new ru.sipring.core.report.ServiceLevel(List.of(), List.of(), List.of(), Map.of(), Map.of()),
        new ru.sipring.core.report.PeriodTable(ru.sipring.core.report.PeriodTable.PeriodUnit.HOUR, List.of()),
        List.of(), ru.sipring.core.report.ProblemReport.NONE, InputSummary.NONE, ReportView.QUEUE);
    JsonNode json = render(empty, EnumSet.allOf(ReportSection.class));
    assertThat(json.get("answered")).isEmpty();
    assertThat(json.get("summary").get("answeredPercent").asDouble()).isZero();
  }
}
