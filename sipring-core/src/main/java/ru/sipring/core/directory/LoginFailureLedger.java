package ru.sipring.core.directory;

import java.time.Instant;
import java.util.Optional;

/**
 * Where wrong PINs of the {@code *45} login are counted, so that lockouts survive a restart of the login server
 * and span every device: a brute force that rotates made-up devices still spends one shared budget. The login
 * server records each wrong PIN with the device it came from, asks how many arrived in a window (per device
 * and overall), and, when the overall budget is spent, locks every login until a time it stores here.
 *
 * <p>Implementations: {@link #inMemory()} (tests, demos, the file-based login server: forgotten at restart) and
 * {@code ru.sipring.cdr.JdbiLoginFailureLedger} (SipRing's database: kept across restarts). Implementations are
 * thread-safe.
 */
public interface LoginFailureLedger {

  /**
   * Records one wrong PIN.
   *
   * @param device the member interface the call came from (as the login server names it)
   * @param at when it was typed
   */
  void recordFailure(String device, Instant at);

  /**
   * Wrong PINs from one device at or after {@code since}.
   *
   * @param device the device
   * @param since start of the window
   * @return the count
   */
  int failuresSince(String device, Instant since);

  /**
   * Wrong PINs from every device at or after {@code since}.
   *
   * @param since start of the window
   * @return the count
   */
  int failuresSince(Instant since);

  /**
   * Forgets the wrong PINs of one device (after a right PIN from it).
   *
   * @param device the device
   */
  void clearDevice(String device);

  /**
   * Locks every login until {@code until} (a later lock already stored is kept).
   *
   * @param until end of the lock
   */
  void lockAll(Instant until);

  /**
   * The end of the current or last global lock.
   *
   * @return the stored lock end, if any was ever set
   */
  Optional<Instant> lockedUntil();

  /**
   * Drops failures older than {@code before}: they no longer count in any window.
   *
   * @param before the oldest instant still kept
   */
  void forgetBefore(Instant before);

  /**
   * A ledger in memory: correct for one process, forgotten when it ends.
   *
   * @return a new, empty ledger
   */
  static LoginFailureLedger inMemory() {
    return new InMemoryLoginFailureLedger();
  }
}
