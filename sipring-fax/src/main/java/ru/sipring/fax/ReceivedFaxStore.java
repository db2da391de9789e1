package ru.sipring.fax;

import java.util.List;
import java.util.Optional;

/** SPI: received faxes with the line, category and folder SipRing recorded. Thread-safe. */
public interface ReceivedFaxStore {
  /**
   * Inserts or replaces the record for this file.
   *
   * @param fax the received fax
   */
  void save(InboxFax fax);

  /**
   * A received fax by its file.
   *
   * @param file the file name in hfaxd's recvq
   * @return the fax, or empty when there is none
   */
  Optional<InboxFax> find(String file);

  /**
   * All records, newest first (ties by file name).
   *
   * @return all records, newest first
   */
  List<InboxFax> list();

  /**
   * Removes the record; true when it existed.
   *
   * @param file the file name
   * @return true when the record existed
   */
  boolean delete(String file);
}
