package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.BadInputException;
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
    Recordings recordings = Recordings.of(InMemoryCdrRepository.of(List.of(
        row("2024-05-01T12:30:05", "1714566605.4", "1714566605.4", "q-150-101-20240501-123005-1714566605.4.wav"))),
        monitor);

    Recording r = recordings.find("1714566605.4");

    assertThat(r.path()).isEqualTo(day.resolve("q-150-101-20240501-123005-1714566605.4.wav").toRealPath());
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
    Recordings recordings = Recordings.of(InMemoryCdrRepository.of(List.of(
        row("2013-07-22T19:29:54", "1374539394.2", "1374539394.2", ""),
        row("2013-07-22T19:29:55", "1374539395.3", "1374539394.2", "OUT201-20130722-192954-1374539394.2.gsm"))),
        monitor);

    Recording r = recordings.find("1374539394.2");

    assertThat(r.format()).isEqualTo("gsm");
    assertThat(r.size()).isEqualTo(3);
  }

  @Test
  void missingThingsAreClearErrors() {
    Recordings recordings = Recordings.of(InMemoryCdrRepository.of(List.of(
        row("2024-05-01T12:30:05", "1.1", "1.1", ""),
        row("2024-05-01T12:31:00", "2.2", "2.2", "gone.wav"))), monitor);

    assertThatThrownBy(() -> recordings.find("9.9")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no CDR with uniqueid or linkedid 9.9");
    assertThatThrownBy(() -> recordings.find("1.1")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("was not recorded");
    assertThatThrownBy(() -> recordings.find("2.2")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("not on disk").hasMessageContaining(monitor.resolve("2024/05/01/gone.wav").toString());
  }

  // ------------------------------------------------------------------------------- confinement (issue #12)

  /** A secret beside the monitor root, as the PIN secret or /etc/shadow would be. */
  private Path secret() throws Exception {
    return Files.writeString(outside.resolve("pin.key"), "the PIN secret");
  }

  @TempDir
  Path outside;

  private Recordings one(String file) {
    return Recordings.of(InMemoryCdrRepository.of(List.of(row("2024-05-11T10:00:00", "1715410800.7", "1715410800.7",
        file))), monitor);
  }

  @Test
  void anAbsolutePathOutsideTheRootIsRefusedNamingTheRow() throws Exception {
    Path secret = secret();

    assertThatThrownBy(() -> one(secret.toString()).find("1715410800.7")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("uniqueid 1715410800.7").hasMessageContaining(secret.toString())
        .hasMessageContaining("outside the monitor root");
  }

  @Test
  void dotDotThatClimbsOutIsRefused() throws Exception {
    Path secret = secret();
    Files.createDirectories(monitor.resolve("2024/05/11"));
    String climb = "../".repeat(monitor.getNameCount() + 4) + secret.toString().substring(1);

    for (String file : List.of(climb, "../" + outside.getFileName() + "/pin.key",
        "2024/05/11/../../../../" + outside.getFileName() + "/pin.key")) {
      assertThatThrownBy(() -> one(file).find("1715410800.7")).as(file).isInstanceOf(BadInputException.class)
          .hasMessageContaining("uniqueid 1715410800.7");
    }
  }

  @Test
  void aSymlinkThatLeadsOutOfTheRootIsRefused() throws Exception {
    Path secret = secret();
    Path day = Files.createDirectories(monitor.resolve("2024/05/11"));
    Files.createSymbolicLink(day.resolve("rec.wav"), secret);
    Files.createSymbolicLink(monitor.resolve("escape"), outside);

    assertThatThrownBy(() -> one("rec.wav").find("1715410800.7")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("uniqueid 1715410800.7").hasMessageContaining("leads out of the monitor root");
    assertThatThrownBy(() -> one("escape/pin.key").find("1715410800.7")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("leads out of the monitor root");
  }

  @Test
  void aSymlinkWithinTheRootAndAnAbsolutePathInsideItAreFine() throws Exception {
    Path archive = Files.createDirectories(monitor.resolve("archive"));
    Path real = Files.write(archive.resolve("rec.wav"), new byte[] {1, 2, 3, 4});
    Path day = Files.createDirectories(monitor.resolve("2024/05/11"));
    Files.createSymbolicLink(day.resolve("rec.wav"), real);

    Recording viaLink = one("rec.wav").find("1715410800.7");
    Recording absolute = one(real.toString()).find("1715410800.7");
    Recording relativeWithDate = one("2024/05/11/rec.wav").find("1715410800.7");

    assertThat(viaLink.path()).isEqualTo(real.toRealPath());
    assertThat(viaLink.size()).isEqualTo(4);
    assertThat(absolute.path()).isEqualTo(real.toRealPath());
    assertThat(relativeWithDate.path()).isEqualTo(real.toRealPath());
  }

  @Test
  void aConfinedRecordingIsStillFoundBesideAHostileRow() throws Exception {
    Path secret = secret();
    Path day = Files.createDirectories(monitor.resolve("2024/05/11"));
    Files.write(day.resolve("ok.wav"), new byte[] {9});
    Recordings recordings = Recordings.of(InMemoryCdrRepository.of(List.of(
        row("2024-05-11T10:00:00", "1715410800.7", "1715410800.7", secret.toString()),
        row("2024-05-11T10:00:01", "1715410800.7", "1715410800.7", "ok.wav"))), monitor);

    assertThat(recordings.find("1715410800.7").size()).isEqualTo(1);
  }

  @Test
  void aSavedCopyIsNoMoreReadableThanTheRecording() throws Exception {
    Path day = Files.createDirectories(monitor.resolve("2024/05/11"));
    Path rec = Files.write(day.resolve("private.wav"), new byte[] {1, 2});
    Files.setPosixFilePermissions(rec, PosixFilePermissions.fromString("rw-r-----"));
    Path pub = Files.write(day.resolve("public.wav"), new byte[] {3});
    Files.setPosixFilePermissions(pub, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path out = outside.resolve("saved/private.wav");
    Path out2 = outside.resolve("saved/public.wav");

    one("private.wav").find("1715410800.7").saveTo(out);
    one("public.wav").find("1715410800.7").saveTo(out2);

    assertThat(out).hasBinaryContent(new byte[] {1, 2});
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out2))).isEqualTo("rw-r--r--");
  }

  @Test
  void savingOverASymlinkReplacesTheLinkAndLeavesItsTargetAlone() throws Exception {
    Path secret = secret();
    Path day = Files.createDirectories(monitor.resolve("2024/05/11"));
    Files.write(day.resolve("rec.wav"), new byte[] {7, 7});
    Path target = outside.resolve("call.wav");
    Files.createSymbolicLink(target, secret);

    one("rec.wav").find("1715410800.7").saveTo(target);

    assertThat(Files.isSymbolicLink(target)).isFalse();
    assertThat(target).hasBinaryContent(new byte[] {7, 7});
    assertThat(secret).hasContent("the PIN secret");
  }

  @Test
  void aSymlinkSwappedInAfterTheLookIsNotFollowed() throws Exception {
    Path secret = secret();
    Path day = Files.createDirectories(monitor.resolve("2024/05/11"));
    Path rec = Files.write(day.resolve("rec.wav"), new byte[] {1});
    Recording r = one("rec.wav").find("1715410800.7");
    Files.delete(rec);
    Files.createSymbolicLink(rec, secret);

    assertThatThrownBy(r::open).isInstanceOf(ru.sipring.core.SipRingException.class);
  }
}
