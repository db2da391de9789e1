package ru.sipring.fax;

import ru.sipring.core.BadInputException;

/**
 * Where hfaxd listens: host and TCP port (HylaFAX's default is 4559). Immutable, thread-safe.
 */
public record FaxServerAddress(String host, int port) {

  /** The port hfaxd listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 4559;

  /**
   * Checks the components.
   *
   * @param host the host
   * @param port the port
   */
  public FaxServerAddress {
    if (host == null || host.isBlank()) {
      throw new BadInputException("fax server", "host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new BadInputException("fax server", "port " + port + " is outside 1..65535");
    }
  }

  /**
   * Parses {@code HOST:PORT} or {@code HOST} (port 4559); {@code location} names the option or field.
   *
   * @param text the text
   * @param location the file or fax the bytes came from, named in errors
   * @return the fax server address
   */
  public static FaxServerAddress parse(String text, String location) {
    if (text == null || text.isBlank()) {
      throw new BadInputException(location, "expected HOST:PORT, got nothing");
    }
    String t = text.trim();
    int colon = t.lastIndexOf(':');
    if (colon < 0) {
      return new FaxServerAddress(t, DEFAULT_PORT);
    }
    String host = t.substring(0, colon);
    String port = t.substring(colon + 1);
    try {
      return new FaxServerAddress(host, Integer.parseInt(port));
    } catch (NumberFormatException e) {
      throw new BadInputException(location, "port '" + port + "' in '" + t + "' is not a number", e);
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
