package ru.sipring.core.queuelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged input found by fuzzing (issue #11): only the damaged line is lost, the rest of the input is read. */
class DamagedInputTest {
  @TempDir Path dir;

  private static QueueLogInputTest.Collect read(byte[] b) {
    return QueueLogInputTest.read(QueueLogInput.stream("stdin", new ByteArrayInputStream(b)));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void controlBytesInTheWordOfThePreviousNewlineLoseOnlyTheirOwnLine() {
    // every offset of the newline inside an 8-byte word: the junk after it must not take the valid line with it
    for (int pad = 0; pad < 16; pad++) {
      String good = "1000|c" + "x".repeat(pad) + "|q|NONE|ENTERQUEUE||5|1\n";
      for (byte junk : new byte[] {0, 1, 0x1b, 0x7}) {
        byte[] b = ascii(good + "\0\0\0\0\0\0\0\0" + "\n" + good + (char) junk + "1001|c|q|NONE|ABANDON|1|1|5\n");
        QueueLogInputTest.Collect c = read(b);
        assertThat(c.lines).as("pad %d junk %d", pad, junk).containsExactly("stdin:1:1000:ENTERQUEUE:3",
            "stdin:3:1000:ENTERQUEUE:3");
        assertThat(c.problems).extracting(InputProblem::line).containsExactly(2L, 4L);
      }
    }
  }

  @Test
  void nulPaddingAfterACrashLosesNothingValid() {
    byte[] b = ascii("1000|c|q|NONE|ENTERQUEUE||5|1\n1001|c|q|NONE|ABANDON|1|1|1\n" + "\0".repeat(4000));
    QueueLogInputTest.Collect c = read(b);
    assertThat(c.lines).hasSize(2);
    assertThat(c.problems).hasSize(1); // the padding, as a truncated last line
  }

  @Test
  void aByteOrderMarkIsNotPartOfLineOne() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = ascii("1000|c|q|NONE|ENTERQUEUE||5|1\n1001|c|q|NONE|ABANDON|1|1|1\n");
    byte[] b = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, b, 0, 3);
    System.arraycopy(body, 0, b, 3, body.length);
    assertThat(read(b).lines).hasSize(2);
    assertThat(read(b).problems).isEmpty();
    // also when the stream hands out one byte at a time, and in a file ordered by its first line
    InputStream slow = new java.io.FilterInputStream(new ByteArrayInputStream(b)) {
      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        return super.read(buf, off, Math.min(len, 1));
      }
    };
    assertThat(QueueLogInputTest.read(QueueLogInput.stream("slow", slow)).lines).hasSize(2);
    Path f = dir.resolve("queue_log");
    Files.write(f, b);
    assertThat(QueueLogInput.firstEpoch(f)).isEqualTo(1000);
  }

  @Test
  void absurdEpochsAreBadLinesNotCrashesOrSilence() {
    QueueLogInputTest.Collect c = read(ascii("""
        100000000000000000|c|q|NONE|ENTERQUEUE||5|1
        99999999999|c|q|NONE|ENTERQUEUE||5|1
        1000|c|q|NONE|ENTERQUEUE||5|1
        """));
    assertThat(c.lines).containsExactly("stdin:3:1000:ENTERQUEUE:3");
    assertThat(c.problems).extracting(InputProblem::line).containsExactly(1L, 2L);
    assertThat(c.problems.get(0).message()).startsWith("epoch out of range");
  }

  private static byte[] gzip(String s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(ascii(s));
    }
    return out.toByteArray();
  }

  @Test
  void oneCorruptTruncatedOrMissingFileDoesNotEndTheRun() throws IOException {
    StringBuilder old = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      old.append(900 + i % 50).append("|o").append(i).append("|q|NONE|ENTERQUEUE||5|1\n");
    }
    byte[] gz = gzip(old.toString());
    Files.write(dir.resolve("queue_log.3.gz"), Arrays.copyOf(gz, gz.length * 2 / 3)); // truncated mid-stream
    Files.write(dir.resolve("queue_log.2.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0}); // header cut short
    Files.write(dir.resolve("queue_log.1.gz"), new byte[] {0x1f, (byte) 0x8b, 99, 0, 0, 0, 0, 0, 0, 0}); // bad method
    Files.writeString(dir.resolve("queue_log"), "1000|c|q|NONE|ENTERQUEUE||5|1\n1001|c|q|NONE|ABANDON|1|1|1\n");
    QueueLogInputTest.Collect c = QueueLogInputTest.read(QueueLogInput.path(dir));
    assertThat(c.lines).contains("queue_log:1:1000:ENTERQUEUE:3", "queue_log:2:1001:ABANDON:3");
    // lines decompressed before the fault are used
    assertThat(c.lines.stream().filter(l -> l.startsWith("queue_log.3.gz")).count()).isBetween(1L, 2999L);
    assertThat(c.problems).extracting(p -> p.source().replaceAll(".*/", "") + ": " + p.message())
        .anySatisfy(m -> assertThat(m).startsWith("queue_log.3.gz: cannot read: unexpected end of file"))
        .anySatisfy(m -> assertThat(m).startsWith("queue_log.2.gz: cannot read: unexpected end of file"))
        .anySatisfy(m -> assertThat(m).startsWith("queue_log.1.gz: cannot read: corrupt gzip data"))
        .noneSatisfy(m -> assertThat(m).contains("null"));
  }

  @Test
  void theOperatingSystemsReasonIsNamed() {
    assertThat(QueueLogInput.reason(new AccessDeniedException("/var/log/asterisk/queue_log")))
        .isEqualTo("permission denied");
    assertThat(QueueLogInput.reason(new java.io.EOFException())).contains("truncated");
    assertThat(QueueLogInput.reason(new java.util.zip.ZipException("Not in GZIP format")))
        .isEqualTo("corrupt gzip data (Not in GZIP format)");
    assertThat(QueueLogInput.reason(new IOException())).isEqualTo("IOException");
  }

  @Test
  void theSameFileReachedTwiceIsReadOnce() throws IOException {
    String log = "1000|c|q|NONE|ENTERQUEUE||5|1\n1001|c|q|NONE|ABANDON|1|1|1\n";
    Files.writeString(dir.resolve("queue_log.1"), log);
    Files.createSymbolicLink(dir.resolve("queue_log.link"), dir.resolve("queue_log.1"));
    Files.createLink(dir.resolve("queue_log.hard"), dir.resolve("queue_log.1"));
    Files.writeString(dir.resolve("queue_log.copy"), log);
    Files.writeString(dir.resolve("queue_log"), "2000|d|q|NONE|ENTERQUEUE||5|1\n");
    QueueLogInputTest.Collect c = QueueLogInputTest.read(QueueLogInput.path(dir));
    assertThat(c.lines).hasSize(3);
    assertThat(c.problems).hasSize(3).allSatisfy(p -> assertThat(p.message()).startsWith("duplicate file: "));
    assertThat(c.problems).extracting(InputProblem::message)
        .anySatisfy(m -> assertThat(m).contains("a byte-identical copy of"))
        .anySatisfy(m -> assertThat(m).contains("(a link to it)"));
  }

  @Test
  void filesOfTheSameSizeButOtherContentAreBothRead() throws IOException {
    Files.writeString(dir.resolve("queue_log.1"), "1000|c|q|NONE|ENTERQUEUE||5|1\n");
    Files.writeString(dir.resolve("queue_log"), "1001|c|q|NONE|ENTERQUEUE||5|1\n");
    QueueLogInputTest.Collect c = QueueLogInputTest.read(QueueLogInput.path(dir));
    assertThat(c.lines).hasSize(2);
    assertThat(c.problems).isEmpty();
  }
}
