package ru.sipring.ami.agi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.core.directory.LoginFailureLedger;
import ru.sipring.core.text.TerminalText;

/**
 * Two limits on guessing PINs, both counted in a {@link LoginFailureLedger} (the registry database in
 * production, so a restart forgets nothing): per device, {@code lockoutAfter} wrong PINs within
 * {@code lockoutFor} lock that device until they age out; overall, {@code failureBudget} wrong PINs from any
 * devices within {@code budgetWindow} lock every login for {@code budgetCooldown}, logged as an ERROR for the
 * admin. The overall budget is what stops a guesser who makes up a new device for every call.
 *
 * <p>Thread-safe (the ledger is; a race between two concurrent wrong PINs at most locks a moment early).
 */
final class LoginGuard {
  private static final Logger log = LoggerFactory.getLogger(LoginGuard.class);

  private final AgentLoginSettings settings;
  private final LoginFailureLedger ledger;
  private final Clock clock;

  LoginGuard(AgentLoginSettings settings, LoginFailureLedger ledger, Clock clock) {
    this.settings = settings;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Whether every login is locked now (the overall budget was spent). */
  boolean globallyLocked() {
    return ledger.lockedUntil().map(clock.instant()::isBefore).orElse(false);
  }

  /** Whether this device may not try a PIN now (its own limit, or the overall lock). */
  boolean isLocked(String device) {
    return globallyLocked()
        || ledger.failuresSince(device, clock.instant().minus(settings.lockoutFor())) >= settings.lockoutAfter();
  }

  /** Wrong PINs this device has in the current window. */
  int failures(String device) {
    return ledger.failuresSince(device, clock.instant().minus(settings.lockoutFor()));
  }

  /** Records a wrong PIN; returns true when the device (or every login) is now locked. */
  boolean fail(String device) {
    Instant now = clock.instant();
    ledger.recordFailure(device, now);
    Duration keep = settings.lockoutFor().compareTo(settings.budgetWindow()) > 0 ? settings.lockoutFor()
        : settings.budgetWindow();
    ledger.forgetBefore(now.minus(keep));
    int overall = ledger.failuresSince(now.minus(settings.budgetWindow()));
    if (overall >= settings.failureBudget() && !globallyLocked()) {
      Instant until = now.plus(settings.budgetCooldown());
      ledger.lockAll(until);
      log.error("*45 login locked for every device until {}: {} wrong PINs within {} s (budget {}), the last from {}."
              + " Someone may be guessing PINs; check who reaches the AGI port and the wrong-PIN lines above.",
          until, overall, settings.budgetWindow().toSeconds(), settings.failureBudget(), TerminalText.escape(device));
    }
    return isLocked(device);
  }

  /** A right PIN: the device's own count starts again (the overall count does not). */
  void reset(String device) {
    ledger.clearDevice(device);
  }
}
