package ru.sipring.fax;

import java.time.Instant;

/**
 * What HylaFAX tells its receive hook (faxrcvd / FaxDispatch) about a fax that just arrived: the file in
 * {@code recvq/}, the modem device, the communication id, caller id, the sender's TSI and pages.
 * Immutable, thread-safe.
 */
public record ReceiveEvent(
    String file,
    String device,
    String commId,
    String cidNumber,
    String cidName,
    String sender,
    int pages,
    Instant receivedAt) {

  /**
   * Checks the components.
   *
   * @param file the file
   * @param device the device
   * @param commId the comm id
   * @param cidNumber the cid number
   * @param cidName the cid name
   * @param sender the sender
   * @param pages the pages
   * @param receivedAt the received at
   */
  public ReceiveEvent {
    file = baseName(file);
    device = device == null ? "" : device;
    commId = commId == null ? "" : commId;
    cidNumber = cidNumber == null ? "" : cidNumber;
    cidName = cidName == null ? "" : cidName;
    sender = sender == null ? "" : sender;
  }

  /** faxrcvd passes {@code recvq/fax000000001.tif}; SipRing keys faxes by the bare file name. */
  static String baseName(String file) {
    if (file == null || file.isBlank()) {
      throw new ru.sipring.core.BadInputException("file", "received fax file name is empty");
    }
    int slash = file.lastIndexOf('/');
    return slash >= 0 ? file.substring(slash + 1) : file;
  }
}
