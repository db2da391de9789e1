package ru.sipring.testkit.contract;

import ru.sipring.campaign.tariff.InMemoryTariffRepository;
import ru.sipring.campaign.tariff.TariffRepository;
import ru.sipring.testkit.time.SimulatedClock;

class InMemoryTariffRepositoryContractTest extends TariffRepositoryContract {
  @Override
  protected TariffRepository newRepository(SimulatedClock clock) {
    return new InMemoryTariffRepository(clock);
  }
}
