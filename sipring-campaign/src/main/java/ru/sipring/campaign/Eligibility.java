package ru.sipring.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a client may be called now, and if not why: the one rule the work form's "return to unanswered"
 * list and the dialer share. Stateless and thread-safe.
 */
public final class Eligibility {
  /** The answer; {@link #CALLABLE} or the first reason found. */
  public enum Verdict {
    /** The client may be called now. */
    CALLABLE,
    /** The card has no phone. */
    NO_PHONE,
    /** The number is on a do-not-call list that applies. */
    DNC,
    /** The card's status is final (answered, done, refused...). */
    FINISHED,
    /** The retry rule of the last outcome allows no more attempts. */
    EXHAUSTED,
    /** The retry delay after the last attempt has not passed yet. */
    RETRY_LATER,
    /** The call window is closed now, in the client's zone or the assignment's. */
    OUTSIDE_WINDOW
  }

  private Eligibility() {}

  /**
   * The DNC lists that apply to an assignment under its scope.
   *
   * @param a the assignment
   * @param projectId the project of its task
   * @return the keys, the global list first
   */
  public static List<String> dncKeys(Assignment a, long projectId) {
    List<String> keys = new ArrayList<>(3);
    keys.add(DncRepository.GLOBAL);
    if (a.settings().dncScope() != DncScope.GLOBAL) {
      keys.add(DncRepository.projectKey(projectId));
    }
    if (a.settings().dncScope() == DncScope.ASSIGNMENT) {
      keys.add(DncRepository.assignmentKey(a.id()));
    }
    return keys;
  }

  /**
   * Whether the card may be called at {@code now}, and if not the first reason, checked in the order: phone,
   * status, attempts, retry delay, call window, DNC lists.
   *
   * @param c the card
   * @param a its assignment (retry rules and call window)
   * @param dncKeys the lists that apply ({@link #dncKeys})
   * @param dnc the do-not-call lists
   * @param now the time of the call
   * @return {@link Verdict#CALLABLE} or the reason
   */
  public static Verdict check(Contact c, Assignment a, List<String> dncKeys, DncRepository dnc, Instant now) {
    if (c.phoneNormalized().isEmpty()) {
      return Verdict.NO_PHONE;
    }
    if (!c.status().callable()) {
      return Verdict.FINISHED;
    }
    Instant next = a.settings().retry().nextCallAt(c);
    if (next == null) {
      return Verdict.EXHAUSTED;
    }
    if (next.isAfter(now)) {
      return Verdict.RETRY_LATER;
    }
    if (!a.settings().window().isOpen(now, c.zone())) {
      return Verdict.OUTSIDE_WINDOW;
    }
    if (dnc.contains(dncKeys, c.phoneNormalized())) {
      return Verdict.DNC;
    }
    return Verdict.CALLABLE;
  }
}
