package ru.sipring.core.directory;

import java.util.Map;
import java.util.Optional;

/**
 * Maps the value of the queue_log agent column (an interface such as {@code Local/501@from-queue/n}, a member
 * name or an agent id, depending on the event and the Asterisk configuration) to an {@link Operator}.
 *
 * <p>Implementations must be thread-safe; report code calls {@link #operatorOf} from any thread.
 */
public interface AgentDirectory {

  /**
   * The operator behind this agent value, or empty when the directory does not know it.
   *
   * @param agent the agent column's value, as written in queue_log
   * @return the operator, or empty
   */
  Optional<Operator> operatorOf(String agent);

  /**
   * A directory that knows nobody: reports then show the raw agent value.
   *
   * @return the empty directory
   */
  static AgentDirectory empty() {
    return agent -> Optional.empty();
  }

  /**
   * A fixed directory, from agent value to operator.
   *
   * @param operators operator per agent value; copied
   * @return an immutable directory
   */
  static AgentDirectory of(Map<String, Operator> operators) {
    Map<String, Operator> copy = Map.copyOf(operators);
    return agent -> Optional.ofNullable(copy.get(agent));
  }
}
