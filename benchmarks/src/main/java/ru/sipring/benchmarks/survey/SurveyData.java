package ru.sipring.benchmarks.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import ru.sipring.survey.Answer;
import ru.sipring.survey.CallContext;
import ru.sipring.survey.Option;
import ru.sipring.survey.Question;
import ru.sipring.survey.QuestionType;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.SurveyResponse;

/** Generated scenarios and responses for the survey benchmarks. Deterministic for a seed. */
final class SurveyData {
  private SurveyData() {}

  /**
   * {@code n} single-choice questions, four options each; options branch forward 1-3 questions (so the graph
   * is a DAG with ~4n edges), every question also has a default next; the last ends. Valid.
   */
  static Scenario bigScenario(int n, long seed) {
    Random rnd = new Random(seed);
    List<Question> qs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Option> options = new ArrayList<>(4);
      for (int j = 0; j < 4; j++) {
        int target = i + 1 + rnd.nextInt(3);
        options.add(new Option("o" + j, "Вариант " + j, target < n ? "q" + target : Scenario.END));
      }
      qs.add(new Question("q" + i, QuestionType.SINGLE, "Вопрос номер " + i, "", options, i + 1 < n ? "q" + (i + 1) : null));
    }
    return new Scenario("big", "Большой сценарий", "q0", qs);
  }

  /** The same scenario with one back edge from the last question to the first: one cycle to find. */
  static Scenario bigScenarioWithCycle(int n, long seed) {
    Scenario s = bigScenario(n, seed);
    Question last = s.questions().get(n - 1);
    return s.withQuestion(last.withOption(last.options().get(0).withNext("q0")));
  }

  /**
   * A stream of {@code count} responses to a 6-question scenario shaped like examples/surveys/car-loan.json:
   * random answers, 10 queues, 50 operators, one response a minute. Answer records are shared between
   * responses (as an interning store would), so the cost measured is the analysis, not the allocation.
   */
  static Iterable<SurveyResponse> responses(Scenario s, long count, long seed) {
    Question ready = s.requireQuestion("ready");
    Question brand = s.requireQuestion("brand");
    Question bank = s.requireQuestion("bank");
    Question features = s.requireQuestion("features");
    Question whyNot = s.requireQuestion("why_not");
    Question comment = s.requireQuestion("comment");
    Answer[] readyA = singles(ready);
    Answer[] brandA = singles(brand);
    Answer[] bankA = singles(bank);
    Answer[] whyA = singles(whyNot);
    Answer[] featureA = new Answer[16];
    for (int mask = 1; mask < 16; mask++) {
      List<String> ids = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (int j = 0; j < 4; j++) {
        if ((mask & (1 << j)) != 0) {
          ids.add(features.options().get(j).id());
          labels.add(features.options().get(j).label());
        }
      }
      featureA[mask] = new Answer(features.id(), features.type(), features.text(), ids, labels, null);
    }
    Answer[] texts = new Answer[20];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = new Answer(comment.id(), comment.type(), comment.text(), List.of(), List.of(), "комментарий " + i);
    }
    Answer skippedComment = Answer.skipped(comment);
    CallContext[] calls = new CallContext[500];
    for (int i = 0; i < calls.length; i++) {
      calls[i] = CallContext.of("call", "q" + (i % 10), "op" + (i % 50), "");
    }
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    return () -> new Iterator<>() {
      private final Random rnd = new Random(seed);
      private long i;

      @Override
      public boolean hasNext() {
        return i < count;
      }

      @Override
      public SurveyResponse next() {
        List<Answer> path = new ArrayList<>(5);
        int r = rnd.nextInt(3);
        path.add(readyA[r]);
        if (r == 0) {
          path.add(brandA[rnd.nextInt(3)]);
          path.add(bankA[rnd.nextInt(3)]);
          path.add(featureA[1 + rnd.nextInt(15)]);
        } else if (r == 1) {
          path.add(whyA[rnd.nextInt(3)]);
        }
        boolean endedAtHasCar = r == 1 && path.get(1) == whyA[0]; // "has_car" ends the survey
        if (!endedAtHasCar) {
          path.add(rnd.nextInt(4) == 0 ? texts[rnd.nextInt(texts.length)] : skippedComment);
        }
        Instant at = t0.plusSeconds(60 * i);
        SurveyResponse out = new SurveyResponse("r" + i, s.id(), 1 + (int) (i % 2), s.title(),
            calls[(int) (i % calls.length)], false, at, at.plusSeconds(90), true, path);
        i++;
        return out;
      }
    };
  }

  private static Answer[] singles(Question q) {
    Answer[] out = new Answer[q.options().size()];
    for (int i = 0; i < out.length; i++) {
      Option o = q.options().get(i);
      out[i] = new Answer(q.id(), q.type(), q.text(), List.of(o.id()), List.of(o.label()), null);
    }
    return out;
  }
}
