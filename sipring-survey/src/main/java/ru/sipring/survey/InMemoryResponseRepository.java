package ru.sipring.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ru.sipring.core.RejectedException;

/** {@link ResponseRepository} in memory. Thread-safe (one lock; {@link #find(ResponseFilter)} copies). */
public final class InMemoryResponseRepository implements ResponseRepository {
  private static final Comparator<SurveyResponse> ORDER =
      Comparator.comparing(SurveyResponse::startedAt).thenComparing(SurveyResponse::id);
  private final Map<String, SurveyResponse> byId = new LinkedHashMap<>();

  @Override
  public synchronized void save(SurveyResponse response) {
    if (byId.putIfAbsent(response.id(), response) != null) {
      throw new RejectedException("response " + response.id() + " is already stored");
    }
  }

  @Override
  public synchronized Optional<SurveyResponse> find(String responseId) {
    return Optional.ofNullable(byId.get(responseId));
  }

  @Override
  public synchronized List<SurveyResponse> forCall(String callId) {
    return byId.values().stream().filter(r -> r.call().callId().equals(callId)).sorted(ORDER)
        .collect(Collectors.toList());
  }

  @Override
  public synchronized Stream<SurveyResponse> find(ResponseFilter filter) {
    List<SurveyResponse> copy = new ArrayList<>();
    for (SurveyResponse r : byId.values()) {
      if (filter.matches(r)) {
        copy.add(r);
      }
    }
    copy.sort(ORDER);
    return copy.stream();
  }
}
