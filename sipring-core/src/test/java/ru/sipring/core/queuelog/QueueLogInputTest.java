package ru.sipring.core.queuelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.BadInputException;

class QueueLogInputTest {
  @TempDir Path dir;

  static final class Collect implements QueueLogSink {
    final List<String> lines = new ArrayList<>();
    final List<InputProblem> problems = new ArrayList<>();
    final List<String> sources = new ArrayList<>();

    @Override
    public void line(QueueLogLine line) {
      lines.add(line.source().replaceAll(".*/", "") + ":" + line.lineNumber() + ":" + line.epochSecond() + ":"
          + line.event() + ":" + line.dataCount());
    }

    @Override
    public void problem(InputProblem problem) {
      problems.add(problem);
    }

    @Override
    public void sourceStarted(String name) {
      sources.add(name.replaceAll(".*/", ""));
    }
  }

  static Collect read(QueueLogInput in) {
    Collect c = new Collect();
    in.read(c);
    return c;
  }

  static QueueLogInput text(String s) {
    return QueueLogInput.stream("stdin", new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void everyCarriageReturnBeforeTheNewlineIsDropped() {
    // a log converted to CRLF twice ends its lines in CR CR LF; the reason must read the same as after one
    List<String> reasons = new ArrayList<>();
    text("1000|NONE|NONE|SIP/1|PAUSE|LUNCH\r\r\n1001|NONE|NONE|SIP/1|PAUSE|LUNCH\r\n1002|NONE|NONE|SIP/1|PAUSE|LUNCH\n")
        .read(new QueueLogSink() {
          @Override
          public void line(QueueLogLine l) {
            reasons.add(l.data(1));
          }

          @Override
          public void problem(InputProblem p) {
            reasons.add("problem: " + p);
          }
        });
    assertThat(reasons).containsExactly("LUNCH", "LUNCH", "LUNCH");
  }

  @Test
  void badLinesAreReportedWithTheirLineAndSkipped() {
    Collect c = read(text("1000|c1|q1|NONE|ENTERQUEUE||555|1\n"
        + "1000|c1|q1\n"
        + "abc|c1|q1|NONE|ENTERQUEUE||555|1\n"
        + "1001|c1|q1|\u0000\u0001\u0002|CONNECT|1|m|1\r\n"
        + "\n"
        + "1002|c1|q1|SIP/1||1\n"
        + "1003|c1|q1|SIP/1|COMPLETECALLER|1|1|1\n"
        + "1004|c1|q1|SIP/1|COMPLETECAL"));
    assertThat(c.lines).containsExactly("stdin:1:1000:ENTERQUEUE:3", "stdin:7:1003:COMPLETECALLER:3");
    assertThat(c.problems).extracting(InputProblem::line, p -> p.message().replaceAll(":.*", ""))
        .containsExactly(tuple(2L, "wrong field count"), tuple(3L, "epoch is not a number"),
            tuple(4L, "binary or control characters in the line; skipped"), tuple(6L, "empty event name"),
            tuple(8L, "truncated last line (no newline at the end; the file may still be written)"));
    assertThat(c.problems.get(0).toString()).startsWith("stdin:2: wrong field count: 3 fields");
  }

  @Test
  void pipesBeyondTheLastSplitFieldStayInIt() {
    StringBuilder sb = new StringBuilder("1000|c|q|a|EV");
    for (int i = 0; i < 20; i++) {
      sb.append('|').append(i);
    }
    QueueLogLine[] seen = new QueueLogLine[1];
    String[] last = new String[1];
    text(sb + "\n").read(new QueueLogSink() {
      @Override
      public void line(QueueLogLine line) {
        last[0] = line.field(line.fieldCount() - 1);
        seen[0] = line;
      }

      @Override
      public void problem(InputProblem problem) {}
    });
    assertThat(seen[0].fieldCount()).isEqualTo(QueueLogLine.MAX_FIELDS);
    assertThat(last[0]).isEqualTo("10|11|12|13|14|15|16|17|18|19");
  }

  @Test
  void linesLongerThanTheBufferAreSkipped() {
    String big = "1000|c|q|a|EV|" + "x".repeat(LineReader.BLOCK + 10) + "\n1001|c|q|a|EV2|\n";
    Collect c = read(text(big));
    assertThat(c.lines).containsExactly("stdin:2:1001:EV2:1");
    assertThat(c.problems).singleElement().satisfies(p -> assertThat(p.message()).startsWith("line longer than"));
  }

  @Test
  void manyBlocksKeepLineNumbers() {
    StringBuilder sb = new StringBuilder();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      sb.append(1_000_000 + i).append("|c").append(i).append("|q1|NONE|ENTERQUEUE||555|1\n");
    }
    Collect c = read(text(sb.toString()));
    assertThat(c.lines).hasSize(n);
    assertThat(c.lines.get(n - 1)).isEqualTo("stdin:" + n + ":" + (1_000_000 + n - 1) + ":ENTERQUEUE:3");
    assertThat(c.problems).isEmpty();
  }

  @Test
  void directoryWithRotatedAndGzippedFilesIsReadOldestFirst() throws IOException {
    Files.writeString(dir.resolve("queue_log"), "3000|c|q|a|NEWEST|\n");
    Files.writeString(dir.resolve("queue_log.1"), "2000|c|q|a|MIDDLE|\n");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("queue_log.2.gz")))) {
      out.write("1000|c|q|a|OLDEST|\n".getBytes(StandardCharsets.US_ASCII));
    }
    Files.writeString(dir.resolve("messages"), "not a queue log\n");
    Collect c = read(QueueLogInput.path(dir));
    assertThat(c.sources).containsExactly("queue_log.2.gz", "queue_log.1", "queue_log");
    assertThat(c.lines).containsExactly("queue_log.2.gz:1:1000:OLDEST:1", "queue_log.1:1:2000:MIDDLE:1",
        "queue_log:1:3000:NEWEST:1");
  }

  @Test
  void gzipStreamAndCombinedInputs() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write("1000|c|q|a|ZIPPED|x\n".getBytes(StandardCharsets.US_ASCII));
    }
    QueueLogSource table = new QueueLogSource() {
      @Override
      public String name() {
        return "table";
      }

      @Override
      public void read(Sink sink) {
        sink.record(new QueueLogRecord(2000, "c", "q", "a", "FROMDB", List.of("1", "", "3")));
        sink.problem(new InputProblem("table", 2, "bad time"));
        sink.record(new QueueLogRecord(2001, "c", "q", "a", "LINKED", List.of("LINK", "c1", "c2", "4", "5|1")));
      }
    };
    Collect c = read(QueueLogInput.stream("stdin", new ByteArrayInputStream(gz.toByteArray()))
        .and(QueueLogInput.source(table)));
    assertThat(c.lines).containsExactly("stdin:1:1000:ZIPPED:1", "table:1:2000:FROMDB:3", "table:3:2001:LINKED:6");
    assertThat(c.problems).extracting(InputProblem::line).containsExactly(2L);
  }

  @Test
  void missingPathIsABadInput() {
    assertThatThrownBy(() -> QueueLogInput.path(dir.resolve("nope")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("nope");
  }

  @Test
  void lineViewParsesNumbersWithoutAllocation() {
    QueueLogLine[] l = new QueueLogLine[1];
    long[] got = new long[4];
    text("1589283313|1589283313.108|6000|SIP/501|COMPLETECALLER|13|15|x\n").read(new QueueLogSink() {
      @Override
      public void line(QueueLogLine line) {
        got[0] = line.epochSecond();
        got[1] = line.dataLong(1);
        got[2] = line.dataLong(3);
        got[3] = line.dataLong(9);
        l[0] = line;
        assertThat(line.toRecord()).isEqualTo(new QueueLogRecord(1589283313L, "1589283313.108", "6000", "SIP/501",
            "COMPLETECALLER", List.of("13", "15", "x")));
      }

      @Override
      public void problem(InputProblem problem) {}
    });
    assertThat(got).containsExactly(1589283313L, 13, -1, -1);
  }
}
