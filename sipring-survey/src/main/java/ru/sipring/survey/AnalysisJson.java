package ru.sipring.survey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON form of an analysis and of a cross-tab, one shape for every host: {@code sipring survey report
 * --format json} prints {@link #analysis}, the web panel's {@code /api/surveys/{id}/results} answers with it.
 * Texts (answers, labels) are data here: JSON escaping is the writer's, a screen that shows them escapes them for
 * HTML. Stateless and thread-safe.
 */
public final class AnalysisJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AnalysisJson() {
  }

  /**
   * An analysis: {@code {"scenarioId","title","responses","completed","questions":[{"id","type","text","reached",
   * "answered","skipped","mentions","options":[{"id","label","count","percentOfRespondents","percentOfMentions"}],
   * "texts":[{"responseId","callId","operator","at","text"}],"textCount"}]}}.
   *
   * @param a the analysis
   * @return a new JSON object
   */
  public static ObjectNode analysis(SurveyAnalysis a) {
    ObjectNode root = NODES.objectNode()
        .put("scenarioId", a.scenarioId()).put("title", a.title())
        .put("responses", a.responses()).put("completed", a.completed());
    ArrayNode questions = root.putArray("questions");
    for (QuestionStats q : a.questions()) {
      ObjectNode qn = questions.addObject()
          .put("id", q.questionId()).put("type", q.type().jsonName()).put("text", q.text())
          .put("reached", q.reached()).put("answered", q.answered()).put("skipped", q.skipped())
          .put("mentions", q.mentions());
      options(qn.putArray("options"), q.options());
      ArrayNode texts = qn.putArray("texts");
      for (TextAnswer t : q.texts()) {
        texts.addObject().put("responseId", t.responseId()).put("callId", t.callId())
            .put("operator", t.operator()).put("at", t.at().toString()).put("text", t.text());
      }
      qn.put("textCount", q.textCount());
    }
    return root;
  }

  /**
   * A cross-tab: {@code {"row":{"id","text","options":[…]},"column":{…},"base","counts":[[…]],"rowTotals":[…],
   * "columnTotals":[…],"rowPercents":[[…]],"columnPercents":[[…]]}}, rows and columns in the options' order.
   *
   * @param t the cross-tab
   * @return a new JSON object
   */
  public static ObjectNode crossTab(CrossTab t) {
    ObjectNode root = NODES.objectNode();
    question(root.putObject("row"), t.rowQuestion(), t.rowOptions());
    question(root.putObject("column"), t.columnQuestion(), t.columnOptions());
    root.put("base", t.base());
    ArrayNode counts = root.putArray("counts");
    ArrayNode rowPercents = root.putArray("rowPercents");
    ArrayNode columnPercents = root.putArray("columnPercents");
    ArrayNode rowTotals = root.putArray("rowTotals");
    for (int r = 0; r < t.rowCount(); r++) {
      ArrayNode c = counts.addArray();
      ArrayNode rp = rowPercents.addArray();
      ArrayNode cp = columnPercents.addArray();
      for (int col = 0; col < t.columnCount(); col++) {
        c.add(t.count(r, col));
        rp.add(t.rowPercent(r, col));
        cp.add(t.columnPercent(r, col));
      }
      rowTotals.add(t.rowTotal(r));
    }
    ArrayNode columnTotals = root.putArray("columnTotals");
    for (int col = 0; col < t.columnCount(); col++) {
      columnTotals.add(t.columnTotal(col));
    }
    return root;
  }

  private static void question(ObjectNode node, QuestionStats q, List<OptionStats> options) {
    node.put("id", q.questionId()).put("text", q.text());
    options(node.putArray("options"), options);
  }

  private static void options(ArrayNode into, List<OptionStats> options) {
    for (OptionStats o : options) {
      into.addObject().put("id", o.optionId()).put("label", o.label()).put("count", o.count())
          .put("percentOfRespondents", o.percentOfRespondents())
          .put("percentOfMentions", o.percentOfMentions());
    }
  }
}
