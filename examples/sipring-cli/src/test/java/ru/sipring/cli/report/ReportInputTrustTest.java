package ru.sipring.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged input and the options of issue #11: the report still comes, the damage is named. */
class ReportInputTrustTest {

  @TempDir
  Path dir;

  private static byte[] gzip(byte[] b) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    }
    return out.toByteArray();
  }

  /** The tiny log split: an older rotated .gz that is truncated, a corrupt one, and the current file. */
  private Path rotatedDirectory() throws Exception {
    byte[] tiny = Files.readAllBytes(Path.of(ReportCommandTest.TINY));
    Path logs = Files.createDirectory(dir.resolve("logs"));
    Files.write(logs.resolve("queue_log"), tiny);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      sb.append(1589400000 + i).append("|1589400000.").append(i).append("|6000|NONE|ENTERQUEUE||7000|1\n");
    }
    byte[] older = sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] gz = gzip(older);
    Files.write(logs.resolve("queue_log.2.gz"), Arrays.copyOf(gz, gz.length / 2));
    Files.write(logs.resolve("queue_log.1.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    return logs;
  }

  @Test
  void corruptAndTruncatedGzFilesAreProblemsAndTheRestIsReported() throws Exception {
    Path logs = rotatedDirectory();
    ReportCommandTest.Run r = ReportCommandTest.run("--queue-log", logs.toString(), "--format", "json",
        "--as-of", "2020-05-14T12:00:00", "--zone", "UTC");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("queue_log.1.gz: cannot read: ").contains("queue_log.2.gz")
        .doesNotContain("null").doesNotContain("Exception");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("summary").get("answered").asLong()).isEqualTo(3);
    String problems = j.get("problems").toString();
    assertThat(problems).contains("queue_log.1.gz").contains("corrupt gzip data")
        .contains("queue_log.2.gz").contains("unexpected end of file");
  }

  @Test
  void strictMakesProblemsExitCode1() throws Exception {
    ReportCommandTest.Run r = ReportCommandTest.run("--queue-log", rotatedDirectory().toString(), "--strict",
        "--sections", "summary");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isNotEmpty(); // the report is still written
    ReportCommandTest.Run clean = ReportCommandTest.run("--queue-log", "src/test/resources/report/multistint.queue_log",
        "--strict", "--sections", "summary");
    assertThat(clean.exit()).as(clean.err()).isZero();
  }

  @Test
  void aMistypedOptionAfterQueueLogIsABadOptionNotAFile() {
    ReportCommandTest.Run r = ReportCommandTest.run("--queue-log", ReportCommandTest.TINY, "--fromm", "2020-05-14");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--fromm").contains("unknown option").doesNotContain("no such file");
  }

  @Test
  void asOfEndsSessionsStillOpenWhenTheDataEnds() throws Exception {
    // SIP/501 joins at 1589443300 (08:01:40 UTC) and never leaves in this log; the last line is 10 minutes later
    Path log = dir.resolve("queue_log");
    Files.writeString(log, """
        1589443300|MANAGER|6000|SIP/501|ADDMEMBER|
        1589443400|1589443400.1|6000|NONE|ENTERQUEUE||70001110001|1
        1589443406|1589443400.1|6000|SIP/501|CONNECT|6|1589443406.2|3
        1589443900|1589443400.1|6000|SIP/501|COMPLETECALLER|6|494|1
        """);
    ReportCommandTest.Run r = ReportCommandTest.run("--queue-log", log.toString(), "--format", "json",
        "--sections", "agents", "--zone", "Europe/Moscow", "--as-of", "2020-05-14T13:01:40");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode agent = new ObjectMapper().readTree(r.out()).get("agents").get(0);
    assertThat(agent.get("loggedInSeconds").asLong()).isEqualTo(2 * 3600); // 11:01:40 to 13:01:40 Moscow

    ReportCommandTest.Run windowed = ReportCommandTest.run("--queue-log", log.toString(), "--format", "json",
        "--sections", "agents", "--zone", "UTC", "--to", "2020-05-14T09:00", "--as-of", "2020-05-14T12:00");
    JsonNode a2 = new ObjectMapper().readTree(windowed.out()).get("agents").get(0);
    assertThat(a2.get("loggedInSeconds").asLong()).isEqualTo(9 * 3600 - 1589443300L % 86400); // to the window end

    ReportCommandTest.Run bad = ReportCommandTest.run("--queue-log", log.toString(), "--as-of", "yesterday");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--as-of");
  }
}
