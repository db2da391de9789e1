package ru.sipring.fax;

/**
 * State of an outgoing job as hfaxd reports it ({@code %a} in JOBFMT, one letter of {@code "?TPSBWRDF"}),
 * with the simple phase a person reads: queued, sending, done, failed. Immutable (thread-safe).
 */
public enum FaxJobState {
  /** hfaxd does not know the state. */
  UNDEFINED('?', "unknown"),
  /** Suspended: not scheduled until resumed. */
  SUSPENDED('T', "suspended"),
  /** Waiting for its send time. */
  PENDING('P', "queued"),
  /** Waiting before the next try. */
  SLEEPING('S', "queued"),
  /** Waiting for another job to the same number. */
  BLOCKED('B', "queued"),
  /** Waiting for a modem or another resource. */
  WAITING('W', "queued"),
  /** Being sent. */
  RUNNING('R', "sending"),
  /** Sent. */
  DONE('D', "done"),
  /** Failed for good. */
  FAILED('F', "failed");

  private final char letter;
  private final String phase;

  FaxJobState(char letter, String phase) {
    this.letter = letter;
    this.phase = phase;
  }

  /**
   * The hfaxd state letter.
   *
   * @return the hfaxd state letter
   */
  public char letter() {
    return letter;
  }

  /**
   * {@code queued}, {@code suspended}, {@code sending}, {@code done}, {@code failed} or {@code unknown}.
   *
   * @return the phase: {@code queued}, {@code suspended}, {@code sending}, {@code done}, {@code failed} or {@code unknown}
   */
  public String phase() {
    return phase;
  }

  /**
   * True once the job will not be tried again (done or failed).
   *
   * @return true once the job will not be tried again (done or failed)
   */
  public boolean isFinished() {
    return this == DONE || this == FAILED;
  }

  /**
   * The state for an hfaxd letter; an unknown letter gives {@link #UNDEFINED}.
   *
   * @param letter the letter
   * @return the state for an hfaxd letter
   */
  public static FaxJobState ofLetter(String letter) {
    if (letter != null && letter.length() == 1) {
      for (FaxJobState s : values()) {
        if (s.letter == letter.charAt(0)) {
          return s;
        }
      }
    }
    return UNDEFINED;
  }
}
