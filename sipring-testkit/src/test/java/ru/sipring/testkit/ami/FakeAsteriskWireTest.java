package ru.sipring.testkit.ami;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;

/**
 * The fake's bytes on the wire, read with a raw socket: CRLF framing, the login handshake, and the headers of
 * each message type compared with real Asterisk recordings in the shared corpus.
 */
class FakeAsteriskWireTest {
  private FakeAsterisk pbx;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  static Path corpus() {
    String p = System.getProperty("sipring.corpus");
    if (p != null && Files.isDirectory(Path.of(p))) {
      return Path.of(p);
    }
    return Path.of("/work/shared/corpus");
  }

  @BeforeEach
  void setUp() throws IOException {
    pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(), QueueLogWriter.inMemory());
    pbx.engine().createQueue("100", QueueEngine.Strategy.RRMEMORY);
    socket = new Socket("127.0.0.1", pbx.port());
    socket.setSoTimeout(5000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  @AfterEach
  void tearDown() throws IOException {
    socket.close();
    pbx.close();
  }

  /** Reads up to and including CRLF CRLF (or the banner's single CRLF line). */
  private String readMessage() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      buf.write(b);
      String s = buf.toString(StandardCharsets.UTF_8);
      if (s.endsWith("\r\n\r\n") || (s.startsWith("Asterisk Call Manager/") && s.endsWith("\r\n"))) {
        return s;
      }
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  private void send(String lfText) throws IOException {
    out.write(lfText.getBytes(StandardCharsets.UTF_8)); // clients may use bare LF; Asterisk accepts it
    out.flush();
  }

  private static Map<String, String> parse(String msg) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : msg.split("\r\n")) {
      int c = line.indexOf(':');
      if (c > 0) {
        m.put(line.substring(0, c), line.substring(c + 1).trim());
      }
    }
    return m;
  }

  private void login() throws IOException {
    readMessage();
    send("Action: Challenge\nAuthType: MD5\nActionID: c1\n\n");
    String challenge = parse(readMessage()).get("Challenge");
    send("Action: Login\nUsername: sipring\nAuthType: MD5\nKey: " + FakeAsterisk.md5Hex(challenge + "sipring-secret")
        + "\nActionID: l1\n\n");
    assertThat(parse(readMessage())).containsEntry("Message", "Authentication accepted");
    assertThat(parse(readMessage())).containsEntry("Event", "FullyBooted");
  }

  @Test
  void bannerAndEveryMessageAreCrlfFramed() throws IOException {
    String banner = readMessage();
    assertThat(banner).isEqualTo("Asterisk Call Manager/11.0.0\r\n");
    send("Action: Challenge\nAuthType: MD5\nActionID: 12345_0#abc\n\n");
    String reply = readMessage();
    assertThat(reply).matches("Response: Success\r\nActionID: 12345_0#abc\r\nChallenge: \\d+\r\n\r\n");
  }

  @Test
  void wrongKeyIsRefusedAndTheSessionClosed() throws IOException {
    readMessage();
    send("Action: Challenge\nAuthType: MD5\n\n");
    readMessage();
    send("Action: Login\nUsername: sipring\nAuthType: MD5\nKey: 00000000000000000000000000000000\n\n");
    assertThat(readMessage()).isEqualTo("Response: Error\r\nMessage: Authentication failed\r\n\r\n");
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void actionsBeforeLoginArePermissionDenied() throws IOException {
    readMessage();
    send("Action: QueueStatus\nActionID: x\n\n");
    assertThat(readMessage()).isEqualTo("Response: Error\r\nActionID: x\r\nMessage: Permission denied\r\n\r\n");
  }

  @Test
  void pingQueueAddAndLogoffMatchTheRecordedReplies() throws IOException {
    login();
    send("Action: Ping\nActionID: p\n\n");
    assertThat(parse(readMessage()).keySet()).containsExactlyElementsOf(
        corpusKeys("panoramisk/ping.yaml").get(0));
    send("Action: QueueAdd\nQueue: 100\nInterface: PJSIP/501\nActionID: a\n\n");
    Map<String, String> add = parse(readMessage());
    assertThat(add.keySet()).containsExactlyElementsOf(corpusKeys("panoramisk/queue_add.yaml").get(0));
    assertThat(add).containsEntry("Message", "Added interface to queue");
    readMessage(); // QueueMemberAdded event
    send("Action: Logoff\n\n");
    assertThat(readMessage()).isEqualTo("Response: Goodbye\r\nMessage: Thanks for all the fish.\r\n\r\n");
  }

  @Test
  void queueStatusIsAnEventListWithTheRecordedFields() throws IOException {
    login();
    pbx.engine().addMember("100", "PJSIP/501", "Petrova", 0, false, null, null, "MANAGER");
    readMessage();
    send("Action: QueueStatus\nActionID: qs\n\n");
    Map<String, String> start = parse(readMessage());
    assertThat(start).containsEntry("EventList", "start").containsEntry("Message", "Queue status will follow");
    Map<String, String> params = parse(readMessage());
    Map<String, String> member = parse(readMessage());
    Map<String, String> complete = parse(readMessage());
    assertThat(complete).containsEntry("Event", "QueueStatusComplete").containsEntry("EventList", "Complete")
        .containsEntry("ListItems", "2").containsEntry("ActionID", "qs");

    List<Set<String>> recorded = corpusKeys("panoramisk/queue_status.yaml");
    Set<String> recordedParams = recorded.stream().filter(k -> k.contains("Event") && k.contains("Strategy"))
        .findFirst().orElseThrow();
    assertThat(params.keySet()).containsAll(recordedParams);
    Set<String> recordedMember = new LinkedHashSet<>(recorded.stream()
        .filter(k -> k.contains("Location") && k.contains("Membership")).findFirst().orElseThrow());
    recordedMember.remove("Skills"); // a XiVO patch, not stock Asterisk
    assertThat(member.keySet()).containsAll(recordedMember);
    assertThat(member).containsEntry("ActionID", "qs").containsEntry("Name", "Petrova");
  }

  @Test
  void queueCallerAbandonCarriesTheHeadersOfARealAsteriskRecording() throws IOException {
    login();
    String uid = pbx.engine().join("100", "4951234567", "");
    Map<String, String> join = parse(readMessage());
    assertThat(join).containsEntry("Event", "QueueCallerJoin").containsEntry("Position", "1")
        .containsEntry("Uniqueid", uid);
    pbx.engine().abandon(uid);
    Map<String, String> abandon = parse(readMessage());
    assertThat(abandon).containsEntry("Event", "QueueCallerAbandon");

    JsonNode recorded = new ObjectMapper().readTree(corpus().resolve("ami/cacofonisk/queue_a_cancel.json").toFile());
    Set<String> expected = new LinkedHashSet<>();
    for (JsonNode e : recorded) {
      if ("QueueCallerAbandon".equals(e.path("Event").asText())) {
        for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
          expected.add(it.next());
        }
      }
    }
    expected.removeAll(Set.of("content", "SystemName")); // the recorder's own field; systemname is optional
    assertThat(expected).isNotEmpty();
    assertThat(abandon.keySet()).containsAll(expected);
    assertThat(parse(readMessage())).containsEntry("Event", "QueueCallerLeave");
  }

  /** Header names of each message in a panoramisk fixture (LF-normalised, blocks split on blank lines). */
  static List<Set<String>> corpusKeys(String file) throws IOException {
    String text = Files.readString(corpus().resolve("ami").resolve(file), StandardCharsets.UTF_8);
    List<Set<String>> out = new ArrayList<>();
    for (String block : text.split("\n\\s*\n")) {
      Set<String> keys = new LinkedHashSet<>();
      for (String line : block.split("\n")) {
        int c = line.indexOf(':');
        if (c > 0 && !line.startsWith("Asterisk Call Manager")) {
          keys.add(line.substring(0, c).trim());
        }
      }
      if (!keys.isEmpty() && (keys.contains("Response") || keys.contains("Event"))) {
        out.add(keys);
      }
    }
    return out;
  }
}
