package ru.sipring.cdr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.SipRingException;

/**
 * A call's recording file, found by {@link Recordings#find}: the call it belongs to, where it is, its size and
 * its format (the file extension: {@code wav}, {@code WAV}, {@code gsm}, {@code mp3}...). Immutable; the file
 * itself may of course change or disappear.
 */
public record Recording(String callId, Path path, long size, String format) {
  public Recording {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
  }

  static Recording of(String callId, Path path) throws IOException {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return new Recording(callId, path, Files.size(path),
        dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Opens the file for streaming (to a player, an HTTP response); the caller closes the stream. */
  public InputStream open() {
    try {
      return Files.newInputStream(path);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new NotFoundException("recording of call " + callId + " vanished: " + path, e);
    } catch (IOException e) {
      throw new SipRingException("cannot read recording " + path + ": " + e.getMessage(), e);
    }
  }

  /** Copies the file to {@code target} (replacing it), through a temporary file so a failure leaves no half file. */
  public void saveTo(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".sipring-recording", ".part");
      try (InputStream in = open()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new SipRingException("cannot save recording of call " + callId + " to " + target + ": "
          + e.getMessage(), e);
    }
  }
}
