package ru.sipring.spring;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import ru.sipring.fax.FaxCredentials;
import ru.sipring.fax.FaxServerAddress;
import ru.sipring.fax.HylaFaxClient;

/**
 * The configured HylaFAX server: where it is and who logs in. hfaxd sessions are short-lived (one per task), so
 * the starter offers this factory, not a shared connection. Immutable and thread-safe.
 *
 * @param address hfaxd's host and port
 * @param credentials the fax user
 * @param clock dates cover pages
 * @param zone zone cover page dates are shown in
 */
public record FaxServer(FaxServerAddress address, FaxCredentials credentials, Clock clock, ZoneId zone) {
  /**
   * Checks the components.
   *
   * @param address hfaxd's host and port
   * @param credentials the fax user
   * @param clock dates cover pages
   * @param zone zone cover page dates are shown in
   */
  public FaxServer {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * Opens a session; the caller closes it.
   *
   * @param timeout connect and read timeout
   * @return a logged-in client
   * @throws ru.sipring.fax.FaxServerException when hfaxd cannot be reached or refuses the login
   */
  public HylaFaxClient connect(Duration timeout) {
    return HylaFaxClient.connect(address, credentials, timeout, clock, zone);
  }
}
