package ru.sipring.campaign;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Client cards handed to a {@link ContactRepository} a chunk at a time, so a large import never holds every
 * card in memory. The repository stores them all or nothing: if {@link #next()} throws, nothing is stored and
 * the exception propagates. Not thread-safe; the repository pulls from one thread.
 */
@FunctionalInterface
public interface ContactChunks {
  /**
   * The next cards.
   *
   * @return the next cards (possibly none), or null when there are no more
   */
  @Nullable List<Contact> next();

  /**
   * All of {@code contacts} as one chunk.
   *
   * @param contacts the cards
   * @return chunks that yield them once
   */
  static ContactChunks of(List<Contact> contacts) {
    boolean[] done = {false};
    return () -> {
      if (done[0]) {
        return null;
      }
      done[0] = true;
      return contacts;
    };
  }
}
