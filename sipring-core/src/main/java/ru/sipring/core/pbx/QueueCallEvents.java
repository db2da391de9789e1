package ru.sipring.core.pbx;

/**
 * A source of {@link QueueCallEvent}s: agent connected, agent completed, caller abandoned. Implemented by
 * {@code ru.sipring.ami.AmiPbxGateway} over the same AMI session it uses for members and live state, and by the
 * testkit's in-memory gateway for host tests.
 *
 * <p>A separate interface rather than a {@link PbxGateway} method: not every gateway sees calls (a default that
 * silently never fires would hide a wiring mistake), and a host that only needs events can depend on this alone.
 *
 * <p>Implementations are thread-safe. Every event is delivered, once, in the PBX's order, one call at a time, on
 * one notification thread owned by the implementation (unless it says otherwise); a slow listener never delays
 * the PBX connection but delays the events after it.
 */
public interface QueueCallEvents {

  /**
   * Registers a listener; closing the returned handle removes it.
   *
   * @param listener receives every event, on the source's own thread
   * @return a handle whose {@code close()} removes the listener
   */
  AutoCloseable addCallListener(QueueCallListener listener);
}
