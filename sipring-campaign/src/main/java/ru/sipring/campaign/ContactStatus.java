package ru.sipring.campaign;

/**
 * Where a client card stands. It follows the last call's outcome; {@link #DONE} ("Выполнено") is set by the
 * operator; {@link #IN_DOUBT} marks a dialer call whose outcome was lost in a restart, which the dialer never
 * repeats on its own.
 */
public enum ContactStatus {
  NEW,
  ANSWERED,
  BUSY,
  NO_ANSWER,
  CONGESTION,
  FAILED,
  IN_DOUBT,
  DONE;

  public static ContactStatus of(CallOutcome o) {
    return switch (o) {
      case ANSWERED -> ANSWERED;
      case BUSY -> BUSY;
      case NO_ANSWER -> NO_ANSWER;
      case CONGESTION -> CONGESTION;
      case FAILED -> FAILED;
    };
  }

  /** Whether an operator "returning to unanswered calls" or the dialer may call it again (rules permitting). */
  public boolean callable() {
    return this == NEW || this == BUSY || this == NO_ANSWER || this == CONGESTION || this == FAILED;
  }
}
