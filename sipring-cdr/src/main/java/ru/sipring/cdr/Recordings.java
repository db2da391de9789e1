package ru.sipring.cdr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.queuelog.InputProblem;

/**
 * Finds a call's recording: the CDR rows of the call (by {@code uniqueid}, the queue_log callid; then by
 * {@code linkedid}) name the file in {@code recordingfile}, and FreePBX's MixMonitor stores it under the
 * monitor root as {@code YYYY/MM/DD/<recordingfile>} by the call's date. Older layouts (the file right under
 * the root, or a relative path such as {@code 2024/05/11/x.wav}) and absolute paths inside the root are tried
 * too.
 *
 * <pre>{@code
 * Recordings recordings = Recordings.of(JdbiCdrRepository.of(db), Path.of("/var/spool/asterisk/monitor"));
 * recordings.find("1714566605.4").saveTo(Path.of("call.wav"));
 * }</pre>
 *
 * <p>Confined to the monitor root: {@code recordingfile} is not trusted (FreePBX builds it from the caller ID,
 * and whoever can write the cdr table chooses it), so a candidate is used only when its normalised path and
 * its real path (symlinks resolved) both lie inside the root's. An absolute path elsewhere, a {@code ../}
 * that climbs out, or a symlink that leads out is refused; if no confined file is found the refusal is a
 * {@link BadInputException} naming the row's {@code uniqueid}. A symlink from one place inside the root to
 * another is fine. The {@link Recording} carries the real path.
 *
 * <p>A call with no CDR, no {@code recordingfile}, or a file that is not on disk is a
 * {@link NotFoundException} whose message says which and lists the paths tried. Thread-safe if the
 * repository is.
 */
public final class Recordings {
  /** FreePBX's default monitor root. */
  public static final Path FREEPBX_MONITOR = Path.of("/var/spool/asterisk/monitor");
  private final CdrRepository cdr;
  private final Path root;

  private Recordings(CdrRepository cdr, Path root) {
    this.cdr = cdr;
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * Recordings of the calls in {@code cdr}, confined to {@code monitorRoot}.
   *
   * @param cdr where the call's rows are read
   * @param monitorRoot the directory Asterisk records into; no file outside it is ever returned
   * @return the finder
   */
  public static Recordings of(CdrRepository cdr, Path monitorRoot) {
    return new Recordings(Objects.requireNonNull(cdr, "cdr"), Objects.requireNonNull(monitorRoot, "monitorRoot"));
  }

  /**
   * The recording of the call whose uniqueid (or linkedid) is {@code callId}.
   *
   * @param callId the cdr uniqueid (= queue_log callid) or linkedid
   * @return the first recording found inside the monitor root
   * @throws NotFoundException no CDR, nothing recorded, or no file on disk
   * @throws BadInputException a row names a file outside the monitor root and no confined file was found
   */
  public Recording find(String callId) {
    if (callId == null || callId.isBlank()) {
      throw new BadInputException("CALLID", "empty call id");
    }
    List<CdrRecord> rows = rows(CdrQuery.builder().uniqueid(callId).build());
    if (rows.stream().allMatch(r -> r.recordingfile().isEmpty())) {
      try {
        rows.addAll(rows(CdrQuery.builder().linkedid(callId).build()));
      } catch (BadInputException noLinkedidColumn) {
        // an older cdr schema: uniqueid is all there is
      }
    }
    if (rows.isEmpty()) {
      throw new NotFoundException("no CDR with uniqueid or linkedid " + callId + " in " + cdr.name());
    }
    Path realRoot = realRoot();
    Set<Path> tried = new LinkedHashSet<>();
    List<String> refused = new ArrayList<>();
    for (CdrRecord r : rows) {
      if (r.recordingfile().isEmpty()) {
        continue;
      }
      List<Path> candidates = candidates(r, realRoot, refused);
      for (Path candidate : candidates) {
        tried.add(candidate);
        if (!Files.isRegularFile(candidate)) {
          continue;
        }
        Path real;
        try {
          real = candidate.toRealPath();
        } catch (IOException e) {
          continue; // vanished between the two looks
        }
        if (realRoot == null || !real.startsWith(realRoot)) {
          refused.add(refusal(r, "leads out of the monitor root " + root + " (to " + real + ")"));
          continue;
        }
        try {
          return Recording.of(callId, real);
        } catch (IOException e) {
          throw new ru.sipring.core.SipRingException("cannot read recording " + real + ": " + e.getMessage(), e);
        }
      }
    }
    if (!refused.isEmpty()) {
      throw new BadInputException("cdr " + cdr.name(), "recording of call " + callId + " refused: "
          + String.join("; ", refused));
    }
    if (tried.isEmpty()) {
      throw new NotFoundException("call " + callId + " was not recorded (recordingfile is empty in all "
          + rows.size() + " CDR rows)");
    }
    throw new NotFoundException("recording of call " + callId + " is not on disk; tried " + tried);
  }

  /** The root with symlinks resolved; null when it does not exist (then nothing is found in it). */
  private @Nullable Path realRoot() {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Where the row's file may be, each lexically inside the root (or, for an absolute path, inside the root or
   * its real path); a row naming anything else adds a refusal and no candidate.
   */
  private List<Path> candidates(CdrRecord r, @Nullable Path realRoot, List<String> refused) {
    String name = r.recordingfile();
    Path file;
    try {
      file = Path.of(name);
    } catch (InvalidPathException e) {
      refused.add(refusal(r, "is not a path"));
      return List.of();
    }
    if (file.isAbsolute()) {
      Path n = file.normalize();
      if (n.startsWith(root) || (realRoot != null && n.startsWith(realRoot))) {
        return List.of(n);
      }
      refused.add(refusal(r, "is an absolute path outside the monitor root " + root));
      return List.of();
    }
    Path relative = file.normalize();
    // Asterisk writes a bare name or a path below the monitor dir; a name that climbs is an attack, wherever
    // the date directory would have put it
    if (relative.toString().isEmpty() || relative.startsWith("..")) {
      refused.add(refusal(r, "climbs out of the monitor root " + root));
      return List.of();
    }
    var d = r.calldate();
    Path dated = root.resolve(String.format("%04d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
        .resolve(relative);
    return List.of(dated, root.resolve(relative));
  }

  private static String refusal(CdrRecord r, String why) {
    // the value is outside text: control characters would garble a terminal or a log line
    return "row uniqueid " + printable(r.uniqueid()) + ": recordingfile '" + printable(r.recordingfile()) + "' " + why;
  }

  private static String printable(String s) {
    return ru.sipring.core.text.TerminalText.escape(s);
  }

  private List<CdrRecord> rows(CdrQuery q) {
    List<CdrRecord> out = new ArrayList<>();
    cdr.read(q, new CdrRepository.Sink() {
      @Override
      public void record(CdrRecord record) {
        out.add(record);
      }

      @Override
      public void problem(InputProblem problem) {
        // junk rows cannot name a recording
      }
    });
    return out;
  }
}
