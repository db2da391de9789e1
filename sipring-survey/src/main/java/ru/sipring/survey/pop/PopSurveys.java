package ru.sipring.survey.pop;

import java.util.Objects;
import java.util.Optional;
import ru.sipring.survey.CallContext;
import ru.sipring.survey.ClientCard;
import ru.sipring.survey.PublishedScenario;
import ru.sipring.survey.ScreenPop;
import ru.sipring.survey.SurveyRun;
import ru.sipring.survey.SurveyService;

/**
 * Survey runs started from a screen pop whose responses are stored with the call, the operator and the client card:
 * the host (a web page, the CLI) hands the {@link ScreenPop} it showed to {@link #start}, the operator answers, and
 * {@link SurveyRun#finish()} stores the response in the survey service's
 * {@link ru.sipring.survey.ResponseRepository} and its {@link PopResponse} link here. The response's own
 * {@link CallContext} keeps the call id, the queue, the operator and the caller's normalised number, as every
 * response does; the link adds the client card's id, so a card shows its answers and a call its survey.
 *
 * <p>The two writes are not one transaction: the response comes first, so a failing link store loses the link,
 * never the answers (the exception reaches the caller of {@code finish}). Thread-safe if the repositories are.
 */
public final class PopSurveys {
  private final SurveyService surveys;
  private final PopResponseRepository links;
  private final java.time.Clock clock;

  /**
   * Pop surveys over a survey service and a link store.
   *
   * @param surveys the survey service (its response repository stores the answers)
   * @param links where the links go
   * @param clock the clock of the runs
   */
  public PopSurveys(SurveyService surveys, PopResponseRepository links, java.time.Clock clock) {
    this.surveys = Objects.requireNonNull(surveys, "surveys");
    this.links = Objects.requireNonNull(links, "links");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Starts the survey of a pop.
   *
   * @param pop the screen pop the operator sees
   * @return the run of the queue's scenario, or empty when the queue has none
   */
  public Optional<SurveyRun> start(ScreenPop pop) {
    return pop.scenario().map(s -> start(pop, s));
  }

  /**
   * Starts a given scenario version on a pop's call (the operator picked another survey).
   *
   * @param pop the screen pop the operator sees
   * @param scenario the scenario version to ask
   * @return the run; finishing it stores the response and its link
   */
  public SurveyRun start(ScreenPop pop, PublishedScenario scenario) {
    CallContext call = pop.call();
    String card = pop.client().map(ClientCard::clientId).orElse("");
    link(call, card, "pending", clock.instant()); // bad call fields fail now, not after every answer was given
    return SurveyRun.start(scenario, call, false, clock, response -> {
      surveys.responses().save(response);
      links.save(link(call, card, response.id(), response.finishedAt()));
    });
  }

  private static PopResponse link(CallContext call, String card, String responseId, java.time.Instant at) {
    return new PopResponse(responseId, call.callId(), call.queue(), call.operator(), card, call.client(), at);
  }
}
