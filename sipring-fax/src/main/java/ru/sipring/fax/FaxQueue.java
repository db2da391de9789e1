package ru.sipring.fax;

/** The hfaxd queues SipRing lists. Immutable (thread-safe). */
public enum FaxQueue {
  /** Active outgoing jobs ({@code sendq}). */
  SEND("sendq"),
  /** Finished or failed outgoing jobs ({@code doneq}). */
  DONE("doneq"),
  /** Received faxes ({@code recvq}). */
  RECEIVED("recvq");

  private final String directory;

  FaxQueue(String directory) {
    this.directory = directory;
  }

  /**
   * The spool directory hfaxd lists.
   *
   * @return the spool directory hfaxd lists
   */
  public String directory() {
    return directory;
  }
}
