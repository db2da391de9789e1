package ru.sipring.core.pbx;

/**
 * Receives {@link QueueCallEvent}s from a {@link QueueCallEvents} source. Which thread calls it is stated by the
 * source ({@code AmiPbxGateway}: its own {@code sipring-ami-calls} thread, never asterisk-java's reader).
 */
@FunctionalInterface
public interface QueueCallListener {
  void onEvent(QueueCallEvent event);
}
