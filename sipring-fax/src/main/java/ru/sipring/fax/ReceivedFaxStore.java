package ru.sipring.fax;

import java.util.List;
import java.util.Optional;

/** SPI: received faxes with the line, category and folder SipRing recorded. Thread-safe. */
public interface ReceivedFaxStore {
  /** Inserts or replaces the record for this file. */
  void save(InboxFax fax);

  Optional<InboxFax> find(String file);

  /** All records, newest first (ties by file name). */
  List<InboxFax> list();

  /** Removes the record; true when it existed. */
  boolean delete(String file);
}
