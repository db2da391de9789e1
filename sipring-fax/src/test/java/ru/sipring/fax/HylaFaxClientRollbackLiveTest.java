package ru.sipring.fax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.NotFoundException;

/**
 * The all-or-nothing promise of {@link HylaFaxClient#send}: when one job of a multi-number send fails, the jobs
 * already queued are killed and deleted on the real hfaxd. The failure is injected by a control-connection
 * proxy that answers the second {@code JSUBM} itself (hfaxd has no switch to refuse one job of several);
 * everything else, data transfers included, goes to the real server.
 */
class HylaFaxClientRollbackLiveTest {
  LiveHfaxd server;

  @BeforeEach
  void server() {
    server = LiveHfaxd.get();
  }

  @Test
  void whenTheSecondJobFailsTheFirstIsKilledAndDeletedAndTheSecondRemoved() throws Exception {
    String tag = "sipring-rollback-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    SendRequest request = SendRequest.builder()
        .to(LiveHfaxd.number()).to(LiveHfaxd.number()).to(LiveHfaxd.number())
        .document(FaxDocument.of("doc.pdf", FaxDocument.Format.PDF, LiveHfaxd.pdf("Откат")))
        .killTime(Duration.ofHours(1))
        .tag(tag)
        .build();

    List<String> created;
    try (FailingProxy proxy = new FailingProxy(server.address, "JSUBM", 2, "504 Injected failure for the test.");
        HylaFaxClient c = HylaFaxClient.connect(new FaxServerAddress("127.0.0.1", proxy.port()),
            server.credentials())) {
      assertThatThrownBy(() -> c.send(request))
          .isInstanceOfSatisfying(FaxServerException.class, e -> {
            assertThat(e.code()).isEqualTo(504);
            assertThat(e.command()).isEqualTo("JSUBM");
            assertThat(e.getSuppressed()).as("cleanup failures").isEmpty();
          });
      // the first job was submitted and the second created before the failure; the third never started
      created = proxy.createdJobs();
      assertThat(created).hasSize(2);
      assertThat(proxy.sent()).filteredOn(l -> l.startsWith("JKILL")).hasSize(1);
    }

    try (HylaFaxClient direct = server.connect()) {
      for (String id : created) {
        assertThatThrownBy(() -> direct.job(id)).as("job " + id).isInstanceOf(NotFoundException.class);
      }
      assertThat(direct.listJobs(FaxQueue.SEND)).extracting(FaxJob::tag).doesNotContain(tag);
      assertThat(direct.listJobs(FaxQueue.DONE)).extracting(FaxJob::tag).doesNotContain(tag);
    }
  }

  @Test
  void theProxyPassesAnUnbrokenSendThrough() throws Exception {
    // guards the test above: without an injected failure the same send through the proxy queues every job
    String tag = "sipring-rollback-ok-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    SendRequest request = SendRequest.builder()
        .to(LiveHfaxd.number()).to(LiveHfaxd.number())
        .document(FaxDocument.of("doc.pdf", FaxDocument.Format.PDF, LiveHfaxd.pdf("Без отката")))
        .killTime(Duration.ofHours(1))
        .tag(tag)
        .build();
    try (FailingProxy proxy = new FailingProxy(server.address, "JSUBM", Integer.MAX_VALUE, "");
        HylaFaxClient c = HylaFaxClient.connect(new FaxServerAddress("127.0.0.1", proxy.port()),
            server.credentials())) {
      SendResult sent = c.send(request);
      assertThat(sent.jobs()).hasSize(2);
      assertThat(proxy.createdJobs()).containsExactlyElementsOf(sent.jobs().stream().map(SendResult.Job::id).toList());
      for (SendResult.Job j : sent.jobs()) {
        c.kill(j.id());
        c.delete(j.id());
      }
    }
  }

  /**
   * Forwards one hfaxd control connection; the {@code failOn}-th client command starting with {@code command}
   * is not forwarded but answered with {@code reply}. Records the client's commands and the ids of the jobs
   * hfaxd created ({@code JNEW} replies). Every connection is proxied (the client opens a second session to
   * read the job states after a send).
   */
  private static final class FailingProxy implements AutoCloseable {
    private static final Pattern NEW_JOB = Pattern.compile("jobid: (\\d+)");
    private final ServerSocket listener;
    private final FaxServerAddress target;
    private final String command;
    private final int failOn;
    private final String reply;
    private final AtomicInteger seen = new AtomicInteger();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    FailingProxy(FaxServerAddress target, String command, int failOn, String reply) throws IOException {
      this.target = target;
      this.command = command;
      this.failOn = failOn;
      this.reply = reply;
      listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
      Thread t = new Thread(this::accept, "hfaxd-proxy");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    List<String> sent() {
      return List.copyOf(sent);
    }

    List<String> createdJobs() {
      return List.copyOf(created);
    }

    private void accept() {
      while (!listener.isClosed()) {
        try {
          Socket client = listener.accept();
          Socket upstream = new Socket(target.host(), target.port());
          sockets.add(client);
          sockets.add(upstream);
          Thread t = new Thread(() -> serve(client, upstream), "hfaxd-proxy-conn");
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return; // closed by the test
        }
      }
    }

    /** One session: commands up (or answered here), replies down; JNEW's reply names the created job. */
    private void serve(Socket client, Socket upstream) {
      String[] last = {""};
      try {
        OutputStream toClient = client.getOutputStream();
        Thread down = new Thread(() -> pumpReplies(upstream, toClient, last), "hfaxd-proxy-down");
        down.setDaemon(true);
        down.start();
        pumpCommands(client.getInputStream(), upstream.getOutputStream(), toClient, last);
      } catch (IOException e) {
        // closed by the test
      }
    }

    private void pumpCommands(InputStream in, OutputStream toServer, OutputStream toClient, String[] last)
        throws IOException {
      String line;
      while ((line = readLine(in)) != null) {
        sent.add(line.startsWith("PASS") || line.startsWith("ADMIN") ? "(login)" : line);
        if (line.startsWith(command) && seen.incrementAndGet() == failOn) {
          synchronized (toClient) {
            toClient.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
            toClient.flush();
          }
          continue;
        }
        synchronized (last) {
          last[0] = line;
        }
        toServer.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
      }
    }

    private void pumpReplies(Socket upstream, OutputStream toClient, String[] last) {
      try {
        InputStream in = upstream.getInputStream();
        String line;
        while ((line = readLine(in)) != null) {
          Matcher m = NEW_JOB.matcher(line);
          boolean afterJnew;
          synchronized (last) {
            afterJnew = last[0].equals("JNEW");
          }
          if (afterJnew && line.startsWith("200") && m.find()) {
            created.add(m.group(1));
          }
          synchronized (toClient) {
            toClient.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            toClient.flush();
          }
        }
      } catch (IOException e) {
        // closed by the test
      }
    }

    private static String readLine(InputStream in) throws IOException {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        if (b != '\r') {
          buf.write(b);
        }
      }
      return b == -1 && buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
      listener.close();
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
