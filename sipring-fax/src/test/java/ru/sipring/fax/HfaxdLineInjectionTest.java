package ru.sipring.fax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;

/**
 * Attacks on the hfaxd control connection: a CR/LF (or NUL) smuggled into a password, an admin password, a file
 * path, a job parameter name or a raw command must not reach the server as a second command. A small hfaxd
 * logs every line it receives; the last test does the same against the real hfaxd.
 */
class HfaxdLineInjectionTest {

  private static HylaFaxClient connect(LoggingHfaxd hfaxd, FaxCredentials credentials) {
    return HylaFaxClient.connect(new FaxServerAddress("127.0.0.1", hfaxd.port()), credentials, Duration.ofSeconds(5),
        Clock.systemUTC(), ZoneOffset.UTC);
  }

  @Test
  void aPasswordWithCrLfIsRefusedBeforeItIsSent() throws Exception {
    try (LoggingHfaxd hfaxd = new LoggingHfaxd()) {
      assertThatThrownBy(() -> connect(hfaxd, FaxCredentials.of("sipring", "pw\r\nSITE TRIGGER evil")))
          .isInstanceOf(BadInputException.class).hasMessageContaining("hfaxd PASS").hasMessageContaining("CR")
          .hasMessageNotContaining("pw").hasMessageNotContaining("SITE");
      hfaxd.awaitQuiet();
      assertThat(hfaxd.lines()).containsExactly("USER sipring");
    }
  }

  @Test
  void anAdminPasswordWithLfIsRefused() throws Exception {
    try (LoggingHfaxd hfaxd = new LoggingHfaxd()) {
      assertThatThrownBy(() -> connect(hfaxd, FaxCredentials.of("sipring", "pw").withAdmin("adm\nJKILL 1")))
          .isInstanceOf(BadInputException.class).hasMessageContaining("hfaxd ADMIN");
      hfaxd.awaitQuiet();
      assertThat(hfaxd.lines()).containsExactly("USER sipring", "PASS pw");
    }
  }

  @Test
  void pathsParameterNamesAndRawCommandsCannotCarryASecondCommand() throws Exception {
    try (LoggingHfaxd hfaxd = new LoggingHfaxd()) {
      try (HylaFaxClient c = connect(hfaxd, FaxCredentials.of("sipring", "pw"))) {
        assertThatThrownBy(() -> c.retrieve("recvq/fax1.tif\r\nDELE recvq/fax2.tif"))
            .isInstanceOf(BadInputException.class).hasMessageContaining("hfaxd RETR");
        assertThatThrownBy(() -> c.setJobParameter("5", "NOTIFYADDR\r\nJKILL", "x"))
            .isInstanceOf(BadInputException.class).hasMessageContaining("hfaxd JPARM");
        assertThatThrownBy(() -> c.jobParameter("5", "VRES\nJDELE")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> c.command("NOOP\u0000JKILL")).isInstanceOf(BadInputException.class)
            .hasMessageContaining("NUL");
        assertThatThrownBy(() -> c.admin("x\rJKILL 5")).isInstanceOf(BadInputException.class);
        // a value is quoted: its line breaks become spaces inside the one JPARM line
        c.setJobParameter("5", "NOTIFYADDR", "a@example.invalid\r\nJKILL");
        // the session is still in step with the server after every refusal
        assertThat(c.command("NOOP").code()).isEqualTo(200);
      }
      // after QUIT the log holds every line the server read: none of the smuggled commands is among them
      hfaxd.awaitQuiet();
      List<String> lines = hfaxd.lines();
      assertThat(lines).noneMatch(l -> l.startsWith("DELE") || l.startsWith("JKILL") || l.startsWith("JDELE")
          || l.startsWith("ADMIN") || l.contains("\u0000"));
      assertThat(lines).contains("JPARM NOTIFYADDR \"a@example.invalid JKILL\"", "NOOP", "QUIT");
    }
  }

  @Test
  void theRealHfaxdNeverSeesTheSmuggledLine() {
    LiveHfaxd server = LiveHfaxd.get();
    assertThatThrownBy(() -> HylaFaxClient.connect(server.address,
        FaxCredentials.of(server.user, server.password + "\r\nADMIN " + server.adminPassword)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("hfaxd PASS");
    try (HylaFaxClient c = server.connect()) {
      assertThatThrownBy(() -> c.retrieve("recvq/none.tif\r\nSITE TRIGGER x")).isInstanceOf(BadInputException.class);
      assertThatThrownBy(() -> c.command("STAT\nADMIN " + server.adminPassword)).isInstanceOf(BadInputException.class);
      // still one command, one reply: the session answers the next command in step
      assertThat(c.stat()).isNotEmpty();
      assertThat(c.command("NOOP").code()).isEqualTo(200);
    }
  }

  /** An hfaxd that logs every line it reads and answers just enough for a session (one connection at a time). */
  private static final class LoggingHfaxd implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread thread;

    LoggingHfaxd() throws IOException {
      thread = new Thread(this::serve, "logging-hfaxd");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    List<String> lines() {
      return List.copyOf(lines);
    }

    /** Waits until the session the client aborted has been read to its end. */
    void awaitQuiet() throws InterruptedException {
      thread.join(10_000);
    }

    private void serve() {
      try (Socket s = socket.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        reply(out, "220 logging hfaxd ready");
        String line;
        // readLine splits on CR and LF alike, as hfaxd ends a command at either
        while ((line = in.readLine()) != null) {
          lines.add(line);
          String verb = line.split(" ", 2)[0];
          switch (verb) {
            case "USER" -> reply(out, "331 Password required for user");
            case "PASS", "ADMIN" -> reply(out, "230 User logged in.");
            case "JPARM" -> reply(out, "213 ok");
            case "PASV" -> {
              ServerSocket data = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
              Thread t = new Thread(() -> {
                try (data; Socket d = data.accept()) {
                  d.getInputStream().read();
                } catch (IOException ignored) {
                  // the client closed the data connection
                }
              }, "logging-hfaxd-data");
              t.setDaemon(true);
              t.start();
              int p = data.getLocalPort();
              reply(out, "227 Entering Passive Mode (127,0,0,1," + p / 256 + "," + p % 256 + ")");
            }
            case "QUIT" -> {
              reply(out, "221 Goodbye.");
              return;
            }
            default -> reply(out, "200 ok");
          }
        }
      } catch (IOException e) {
        // the client went away
      }
    }

    private static void reply(OutputStream out, String text) throws IOException {
      out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
