package ru.sipring.core.queuelog;

import java.util.List;
import java.util.Objects;

/**
 * One queue_log entry in its raw form: {@code epoch|callid|queue|agent|event|data1|...}, whatever its source
 * (a file line, a row of the realtime {@code queue_log} table, a live AMI feed). Immutable.
 *
 * <p>The bulk file reader does not build these (it parses bytes in place for speed); sources that are not
 * files, such as the database adapter, deliver records through {@link QueueLogSource}.
 *
 * @param epochSecond seconds since the epoch (queue_log time is whole seconds)
 * @param callId the Asterisk uniqueid of the caller's channel, or {@code NONE}
 * @param queue the queue name, or {@code NONE}
 * @param agent the agent column (interface, member name or agent id), or {@code NONE}
 * @param event the event name as written ({@code ENTERQUEUE}, {@code CONNECT}, custom events too)
 * @param data the fields after the event, in order; empty strings where the source had none
 */
public record QueueLogRecord(long epochSecond, String callId, String queue, String agent, String event,
    List<String> data) {

  /**
   * Checks the text fields and copies the data list.
   *
   * @param epochSecond seconds since the epoch (queue_log time is whole seconds)
   * @param callId the Asterisk uniqueid of the caller's channel, or {@code NONE}
   * @param queue the queue name, or {@code NONE}
   * @param agent the agent column (interface, member name or agent id), or {@code NONE}
   * @param event the event name as written ({@code ENTERQUEUE}, {@code CONNECT}, custom events too)
   * @param data the fields after the event, in order; empty strings where the source had none
   */
  public QueueLogRecord {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(event, "event");
    data = List.copyOf(data);
  }

  /**
   * The data field at a 1-based position ({@code data(1)} is data1), or "" when absent.
   *
   * @param position 1 for data1, 2 for data2, ...
   * @return the field, or ""
   */
  public String data(int position) {
    return position >= 1 && position <= data.size() ? data.get(position - 1) : "";
  }
}
