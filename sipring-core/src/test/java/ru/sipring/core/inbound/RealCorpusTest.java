package ru.sipring.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.queuelog.QueueLogRecord;
import ru.sipring.core.queuelog.QueueLogSource;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.EndedBy;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.LostCause;

/** Real queue_log data from ../shared/corpus/queue_log (see its PROVENANCE.md); read in place, never copied. */
class RealCorpusTest {

  static Path corpus() {
    String prop = System.getProperty("sipring.corpus");
    Path p = prop != null && Files.isDirectory(Path.of(prop)) ? Path.of(prop) : Path.of("/work/shared/corpus");
    boolean ci = "true".equals(System.getenv("CI"));
    if (!ci) {
      assumeTrue(Files.isDirectory(p.resolve("queue_log")), "corpus not found at " + p);
    }
    return p.resolve("queue_log");
  }

  @Test
  void asterisk759CallIdSwapFromTheIssue() {
    InboundReport r = InboundStatistics.builder().build()
        .compute(QueueLogInput.path(corpus().resolve("issue-asterisk-759_freepbx-ast20.queue_log")));
    assertThat(r.problems().total()).isZero();
    assertThat(r.summary().unfinished()).as("no orphans").isZero();
    assertThat(r.answered()).extracting(AnsweredCall::queue, AnsweredCall::agent, AnsweredCall::endedBy,
            a -> a.waitTime().toSeconds(), a -> a.talkTime().toSeconds(), AnsweredCall::callId)
        .containsExactly(
            tuple("1501", "PJSIP/7009", EndedBy.TRANSFER, 12L, 120L, "1717397243.239826"),
            tuple("1509", "PJSIP/7051", EndedBy.AGENT, 7L, 173L, "1717397243.239826"));
    // the second stint is the original caller's, not the consult channel's (whose caller id is the agent)
    assertThat(r.answered().get(1).caller()).isEqualTo(r.answered().get(0).caller());
    assertThat(r.input().eventCounts()).containsEntry("DID", 2L);
  }

  @Test
  void pauseWithAMemberNameContainingASpace() {
    InboundReport r = InboundStatistics.builder().build()
        .compute(QueueLogInput.path(corpus().resolve("issue-qpanel-39_elastix-ast11.queue_log")));
    assertThat(r.problems().total()).isZero();
    assertThat(r.input().eventCounts()).containsOnlyKeys("PAUSE");
  }

  /**
   * The PBXware export is not raw queue_log but a derived table; this source maps its columns back to the raw
   * fields (mapping in the corpus PROVENANCE.md), as a database adapter would.
   */
  static QueueLogSource pbxware(Path csv) {
    return new QueueLogSource() {
      @Override
      public String name() {
        return csv.getFileName().toString();
      }

      @Override
      public void read(Sink sink) {
        List<String> lines;
        try {
          lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        for (int i = 1; i < lines.size(); i++) {
          String[] c = lines.get(i).split(",", -1);
          if (c.length < 14) {
            sink.problem(new InputProblem(name(), i + 1, "expected 14 columns"));
            continue;
          }
          String ev = c[5];
          String p1 = c[6];
          String p2 = c[7];
          String p3 = c[8];
          String entpos = c[9];
          String expos = c[10];
          String htime = c[11];
          String ttime = c[12];
          List<String> data = switch (ev) {
            case "ENTERQUEUE" -> List.of("", p1, entpos);
            case "CONNECT" -> List.of(htime, p2, p3);
            case "COMPLETECALLER", "COMPLETEAGENT" -> List.of(htime, ttime, entpos);
            case "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY" -> List.of(expos, entpos, htime);
            case "BLINDTRANSFER" -> List.of(p2, p3, htime, ttime, entpos);
            case "ATTENDEDTRANSFER" -> List.of("BRIDGE", "", htime, ttime, entpos);
            case "RINGNOANSWER" -> List.of(htime);
            default -> trim(List.of(p1, p2, p3));
          };
          sink.record(new QueueLogRecord(Long.parseLong(c[1]), c[2], c[3], c[4], ev, data));
        }
      }
    };
  }

  static List<String> trim(List<String> l) {
    List<String> out = new ArrayList<>(l);
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  @Test
  void pbxwareProductionExport() {
    InboundReport r = InboundStatistics.builder().build()
        .compute(QueueLogInput.source(pbxware(corpus().resolve("pbxware-voipreports1_queue_log.csv"))));
    assertThat(r.problems().total()).isZero();
    assertThat(r.input().lines()).isEqualTo(1000);
    // PROVENANCE.md event counts: COMPLETEAGENT 51 + COMPLETECALLER 38 + BLIND 1 + ATTENDED 1 = 91 answered,
    // ABANDON 12 + EXITWITHTIMEOUT 1 = 13 lost, and 108 ENTERQUEUE - 104 = the 4 calls left open at the end
    assertThat(r.input().eventCounts()).containsEntry("ENTERQUEUE", 108L).containsEntry("RINGNOANSWER", 360L)
        .containsEntry("OUTDIAL", 128L);
    assertThat(r.summary().answered()).isEqualTo(91);
    assertThat(r.summary().lost()).isEqualTo(13);
    assertThat(r.summary().unfinished()).isEqualTo(4);
    assertThat(r.lost()).filteredOn(l -> l.cause() == LostCause.EXITWITHTIMEOUT).singleElement()
        .satisfies(l -> assertThat(l.waitTime().toSeconds()).isEqualTo(300));
    // row 13-20 of the export, checked by hand: entered 13:31:17 local, one ring-no-answer, answered by
    // Agent/1127 after 76 s, talked 847 s, caller hung up
    assertThat(r.answered()).filteredOn(a -> a.callId().equals("1543602660.197")).singleElement()
        .satisfies(a -> {
          assertThat(a.agent()).isEqualTo("Agent/1127");
          assertThat(a.waitTime().toSeconds()).isEqualTo(76);
          assertThat(a.talkTime().toSeconds()).isEqualTo(847);
          assertThat(a.endedBy()).isEqualTo(EndedBy.CALLER);
          assertThat(a.enteredAt().getEpochSecond()).isEqualTo(1543602677L);
        });
    long missed = r.agents().stream().mapToLong(a -> a.missedOffers()).sum();
    assertThat(missed).isEqualTo(360);
    assertThat(r.summary().answered()).isEqualTo(r.operators().stream().mapToLong(o -> o.answered()).sum());
  }
}
