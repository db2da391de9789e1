package ru.sipring.fax;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal real SMTP server on loopback (RFC 5321 subset: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that
 * keeps every message it accepts. Runs one thread per connection; safe to read from any thread. Public because the
 * CLI tests use it too, through this module's test-jar.
 */
public final class TestSmtpServer implements AutoCloseable {
  /** One accepted message: envelope sender, envelope recipients and the DATA text (dot-unstuffed, CRLF lines). */
  public record Mail(String from, List<String> to, String data) {}

  private final ServerSocket socket;
  private final List<Mail> mails = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  public TestSmtpServer() throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "test-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  public List<Mail> mails() {
    return List.copyOf(mails);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        Thread t = new Thread(() -> serve(s), "test-smtp-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = s.getOutputStream();
      reply(out, "220 localhost test SMTP");
      String from = null;
      List<String> to = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (cmd) {
          case "EHLO" -> reply(out, "250-localhost\r\n250 8BITMIME");
          case "HELO" -> reply(out, "250 localhost");
          case "MAIL" -> { from = address(line); to = new ArrayList<>(); reply(out, "250 OK"); }
          case "RCPT" -> { to.add(address(line)); reply(out, "250 OK"); }
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            StringBuilder data = new StringBuilder();
            String d;
            while ((d = in.readLine()) != null && !d.equals(".")) {
              data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
            }
            mails.add(new Mail(from, List.copyOf(to), data.toString()));
            reply(out, "250 OK queued");
          }
          case "RSET" -> { from = null; to = new ArrayList<>(); reply(out, "250 OK"); }
          case "NOOP" -> reply(out, "250 OK");
          case "QUIT" -> { reply(out, "221 Bye"); return; }
          default -> reply(out, "502 Command not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static String address(String line) {
    int lt = line.indexOf('<');
    int gt = line.indexOf('>');
    return lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line.substring(line.indexOf(':') + 1).trim();
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
