package ru.sipring.survey.pop;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import ru.sipring.core.RejectedException;

/** {@link PopResponseRepository} in memory, for tests and demos. Thread-safe (one lock). */
public final class InMemoryPopResponseRepository implements PopResponseRepository {
  private static final Comparator<PopResponse> ORDER =
      Comparator.comparing(PopResponse::finishedAt).thenComparing(PopResponse::responseId);
  private final Map<String, PopResponse> links = new LinkedHashMap<>();

  /** An empty repository. */
  public InMemoryPopResponseRepository() {}

  @Override
  public synchronized void save(PopResponse link) {
    if (links.putIfAbsent(link.responseId(), link) != null) {
      throw new RejectedException("a screen-pop link for response " + link.responseId() + " exists");
    }
  }

  @Override
  public List<PopResponse> forCall(String callId) {
    return select(l -> l.callId().equals(callId));
  }

  @Override
  public List<PopResponse> forClientCard(String clientCardId) {
    return select(l -> !clientCardId.isEmpty() && l.clientCardId().equals(clientCardId));
  }

  @Override
  public List<PopResponse> forOperator(String operator, Instant from, Instant to) {
    return select(l -> l.operator().equals(operator) && !l.finishedAt().isBefore(from) && l.finishedAt().isBefore(to));
  }

  private synchronized List<PopResponse> select(Predicate<PopResponse> p) {
    return links.values().stream().filter(p).sorted(ORDER).toList();
  }
}
