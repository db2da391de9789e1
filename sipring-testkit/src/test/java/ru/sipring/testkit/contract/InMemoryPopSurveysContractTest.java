package ru.sipring.testkit.contract;

import ru.sipring.survey.SurveyService;
import ru.sipring.survey.pop.InMemoryPopResponseRepository;
import ru.sipring.testkit.time.SimulatedClock;

class InMemoryPopSurveysContractTest extends PopSurveysContract {
  @Override
  protected Stores newStores(SimulatedClock clock) {
    return new Stores(SurveyService.inMemory(clock), new InMemoryPopResponseRepository());
  }
}
