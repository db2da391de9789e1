package ru.sipring.campaign;

import ru.sipring.core.pbx.OriginateOutcome;

/** How a call attempt ended. */
public enum CallOutcome {
  ANSWERED("Отвечен"),
  BUSY("Занят"),
  NO_ANSWER("Не отвечен"),
  CONGESTION("Перегрузка"),
  FAILED("Ошибка");

  private final String russian;

  CallOutcome(String russian) {
    this.russian = russian;
  }

  /** The label the guide's reports use. */
  public String russian() {
    return russian;
  }

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
