package ru.sipring.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.survey.ClientCard;
import ru.sipring.survey.ClientCardLookup;
import ru.sipring.survey.ResponseFilter;
import ru.sipring.survey.ScreenPop;
import ru.sipring.survey.ScreenPopWiring;
import ru.sipring.survey.SurveyResponse;
import ru.sipring.survey.SurveyRun;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.pop.PopResponse;
import ru.sipring.survey.pop.PopResponseRepository;
import ru.sipring.survey.pop.PopSurveys;
import ru.sipring.testkit.time.SimulatedClock;

/**
 * Survey responses taken on a screen pop are stored with the call's uniqueid, the operator and the client card, on
 * every store: the in-memory repositories and the database ones (embedded H2 and MariaDB) extend this class. The pop
 * comes from {@link ScreenPopWiring} fed an AMI-style agent-connect event.
 */
public abstract class PopSurveysContract {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /**
   * A survey service and a link store over the same, empty database.
   *
   * @param surveys the survey service
   * @param links the screen-pop link store
   */
  public record Stores(SurveyService surveys, PopResponseRepository links) {}

  /**
   * New, empty stores whose survey service reads time from {@code clock}.
   *
   * @param clock the clock
   * @return the stores
   */
  protected abstract Stores newStores(SimulatedClock clock);

  private final SimulatedClock clock = SimulatedClock.at(T0);
  private SurveyService surveys;
  private PopResponseRepository links;
  private PopSurveys popSurveys;
  private ScreenPopWiring wiring;

  @BeforeEach
  void setUp() {
    Stores s = newStores(clock);
    surveys = s.surveys();
    links = s.links();
    surveys.saveDraft(SurveyFixtures.scenario("auto", "Автокредит"));
    surveys.publish("auto");
    surveys.assign("520", "auto");
    ClientCardLookup cards = number -> number.equals("79161234567")
        ? Optional.of(new ClientCard("42", "ООО Холдинг", number, Map.of("Город", "Москва"))) : Optional.empty();
    wiring = ScreenPopWiring.builder(surveys).clients(cards).build();
    popSurveys = new PopSurveys(surveys, links, clock);
  }

  private ScreenPop pop(String callId, String caller, String member) {
    return wiring.connected(new QueueCallEvent.AgentConnected(callId, "520", caller, "", "PJSIP/" + member, member,
        Duration.ofSeconds(4), Duration.ofSeconds(2), T0));
  }

  private SurveyResponse answer(SurveyRun run) {
    run.answerSingle("yes");
    run.answerMultiple(List.of("rate"));
    run.answerText("перезвонить; \"срочно\"");
    clock.advance(Duration.ofSeconds(40));
    return run.finish();
  }

  @Test
  void answersAreStoredWithTheCallTheOperatorAndTheCard() {
    ScreenPop pop = pop("1772442000.17", "+7 (916) 123-45-67", "101");
    SurveyResponse r = answer(popSurveys.start(pop).orElseThrow());

    assertThat(surveys.responses().find(r.id())).contains(r);
    assertThat(r.call().callId()).isEqualTo("1772442000.17");
    assertThat(r.call().operator()).isEqualTo("101");
    PopResponse link = new PopResponse(r.id(), "1772442000.17", "520", "101", "42", "79161234567", r.finishedAt());
    assertThat(links.forCall("1772442000.17")).containsExactly(link);
    assertThat(links.forClientCard("42")).containsExactly(link);
    assertThat(links.forOperator("101", T0, T0.plusSeconds(3600))).containsExactly(link);
    assertThat(links.forOperator("101", T0.plusSeconds(3600), T0.plusSeconds(7200))).isEmpty();
    assertThat(surveys.responses().find(ResponseFilter.forScenario("auto").withOperators("101")).toList())
        .containsExactly(r);
  }

  @Test
  void aCallerNotInTheBaseIsStoredWithoutACard() {
    SurveyResponse r = answer(popSurveys.start(pop("1772442100.1", "84950000000", "102")).orElseThrow());

    PopResponse link = links.forCall("1772442100.1").get(0);
    assertThat(link.clientCardId()).isEmpty();
    assertThat(link.callerNumber()).isEqualTo("74950000000");
    assertThat(link.responseId()).isEqualTo(r.id());
    assertThat(links.forClientCard("")).isEmpty();
  }

  @Test
  void aCardCollectsTheAnswersOfEveryCallInOrder() {
    SurveyResponse first = answer(popSurveys.start(pop("1772442000.1", "89161234567", "101")).orElseThrow());
    clock.advance(Duration.ofHours(1));
    SurveyResponse second = answer(popSurveys.start(pop("1772445600.9", "79161234567", "103")).orElseThrow());

    assertThat(links.forClientCard("42")).extracting(PopResponse::responseId).containsExactly(first.id(), second.id());
    assertThat(links.forCall("1772445600.9")).extracting(PopResponse::operator).containsExactly("103");
  }

  @Test
  void aQueueWithoutASurveyStartsNothing() {
    ScreenPop other = wiring.connected(new QueueCallEvent.AgentConnected("1.2", "600", "89161234567", "",
        "PJSIP/101", "101", Duration.ZERO, Duration.ZERO, T0));
    assertThat(popSurveys.start(other)).isEmpty();
  }

  @Test
  void aLinkIsStoredOnceAndBadValuesNameTheirField() {
    PopResponse l = new PopResponse("r1", "c1", "520", "101", "42", "79161234567", T0);
    links.save(l);
    assertThatThrownBy(() -> links.save(l)).isInstanceOf(RejectedException.class);
    assertThatThrownBy(() -> new PopResponse("r2", " ", "", "", "", "", T0)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("callId:");
    assertThatThrownBy(() -> new PopResponse("r2", "c", "", "x".repeat(129), "", "", T0))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("operator:");
  }
}
