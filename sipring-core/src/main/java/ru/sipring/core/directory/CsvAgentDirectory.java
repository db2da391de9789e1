package ru.sipring.core.directory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.sipring.core.BadInputException;
import ru.sipring.core.text.ProtocolText;

/**
 * An {@link AgentDirectory} from a CSV file with the header {@code agent,number,name}: {@code agent} is the
 * value of the queue_log agent column ({@code SIP/501}, {@code Local/501@from-queue/n}, a member name),
 * {@code number} and {@code name} what reports show. List every form an operator appears in (interface and
 * member name) with the same number and name, and their rows are merged. UTF-8, RFC 4180 quoting, BOM allowed.
 * Immutable and thread-safe.
 */
public final class CsvAgentDirectory implements AgentDirectory {
  private static final List<String> HEADER = List.of("agent", "number", "name");
  private final Map<String, Operator> operators;

  private CsvAgentDirectory(Map<String, Operator> operators) {
    this.operators = Map.copyOf(operators);
  }

  /**
   * Reads the directory from a CSV file with the header {@code agent,number,name}.
   *
   * @param file the CSV file, read now and closed
   * @return the directory
   * @throws BadInputException naming file:line:field for a bad header, field count, empty agent, a duplicate, or
   *     a control character (CR, LF, ESC ...) in any field
   */
  public static CsvAgentDirectory load(Path file) {
    Map<String, Operator> map = new HashMap<>();
    for (Csv.Row row : Csv.withHeader(file, HEADER)) {
      String agent = row.fields().get(0).trim();
      if (agent.isEmpty()) {
        throw new BadInputException(file + ":" + row.line() + ":agent", "empty agent value");
      }
      if (map.containsKey(agent)) {
        throw new BadInputException(file + ":" + row.line() + ":agent", "agent '" + agent + "' listed twice");
      }
      String[] names = {"agent", "number", "name"};
      for (int f = 0; f < 3; f++) {
        // an operator name is sent to Asterisk as a member name and written to logs: no line breaks, no ESC
        ProtocolText.requireHeaderSafe(file + ":" + row.line() + ":" + names[f], row.fields().get(f));
      }
      map.put(agent, new Operator(row.fields().get(1).trim(), row.fields().get(2).trim()));
    }
    return new CsvAgentDirectory(map);
  }

  @Override
  public Optional<Operator> operatorOf(String agent) {
    return Optional.ofNullable(operators.get(agent));
  }

  /**
   * Number of agent values listed.
   *
   * @return the number of agent values
   */
  public int size() {
    return operators.size();
  }
}
