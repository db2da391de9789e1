package ru.sipring.cdr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.SipRingException;

/**
 * A call's recording file, found by {@link Recordings#find}: the call it belongs to, where it is, its size and
 * its format (the file extension: {@code wav}, {@code WAV}, {@code gsm}, {@code mp3}...). Immutable; the file
 * itself may of course change or disappear. {@link Recordings} gives the file's real path (no symlink in it),
 * and {@link #open} refuses a symlink put in its place afterwards.
 */
public record Recording(String callId, Path path, long size, String format) {
  /**
   * Checks and copies the components.
   *
   * @param callId the call id
   * @param path the path
   * @param size the size
   * @param format the format
   */
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

  /**
   * Opens the file for streaming (to a player, an HTTP response); the caller closes the stream.
   *
   * @return the file's bytes; a symlink at {@link #path} is not followed
   */
  public InputStream open() {
    try {
      return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new NotFoundException("recording of call " + callId + " vanished: " + path, e);
    } catch (IOException e) {
      throw new SipRingException("cannot read recording " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Copies the file to {@code target} (replacing it), through a temporary file so a failure leaves no half
   * file. The copy is never more readable than the recording: on POSIX file systems it is {@code rw-------},
   * or {@code rw-r--r--} when the recording itself is readable by everybody; elsewhere it keeps the private
   * permissions of a new temporary file. A symlink at {@code target} is replaced, not written through.
   *
   * @param target where the copy goes; its directory is created when missing
   */
  public void saveTo(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      // created owner-only (0600 on POSIX), so the bytes are never readable by others while they are copied
      Path tmp = Files.createTempFile(dir, ".sipring-recording", ".part");
      try (InputStream in = open()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        narrowTo(tmp);
        // a rename replaces a symlink at target itself instead of following it
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new SipRingException("cannot save recording of call " + callId + " to " + target + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Who may read the copy: its owner (whoever saves it), and everybody else only when everybody may read the
   * recording too. The copy's owner and group are the saver's, not Asterisk's, so copying the source's group
   * bits would hand the recording to another group; never executable.
   */
  private void narrowTo(Path copy) throws IOException {
    PosixFileAttributeView source = Files.getFileAttributeView(path, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    if (source == null) {
      return; // not POSIX: the temporary file's own (private) permissions stay
    }
    Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    if (source.readAttributes().permissions().contains(PosixFilePermission.OTHERS_READ)) {
      perms.add(PosixFilePermission.GROUP_READ);
      perms.add(PosixFilePermission.OTHERS_READ);
    }
    Files.setPosixFilePermissions(copy, perms);
  }
}
