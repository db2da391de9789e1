package ru.sipring.ami.agi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ru.sipring.core.BadInputException;

/**
 * The Asterisk hosts allowed to open FastAGI sessions: addresses and CIDR ranges, IPv4 and IPv6. The AGI
 * protocol has no authentication of its own, and the caller's channel, extension and variables arrive in the
 * session's own header, so whoever reaches the port can claim any device; the login server therefore serves only
 * the PBX addresses listed here and closes every other connection before reading a byte.
 *
 * <p>Immutable and thread-safe.
 */
public final class PeerAllowList {
  private record Range(byte[] network, int prefix, String text) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;

  private PeerAllowList(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * Loopback only ({@code 127.0.0.0/8} and {@code ::1}): Asterisk on the same host. The default.
   *
   * @return the loopback allow-list
   */
  public static PeerAllowList loopbackOnly() {
    return parse("127.0.0.0/8,::1");
  }

  /**
   * Parses {@code ADDR[,ADDR...]}, each an IP address ({@code 10.0.0.5}, {@code fd00::5}) or a CIDR range
   * ({@code 10.0.0.0/24}). Host names are refused: a DNS answer must not decide who may log agents in.
   *
   * @param spec comma-separated addresses and ranges
   * @return the allow-list
   * @throws BadInputException naming {@code --allow} and the entry that is not an address or range
   */
  public static PeerAllowList parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    List<Range> out = new ArrayList<>();
    for (String raw : spec.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      String host = slash < 0 ? entry : entry.substring(0, slash);
      if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
        throw new BadInputException("--allow", "'" + ru.sipring.core.text.TerminalText.escape(entry)
            + "' is not an IP address or CIDR range (host names are not accepted)");
      }
      byte[] address;
      try {
        address = InetAddress.getByName(host).getAddress();
      } catch (UnknownHostException e) {
        throw new BadInputException("--allow", "'" + entry + "' is not an IP address", e);
      }
      int bits = address.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new BadInputException("--allow", "'" + entry + "': the prefix length must be 0.." + bits);
        }
      }
      out.add(new Range(address, prefix, entry));
    }
    if (out.isEmpty()) {
      throw new BadInputException("--allow", "no address given");
    }
    return new PeerAllowList(out);
  }

  /**
   * Whether {@code peer} may open a session. An IPv4 address mapped into IPv6 ({@code ::ffff:10.0.0.5}) is
   * matched as IPv4.
   *
   * @param peer the remote address of a connection
   * @return true when it is in one of the ranges
   */
  public boolean allows(InetAddress peer) {
    byte[] a = peer.getAddress();
    if (a.length == 16 && isV4Mapped(a)) {
      a = java.util.Arrays.copyOfRange(a, 12, 16);
    }
    for (Range r : ranges) {
      if (r.contains(a)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isV4Mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
  }

  @Override
  public String toString() {
    return String.join(",", ranges.stream().map(Range::text).toList());
  }
}
