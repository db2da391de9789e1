package ru.sipring.ami.agi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.asteriskjava.util.SocketConnectionFacade;
import org.jspecify.annotations.Nullable;

/**
 * One FastAGI connection as asterisk-java's connection handler reads it, with SipRing's own framing: lines are
 * at most {@link #MAX_LINE} bytes (a peer that never sends a newline cannot grow memory), and the AGI header
 * block is read and checked first ({@link #readHeader}), so an idle or garbage connection is closed with one
 * line of log instead of reaching asterisk-java (which throws a NullPointerException on an empty request).
 * The header lines are then replayed to asterisk-java, which parses them as usual.
 *
 * <p>Not thread-safe: one connection handler thread uses it.
 */
final class AgiSocket implements SocketConnectionFacade {
  static final int MAX_LINE = 8192;
  static final int MAX_HEADER_LINES = 200;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final Deque<String> replay = new ArrayDeque<>();

  AgiSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Why a connection was not an AGI session; the message is one line without the peer's bytes. */
  static final class NotAgi extends IOException {
    private static final long serialVersionUID = 1L;

    NotAgi(String message) {
      super(message);
    }
  }

  /**
   * Reads the {@code agi_*: value} block up to its empty line and keeps it for asterisk-java.
   *
   * @throws NotAgi when the peer closed, sent no AGI header, or sent something else
   * @throws java.net.SocketTimeoutException when nothing complete arrived within the socket timeout
   */
  void readHeader() throws IOException {
    List<String> lines = new ArrayList<>();
    boolean script = false;
    while (true) {
      String line = readRaw();
      if (line == null) {
        throw new NotAgi(lines.isEmpty() ? "closed without sending anything" : "closed in the middle of the AGI header");
      }
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (!line.startsWith("agi_") || colon < 0) {
        throw new NotAgi("sent a line that is not an AGI header variable");
      }
      if (lines.size() == MAX_HEADER_LINES) {
        throw new NotAgi("sent more than " + MAX_HEADER_LINES + " header lines");
      }
      String key = line.substring(0, colon);
      if (key.equals("agi_network_script") || key.equals("agi_request")) {
        script = true;
      }
      lines.add(line);
    }
    if (!script) {
      throw new NotAgi(lines.isEmpty() ? "sent an empty AGI header" : "sent an AGI header without agi_request");
    }
    replay.addAll(lines);
    replay.add("");
  }

  @Override
  public @Nullable String readLine() throws IOException {
    String r = replay.pollFirst();
    return r != null ? r : readRaw();
  }

  /** One line without its CR/LF, null at end of stream. */
  private @Nullable String readRaw() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(80);
    while (true) {
      int c = in.read();
      if (c < 0) {
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
      }
      if (c == '\n') {
        break;
      }
      if (b.size() == MAX_LINE) {
        throw new NotAgi("sent a line longer than " + MAX_LINE + " bytes");
      }
      b.write(c);
    }
    String s = b.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public void write(String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  @Override
  public boolean isConnected() {
    return socket.isConnected() && !socket.isClosed();
  }

  @Override
  public InetAddress getLocalAddress() {
    return socket.getLocalAddress();
  }

  @Override
  public int getLocalPort() {
    return socket.getLocalPort();
  }

  @Override
  public InetAddress getRemoteAddress() {
    return socket.getInetAddress();
  }

  @Override
  public int getRemotePort() {
    return socket.getPort();
  }
}
