package ru.sipring.fax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;

/** A converter that hangs is killed after the time limit; a dispatch behind it fails instead of waiting for ever. */
class FaxImagesTimeoutTest {
  private static final byte[] TIFF = {'I', 'I', 42, 0, 8, 0, 0, 0};

  @TempDir Path tmp;

  /** A fake tiff2pdf: starts a child that sleeps far longer than any test waits, writes a lot, then waits. */
  private Path hangingConverter() throws Exception {
    Path script = tmp.resolve("tiff2pdf-hangs");
    Files.writeString(script, "#!/bin/sh\n"
        + "sleep 600 &\n"
        + "echo $! > '" + tmp.resolve("child") + "'\n"
        // more than a pipe buffer: a converter blocked on a full pipe must not matter either
        + "head -c 200000 /dev/zero | tr '\\0' x\n"
        + "wait\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private static long pid(Path file) throws Exception {
    return Long.parseLong(Files.readString(file).strip());
  }

  @Test
  void aHungConverterIsKilledWithItsChildrenAndTheErrorSaysSo() throws Exception {
    FaxImages images = FaxImages.withTiff2Pdf(hangingConverter().toString(), Duration.ofMillis(700));

    assertThatThrownBy(() -> images.tiffToPdf(TIFF, "recvq/fax000000077.tif"))
        .isInstanceOf(SipRingException.class).isNotInstanceOf(BadInputException.class)
        .hasMessageContaining("did not finish converting recvq/fax000000077.tif within 700 ms")
        .hasMessageContaining("killed");

    // the converter's child (started first thing, unless the kill came even sooner) is killed too; onExit
    // completes once SIGKILL has been delivered, and fails the test if the child lives on
    Path childPid = tmp.resolve("child");
    if (Files.exists(childPid) && !Files.readString(childPid).isBlank()) {
      ProcessHandle child = ProcessHandle.of(pid(childPid)).orElse(null);
      if (child != null) {
        child.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aFailingConverterIsBadInputWithItsOutput() throws Exception {
    Path script = tmp.resolve("tiff2pdf-fails");
    Files.writeString(script, "#!/bin/sh\necho 'Not a TIFF file, bad magic number \\033[31m' >&2\nexit 1\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

    assertThatThrownBy(() -> FaxImages.withTiff2Pdf(script.toString(), Duration.ofSeconds(30))
        .tiffToPdf(TIFF, "recvq/fax1.tif"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("exit 1")
        .hasMessageContaining("bad magic number").hasMessageNotContaining("\u001b");
  }

  @Test
  void theDispatchBehindAHungConverterFailsAndTheFaxIsStillRecorded() throws Exception {
    FaxCenter center = FaxCenter.builder(FaxDispatcherTest.unusedSessions()).build();
    center.users().save(FaxUser.administrator("admin", "admin@example.invalid"));
    try (TestSmtpServer smtp = new TestSmtpServer()) {
      FaxDispatcher dispatcher = FaxDispatcher.of(center,
          FaxImages.withTiff2Pdf(hangingConverter().toString(), Duration.ofMillis(500)),
          new FaxMailer(SmtpSettings.relay("127.0.0.1", smtp.port(), "fax@example.invalid")), ZoneId.of("UTC"));

      assertThatThrownBy(() -> dispatcher.dispatch(new ReceiveEvent("recvq/fax000000078.tif", "ttyIAX0", "", "", "",
          "", 1, Instant.EPOCH), TIFF)).isInstanceOf(SipRingException.class).hasMessageContaining("did not finish");

      assertThat(center.receivedFaxes().find("fax000000078.tif")).isPresent();
      assertThat(smtp.mails()).isEmpty();
    }
  }

  @Test
  void theTimeLimitMustBePositive() {
    assertThatThrownBy(() -> FaxImages.withTiff2Pdf("tiff2pdf", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaxImages.withTiff2Pdf("tiff2pdf", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
