package ru.sipring.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.InboundReport;

/** The open-call table under growth, long keys and deletions in any order. */
class StintsTableTest {

  @Test
  void manyOpenCallsClosedInRandomOrder() {
    long seed = new Random().nextLong();
    Random rnd = new Random(seed);
    int n = 20_000;
    StringBuilder sb = new StringBuilder();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sb.append(1000).append("|call-").append(i).append("|q").append(i % 7).append("|NONE|ENTERQUEUE||")
          .append(i).append("|1\n");
      order.add(i);
    }
    Collections.shuffle(order, rnd);
    long t = 1001;
    for (int k = 0; k < n; k++) {
      int i = order.get(k);
      if (k % 3 == 0) {
        t++;
      }
      if (i % 10 == 0) {
        continue; // never ends
      }
      sb.append(t).append("|call-").append(i).append("|q").append(i % 7).append("|SIP/1|COMPLETECALLER|")
          .append(t - 1000).append("|5|1\n");
    }
    InboundReport r = EngineEventsTest.run(sb.toString());
    assertThat(r.summary().answered()).as("seed " + seed).isEqualTo(n - n / 10);
    assertThat(r.summary().unfinished()).as("seed " + seed).isEqualTo(n / 10);
    assertThat(r.answered()).as("seed " + seed).allSatisfy(a ->
        assertThat(a.callId()).isEqualTo("call-" + a.caller()));
  }

  @Test
  void longCallIdsAndCallerNumbersWidenTheTable() {
    String longId = "pbx-cluster-node-7.example.org-1700000000.123456789";
    String longCaller = "\"Very Long Caller Name\" <+7 (495) 000-00-00 ext. 12345>";
    InboundReport r = EngineEventsTest.run(EngineEventsTest.lines(
        "1000|short.1|q1|NONE|ENTERQUEUE||1|1",
        "1000|" + longId + "|q1|NONE|ENTERQUEUE||" + longCaller + "|2",
        "1005|short.1|q1|SIP/1|COMPLETEAGENT|5|1|1",
        "1010|" + longId + "|q1|SIP/1|COMPLETECALLER|10|7|2"));
    assertThat(r.answered()).extracting(AnsweredCall::callId, AnsweredCall::caller)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("short.1", "1"),
            org.assertj.core.groups.Tuple.tuple(longId, longCaller));
  }
}
