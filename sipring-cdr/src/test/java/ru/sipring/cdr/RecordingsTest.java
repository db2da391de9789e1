package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.NotFoundException;

class RecordingsTest {
  @TempDir
  Path monitor;

  private static CdrRecord row(String calldate, String uniqueid, String linkedid, String file) {
    return new CdrRecord(LocalDateTime.parse(calldate), "", "101", "200", "ext-queues", "", "", "Queue", "150",
        Duration.ofSeconds(60), Duration.ofSeconds(50), "ANSWERED", 3, "", uniqueid, "", "", file, "", "", "", "",
        "", linkedid, "", 1);
  }

  @Test
  void findsFreePbxDatedLayoutAndStreamsAndSaves() throws Exception {
    Path day = Files.createDirectories(monitor.resolve("2024/05/01"));
    byte[] audio = "RIFF....WAVEfmt fake audio bytes".getBytes();
    Files.write(day.resolve("q-150-101-20240501-123005-1714566605.4.wav"), audio);
    Recordings recordings = Recordings.create(InMemoryCdrRepository.of(List.of(
        row("2024-05-01T12:30:05", "1714566605.4", "1714566605.4", "q-150-101-20240501-123005-1714566605.4.wav"))),
        monitor);

    Recording r = recordings.find("1714566605.4");

    assertThat(r.path()).isEqualTo(day.resolve("q-150-101-20240501-123005-1714566605.4.wav"));
    assertThat(r.size()).isEqualTo(audio.length);
    assertThat(r.format()).isEqualTo("wav");
    try (InputStream in = r.open()) {
      assertThat(in.readAllBytes()).isEqualTo(audio);
    }
    Path out = monitor.resolve("out/call.wav");
    r.saveTo(out);
    assertThat(out).hasBinaryContent(audio);
  }

  @Test
  void findsByLinkedidAndTheOldFlatLayout() throws Exception {
    Files.write(monitor.resolve("OUT201-20130722-192954-1374539394.2.gsm"), new byte[] {1, 2, 3});
    Recordings recordings = Recordings.create(InMemoryCdrRepository.of(List.of(
        row("2013-07-22T19:29:54", "1374539394.2", "1374539394.2", ""),
        row("2013-07-22T19:29:55", "1374539395.3", "1374539394.2", "OUT201-20130722-192954-1374539394.2.gsm"))),
        monitor);

    Recording r = recordings.find("1374539394.2");

    assertThat(r.format()).isEqualTo("gsm");
    assertThat(r.size()).isEqualTo(3);
  }

  @Test
  void missingThingsAreClearErrors() {
    Recordings recordings = Recordings.create(InMemoryCdrRepository.of(List.of(
        row("2024-05-01T12:30:05", "1.1", "1.1", ""),
        row("2024-05-01T12:31:00", "2.2", "2.2", "gone.wav"))), monitor);

    assertThatThrownBy(() -> recordings.find("9.9")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no CDR with uniqueid or linkedid 9.9");
    assertThatThrownBy(() -> recordings.find("1.1")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("was not recorded");
    assertThatThrownBy(() -> recordings.find("2.2")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("not on disk").hasMessageContaining(monitor.resolve("2024/05/01/gone.wav").toString());
  }
}
