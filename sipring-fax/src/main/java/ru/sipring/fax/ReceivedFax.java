package ru.sipring.fax;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A fax in hfaxd's receive queue ({@code recvq/faxNNNNNNNNN.tif}) as listed with SipRing's RCVFMT.
 * hfaxd does not know the line (modem) that received it: SipRing records that itself
 * ({@link InboxFax}). Immutable, thread-safe.
 *
 * @param file file name inside {@code recvq/}
 * @param receivedAt when the receive started
 * @param sender the sender's TSI (fax identifier) as the sender's machine announced it
 * @param pages pages received
 * @param stillReceiving true while the fax is being received
 * @param owner hfaxd owner (a uid)
 * @param verticalResolution lines per inch (98 normal, 196 fine)
 * @param bitRate signalling rate, bit/s
 * @param dataFormat for example {@code 1-D MH}
 * @param sizeBytes TIFF size
 * @param cidNumber caller id number (CallID1)
 * @param cidName caller id name (CallID2)
 * @param subAddress the sender's sub-address
 * @param error receive error text, empty when fine
 */
public record ReceivedFax(
    String file,
    @Nullable Instant receivedAt,
    String sender,
    int pages,
    boolean stillReceiving,
    String owner,
    int verticalResolution,
    int bitRate,
    String dataFormat,
    long sizeBytes,
    String cidNumber,
    String cidName,
    String subAddress,
    String error) {

  /**
   * The path to ask hfaxd for ({@code recvq/<file>}).
   *
   * @return the path to ask hfaxd for
   */
  public String path() {
    return "recvq/" + file;
  }
}
