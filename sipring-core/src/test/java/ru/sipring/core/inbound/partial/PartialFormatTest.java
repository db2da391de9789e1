package ru.sipring.core.inbound.partial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.DurationStats;
import ru.sipring.core.report.EndedBy;
import ru.sipring.core.report.InputSummary;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.LostCause;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ProblemReport;
import ru.sipring.core.report.QueueRow;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.Summary;

/** The serialised form: hostile text survives, every malformed input is one BadInputException naming the place. */
class PartialFormatTest {

  static final String LOG = "1600000000|MANAGER|q1|SIP/501|ADDMEMBER|\n"
      + "1600000010|c1|q1|NONE|ENTERQUEUE||100|1\n"
      + "1600000015|c1|q1|SIP/501|CONNECT|5|x|1\n"
      + "1600000075|c1|q1|SIP/501|COMPLETECALLER|5|60|1\n"
      + "1600000080|c2|q1|NONE|ENTERQUEUE||101|1\n"
      + "1600000090|c2|q1|NONE|ABANDON|1|1|10\n"
      + "1600000091|NONE|NONE|SIP/501|PAUSEALL|Обед\n"
      + "1600000099|NONE|NONE|SIP/501|UNPAUSEALL|\n"
      + "bad line\n"
      + "1600000100|MANAGER|q1|SIP/501|REMOVEMEMBER|\n";

  static InboundPartial small() {
    return InboundStatistics.builder().build().computePartial("pbx-1",
        QueueLogInput.stream("queue_log", new ByteArrayInputStream(LOG.getBytes(StandardCharsets.UTF_8))));
  }

  /** Every string field holds separators, escapes, control characters and non-ASCII text. */
  static InboundPartial hostile() {
    String h = "a\tb\nc\rd\\e\\t\u0001\u007fф=\"'<>|;,";
    PartialSettings s = new PartialSettings(ReportView.CALLER, ZoneId.of("Europe/Moscow"),
        PeriodTable.PeriodUnit.HOUR, List.of(0, 5), Instant.parse("2026-03-02T00:00:00Z"), null, List.of(h, "q"),
        List.of(h), List.of(), 3L, 60, EnumSet.allOf(ReportSection.class));
    DurationStats d = new DurationStats(2, 10, 3, 7);
    return new InboundPartial(s, List.of(h, "b"), new Summary(1, 1, 0, 1, 3, d, d, DurationStats.EMPTY),
        List.of(1L, 0L, 1L), List.of(0L, 0L, 1L), Map.of(3L, 1L), Map.of(9L, 1L),
        List.of(new QueueRow(h, h, 1, 5, 6, 1, 2)),
        List.of(new PeriodTable.Row(LocalDateTime.parse("2026-03-02T09:00"), 2, 1, d, d, 0, DurationStats.EMPTY,
            DurationStats.EMPTY, 1, d)),
        List.of(new PartialAgent(h, h, h, h, false, 1, 2, 3, 4, 1, 0, 0, 100, 20, Map.of(h, 20L)),
            new PartialAgent("", "SIP/1", "100", h, true, 0, 0, 0, 0, 0, 0, 0, 5, 0, Map.of())),
        List.of(new AnsweredCall(h, h, h, h, h, Instant.parse("2026-03-02T09:00:01Z"), h, Duration.ofSeconds(3),
            Duration.ofSeconds(4), 2, EndedBy.TRANSFER, h, h, 2)),
        List.of(new LostCall(h, h, Instant.parse("2026-03-02T09:00:02Z"), h, Duration.ofSeconds(9), 1,
            LostCause.EXITWITHKEY, h, h, h, 1)),
        new InputSummary(List.of(h), 10, Map.of(h, 3L)),
        new ProblemReport(1, Map.of(h, 1L), List.of(new InputProblem(h, 7, h))));
  }

  @Test
  void hostileTextRoundTripsAndStaysOnItsLine() {
    InboundPartial p = hostile();
    String text = PartialFormat.toText(p);
    assertThat(PartialFormat.fromText("h", text)).isEqualTo(p);
    assertThat(text.lines()).allSatisfy(l -> assertThat(l.chars().allMatch(c -> c == '\t' || c >= 0x20 && c != 0x7f))
        .isTrue());
    assertThat(text).startsWith("sipring-inbound-partial\t1\t0\n").endsWith("\n");
    assertThat(text.lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("end\t" + (text.lines().count() - 1));
  }

  @Test
  void aComputedPartialReadsBackAndLooksAsDocumented() {
    InboundPartial p = small();
    String text = PartialFormat.toText(p);
    assertThat(PartialFormat.fromText("p", text)).isEqualTo(p);
    assertThat(text).contains("\nsetting\tview\tqueue\n", "\nsource\tpbx-1\n",
        "\nsummary\t1\t1\t0\t0\t1\t1\t60\t60\t60\t1\t5\t5\t5\t1\t10\t10\t10\n",
        "\nserviceLevel\tanswered\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
        "\nagent\tpbx-1\tSIP/501\t501\t\t0\t1\t0\t5\t60\t1\t0\t0\t100\t8\n", "\npause\tОбед\t8\n",
        "\nproblems\t1\n", "\ninputSource\tqueue_log\n");
    assertThat(p.problems().first()).singleElement().satisfies(pr -> assertThat(pr.line()).isEqualTo(9));
  }

  static String valid() {
    return PartialFormat.toText(small());
  }

  static void bad(String text, String where, String what) {
    assertThatThrownBy(() -> PartialFormat.fromText("p.partial", text)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(where).hasMessageContaining(what);
  }

  @Test
  void malformedInputIsNamedByLineAndField() {
    String v = valid();
    bad("", "p.partial:0", "empty input");
    bad("hello\n", "p.partial:1", "not a SipRing partial");
    bad(v.replace("sipring-inbound-partial\t1\t0", "sipring-inbound-partial\t2\t0"), "p.partial:1",
        "version 2.0 is not supported");
    bad(v.substring(0, v.indexOf("\nend\t") + 1), "p.partial:", "truncated: the input ends without an 'end' record");
    bad(v.substring(0, v.length() - 1), "p.partial:", "truncated last line");
    bad(v + "queue\tx\n", "p.partial:", "text after the end record");
    bad(v.replace("\nsummary\t1\t", "\nsummary\tx\t"), "p.partial:15:summary.answered", "expected a whole number");
    bad(v.replace("\nsummary\t1\t1\t", "\nsummary\t1\t-1\t"), "p.partial:15:summary.lost", "expected a whole number");
    bad(v.replace("\nsetting\tzone\tZ\n", "\nsetting\tzone\tMars/Base\n"), "p.partial:", "zone");
    bad(v.replace("\nsetting\tview\tqueue\n", "\n"), "p.partial:", "missing setting 'view'");
    bad(v.replace("\nsetting\tview\tqueue\n", "\nsetting\tview\tqueue\nsetting\tasOf\tx\n"), "p.partial:3:setting.asOf",
        "unknown setting 'asOf'");
    bad(v.replace("\nsource\tpbx-1\n", "\nsource\tpbx-1\nsetting\tview\tqueue\n"), "p.partial:", "settings must come");
    bad(v.replace("\nsource\tpbx-1\n", "\nsource\tpbx-1\nwidget\t1\n"), "p.partial:15:widget",
        "unknown record type 'widget'");
    bad(v.replace("\nsource\tpbx-1\n", "\nsource\tpbx-1\textra\n"), "p.partial:14:source", "expected 1 fields");
    bad(v.replace("\npause\tОбед\t8\n", "\npause\tОб\\qед\t8\n"), "p.partial:", "unknown escape '\\q'");
    bad(v.replace("\npause\tОбед\t8\n", "\npause\tОбед\u0000\t8\n"), "p.partial:", "control character U+0000");
    bad(v.replace("\nserviceLevel\tanswered\t1\t0\t", "\nserviceLevel\tanswered\t1\t"), "p.partial:",
        "expected 10 counts");
    bad(v.replace("\nsummary\t1\t1\t0\t0\t1\t1\t60\t60\t60\t", "\nsummary\t1\t1\t0\t0\t1\t1\t60\t61\t60\t"),
        "p.partial:15:summary.talk", "inconsistent");
    bad(v.replace("\nend\t", "\nend\t1"), "p.partial:", "the end record counts");
    bad("sipring-inbound-partial\t1\t0\n" + "x".repeat(PartialFormat.MAX_LINE_CHARS + 5) + "\n", "p.partial:2",
        "line longer than");
    bad(v.replace("\nsummary\t", "\nsummary\t" + "9".repeat(19) + "\t").replace("\t1\t1\t0\t0\t1\t1\t60", "\t1\t0\t0\t1\t1\t60"),
        "p.partial:", "whole number");
  }

  @Test
  void aNewerMinorVersionMaySkipRecordsAndTrailingFields() {
    String v = valid().replace("sipring-inbound-partial\t1\t0", "sipring-inbound-partial\t1\t3")
        .replace("\nsource\tpbx-1\n", "\nsource\tpbx-1\tlater\nwaitDistribution\tanswered\t5\t1\n");
    int lines = (int) v.lines().count();
    v = v.substring(0, v.lastIndexOf("end\t")) + "end\t" + (lines - 1) + "\n";
    assertThat(PartialFormat.fromText("newer", v)).isEqualTo(small());
  }

  @Test
  void theDetailRowLimitIsEnforced() {
    String v = valid();
    assertThatThrownBy(() -> PartialFormat.read("p", new java.io.StringReader(v), 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("more than 1 detail rows");
  }

  /** Seeded: random cuts, swaps and byte changes of valid partials fail with a BadInputException or nothing. */
  @Test
  void randomDamageOnlyEverThrowsBadInput() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> bases = List.of(valid(), PartialFormat.toText(hostile()));
    int rejected = 0;
    for (int i = 0; i < 3000; i++) {
      String base = bases.get(rnd.nextInt(bases.size()));
      StringBuilder sb = new StringBuilder(base);
      int edits = 1 + rnd.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = rnd.nextInt(sb.length());
        switch (rnd.nextInt(4)) {
          case 0 -> sb.deleteCharAt(at);
          case 1 -> sb.insert(at, "\t0\n-\\é9".charAt(rnd.nextInt(7)));
          case 2 -> sb.setCharAt(at, (char) rnd.nextInt(0x20, 0x7f));
          default -> {
            List<String> lines = new ArrayList<>(List.of(sb.toString().split("\n", -1)));
            int a = rnd.nextInt(lines.size());
            int b = rnd.nextInt(lines.size());
            String t = lines.get(a);
            lines.set(a, lines.get(b));
            lines.set(b, t);
            sb = new StringBuilder(String.join("\n", lines));
          }
        }
      }
      String text = sb.toString();
      try {
        InboundPartial p = PartialFormat.fromText("fuzz", text);
        // accepted damage must still be a coherent partial that merges and renders
        InboundStatistics.report(p.merge(p));
      } catch (BadInputException e) {
        rejected++;
        assertThat(e.getMessage()).as("seed " + seed).startsWith("fuzz:");
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ", case " + i + ": " + e + "\n" + text, e);
      }
    }
    assertThat(rejected).as("seed " + seed).isGreaterThan(2000);
  }
}
