package ru.sipring.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Iterator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.pbx.LiveQueueState;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.testkit.ami.AmiMessage;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueLogWriter;
import ru.sipring.testkit.time.Eventually;

/**
 * Real event streams recorded from Asterisk 11 and Asterisk >= 12 (shared corpus) replayed through the fake's
 * socket into the gateway: the live state must follow them, old and new field names alike.
 */
class RecordedEventsReplayTest {
  private FakeAsterisk pbx;
  private AmiPbxGateway gw;

  static Path corpus() {
    String p = System.getProperty("sipring.corpus");
    return p != null && Files.isDirectory(Path.of(p)) ? Path.of(p) : Path.of("/work/shared/corpus");
  }

  @BeforeEach
  void setUp() {
    pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(), QueueLogWriter.inMemory());
    gw = AmiPbxGateway.connect(AmiPbxGatewayTest.settings(pbx), Clock.systemUTC(), Duration.ofSeconds(20));
  }

  @AfterEach
  void tearDown() {
    gw.close();
    pbx.close();
  }

  /** Event blocks of a panoramisk fixture (LF-normalised by its authors; the fake writes them CRLF again). */
  static List<AmiMessage> yamlEvents(Path file) throws IOException {
    List<AmiMessage> out = new ArrayList<>();
    for (String block : Files.readString(file, StandardCharsets.UTF_8).split("\n\\s*\n")) {
      if (!block.startsWith("Event:")) {
        continue;
      }
      AmiMessage.Builder b = AmiMessage.builder();
      for (String line : block.split("\n")) {
        int c = line.indexOf(':');
        if (c > 0) {
          b.add(line.substring(0, c).trim(), line.substring(c + 1).trim());
        }
      }
      out.add(b.build());
    }
    return out;
  }

  /** Events of a cacofonisk JSON recording: Event first, then the other fields, without the recorder's "content". */
  static List<AmiMessage> jsonEvents(Path file) throws IOException {
    List<AmiMessage> out = new ArrayList<>();
    for (JsonNode e : new ObjectMapper().readTree(file.toFile())) {
      AmiMessage.Builder b = AmiMessage.builder().add("Event", e.path("Event").asText());
      for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getKey().equals("Event") && !f.getKey().equals("content")) {
          b.add(f.getKey(), f.getValue().asText());
        }
      }
      out.add(b.build());
    }
    return out;
  }

  /** Emits the recording, then a sentinel event, and waits until the sentinel is applied. */
  private void replay(List<AmiMessage> events) {
    events.forEach(pbx::emit);
    pbx.emit(AmiMessage.of("Event", "QueueCallerJoin", "Privilege", "agent,all", "Channel", "PJSIP/end-1",
        "CallerIDNum", "0", "Uniqueid", "sentinel.1", "Queue", "sentinel", "Position", "1", "Count", "1"));
    Eventually.until(Duration.ofSeconds(10), "sentinel applied", () -> gw.snapshot("sentinel").isPresent());
  }

  @Test
  void asterisk11MemberEventsWithLocationAndLegacyQueueMemberPaused() throws IOException {
    List<AmiMessage> events = yamlEvents(corpus().resolve("ami/panoramisk/agent_not_in_pause.yaml"));
    assertThat(events).hasSizeGreaterThan(50);
    replay(events);
    LiveQueueState q = gw.snapshot("maisonvoyance-tous").orElseThrow();
    // the recording: in call and paused (Status 2, Paused 1), unpaused by the legacy QueueMemberPaused, then idle
    assertThat(q.members()).singleElement().satisfies(m -> {
      assertThat(m.memberInterface()).isEqualTo("Local/id-12@agentcallback");
      assertThat(m.name()).isEqualTo("Agent/999");
      assertThat(m.status()).isEqualTo(LiveQueueState.MemberStatus.IDLE);
      assertThat(m.paused()).isFalse();
    });
    assertThat(gw.isConnected()).isTrue();
  }

  @Test
  void asterisk12PlusAbandonStreamCountsTheAbandon() throws IOException {
    Path recording = corpus().resolve("ami/cacofonisk/queue_a_cancel.json");
    List<AmiMessage> events = jsonEvents(recording);
    assertThat(events).hasSize(35);
    java.util.concurrent.LinkedBlockingQueue<QueueCallEvent> calls = new java.util.concurrent.LinkedBlockingQueue<>();
    gw.addCallListener(calls::add);
    replay(events);
    assertThat(gw.snapshot("670100-540100").orElseThrow().abandoned()).isEqualTo(1);
    // the real QueueCallerAbandon reaches call listeners with its own values (read from the file, not copied)
    JsonNode real = null;
    for (JsonNode e : new ObjectMapper().readTree(recording.toFile())) {
      if (e.path("Event").asText().equals("QueueCallerAbandon")) {
        real = e;
      }
    }
    assertThat(real).isNotNull();
    JsonNode r = real;
    Eventually.until(Duration.ofSeconds(5), "call event delivered", () -> !calls.isEmpty());
    assertThat(calls).singleElement().isInstanceOfSatisfying(QueueCallEvent.CallerAbandoned.class, a -> {
      assertThat(a.callId()).isEqualTo(r.path("Uniqueid").asText());
      assertThat(a.queue()).isEqualTo("670100-540100");
      assertThat(a.callerNumber()).isEqualTo(r.path("CallerIDNum").asText());
      assertThat(a.position()).isEqualTo(r.path("Position").asInt());
      assertThat(a.originalPosition()).isEqualTo(r.path("OriginalPosition").asInt());
      assertThat(a.holdTime()).isEqualTo(Duration.ofSeconds(r.path("HoldTime").asLong()));
    });
    assertThat(gw.isConnected()).isTrue();
  }
}
