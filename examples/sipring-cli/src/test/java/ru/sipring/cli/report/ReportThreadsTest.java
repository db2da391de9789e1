package ru.sipring.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code report --threads}: the two-thread pipeline (the default on 2+ cores) prints the same report. */
class ReportThreadsTest {

  @Test
  void oneAndTwoThreadsAndTheDefaultPrintTheSameJson() {
    String[] sample = {"--queue-log", ReportCommandTest.SAMPLE, "--format", "json", "--zone", "Europe/Moscow"};
    ReportCommandTest.Run one = ReportCommandTest.run(with(sample, "--threads", "1"));
    ReportCommandTest.Run two = ReportCommandTest.run(with(sample, "--threads", "2"));
    ReportCommandTest.Run many = ReportCommandTest.run(with(sample, "--threads", "8"));
    ReportCommandTest.Run dflt = ReportCommandTest.run(sample);
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(one.out()).contains("\"answered\"");
    assertThat(two.out()).isEqualTo(one.out());
    assertThat(many.out()).isEqualTo(one.out());
    assertThat(dflt.out()).isEqualTo(one.out());
  }

  @Test
  void stdinWithTwoThreads() throws IOException {
    byte[] log = Files.readAllBytes(Path.of(ReportCommandTest.SAMPLE));
    String[] args = {"--queue-log", "-", "--format", "json", "--sections", "summary,operators"};
    ReportCommandTest.Run one = ReportCommandTest.runWithStdin(new ByteArrayInputStream(log), with(args, "--threads", "1"));
    ReportCommandTest.Run two = ReportCommandTest.runWithStdin(new ByteArrayInputStream(log), with(args, "--threads", "2"));
    assertThat(two.exit()).as(two.err()).isZero();
    assertThat(two.out()).isEqualTo(one.out()).contains("\"operators\"");
  }

  @Test
  void zeroThreadsIsExitCode2() {
    ReportCommandTest.Run r = ReportCommandTest.run("--queue-log", ReportCommandTest.SAMPLE, "--threads", "0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--threads: must be 1 or more, got 0");
  }

  private static String[] with(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
