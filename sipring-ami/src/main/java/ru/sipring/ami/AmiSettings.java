package ru.sipring.ami;

import java.time.Duration;
import java.util.Objects;
import ru.sipring.core.BadInputException;

/**
 * Where and how to reach Asterisk's manager interface.
 *
 * @param host Asterisk's address
 * @param port AMI port (5038)
 * @param username manager.conf user; needs {@code read=agent,call,system} and {@code write=agent,originate,system}
 * @param secret its secret (sent only as an MD5 of the server's challenge)
 * @param connectTimeout TCP connect timeout
 * @param responseTimeout how long to wait for the answer to an action
 * @param pingInterval how often to ping Asterisk to detect a dead connection
 * @param readTimeout silence after which the connection is declared dead (at least 2 × pingInterval)
 * @param initialBackoff first wait before a reconnect or a retried login; doubles up to {@code maxBackoff},
 *     each wait jittered to between half and all of its value
 * @param maxBackoff longest wait between login attempts
 */
public record AmiSettings(String host, int port, String username, String secret, Duration connectTimeout,
    Duration responseTimeout, Duration pingInterval, Duration readTimeout, Duration initialBackoff,
    Duration maxBackoff) {

  /**
   * Checks the settings.
   *
   * @param host Asterisk's address
   * @param port AMI port (5038)
   * @param username manager.conf user; needs {@code read=agent,call,system} and {@code write=agent,originate,system}
   * @param secret its secret (sent only as an MD5 of the server's challenge)
   * @param connectTimeout TCP connect timeout
   * @param responseTimeout how long to wait for the answer to an action
   * @param pingInterval how often to ping Asterisk to detect a dead connection
   * @param readTimeout silence after which the connection is declared dead (at least 2 × pingInterval)
   * @param initialBackoff first wait before a reconnect or a retried login; doubles up to {@code maxBackoff}, each wait
   *     jittered to between half and all of its value
   * @param maxBackoff longest wait between login attempts
   * @throws BadInputException when the port is outside 1..65535 or the read timeout is shorter than two pings
   */
  public AmiSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(secret, "secret");
    if (port <= 0 || port > 65535) {
      throw new BadInputException("ami port", "must be 1..65535, was " + port);
    }
    if (readTimeout.compareTo(pingInterval.multipliedBy(2)) < 0) {
      throw new BadInputException("ami readTimeout", "must be at least twice the ping interval ("
          + pingInterval + "), was " + readTimeout);
    }
  }

  /**
   * Production defaults: connect 5 s, response 5 s, ping every 10 s, dead after 30 s of silence, back-off 0.5..30 s.
   *
   * @param host Asterisk's address
   * @param port the AMI port
   * @param username the manager.conf user
   * @param secret its secret
   * @return the settings
   * @throws BadInputException when the port is outside 1..65535
   */
  public static AmiSettings of(String host, int port, String username, String secret) {
    return new AmiSettings(host, port, username, secret, Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(30));
  }

  /**
   * Parses {@code HOST:PORT} (port defaults to 5038).
   *
   * @param hostPort {@code HOST} or {@code HOST:PORT}
   * @param username the manager.conf user
   * @param secret its secret
   * @return the settings
   * @throws BadInputException naming {@code --ami} when the host is missing or the port is not a number
   */
  public static AmiSettings parse(String hostPort, String username, String secret) {
    String h = hostPort.trim();
    int port = 5038;
    int colon = h.lastIndexOf(':');
    if (colon > 0) {
      try {
        port = Integer.parseInt(h.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new BadInputException("--ami", "port is not a number in '" + hostPort + "'", e);
      }
      h = h.substring(0, colon);
    }
    if (h.isEmpty()) {
      throw new BadInputException("--ami", "host missing in '" + hostPort + "'");
    }
    return of(h, port, username, secret);
  }

  /**
   * These settings with another keep-alive.
   *
   * @param ping how often to ping Asterisk
   * @param read silence after which the connection is dead; at least twice {@code ping}
   * @return new settings
   * @throws BadInputException when {@code read} is shorter than two pings
   */
  public AmiSettings withKeepAlive(Duration ping, Duration read) {
    return new AmiSettings(host, port, username, secret, connectTimeout, responseTimeout, ping, read,
        initialBackoff, maxBackoff);
  }

  /**
   * These settings with another action timeout.
   *
   * @param d how long to wait for the answer to an action
   * @return new settings
   */
  public AmiSettings withResponseTimeout(Duration d) {
    return new AmiSettings(host, port, username, secret, connectTimeout, d, pingInterval, readTimeout,
        initialBackoff, maxBackoff);
  }

  /**
   * These settings with another reconnect back-off.
   *
   * @param initial the first wait
   * @param max the longest wait
   * @return new settings
   */
  public AmiSettings withBackoff(Duration initial, Duration max) {
    return new AmiSettings(host, port, username, secret, connectTimeout, responseTimeout, pingInterval,
        readTimeout, initial, max);
  }

  @Override
  public String toString() {
    return "AmiSettings[" + username + "@" + host + ":" + port + "]"; // never the secret
  }
}
