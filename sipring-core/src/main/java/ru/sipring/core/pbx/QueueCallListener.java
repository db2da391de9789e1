package ru.sipring.core.pbx;

/**
 * Receives {@link QueueCallEvent}s from a {@link QueueCallEvents} source. Which thread calls it is stated by the
 * source ({@code AmiPbxGateway}: its own {@code sipring-ami-calls} thread, never asterisk-java's reader).
 */
@FunctionalInterface
public interface QueueCallListener {
  /**
   * Called once per event, in the order the PBX sent them; keep it short or hand the work to another thread.
   *
   * @param event the call event
   */
  void onEvent(QueueCallEvent event);
}
