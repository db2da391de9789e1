package ru.sipring.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ten known responses to the sample scenario (plus one test run), counted by hand:
 * <pre>
 *  #  queue    op   ready  brand     bank   features         why_not   comment
 *  1  sales    101  yes    bmw       vtb    rate,term        -         "дорого"
 *  2  sales    101  yes    bmw       sber   rate             -         skip
 *  3  sales    102  yes    audi      sber   rate,down,speed  -         "позже"
 *  4  sales    102  yes    mercedes  skip   term             -         skip
 *  5  support  101  no     -         -      -                has_car   -
 *  6  support  101  no     -         -      -                expensive "нет денег"
 *  7  support  102  later  -         -      -                -         skip
 *  8  sales    101  skip   -         -      -                -         skip
 *  9  sales    102  yes    audi      vtb    rate             -         finished early after features
 * 10  support  102  no     -         -      -                other     "другое"     (day 2, version 2)
 *  T  (test)        yes    bmw ...
 * </pre>
 */
class SurveyAnalyserTest {
  private final Samples.TestClock clock = new Samples.TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final Scenario scenario = Samples.carLoan();
  private final List<SurveyResponse> responses = new ArrayList<>();

  private SurveyRun start(String queue, String op, int version) {
    clock.advance(Duration.ofMinutes(10));
    return SurveyRun.start(new PublishedScenario(scenario, version, clock.instant()),
        CallContext.of("call-" + (responses.size() + 1), queue, op, "7916000000" + responses.size()), false, clock,
        responses::add);
  }

  @BeforeEach
  void record() {
    SurveyRun r = start("sales", "101", 1);
    r.answerSingle("yes"); r.answerSingle("bmw"); r.answerSingle("vtb"); r.answerMultiple(List.of("rate", "term"));
    r.answerText("дорого"); r.finish();
    r = start("sales", "101", 1);
    r.answerSingle("yes"); r.answerSingle("bmw"); r.answerSingle("sber"); r.answerMultiple(List.of("rate"));
    r.skip(); r.finish();
    r = start("sales", "102", 1);
    r.answerSingle("yes"); r.answerSingle("audi"); r.answerSingle("sber");
    r.answerMultiple(List.of("rate", "down", "speed")); r.answerText("позже"); r.finish();
    r = start("sales", "102", 1);
    r.answerSingle("yes"); r.answerSingle("mercedes"); r.skip(); r.answerMultiple(List.of("term")); r.skip();
    r.finish();
    r = start("support", "101", 1);
    r.answerSingle("no"); r.answerSingle("has_car"); r.finish();
    r = start("support", "101", 1);
    r.answerSingle("no"); r.answerSingle("expensive"); r.answerText("нет денег"); r.finish();
    r = start("support", "102", 1);
    r.answerSingle("later"); r.skip(); r.finish();
    r = start("sales", "101", 1);
    r.skip(); r.skip(); r.finish();
    r = start("sales", "102", 1);
    r.answerSingle("yes"); r.answerSingle("audi"); r.answerSingle("vtb"); r.answerMultiple(List.of("rate"));
    r.finish();
    clock.advance(Duration.ofDays(1));
    r = start("support", "102", 2);
    r.answerSingle("no"); r.answerSingle("other"); r.answerText("другое"); r.finish();
    SurveyRun t = SurveyRun.start(new PublishedScenario(scenario, 2, clock.instant()),
        CallContext.of("test-1", "", "101", ""), true, clock, responses::add);
    t.answerSingle("yes"); t.answerSingle("bmw"); t.finish();
  }

  private SurveyAnalysis analyse(ResponseFilter f) {
    return SurveyAnalyser.of(scenario).analyse(responses, f);
  }

  @Test
  void reachedAnsweredAndOptionCountsWithTheirPercentages() {
    SurveyAnalysis a = analyse(ResponseFilter.forScenario("car-loan"));
    assertThat(a.responses()).isEqualTo(10);
    assertThat(a.completed()).isEqualTo(9);

    QuestionStats ready = a.requireQuestion("ready");
    assertThat(ready.reached()).isEqualTo(10);
    assertThat(ready.answered()).isEqualTo(9);
    assertThat(ready.skipped()).isEqualTo(1);
    assertThat(ready.options()).extracting(OptionStats::optionId, OptionStats::count)
        .containsExactly(tuple("yes", 5L), tuple("no", 3L), tuple("later", 1L));
    assertThat(ready.option("yes").orElseThrow().percentOfRespondents()).isCloseTo(100.0 * 5 / 9, within(1e-9));

    QuestionStats bank = a.requireQuestion("bank");
    assertThat(bank.reached()).isEqualTo(5);
    assertThat(bank.answered()).isEqualTo(4);
    assertThat(bank.option("vtb").orElseThrow().percentOfRespondents()).isEqualTo(50.0);
    assertThat(bank.option("mosobl").orElseThrow().count()).isZero();

    QuestionStats features = a.requireQuestion("features");
    assertThat(features.answered()).isEqualTo(5);
    assertThat(features.mentions()).isEqualTo(8); // 2 + 1 + 3 + 1 + 1
    OptionStats rate = features.option("rate").orElseThrow();
    assertThat(rate.count()).isEqualTo(4);
    assertThat(rate.percentOfRespondents()).isEqualTo(80.0); // 4 of 5 respondents
    assertThat(rate.percentOfMentions()).isEqualTo(50.0); // 4 of 8 mentions
    assertThat(features.options().stream().mapToDouble(OptionStats::percentOfRespondents).sum()).isGreaterThan(100);
    assertThat(features.options().stream().mapToDouble(OptionStats::percentOfMentions).sum())
        .isCloseTo(100.0, within(1e-9));

    QuestionStats whyNot = a.requireQuestion("why_not");
    assertThat(whyNot.options()).extracting(OptionStats::count).containsExactly(1L, 1L, 1L);

    QuestionStats comment = a.requireQuestion("comment");
    assertThat(comment.reached()).isEqualTo(8); // all but #5 (has_car ends) and #9 (finished early)
    assertThat(comment.answered()).isEqualTo(4);
    assertThat(comment.texts()).extracting(TextAnswer::text).containsExactly("дорого", "позже", "нет денег", "другое");
    assertThat(comment.texts().get(0).callId()).isEqualTo("call-1");
  }

  @Test
  void testRunsCountOnlyWhenAskedFor() {
    assertThat(analyse(ResponseFilter.all().includingTests()).responses()).isEqualTo(11);
    assertThat(analyse(ResponseFilter.all().includingTests()).requireQuestion("brand").option("bmw")
        .orElseThrow().count()).isEqualTo(3);
  }

  @Test
  void filtersByDateQueueOperatorAndVersion() {
    Instant day2 = Instant.parse("2026-03-03T00:00:00Z");
    assertThat(analyse(ResponseFilter.all().between(null, day2)).responses()).isEqualTo(9);
    assertThat(analyse(ResponseFilter.all().between(day2, null)).responses()).isEqualTo(1);
    assertThat(analyse(ResponseFilter.all().withQueues("support")).responses()).isEqualTo(4);
    SurveyAnalysis op101 = analyse(ResponseFilter.all().withOperators("101"));
    assertThat(op101.responses()).isEqualTo(5);
    assertThat(op101.requireQuestion("ready").option("no").orElseThrow().count()).isEqualTo(2);
    assertThat(analyse(ResponseFilter.all().withVersions(2)).responses()).isEqualTo(1);
    assertThat(analyse(ResponseFilter.all().withQueues("sales").withOperators("102")).responses()).isEqualTo(3);
    assertThat(analyse(ResponseFilter.forScenario("other")).responses()).isZero();
  }

  @Test
  void textAnswersAreCappedButCounted() {
    QuestionStats comment = SurveyAnalyser.of(scenario).withTextLimit(2)
        .analyse(responses, ResponseFilter.all()).requireQuestion("comment");
    assertThat(comment.texts()).hasSize(2);
    assertThat(comment.textCount()).isEqualTo(4);
  }

  @Test
  void crossTabOfSingleBySingleAndSingleByMultiple() {
    CrossTab brandBank = SurveyAnalyser.of(scenario).crossTab(responses, ResponseFilter.all(), "brand", "bank");
    assertThat(brandBank.base()).isEqualTo(4); // #4 skipped the bank
    assertThat(brandBank.rowOptions()).extracting(OptionStats::optionId).containsExactly("bmw", "audi", "mercedes");
    assertThat(brandBank.columnOptions()).extracting(OptionStats::optionId).containsExactly("vtb", "sber", "mosobl");
    assertThat(brandBank.count(0, 0)).isEqualTo(1); // bmw × vtb
    assertThat(brandBank.count(0, 1)).isEqualTo(1); // bmw × sber
    assertThat(brandBank.count(1, 0)).isEqualTo(1); // audi × vtb
    assertThat(brandBank.count(1, 1)).isEqualTo(1); // audi × sber
    assertThat(brandBank.count(2, 0) + brandBank.count(2, 1) + brandBank.count(2, 2)).isZero();
    assertThat(brandBank.rowPercent(0, 0)).isEqualTo(50.0);
    assertThat(brandBank.columnTotal(1)).isEqualTo(2);

    CrossTab brandFeatures = SurveyAnalyser.of(scenario).crossTab(responses, ResponseFilter.all(), "brand", "features");
    assertThat(brandFeatures.base()).isEqualTo(5);
    assertThat(brandFeatures.rowTotal(1)).isEqualTo(2); // audi: #3, #9
    assertThat(brandFeatures.count(1, 0)).isEqualTo(2); // audi × rate
    assertThat(brandFeatures.columnTotal(0)).isEqualTo(4); // rate
    assertThat(brandFeatures.rowPercent(0, 1)).isEqualTo(50.0); // bmw × term: 1 of 2
  }

  @Test
  void theJsonFormsCarryTheSameFiguresInTheOptionsOrder() {
    CrossTab t = SurveyAnalyser.of(scenario).crossTab(responses, ResponseFilter.all(), "brand", "bank");
    com.fasterxml.jackson.databind.node.ObjectNode json = AnalysisJson.crossTab(t);
    assertThat(json.get("row").get("id").asText()).isEqualTo("brand");
    assertThat(json.get("column").get("options").findValuesAsText("id")).containsExactly("vtb", "sber", "mosobl");
    assertThat(json.get("base").asLong()).isEqualTo(4);
    assertThat(json.get("counts").toString()).isEqualTo("[[1,1,0],[1,1,0],[0,0,0]]");
    assertThat(json.get("rowPercents").get(0).get(0).asDouble()).isEqualTo(50.0);
    assertThat(json.get("columnTotals").get(1).asLong()).isEqualTo(2);
    SurveyAnalysis a = SurveyAnalyser.of(scenario).analyse(responses, ResponseFilter.all());
    com.fasterxml.jackson.databind.node.ObjectNode aj = AnalysisJson.analysis(a);
    assertThat(aj.get("responses").asLong()).isEqualTo(a.responses());
    assertThat(aj.get("questions").size()).isEqualTo(a.questions().size());
    com.fasterxml.jackson.databind.JsonNode brand = aj.get("questions").get(0);
    QuestionStats q = a.questions().get(0);
    assertThat(brand.get("id").asText()).isEqualTo(q.questionId());
    assertThat(brand.get("skipped").asLong()).isEqualTo(q.skipped());
    assertThat(brand.get("options").get(0).get("count").asLong()).isEqualTo(q.options().get(0).count());
  }

  @Test
  void labelsComeFromTheReferenceAndFromSnapshotsForRemovedOptions() {
    Scenario v3 = scenario.withQuestion(scenario.requireQuestion("bank").withoutOption("mosobl")
        .withOption(Option.of("sber", "Сбер")));
    SurveyAnalysis a = SurveyAnalyser.of(v3.withoutQuestionUnlinking("why_not")).analyse(responses, ResponseFilter.all());
    assertThat(a.requireQuestion("bank").options()).extracting(OptionStats::label).containsExactly("ВТБ", "Сбер");
    // why_not is gone from the reference; its results are still there, under the texts as asked
    QuestionStats whyNot = a.requireQuestion("why_not");
    assertThat(whyNot.text()).isEqualTo("Почему нет?");
    assertThat(whyNot.options()).extracting(OptionStats::label)
        .containsExactly("Уже есть автомобиль", "Дорого", "Другое");
    assertThat(a.questions()).extracting(QuestionStats::questionId).last().isEqualTo("why_not");
  }

  @Test
  void chartsShowEveryOptionWithItsCount() {
    QuestionStats brand = analyse(ResponseFilter.all()).requireQuestion("brand");
    String bar = SvgCharts.bar(brand);
    assertThat(bar).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains("<title>Какую марку авто вы предпочитаете?</title>")
        .contains(">БМВ</text>", ">Ауди</text>", ">Мерседес</text>")
        .contains("data-option=\"bmw\" data-count=\"2\"", "data-option=\"mercedes\" data-count=\"1\"")
        .contains(">2 (40.0%)</text>", ">1 (20.0%)</text>");
    assertThat(count(bar, "class=\"bar\"")).isEqualTo(3);
    // bars are scaled to the largest count
    assertThat(widthOf(bar, "bmw")).isEqualTo(widthOf(bar, "audi")).isEqualTo(2 * widthOf(bar, "mercedes"));
    assertWellFormed(bar);

    String pie = SvgCharts.pie(brand);
    assertThat(count(pie, "class=\"slice\"")).isEqualTo(3);
    assertThat(pie).contains("Мерседес — 1 (20.0%)");
    assertWellFormed(pie);

    QuestionStats features = analyse(ResponseFilter.all()).requireQuestion("features");
    assertThat(SvgCharts.forQuestion(features)).hasSize(1);
    assertThat(SvgCharts.bar(features)).contains(">4 (80.0%)</text>");
    assertThat(SvgCharts.forQuestion(analyse(ResponseFilter.all()).requireQuestion("comment"))).isEmpty();
  }

  @Test
  void aPieOfOneAnswerIsAFullCircleAndLabelsAreEscaped() {
    QuestionStats q = new QuestionStats("q", QuestionType.SINGLE, "A & <B>", 3, 3, 3,
        List.of(new OptionStats("x", "\"X\" & Co", 3, 100, 100), new OptionStats("y", "Y", 0, 0, 0)), List.of(), 0);
    String pie = SvgCharts.pie(q);
    assertThat(pie).contains("<circle class=\"slice\" data-option=\"x\"").contains("&quot;X&quot; &amp; Co")
        .contains("A &amp; &lt;B&gt;");
    assertWellFormed(pie);
  }

  @Test
  void printableHtmlReportHasTablesChartsTextsAndCrossTab() {
    SurveyAnalysis a = analyse(ResponseFilter.all().withQueues("sales"));
    CrossTab x = SurveyAnalyser.of(scenario).crossTab(responses, ResponseFilter.all(), "brand", "bank");
    String html = HtmlReport.render(a, List.of(x), ZoneId.of("Europe/Moscow"), HtmlReport.Language.RU,
        Instant.parse("2026-03-04T12:00:00Z"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("@media print")
        .contains("Ответов: <b class=\"responses\">6</b>")
        .contains("очереди: sales")
        .contains("<h2>brand. Какую марку авто вы предпочитаете?</h2>")
        .contains("% упоминаний")
        .contains("<li>дорого")
        .contains("Таблица сопряжённости")
        .contains("Сформирован: 04.03.2026 15:00:00 (Europe/Moscow)");
    assertThat(count(html, "<svg ")).isEqualTo(4 * 2 + 1); // ready, brand, bank, why_not: bar+pie; features: bar
    assertThat(HtmlReport.render(a, List.of(), ZoneId.of("UTC"), HtmlReport.Language.EN, clock.instant()))
        .contains("% of mentions").contains("Responses:");
  }

  @Test
  void csvHasOneRowPerResponseWithLabelsAsAsked() {
    StringWriter out = new StringWriter();
    List<SurveyResponse> rows = responses.subList(0, 3);
    assertThat(ResponseCsv.write(out, scenario, rows, ZoneId.of("Europe/Moscow"))).isEqualTo(3);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("response_id,scenario_id,version,call_id,queue,operator,client,started_at,"
        + "finished_at,completed,test,ready,brand,bank,features,why_not,comment");
    assertThat(lines.get(1)).endsWith(",car-loan,1,call-1,sales,101,79160000000,2026-03-02T12:10:00+03:00,"
        + "2026-03-02T12:10:00+03:00,true,false,Да,БМВ,ВТБ,Ставка; Срок,,дорого");
    assertThat(lines.get(2)).endsWith(",Да,БМВ,Сбербанк,Ставка,,");
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static int widthOf(String svg, String option) {
    int at = svg.indexOf("data-option=\"" + option + "\"");
    int w = svg.indexOf("width=\"", at) + 7;
    return Integer.parseInt(svg.substring(w, svg.indexOf('"', w)));
  }

  private static void assertWellFormed(String xml) {
    try {
      javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      org.w3c.dom.Document d = f.newDocumentBuilder()
          .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
    }
  }
}
