package ru.sipring.cli.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.pbx.LiveQueueState;

class LiveStaleJsonTest {

  @Test
  void liveJsonSaysWhetherAndSinceWhenTheStateIsStale() throws Exception {
    LiveQueueState q = new LiveQueueState("100", List.of(), List.of(), 0, 0, Instant.parse("2026-06-02T10:42:00Z"));
    assertThat(LiveCommand.toJson(List.of(q))).startsWith("{\"stale\":false,\"queues\":[{\"queue\":\"100\"");
    assertThat(LiveCommand.toJson(List.of(q), Instant.parse("2026-06-02T10:42:05Z")))
        .startsWith("{\"stale\":true,\"staleSince\":\"2026-06-02T10:42:05Z\",\"queues\":[{\"queue\":\"100\"");
  }
}
