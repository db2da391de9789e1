package ru.sipring.testkit.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueLogWriter;

/** The fake Asterisk's CDR rows for async Originates, seen by an AMI client on the wire. */
class FakeAsteriskCdrTest {
  @Test
  void anAnsweredOriginateGetsItsRowAtHangUpWithTheReportedUniqueidAndABusyOneAtOnce() throws Exception {
    CdrSink.InMemory rows = CdrSink.inMemory();
    try (FakeAsterisk pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(),
        QueueLogWriter.inMemory()); Socket s = new Socket("127.0.0.1", pbx.port())) {
      pbx.writingCdr(rows, ZoneId.of("Europe/Moscow"), true);
      pbx.onOriginate(o -> o.channel().contains("79160000002") ? new FakeAsterisk.OriginateScript(5, Duration.ZERO)
          : FakeAsterisk.OriginateScript.answered(Duration.ofMillis(10)));
      s.setSoTimeout(5000);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      read(in);
      send(out, "Action: Login\nUsername: sipring\nSecret: sipring-secret\nActionID: l1\n\n");
      assertThat(read(in)).containsEntry("Message", "Authentication accepted");
      String answered = originate(in, out, "79160000001", "o1");
      String busy = originate(in, out, "79160000002", "o2");
      assertThat(rows.rows()).singleElement().satisfies(r -> {
        assertThat(r.disposition()).isEqualTo("BUSY");
        assertThat(r.uniqueid()).isEqualTo(busy);
        assertThat(r.billsec()).isZero();
      });
      assertThat(pbx.callsUp()).containsExactly(answered);
      CdrRow row = pbx.hangUp(answered, Duration.ofSeconds(42));
      assertThat(row.uniqueid()).isEqualTo(answered).isEqualTo(row.linkedid());
      assertThat(row.dst()).isEqualTo("79160000001");
      assertThat(row.src()).isEqualTo("74950000000");
      assertThat(row.billsec()).isEqualTo(42);
      assertThat(row.disposition()).isEqualTo("ANSWERED");
      assertThat(row.recordingfile()).startsWith("out-79160000001-74950000000-").endsWith("-" + answered + ".wav");
      assertThat(rows.rows()).hasSize(2);
      assertThatThrownBy(() -> pbx.hangUp(answered, Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }
  }

  /** Sends an async Originate and returns the Uniqueid of its OriginateResponse. */
  private static String originate(InputStream in, OutputStream out, String number, String id) throws IOException {
    send(out, "Action: Originate\nChannel: Local/" + number + "@from-internal\nContext: from-internal\nExten: 501\n"
        + "Priority: 1\nCallerID: \"SipRing\" <74950000000>\nTimeout: 30000\nAsync: true\nActionID: " + id + "\n\n");
    while (true) {
      Map<String, String> m = read(in);
      if ("OriginateResponse".equals(m.get("Event")) && id.equals(m.get("ActionID"))) {
        return m.get("Uniqueid");
      }
    }
  }

  private static Map<String, String> read(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      buf.write(b);
      String s = buf.toString(StandardCharsets.UTF_8);
      if (s.endsWith("\r\n\r\n") || (s.startsWith("Asterisk Call Manager/") && s.endsWith("\r\n"))) {
        break;
      }
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : buf.toString(StandardCharsets.UTF_8).split("\r\n")) {
      int c = line.indexOf(':');
      if (c > 0) {
        m.put(line.substring(0, c), line.substring(c + 1).trim());
      }
    }
    return m;
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
