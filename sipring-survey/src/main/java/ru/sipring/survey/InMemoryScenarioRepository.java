package ru.sipring.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import ru.sipring.core.RejectedException;

/** {@link ScenarioRepository} in memory, for tests, demos and the CLI. Thread-safe (one lock). */
public final class InMemoryScenarioRepository implements ScenarioRepository {
  private final Map<String, Scenario> drafts = new HashMap<>();
  private final Map<String, NavigableMap<Integer, PublishedScenario>> published = new HashMap<>();

  @Override
  public synchronized void saveDraft(Scenario draft) {
    drafts.put(draft.id(), draft);
  }

  @Override
  public synchronized Optional<Scenario> draft(String scenarioId) {
    return Optional.ofNullable(drafts.get(scenarioId));
  }

  @Override
  public synchronized void addVersion(PublishedScenario p) {
    NavigableMap<Integer, PublishedScenario> versions =
        published.computeIfAbsent(p.scenarioId(), k -> new TreeMap<>());
    if (versions.containsKey(p.version())) {
      throw new RejectedException("scenario " + p.scenarioId() + " version " + p.version()
          + " is already published");
    }
    versions.put(p.version(), p);
  }

  @Override
  public synchronized Optional<PublishedScenario> version(String scenarioId, int version) {
    return Optional.ofNullable(published.getOrDefault(scenarioId, new TreeMap<>()).get(version));
  }

  @Override
  public synchronized Optional<PublishedScenario> latest(String scenarioId) {
    NavigableMap<Integer, PublishedScenario> versions = published.get(scenarioId);
    return versions == null || versions.isEmpty() ? Optional.empty()
        : Optional.of(versions.lastEntry().getValue());
  }

  @Override
  public synchronized List<Integer> versions(String scenarioId) {
    return new ArrayList<>(published.getOrDefault(scenarioId, new TreeMap<>()).keySet());
  }

  @Override
  public synchronized List<String> scenarioIds() {
    TreeSet<String> ids = new TreeSet<>(drafts.keySet());
    published.forEach((id, v) -> {
      if (!v.isEmpty()) {
        ids.add(id);
      }
    });
    return new ArrayList<>(ids);
  }

  @Override
  public synchronized boolean delete(String scenarioId) {
    boolean had = drafts.remove(scenarioId) != null;
    NavigableMap<Integer, PublishedScenario> v = published.remove(scenarioId);
    return had || (v != null && !v.isEmpty());
  }
}
