package ru.sipring.core.directory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.sipring.core.BadInputException;

/**
 * A {@link QueueDirectory} from a CSV file with the header {@code queue,name} ({@code 6000,Отдел продаж}).
 * UTF-8, RFC 4180 quoting, BOM allowed. Immutable and thread-safe.
 */
public final class CsvQueueDirectory implements QueueDirectory {
  private static final List<String> HEADER = List.of("queue", "name");
  private final Map<String, String> names;

  private CsvQueueDirectory(Map<String, String> names) {
    this.names = Map.copyOf(names);
  }

  /**
   * Reads the directory from a CSV file with the header {@code queue,name}.
   *
   * @param file the CSV file, read now and closed
   * @return the directory
   * @throws BadInputException naming file:line:field for a bad header, field count, empty queue or duplicate
   */
  public static CsvQueueDirectory load(Path file) {
    Map<String, String> map = new HashMap<>();
    for (Csv.Row row : Csv.withHeader(file, HEADER)) {
      String queue = row.fields().get(0).trim();
      if (queue.isEmpty()) {
        throw new BadInputException(file + ":" + row.line() + ":queue", "empty queue");
      }
      if (map.containsKey(queue)) {
        throw new BadInputException(file + ":" + row.line() + ":queue", "queue '" + queue + "' listed twice");
      }
      map.put(queue, row.fields().get(1).trim());
    }
    return new CsvQueueDirectory(map);
  }

  @Override
  public Optional<String> nameOf(String queue) {
    return Optional.ofNullable(names.get(queue));
  }

  /**
   * Number of queues listed.
   *
   * @return the number of queues
   */
  public int size() {
    return names.size();
  }
}
