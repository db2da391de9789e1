package ru.sipring.cdr;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;

/**
 * An immutable, in-memory {@link AgentDirectory} over a list of operators, with the registry's resolution
 * rules (alias → number → full name, active first then lowest number → extension of an interface). Reports
 * resolve the agent column of every queue_log row; a snapshot answers without a database round trip.
 * Thread-safe.
 */
final class AgentResolver implements AgentDirectory {
  private final Map<String, Operator> byAlias = new HashMap<>();
  private final Map<String, Operator> byNumber = new HashMap<>();
  private final Map<String, Operator> byName = new HashMap<>();

  /** {@code operators} ordered by number, as {@link OperatorRegistry#list()} returns them. */
  AgentResolver(List<OperatorInfo> operators) {
    Set<String> activeNames = new HashSet<>();
    for (OperatorInfo o : operators) {
      Operator op = o.operator();
      byNumber.put(o.number(), op);
      for (String alias : o.aliases()) {
        byAlias.put(alias, op);
      }
      if (!byName.containsKey(o.name()) || o.active() && !activeNames.contains(o.name())) {
        byName.put(o.name(), op);
        if (o.active()) {
          activeNames.add(o.name());
        }
      }
    }
  }

  @Override
  public Optional<Operator> operatorOf(String agent) {
    if (agent == null || agent.isBlank()) {
      return Optional.empty();
    }
    Operator found = byAlias.get(agent);
    if (found == null) {
      found = byNumber.get(agent);
    }
    if (found == null) {
      found = byName.get(agent);
    }
    if (found == null) {
      List<String> candidates = OperatorRules.candidates(agent);
      if (candidates.size() > 1) {
        found = byNumber.get(candidates.get(1));
      }
    }
    return Optional.ofNullable(found);
  }
}
