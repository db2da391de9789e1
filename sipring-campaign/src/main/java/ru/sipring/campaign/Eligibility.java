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
  public enum Verdict { CALLABLE, NO_PHONE, DNC, FINISHED, EXHAUSTED, RETRY_LATER, OUTSIDE_WINDOW }

  private Eligibility() {}

  /** The DNC lists that apply to an assignment under its scope. */
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
