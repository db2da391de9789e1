package ru.sipring.campaign;

/**
 * Where a client card stands. It follows the last call's outcome; {@link #DONE} ("Выполнено") is set by the
 * operator; {@link #IN_DOUBT} marks a dialer call whose outcome was lost in a restart, which the dialer never
 * repeats on its own. Immutable and thread-safe.
 */
public enum ContactStatus {
  /**
   * Not called yet (or reset by an operator).
   */
  NEW,
  /**
   * The last call was answered.
   */
  ANSWERED,
  /**
   * The last call found the line busy.
   */
  BUSY,
  /**
   * The last call rang out unanswered.
   */
  NO_ANSWER,
  /**
   * The last call hit a congested network.
   */
  CONGESTION,
  /**
   * The last call could not be placed.
   */
  FAILED,
  /**
   * A dialer call whose outcome was lost in a restart; never redialled automatically.
   */
  IN_DOUBT,
  /**
   * Finished by the operator ("Выполнено"); not called again.
   */
  DONE;

  /**
   * The status a call's outcome leads to.
   *
   * @param o the outcome
   * @return the matching status
   */
  public static ContactStatus of(CallOutcome o) {
    return switch (o) {
      case ANSWERED -> ANSWERED;
      case BUSY -> BUSY;
      case NO_ANSWER -> NO_ANSWER;
      case CONGESTION -> CONGESTION;
      case FAILED -> FAILED;
    };
  }

  /**
   * Whether an operator "returning to unanswered calls" or the dialer may call it again (rules permitting).
   *
   * @return true for {@code NEW}, {@code BUSY}, {@code NO_ANSWER}, {@code CONGESTION} and {@code FAILED}
   */
  public boolean callable() {
    return this == NEW || this == BUSY || this == NO_ANSWER || this == CONGESTION || this == FAILED;
  }
}
