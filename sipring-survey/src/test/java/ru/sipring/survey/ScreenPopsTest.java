package ru.sipring.survey;

import ru.sipring.core.text.PhoneNumber;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScreenPopsTest {
  private final SurveyService surveys = SurveyService.inMemory(new Samples.TestClock(Instant.parse("2026-03-02T09:00:00Z")));
  private final ClientCard ivanov = new ClientCard("c-17", "Иванов Иван", "79161234567", Map.of("Город", "Москва"));
  private final List<String> looked = new ArrayList<>();
  private final ClientCardLookup base = number -> {
    looked.add(number);
    return number.equals("79161234567") ? Optional.of(ivanov) : Optional.empty();
  };

  @Test
  void popCarriesTheClientCardAndTheQueueScenario() {
    surveys.saveDraft(Samples.carLoan());
    surveys.publish("car-loan");
    surveys.assign("sales", "car-loan");
    ScreenPops pops = ScreenPops.of(surveys, base);
    List<ScreenPop> seen = new ArrayList<>();
    pops.addListener(seen::add);
    pops.addListener(p -> {
      throw new IllegalStateException("a broken listener does not stop the others");
    });
    pops.addListener(seen::add);

    ScreenPop pop = pops.agentConnected("1700000000.1", "sales", "8 (916) 123-45-67", "101");
    assertThat(looked).containsExactly("79161234567");
    assertThat(pop.client()).hasValue(ivanov);
    assertThat(pop.scenario()).map(PublishedScenario::scenarioId).hasValue("car-loan");
    assertThat(pop.call()).isEqualTo(CallContext.of("1700000000.1", "sales", "101", "79161234567"));
    assertThat(pop.callerNumber()).isEqualTo("8 (916) 123-45-67");
    assertThat(seen).containsExactly(pop, pop);

    // the pop's call context starts the run that records the answers against this call
    SurveyRun run = surveys.startRun(pop.scenario().orElseThrow(), pop.call());
    run.answerSingle("later");
    assertThat(run.finish().call().client()).isEqualTo("79161234567");
  }

  @Test
  void unknownNumberNoScenarioWithheldNumberAndFailingLookUp() {
    ScreenPops pops = ScreenPops.of(surveys, base);
    ScreenPop unknown = pops.lookUp("c1", "support", "+7 495 000-00-00", "102");
    assertThat(unknown.client()).isEmpty();
    assertThat(unknown.scenario()).isEmpty();
    ScreenPop withheld = pops.lookUp("c2", "support", "", "102");
    assertThat(withheld.client()).isEmpty();
    assertThat(looked).containsExactly("74950000000");

    ScreenPops broken = ScreenPops.of(surveys, n -> {
      throw new IllegalStateException("CRM is down");
    });
    assertThat(broken.agentConnected("c3", "support", "89161234567", "102").client()).isEmpty();
  }

  @Test
  void normalisesRussianNumbers() {
    assertThat(PhoneNumber.normalize("+7 (916) 123-45-67")).isEqualTo("79161234567");
    assertThat(PhoneNumber.normalize("89161234567")).isEqualTo("79161234567");
    assertThat(PhoneNumber.normalize("9161234567")).isEqualTo("79161234567");
    assertThat(PhoneNumber.normalize("101")).isEqualTo("101");
    assertThat(PhoneNumber.normalize("anonymous")).isEmpty();
  }
}
