package ru.sipring.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SampleQueueLogTest {
  static final Path DATA = Path.of("../data");

  @Test
  void committedSampleIsWhatTheGeneratorWrites() throws Exception {
    List<String> generated = SampleQueueLog.generate(SampleQueueLog.DEFAULT_SEED);
    assertThat(Files.readAllLines(DATA.resolve("queue_log"), StandardCharsets.UTF_8))
        .as("examples/data/queue_log is stale: rerun SampleQueueLog (see its javadoc)")
        .isEqualTo(generated);
    assertThat(Files.readAllLines(DATA.resolve("agents.csv"), StandardCharsets.UTF_8))
        .isEqualTo(SampleQueueLog.agentsCsv());
    assertThat(Files.readAllLines(DATA.resolve("queues.csv"), StandardCharsets.UTF_8))
        .isEqualTo(SampleQueueLog.queuesCsv());
  }

  @Test
  void sameSeedSameLogOtherSeedOtherLog() {
    assertThat(SampleQueueLog.generate(7)).isEqualTo(SampleQueueLog.generate(7));
    assertThat(SampleQueueLog.generate(7)).isNotEqualTo(SampleQueueLog.generate(8));
  }

  @Test
  void everyEventOfTheResearchTableAppearsForSeveralSeeds() {
    Set<String> expected = Set.of("ENTERQUEUE", "CONNECT", "COMPLETECALLER", "COMPLETEAGENT", "ABANDON",
        "EXITWITHTIMEOUT", "EXITWITHKEY", "EXITEMPTY", "WITHDRAW", "RINGNOANSWER", "RINGCANCELED", "AGENTDUMP",
        "SYSCOMPAT", "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER", "ADDMEMBER", "REMOVEMEMBER", "PAUSE",
        "UNPAUSE", "PAUSEALL", "UNPAUSEALL", "PENALTY", "RINGINUSE", "AGENTLOGIN", "AGENTLOGOFF",
        "AGENTCALLBACKLOGIN", "AGENTCALLBACKLOGOFF", "OUTCALL", "QUEUESTART", "CONFIGRELOAD", "DID");
    for (long seed : new long[] {SampleQueueLog.DEFAULT_SEED, 1, 2, 3}) {
      Set<String> events = new TreeSet<>();
      for (String line : SampleQueueLog.generate(seed)) {
        events.add(line.split("\\|", -1)[4]);
      }
      assertThat(events).as("seed " + seed).containsAll(expected);
    }
  }

  @Test
  void linesAreInTimeOrderAndCallersAreFictitious() {
    long previous = 0;
    for (String line : SampleQueueLog.generate(SampleQueueLog.DEFAULT_SEED)) {
      String[] f = line.split("\\|", -1);
      long epoch = Long.parseLong(f[0]);
      assertThat(epoch).as(line).isGreaterThanOrEqualTo(previous);
      previous = epoch;
      if (f[4].equals("ENTERQUEUE")) {
        // 7000… has no Russian area code (000), or a transfer's internal extension
        assertThat(f[6]).as(line).matches("7000\\d{7}|\\d{3}");
      }
    }
  }
}
