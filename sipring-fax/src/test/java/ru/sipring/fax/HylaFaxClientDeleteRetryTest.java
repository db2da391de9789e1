package ru.sipring.fax;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * {@link HylaFaxClient#delete} after the "Job file lock failed" race. hfaxd 6.0.7 answers a JDELE right after
 * JKILL with 504 and then has the default job selected, so a bare second JDELE is refused with "Cannot delete
 * default job" (seen on the CI hfaxd with a raw session). The scripted server here answers as hfaxd does.
 */
class HylaFaxClientDeleteRetryTest {

  @Test
  void selectsTheJobAgainBeforeRetryingJdele() throws Exception {
    try (ScriptedHfaxd hfaxd = new ScriptedHfaxd();
        HylaFaxClient c = HylaFaxClient.connect(new FaxServerAddress("127.0.0.1", hfaxd.port()),
            FaxCredentials.of("sipring", null), Duration.ofSeconds(5), Clock.systemUTC(), ZoneOffset.UTC)) {
      c.delete("5");
      assertThat(hfaxd.commands()).containsSubsequence("JOB 5", "JDELE", "JOB 5", "JDELE");
      assertThat(hfaxd.deleted).isTrue();
    }
  }

  /** One session: login without password, one lock failure on the first JDELE, then hfaxd's default-job rule. */
  private static final class ScriptedHfaxd implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile boolean deleted;

    ScriptedHfaxd() throws IOException {
      Thread t = new Thread(this::serve, "scripted-hfaxd");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    List<String> commands() {
      return List.copyOf(commands);
    }

    private void serve() {
      try (Socket s = socket.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        reply(out, "220 scripted HylaFAX server ready.");
        String current = "default";
        boolean lockFailed = false;
        String line;
        while ((line = in.readLine()) != null) {
          commands.add(line);
          if (line.startsWith("USER ")) {
            reply(out, "230 User logged in.");
          } else if (line.startsWith("JOB ")) {
            current = line.substring(4);
            reply(out, "200 Current job: jobid: " + current + " groupid: " + current + ".");
          } else if (line.equals("JDELE") && current.equals("default")) {
            reply(out, "504 Cannot delete default job.");
          } else if (line.equals("JDELE") && !lockFailed) {
            lockFailed = true;
            current = "default";
            reply(out, "504 Cannot delete job: Job file lock failed: Resource temporarily unavailable.");
          } else if (line.equals("JDELE")) {
            deleted = true;
            reply(out, "200 Job " + current + " deleted; current job: (default).");
            current = "default";
          } else if (line.equals("QUIT")) {
            reply(out, "221 Goodbye.");
            return;
          } else {
            reply(out, "200 OK.");
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
