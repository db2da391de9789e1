package ru.sipring.core.pbx;

import java.util.Objects;

/**
 * A queue member to add: the queue, the device interface ({@code PJSIP/501}, {@code Local/501@from-queue/n}),
 * the name shown in queue_log and reports (the operator's name), the penalty and whether it starts paused.
 * Immutable.
 *
 * @param queue the queue
 * @param memberInterface the device interface
 * @param memberName the name shown in queue_log and reports
 * @param penalty the penalty, not negative
 * @param paused whether the member starts paused
 */
public record QueueMember(String queue, String memberInterface, String memberName, int penalty, boolean paused) {
  /**
   * Checks the member.
   *
   * @param queue the queue
   * @param memberInterface the device interface
   * @param memberName the name shown in queue_log and reports
   * @param penalty the penalty, not negative
   * @param paused whether the member starts paused
   */
  public QueueMember {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(memberInterface, "memberInterface");
    Objects.requireNonNull(memberName, "memberName");
    if (penalty < 0) {
      throw new IllegalArgumentException("penalty must be >= 0, was " + penalty);
    }
  }
}
