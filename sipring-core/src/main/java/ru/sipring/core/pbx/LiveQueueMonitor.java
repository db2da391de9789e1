package ru.sipring.core.pbx;

import java.util.List;
import java.util.Optional;

/**
 * Live state of the PBX's queues, kept current from the PBX's events. Implemented by
 * {@code ru.sipring.ami.AmiPbxGateway}.
 *
 * <p>Implementations are thread-safe. Listeners are called on one notification thread owned by the
 * implementation, one change at a time, in the order of the changes; a slow listener delays later
 * notifications but never the PBX connection.
 */
public interface LiveQueueMonitor {

  /** Called with the new state of a queue after each change. */
  @FunctionalInterface
  interface Listener {
    void onChange(LiveQueueState state);
  }

  /** Every known queue, sorted by name, with wait times as of now. */
  List<LiveQueueState> snapshot();

  /** One queue as of now, when the PBX has it. */
  Optional<LiveQueueState> snapshot(String queue);

  /** Registers a listener; closing the returned handle removes it. */
  AutoCloseable addListener(Listener listener);
}
