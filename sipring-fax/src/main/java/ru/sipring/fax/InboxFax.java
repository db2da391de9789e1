package ru.sipring.fax;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A received fax as SipRing records it: what hfaxd knows (file, sender TSI, caller id, time, pages) plus what
 * only SipRing knows: the line (modem device) it came on, its category and folder. Immutable, thread-safe.
 *
 * @param file file name in hfaxd's {@code recvq/}
 * @param sender sender's TSI
 * @param cidNumber caller id number
 * @param cidName caller id name
 * @param receivedAt when it was received
 * @param pages pages
 * @param device modem device it came on ("" when not known, for example found by a listing)
 * @param lineName the line's name ("Управление 1"), or the device
 * @param category category, null when none
 * @param folder inbox or archive
 * @param commId HylaFAX communication id ("" when not known)
 */
public record InboxFax(
    String file,
    String sender,
    String cidNumber,
    String cidName,
    Instant receivedAt,
    int pages,
    String device,
    String lineName,
    @Nullable String category,
    Folder folder,
    String commId) {

  /**
   * Where a received fax is shown. Archiving moves it out of the inbox; it stays on the server. Immutable
   * (thread-safe).
   */
  public enum Folder {
    /** Faxes not yet archived. */
    INBOX,
    /** Faxes a user has archived. */
    ARCHIVE
  }

  /**
   * A copy in another folder.
   *
   * @param f the folder
   * @return the copy
   */
  public InboxFax inFolder(Folder f) {
    return new InboxFax(file, sender, cidNumber, cidName, receivedAt, pages, device, lineName, category, f, commId);
  }

  /**
   * A copy with another category.
   *
   * @param c the category, or {@code null} for none
   * @return the copy
   */
  public InboxFax withCategory(@Nullable String c) {
    return new InboxFax(file, sender, cidNumber, cidName, receivedAt, pages, device, lineName, c, folder, commId);
  }
}
