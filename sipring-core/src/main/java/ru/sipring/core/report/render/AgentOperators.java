package ru.sipring.core.report.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.report.AgentAnalytics;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.OperatorRow;

/**
 * Pairs each agent row with its operator row. Matching by agent value alone is not enough in a report of merged
 * partials, where {@code SIP/501} of two PBXs is two rows with the same value: both lists come in the same order,
 * so the n-th agent row of a value that answered calls takes the n-th operator row of that value.
 */
final class AgentOperators {
  private AgentOperators() {}

  /** One entry per {@code r.agents()} row, in that order: its operator row, or null when there is none. */
  static List<@Nullable OperatorRow> of(InboundReport r) {
    Map<List<String>, ArrayDeque<OperatorRow>> byKey = new HashMap<>();
    for (OperatorRow o : r.operators()) {
      byKey.computeIfAbsent(List.of(o.agent(), o.number(), o.name()), k -> new ArrayDeque<>()).add(o);
    }
    List<@Nullable OperatorRow> out = new ArrayList<>(r.agents().size());
    for (AgentAnalytics a : r.agents()) {
      ArrayDeque<OperatorRow> q = a.answered() == 0 ? null : byKey.get(List.of(a.agent(), a.number(), a.name()));
      out.add(q == null ? null : q.poll());
    }
    return out;
  }
}
