package ru.sipring.testkit.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes queue_log lines the way Asterisk's {@code ast_queue_log()} does:
 * {@code epoch|callid|queuename|agent|event|data}, one line per event, flushed after every line, and events
 * without data still end in a pipe. Optionally keeps the lines in memory for tests.
 *
 * <p>Thread-safe (every method is synchronized).
 */
public final class QueueLogWriter implements AutoCloseable {
  private final @Nullable Writer out;
  private final @Nullable List<String> memory;

  private QueueLogWriter(@Nullable Writer out, boolean keep) {
    this.out = out;
    this.memory = keep ? new ArrayList<>() : null;
  }

  /**
   * Lines kept in memory only.
   *
   * @return a writer that keeps its lines
   */
  public static QueueLogWriter inMemory() {
    return new QueueLogWriter(null, true);
  }

  /**
   * Appends to a file (created if missing), the way Asterisk appends to /var/log/asterisk/queue_log.
   *
   * @param file the queue_log file
   * @return a writer appending to the file
   * @throws java.io.UncheckedIOException when the file cannot be opened
   */
  public static QueueLogWriter toFile(Path file) {
    try {
      return new QueueLogWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open queue_log " + file, e);
    }
  }

  /**
   * Writes one line; {@code data} fields are joined with pipes.
   *
   * @param at the line's time (whole seconds are written)
   * @param callId the callid column
   * @param queue the queue column
   * @param agent the agent column
   * @param event the event name
   * @param data the data fields
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public synchronized void write(Instant at, String callId, String queue, String agent, String event,
      String... data) {
    StringBuilder sb = new StringBuilder(64).append(at.getEpochSecond()).append('|').append(callId).append('|')
        .append(queue).append('|').append(agent).append('|').append(event).append('|');
    sb.append(String.join("|", data));
    String line = sb.toString();
    if (memory != null) {
      memory.add(line);
    }
    if (out != null) {
      try {
        out.write(line);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write queue_log", e);
      }
    }
  }

  /**
   * The lines written so far, when kept in memory (empty otherwise).
   *
   * @return a copy of the lines
   */
  public synchronized List<String> lines() {
    return memory == null ? List.of() : List.copyOf(memory);
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close queue_log", e);
      }
    }
  }
}
