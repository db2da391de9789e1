package ru.sipring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.ami.AmiSettings;
import ru.sipring.core.pbx.LiveQueueState;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.core.pbx.OriginateResult;
import ru.sipring.core.pbx.QueueMember;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;
import ru.sipring.testkit.time.Eventually;

/** The snippets of docs/ami.md, compiled and run against the fake Asterisk. */
class AmiDocsTest {
  @Test
  void javaApiSnippet() throws Exception {
    try (FakeAsterisk fake = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(),
        QueueLogWriter.inMemory())) {
      fake.engine().createQueue("6000", QueueEngine.Strategy.RRMEMORY);
      String secret = "sipring-secret";

      AmiSettings settings = AmiSettings.of("127.0.0.1", fake.port(), "sipring", secret);
      try (AmiPbxGateway pbx = AmiPbxGateway.connect(settings, Clock.systemUTC(), Duration.ofSeconds(10))) {
        pbx.addMember(new QueueMember("6000", "PJSIP/501", "Петрова ЛВ", 0, false));
        pbx.setPaused("PJSIP/501", null, true, "обед");

        Eventually.assertWithin(Duration.ofSeconds(5), () -> {
          LiveQueueState q = pbx.snapshot("6000").orElseThrow();
          assertThat(q.members().get(0).pausedReason()).isEqualTo("обед");
        });
        for (LiveQueueState q : pbx.snapshot()) {
          System.out.println(q.queue() + " waiting " + q.callers().size() + ", longest " + q.longestWait());
        }
        OriginateResult r = pbx.originate(new OriginateRequest("PJSIP/trunk/79161234567", "from-internal", "700",
            "\"Продажи\" <4951234567>", Duration.ofSeconds(30), Map.of("SIPRING_ATTEMPT", "42"), "attempt-42"))
            .toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(OriginateOutcome.ANSWERED);
        assertThat(pbx.removeMemberEverywhere("PJSIP/501")).containsExactly("6000");
      }
    }
  }
}
