package ru.sipring.campaign.tariff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import ru.sipring.campaign.billing.Tariff;

/** {@link TariffRepository} in memory, for tests and demos. Thread-safe (one lock). */
public final class InMemoryTariffRepository implements TariffRepository {
  private final Clock clock;
  private final Map<String, List<RateVersion>> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  /**
   * An empty repository.
   *
   * @param clock the clock of the versions' creation times
   */
  public InMemoryTariffRepository(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized RateVersion addVersion(String table, Instant validFrom, String source, List<Tariff> rates) {
    RateVersion.checkName(table);
    List<RateVersion> versions = tables.get(table);
    String name = versions == null || versions.isEmpty() ? table : versions.get(0).table();
    RateVersion v = new RateVersion(name, versions == null ? 1 : versions.size() + 1, validFrom, clock.instant(),
        source, rates);
    tables.computeIfAbsent(table, k -> new ArrayList<>()).add(v);
    return v;
  }

  @Override
  public synchronized List<RateVersion> versions(String table) {
    List<RateVersion> v = tables.get(table);
    return v == null ? List.of() : List.copyOf(v);
  }

  @Override
  public synchronized List<String> tables() {
    return tables.values().stream().map(v -> v.get(0).table()).sorted().toList();
  }
}
