package ru.sipring.campaign;

import ru.sipring.core.pbx.OriginateOutcome;

/** How a call attempt ended. Immutable and thread-safe. */
public enum CallOutcome {
  /**
   * The client answered.
   */
  ANSWERED("Отвечен"),
  /**
   * The line was busy.
   */
  BUSY("Занят"),
  /**
   * It rang out unanswered.
   */
  NO_ANSWER("Не отвечен"),
  /**
   * The network was congested.
   */
  CONGESTION("Перегрузка"),
  /**
   * The call could not be placed.
   */
  FAILED("Ошибка");

  private final String russian;

  CallOutcome(String russian) {
    this.russian = russian;
  }

  /**
   * The label the guide's reports use.
   *
   * @return such as {@code Отвечен}
   */
  public String russian() {
    return russian;
  }

  /**
   * The outcome of an originate the PBX reported.
   *
   * @param o the PBX's outcome
   * @return the matching outcome
   */
  public static CallOutcome of(OriginateOutcome o) {
    return switch (o) {
      case ANSWERED -> ANSWERED;
      case BUSY -> BUSY;
      case NO_ANSWER -> NO_ANSWER;
      case CONGESTION -> CONGESTION;
      case FAILED -> FAILED;
    };
  }
}
