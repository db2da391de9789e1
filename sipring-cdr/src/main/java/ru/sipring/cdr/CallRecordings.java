package ru.sipring.cdr;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.SipRingException;

/**
 * A call's recording by the call id of a report row and the day the call came in, for screens that play and
 * download it. With a CDR ({@link #of(Path, Recordings)}) the CDR's {@code recordingfile} is asked first, as
 * {@link Recordings#find} does; then (and without a CDR) the dated directory {@code YYYY/MM/DD} of the monitor
 * root is searched for the file FreePBX's MixMonitor names after the call: {@code ...-<uniqueid>.<ext>} (for
 * example {@code q-6000-79161234567-20260302-091500-1772431200.12.wav}) or {@code <uniqueid>.<ext>}.
 *
 * <p>Nothing outside the monitor root is ever returned: the call id must look like an Asterisk uniqueid
 * (digits, a dot, digits, optionally after a system name of letters, digits, {@code _} and {@code -}), so it
 * cannot carry a separator or {@code ..}; the dated directory and the file are used only when their real paths
 * (symlinks resolved) lie inside the root's; a symlink that leads out is refused. Thread-safe.
 */
public final class CallRecordings {
  private static final Pattern CALL_ID = Pattern.compile("(?:[A-Za-z0-9_-]{1,64}-)?[0-9]{1,20}\\.[0-9]{1,12}");
  private static final Map<String, String> TYPES = Map.of("wav", "audio/wav", "mp3", "audio/mpeg", "ogg",
      "audio/ogg", "gsm", "audio/x-gsm", "wav49", "audio/wav", "opus", "audio/ogg", "sln", "audio/basic");
  private final Path root;
  private final @Nullable Recordings cdr;

  private CallRecordings(Path root, @Nullable Recordings cdr) {
    this.root = root.toAbsolutePath().normalize();
    this.cdr = cdr;
  }

  /**
   * Recordings found by file name in the monitor root's dated directories (no CDR).
   *
   * @param monitorRoot the directory Asterisk records into, such as {@link Recordings#FREEPBX_MONITOR}
   * @return the finder
   */
  public static CallRecordings inDirectory(Path monitorRoot) {
    return new CallRecordings(Objects.requireNonNull(monitorRoot, "monitorRoot"), null);
  }

  /**
   * Recordings found through the CDR first, then by file name.
   *
   * @param monitorRoot the directory Asterisk records into (the one {@code cdr} is confined to)
   * @param cdr the CDR-based finder
   * @return the finder
   */
  public static CallRecordings of(Path monitorRoot, Recordings cdr) {
    return new CallRecordings(Objects.requireNonNull(monitorRoot, "monitorRoot"), Objects.requireNonNull(cdr, "cdr"));
  }

  /**
   * The monitor root, absolute.
   *
   * @return the root
   */
  public Path root() {
    return root;
  }

  /**
   * The recording of a call.
   *
   * @param callId the queue_log call id (= the CDR uniqueid)
   * @param day the local date the call came in (its dated directory)
   * @return the recording, its path real and inside the root
   * @throws BadInputException naming {@code callId} when it is not a uniqueid, or when the only file found
   *     leads out of the root
   * @throws NotFoundException when the call has no recording on disk
   */
  public Recording find(String callId, LocalDate day) {
    if (callId == null || !CALL_ID.matcher(callId).matches()) {
      throw new BadInputException("callId", "'" + ru.sipring.core.text.TerminalText.escape(String.valueOf(callId))
          + "' is not an Asterisk call id such as 1772431200.12");
    }
    Objects.requireNonNull(day, "day");
    if (cdr != null) {
      try {
        return cdr.find(callId);
      } catch (NotFoundException e) {
        // not in the CDR, or its file is gone: the file name may still find it
      }
    }
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new NotFoundException("the recordings directory " + root + " does not exist");
    }
    Path dir = root.resolve(String.format("%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
    Path realDir;
    try {
      realDir = dir.toRealPath();
    } catch (IOException e) {
      throw new NotFoundException("no recording of call " + callId + ": " + dir + " does not exist");
    }
    if (!realDir.startsWith(realRoot)) {
      throw new BadInputException("callId", "the directory of " + day + " leads out of the recordings directory "
          + root);
    }
    List<String> refused = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(realDir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
          continue;
        }
        String base = name.substring(0, dot);
        if (!base.equals(callId) && !base.endsWith("-" + callId)) {
          continue;
        }
        Path real = f.toRealPath();
        if (!real.startsWith(realRoot)) {
          refused.add(name + " leads out of the recordings directory");
          continue;
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        return Recording.of(callId, real);
      }
    } catch (IOException e) {
      throw new SipRingException("cannot read the recordings directory " + realDir + ": " + e.getMessage(), e);
    }
    if (!refused.isEmpty()) {
      throw new BadInputException("callId", "recording of call " + callId + " refused: " + String.join("; ", refused));
    }
    throw new NotFoundException("no recording of call " + callId + " in " + dir);
  }

  /**
   * The recording of a call when it has one that may be served, for a screen deciding whether to show a player:
   * {@link #find} without the failures. A call id that is not a uniqueid, a day without a directory, no file, and
   * a file (or day directory) leading out of the root all give empty; a directory that cannot be read still
   * throws, as it is the installation's fault, not the call's. Costs what {@link #find} costs (a CDR query when
   * there is a CDR, then a listing of the day's directory).
   *
   * @param callId the queue_log call id (= the CDR uniqueid)
   * @param day the local date the call came in
   * @return the recording, or empty when {@link #find} would answer not found or refused
   * @throws SipRingException when the day's directory exists but cannot be read
   */
  public java.util.Optional<Recording> lookup(String callId, LocalDate day) {
    try {
      return java.util.Optional.of(find(callId, day));
    } catch (NotFoundException | BadInputException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * The HTTP content type of a recording by its format ({@code audio/wav}, {@code audio/mpeg}, ...).
   *
   * @param r the recording
   * @return the media type; {@code application/octet-stream} for a format browsers do not know
   */
  public static String contentType(Recording r) {
    return TYPES.getOrDefault(r.format().toLowerCase(Locale.ROOT), "application/octet-stream");
  }
}
