package ru.sipring.fax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reply reader against every server reply in the live hfaxd 6.0.7 transcripts of the shared corpus
 * ({@code corpus/fax/hylafax-6.0.7-live/*.log}, see its PROVENANCE.md): every reply parses, multi-line
 * replies keep all lines, and the texts SipRing's parsing depends on are there as the real server wrote them.
 */
class HfaxdTranscriptTest {

  static Path transcripts() {
    String property = System.getProperty("sipring.corpus");
    Path corpus = property != null && Files.isDirectory(Path.of(property)) ? Path.of(property) : Path.of("/work/shared/corpus");
    return corpus.resolve("fax/hylafax-6.0.7-live");
  }

  /** The server side of a transcript: lines starting with "<- ", without the marker. */
  static List<String> serverLines(Path log) throws IOException {
    List<String> out = new ArrayList<>();
    for (String l : Files.readAllLines(log)) {
      if (l.startsWith("<- ")) {
        out.add(l.substring(3));
      } else if (l.equals("<-")) {
        out.add("");
      }
    }
    return out;
  }

  @Test
  void everyReplyInTheTranscriptsParses() throws Exception {
    Path dir = transcripts();
    assumeTrue(Files.isDirectory(dir) || "true".equalsIgnoreCase(System.getenv("CI")), "no corpus at " + dir);
    List<HfaxdReply> all = new ArrayList<>();
    try (Stream<Path> logs = Files.list(dir)) {
      for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        // data-connection contents are interleaved in the transcripts; keep only reply-shaped lines
        // between replies (a listing line never starts with three digits and a space or dash here)
        List<String> lines = new ArrayList<>();
        boolean inMulti = false;
        String multiEnd = null;
        for (String l : serverLines(log)) {
          boolean replyStart = l.length() >= 4 && l.substring(0, 3).chars().allMatch(Character::isDigit)
              && (l.charAt(3) == ' ' || l.charAt(3) == '-');
          if (inMulti) {
            lines.add(l);
            if (l.startsWith(multiEnd)) {
              inMulti = false;
            }
          } else if (replyStart) {
            lines.add(l);
            if (l.charAt(3) == '-') {
              inMulti = true;
              multiEnd = l.substring(0, 3) + " ";
            }
          }
        }
        BufferedReader in = new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
        while (in.ready()) {
          in.mark(1);
          if (in.read() < 0) {
            break;
          }
          in.reset();
          all.add(HylaFaxClient.readReply(in, log.getFileName().toString()));
        }
      }
    }
    assertThat(all).hasSizeGreaterThan(150);
    assertThat(all).extracting(HfaxdReply::code).contains(150, 200, 211, 213, 214, 215, 217, 220, 221, 226, 227,
        230, 257, 331, 460, 500, 504, 530, 550);

    HfaxdReply dump = all.stream().filter(r -> r.code() == 217).findFirst().orElseThrow();
    assertThat(dump.lines().get(0)).isEqualTo("Job state: jobid 9 groupid 9");
    assertThat(dump.text()).isEqualTo("End of job 9 state.");
    assertThat(dump.lines()).anyMatch(l -> l.trim().equals("LASTTIME: 000259"));

    HfaxdReply stat = all.stream().filter(r -> r.code() == 211).findFirst().orElseThrow();
    assertThat(stat.lines()).anyMatch(l -> l.contains("HylaFAX (tm) Version 6.0.7"));
    assertThat(stat.text()).isEqualTo("End of status");

    // the texts SipRing extracts values from or reacts to
    assertThat(all).anyMatch(r -> r.code() == 200 && r.text().matches("New job created: jobid: \\d+ groupid: \\d+\\."));
    assertThat(all).anyMatch(r -> r.code() == 226 && r.text().matches("Transfer complete \\(FILE: /tmp/doc\\d+\\.pdf\\)\\."));
    assertThat(all).anyMatch(r -> r.code() == 227 && r.text().matches("Entering passive mode \\(127,0,0,1,\\d+,\\d+\\)"));
    assertThat(all).anyMatch(r -> r.code() == 500 && r.text().contains("job does not exist"));
    assertThat(all).anyMatch(r -> r.code() == 504 && r.text().contains("Job file lock failed"));
    assertThat(all).anyMatch(r -> r.code() == 530 && r.text().equals("Password incorrect."));
    assertThat(all).anyMatch(r -> r.code() == 460 && r.text().contains("scheduler NAK'd request"));
  }

  @Test
  void jobListingLinesFromTheTranscriptsMatchSipRingsFieldOrder() throws Exception {
    Path log = transcripts().resolve("03-submit-list-kill-doneq.log");
    assumeTrue(Files.exists(log) || "true".equalsIgnoreCase(System.getenv("CI")), "no corpus at " + log);
    // 03 lists with JOBFMT "%j|%o|%a|%e|%J|%P|%m|%R|%C|%s"; rebuild SipRing's order from its fields
    // listing lines come over the data connection, so the transcript shows them without the "<- " marker
    String line = Files.readAllLines(log).stream().filter(l -> l.startsWith("4|sipring|F|")).findFirst().orElseThrow();
    String[] f = line.split("\\|", 10);
    String ours = String.join("|", f[0], "4", f[1], f[2], f[3], f[5], " 0:3 ", " 0:3 ", f[6], "", f[4], f[7], f[8], f[9]);
    FaxJob job = HfaxdFormats.parseJob(ours);
    assertThat(job.state()).isEqualTo(FaxJobState.FAILED);
    assertThat(job.number()).isEqualTo("+1 555 0100");
    assertThat(job.tag()).isEqualTo("sipring-42");
    assertThat(job.receiver()).isEqualTo("Jane Doe");
    assertThat(job.failureReason()).isEqualTo("Job aborted by request");
    assertThat(job.sendAt()).isNull();
  }
}
