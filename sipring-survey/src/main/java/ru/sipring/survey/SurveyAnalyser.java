package ru.sipring.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * Turns responses into {@link SurveyAnalysis} and {@link CrossTab}s. Questions and options are matched by
 * their stable ids, so responses to several versions add up as long as the ids were kept; texts and labels
 * come from the reference scenario (normally the latest version), and from the responses' own snapshots for
 * questions and options it no longer has.
 *
 * <p>One pass, memory proportional to the number of distinct questions and options (plus the kept text
 * answers, capped by {@link #withTextLimit}). Immutable and thread-safe; each call keeps its own state.
 */
public final class SurveyAnalyser {
  /** Default number of text answers kept per question. */
  public static final int DEFAULT_TEXT_LIMIT = 1000;

  private final @Nullable Scenario reference;
  private final int textLimit;

  private SurveyAnalyser(@Nullable Scenario reference, int textLimit) {
    this.reference = reference;
    this.textLimit = textLimit;
  }

  /**
   * An analyser that orders and labels results by {@code reference} (may be null: order of appearance).
   *
   * @param reference the scenario whose question order and texts the results follow, or null for the responses' own
   * @return an analyser that orders and labels results by {@code reference}
   */
  public static SurveyAnalyser of(@Nullable Scenario reference) {
    return new SurveyAnalyser(reference, DEFAULT_TEXT_LIMIT);
  }

  /**
   * Keeps at most {@code limit} text answers per question (all are still counted).
   *
   * @param limit the limit
   * @return the copy
   */
  public SurveyAnalyser withTextLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    return new SurveyAnalyser(reference, limit);
  }

  /**
   * Analyses the responses the filter accepts.
   *
   * @param responses the responses
   * @param filter which responses
   * @return the survey analysis
   */
  public SurveyAnalysis analyse(Iterable<SurveyResponse> responses, ResponseFilter filter) {
    Acc acc = new Acc(null);
    for (SurveyResponse r : responses) {
      if (filter.matches(r)) {
        acc.add(r);
      }
    }
    return acc.result(filter);
  }

  /**
   * Analyses the responses the filter accepts; does not close the stream.
   *
   * @param responses the responses
   * @param filter which responses
   * @return the survey analysis
   */
  public SurveyAnalysis analyse(Stream<SurveyResponse> responses, ResponseFilter filter) {
    return analyse(responses::iterator, filter);
  }

  /**
   * Cross-tabulates two single- or multiple-choice questions over the responses the filter accepts that
   * answered both.
   *
   * @param responses the responses
   * @param filter which responses
   * @param rowQuestionId the row question id
   * @param columnQuestionId the column question id
   * @return the cross tab
   */
  public CrossTab crossTab(Iterable<SurveyResponse> responses, ResponseFilter filter, String rowQuestionId,
                           String columnQuestionId) {
    if (rowQuestionId.equals(columnQuestionId)) {
      throw new BadInputException(rowQuestionId, "a question cannot be cross-tabulated with itself");
    }
    Acc acc = new Acc(Set.of(rowQuestionId, columnQuestionId));
    Map<String, Map<String, long[]>> cells = new HashMap<>();
    Map<String, long[]> rowTotals = new HashMap<>();
    Map<String, long[]> colTotals = new HashMap<>();
    long base = 0;
    for (SurveyResponse r : responses) {
      if (!filter.matches(r)) {
        continue;
      }
      acc.add(r);
      Answer a = null;
      Answer b = null;
      for (Answer x : r.answers()) {
        if (x.questionId().equals(rowQuestionId)) {
          a = x;
        } else if (x.questionId().equals(columnQuestionId)) {
          b = x;
        }
      }
      if (a == null || b == null || a.optionIds().isEmpty() || b.optionIds().isEmpty()) {
        continue;
      }
      base++;
      for (String ra : a.optionIds()) {
        rowTotals.computeIfAbsent(ra, k -> new long[1])[0]++;
        for (String cb : b.optionIds()) {
          cells.computeIfAbsent(ra, k -> new HashMap<>()).computeIfAbsent(cb, k -> new long[1])[0]++;
        }
      }
      for (String cb : b.optionIds()) {
        colTotals.computeIfAbsent(cb, k -> new long[1])[0]++;
      }
    }
    SurveyAnalysis analysis = acc.result(filter);
    QuestionStats rq = analysis.question(rowQuestionId).orElseGet(() -> missing(rowQuestionId));
    QuestionStats cq = analysis.question(columnQuestionId).orElseGet(() -> missing(columnQuestionId));
    for (QuestionStats q : List.of(rq, cq)) {
      if (q.type() == QuestionType.TEXT) {
        throw new BadInputException(q.questionId(), "text questions cannot be cross-tabulated");
      }
    }
    long[][] counts = new long[rq.options().size()][cq.options().size()];
    long[] rt = new long[rq.options().size()];
    long[] ct = new long[cq.options().size()];
    for (int i = 0; i < rq.options().size(); i++) {
      String ro = rq.options().get(i).optionId();
      rt[i] = rowTotals.getOrDefault(ro, new long[1])[0];
      Map<String, long[]> row = cells.getOrDefault(ro, Map.of());
      for (int j = 0; j < cq.options().size(); j++) {
        counts[i][j] = row.getOrDefault(cq.options().get(j).optionId(), new long[1])[0];
      }
    }
    for (int j = 0; j < cq.options().size(); j++) {
      ct[j] = colTotals.getOrDefault(cq.options().get(j).optionId(), new long[1])[0];
    }
    return new CrossTab(rq, cq, counts, rt, ct, base);
  }

  private QuestionStats missing(String questionId) {
    throw new BadInputException(questionId, "no such question in the scenario or the responses");
  }

  private static final class OAcc {
    final String id;
    String label;
    long count;

    OAcc(String id, String label) {
      this.id = id;
      this.label = label;
    }
  }

  private static final class QAcc {
    final String id;
    QuestionType type;
    String text;
    final boolean fromReference;
    long reached;
    long answered;
    long mentions;
    long textCount;
    final LinkedHashMap<String, OAcc> options = new LinkedHashMap<>();
    final List<TextAnswer> texts = new ArrayList<>();

    QAcc(String id, QuestionType type, String text, boolean fromReference) {
      this.id = id;
      this.type = type;
      this.text = text;
      this.fromReference = fromReference;
    }
  }

  private final class Acc {
    private final @Nullable Set<String> only;
    private final LinkedHashMap<String, QAcc> questions = new LinkedHashMap<>();
    private final Set<String> scenarioIds = new java.util.TreeSet<>();
    private String title = "";
    private long responses;
    private long completed;

    Acc(@Nullable Set<String> only) {
      this.only = only;
      if (reference != null) {
        title = reference.title();
        for (Question q : reference.questions()) {
          if (only == null || only.contains(q.id())) {
            QAcc qa = new QAcc(q.id(), q.type(), q.text(), true);
            for (Option o : q.options()) {
              qa.options.put(o.id(), new OAcc(o.id(), o.label()));
            }
            questions.put(q.id(), qa);
          }
        }
      }
    }

    void add(SurveyResponse r) {
      responses++;
      if (r.completed()) {
        completed++;
      }
      scenarioIds.add(r.scenarioId());
      if (reference == null) {
        title = r.scenarioTitle();
      }
      for (Answer a : r.answers()) {
        if (only != null && !only.contains(a.questionId())) {
          continue;
        }
        QAcc q = questions.get(a.questionId());
        if (q == null) {
          q = new QAcc(a.questionId(), a.type(), a.questionText(), false);
          questions.put(a.questionId(), q);
        } else if (!q.fromReference) {
          q.text = a.questionText(); // the latest snapshot seen names it
          q.type = a.type();
        }
        q.reached++;
        if (!a.answered()) {
          continue;
        }
        q.answered++;
        List<String> ids = a.optionIds();
        for (int i = 0; i < ids.size(); i++) {
          OAcc o = q.options.get(ids.get(i));
          if (o == null) {
            o = new OAcc(ids.get(i), a.optionLabels().get(i));
            q.options.put(o.id, o);
          }
          o.count++;
          q.mentions++;
        }
        if (a.text() != null) {
          q.textCount++;
          if (q.texts.size() < textLimit) {
            q.texts.add(new TextAnswer(r.id(), r.call().callId(), r.call().operator(), r.startedAt(),
                a.text()));
          }
        }
      }
    }

    SurveyAnalysis result(ResponseFilter filter) {
      List<QuestionStats> out = new ArrayList<>();
      for (QAcc q : questions.values()) {
        List<OptionStats> os = new ArrayList<>();
        for (OAcc o : q.options.values()) {
          os.add(new OptionStats(o.id, o.label, o.count, pct(o.count, q.answered), pct(o.count, q.mentions)));
        }
        out.add(new QuestionStats(q.id, q.type, q.text, q.reached, q.answered, q.mentions, os, q.texts,
            q.textCount));
      }
      String id = reference != null ? reference.id()
          : filter.scenarioId() != null ? Objects.requireNonNull(filter.scenarioId())
          : scenarioIds.size() == 1 ? scenarioIds.iterator().next() : "";
      return new SurveyAnalysis(id, title, filter, responses, completed, out);
    }
  }

  static double pct(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
