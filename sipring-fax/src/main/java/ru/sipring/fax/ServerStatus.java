package ru.sipring.fax;

import java.util.List;

/**
 * What hfaxd says about itself: the scheduler line ({@code HylaFAX scheduler on vm: Running}) and one
 * entry per modem from {@code LIST status}. Immutable, thread-safe.
 */
public record ServerStatus(String scheduler, List<Modem> modems) {

  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param scheduler the scheduler
   * @param modems the modems
   */
  public ServerStatus {
    modems = List.copyOf(modems);
  }

  /**
   * True when the scheduler line says it is running.
   *
   * @return true when the scheduler line says it is running
   */
  public boolean schedulerRunning() {
    return scheduler.endsWith("Running");
  }

  /**
   * One modem (a line): device name, its number and status as hfaxd reports them. Immutable (thread-safe).
   *
   * @param device for example {@code ttyIAX0}
   * @param number the modem's fax number
   * @param status for example {@code Running and idle}
   */
  public record Modem(String device, String number, String status) {}
}
