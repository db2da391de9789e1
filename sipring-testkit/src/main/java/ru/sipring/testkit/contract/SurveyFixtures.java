package ru.sipring.testkit.contract;

import java.time.Instant;
import java.util.List;
import ru.sipring.survey.Answer;
import ru.sipring.survey.CallContext;
import ru.sipring.survey.Option;
import ru.sipring.survey.Question;
import ru.sipring.survey.QuestionType;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.SurveyResponse;

/** Small survey values shared by the survey repository contract suites. */
final class SurveyFixtures {
  private SurveyFixtures() {}

  /** A valid three-question scenario with a branch, an explicit end, Cyrillic texts and a hint. */
  static Scenario scenario(String id, String title) {
    return new Scenario(id, title, "ready", List.of(
        new Question("ready", QuestionType.SINGLE, "Готовы купить авто в кредит?", "Спросите после приветствия",
            List.of(Option.of("yes", "Да", "features"), Option.of("no", "Нет", Scenario.END),
                Option.of("later", "Подумаю")), "comment"),
        new Question("features", QuestionType.MULTIPLE, "Что важно?", "",
            List.of(Option.of("rate", "Ставка"), Option.of("term", "Срок")), "comment"),
        Question.text("comment", "Комментарий «клиента»", null)));
  }

  static SurveyResponse response(String id, String scenarioId, int version, String callId, String queue,
                                 String operator, Instant startedAt, boolean test) {
    return new SurveyResponse(id, scenarioId, version, "Автокредит", CallContext.of(callId, queue, operator,
        "79161234567"), test, startedAt, startedAt.plusSeconds(75), true, List.of(
        new Answer("ready", QuestionType.SINGLE, "Готовы купить авто в кредит?", List.of("yes"), List.of("Да"), null),
        new Answer("features", QuestionType.MULTIPLE, "Что важно?", List.of("rate", "term"),
            List.of("Ставка", "Срок"), null),
        new Answer("comment", QuestionType.TEXT, "Комментарий", List.of(), List.of(),
            "Перезвонить после 18:00; \"срочно\"\nвторая строка"),
        Answer.skipped(Question.text("extra", "Пропущенный вопрос", null))));
  }
}
