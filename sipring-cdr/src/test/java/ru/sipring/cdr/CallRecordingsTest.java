package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;

class CallRecordingsTest {
  @TempDir
  Path tmp;

  private static final LocalDate DAY = LocalDate.parse("2026-03-02");

  @Test
  void findsTheMixMonitorFileByUniqueidInTheDatedDirectory() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("monitor"));
    Path day = Files.createDirectories(root.resolve("2026/03/02"));
    Files.write(day.resolve("q-6000-100-20260302-091500-1772431200.12.wav"), new byte[] {1, 2});
    Files.write(day.resolve("q-6000-100-20260302-091500-1772431200.123.wav"), new byte[] {3});
    Recording r = CallRecordings.inDirectory(root).find("1772431200.12", DAY);
    assertThat(r.path().getFileName().toString()).isEqualTo("q-6000-100-20260302-091500-1772431200.12.wav");
    assertThat(r.size()).isEqualTo(2);
    assertThat(CallRecordings.contentType(r)).isEqualTo("audio/wav");
    assertThatThrownBy(() -> CallRecordings.inDirectory(root).find("1772431200.1", DAY))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> CallRecordings.inDirectory(root).find("1772431200.12", DAY.plusDays(1)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theCdrIsAskedFirst() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("monitor"));
    Files.write(Files.createDirectories(root.resolve("2026/03/02")).resolve("elsewhere.gsm"), new byte[] {9});
    CdrRecord row = new CdrRecord(LocalDateTime.parse("2026-03-02T09:15:00"), "", "101", "200", "ext-queues", "", "",
        "Queue", "150", Duration.ofSeconds(60), Duration.ofSeconds(50), "ANSWERED", 3, "", "1772431200.12", "", "",
        "elsewhere.gsm", "", "", "", "", "", "1772431200.12", "", 1);
    Recording r = CallRecordings.of(root, Recordings.of(InMemoryCdrRepository.of(List.of(row)), root))
        .find("1772431200.12", DAY);
    assertThat(r.format()).isEqualTo("gsm");
    assertThat(CallRecordings.contentType(r)).isEqualTo("audio/x-gsm");
  }

  @Test
  void traversalAndSymlinksOutAreRefused() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("monitor"));
    Path day = Files.createDirectories(root.resolve("2026/03/02"));
    Path secret = Files.write(tmp.resolve("secret-1772431200.99.wav"), new byte[] {7});
    Files.createSymbolicLink(day.resolve("q-1-2-1772431200.99.wav"), secret);
    CallRecordings rec = CallRecordings.inDirectory(root);
    for (String bad : List.of("../secret", "../../etc/passwd", "/etc/passwd", "..%2Fsecret", "a/1.2", "1.2/../3.4",
        "1.2\\..\\3.4", "", "1772431200.99 ")) {
      assertThatThrownBy(() -> rec.find(bad, DAY)).as(bad).isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("callId: ");
    }
    assertThatThrownBy(() -> rec.find("1772431200.99", DAY)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("leads out of the recordings directory");
    // a day directory that is a symlink out of the root
    Path outside = Files.createDirectories(tmp.resolve("outside/2026/03/03"));
    Files.write(outside.resolve("1772431200.5.wav"), new byte[] {1});
    Files.createSymbolicLink(root.resolve("2026/03/03"), outside);
    assertThatThrownBy(() -> rec.find("1772431200.5", DAY.plusDays(1))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("leads out");
    // a symlink inside the root to another place inside it is fine
    Path real = Files.write(Files.createDirectories(root.resolve("store")).resolve("x.wav"), new byte[] {5});
    Files.createSymbolicLink(day.resolve("1772431200.7.wav"), real);
    assertThat(rec.find("1772431200.7", DAY).path()).isEqualTo(real.toRealPath());
  }

  @Test
  void lookupIsEmptyExactlyWhenFindWouldNotServeAFile() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("monitor"));
    Path day = Files.createDirectories(root.resolve("2026/03/02"));
    Files.write(day.resolve("q-6000-100-20260302-091500-1772431200.12.wav"), new byte[] {1, 2});
    Path secret = Files.write(tmp.resolve("secret.wav"), new byte[] {7});
    Files.createSymbolicLink(day.resolve("q-1-2-1772431200.99.wav"), secret);
    CallRecordings rec = CallRecordings.inDirectory(root);
    assertThat(rec.lookup("1772431200.12", DAY)).hasValueSatisfying(r -> assertThat(r.size()).isEqualTo(2));
    assertThat(rec.lookup("1772431200.13", DAY)).isEmpty(); // no file
    assertThat(rec.lookup("1772431200.12", DAY.plusDays(1))).isEmpty(); // no day directory
    assertThat(rec.lookup("1772431200.99", DAY)).isEmpty(); // leads out of the root
    assertThat(rec.lookup("../secret", DAY)).isEmpty(); // not a uniqueid
    assertThat(CallRecordings.inDirectory(tmp.resolve("absent")).lookup("1772431200.12", DAY)).isEmpty();
  }
}
