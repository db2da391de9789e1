package ru.sipring.cdr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.queuelog.InputProblem;

/**
 * Finds a call's recording: the CDR rows of the call (by {@code uniqueid}, the queue_log callid; then by
 * {@code linkedid}) name the file in {@code recordingfile}, and FreePBX's MixMonitor stores it under the
 * monitor root as {@code YYYY/MM/DD/<recordingfile>} by the call's date. Older layouts (the file right under
 * the root) and absolute paths in {@code recordingfile} are tried too.
 *
 * <pre>{@code
 * Recordings recordings = Recordings.create(JdbiCdrRepository.create(db), Path.of("/var/spool/asterisk/monitor"));
 * recordings.find("1714566605.4").saveTo(Path.of("call.wav"));
 * }</pre>
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
    this.root = root;
  }

  public static Recordings create(CdrRepository cdr, Path monitorRoot) {
    return new Recordings(Objects.requireNonNull(cdr, "cdr"), Objects.requireNonNull(monitorRoot, "monitorRoot"));
  }

  /** The recording of the call whose uniqueid (or linkedid) is {@code callId}. */
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
    Set<Path> tried = new LinkedHashSet<>();
    for (CdrRecord r : rows) {
      if (r.recordingfile().isEmpty()) {
        continue;
      }
      for (Path candidate : candidates(r)) {
        tried.add(candidate);
        if (Files.isRegularFile(candidate)) {
          try {
            return Recording.of(callId, candidate);
          } catch (IOException e) {
            throw new ru.sipring.core.SipRingException("cannot read recording " + candidate + ": "
                + e.getMessage(), e);
          }
        }
      }
    }
    if (tried.isEmpty()) {
      throw new NotFoundException("call " + callId + " was not recorded (recordingfile is empty in all "
          + rows.size() + " CDR rows)");
    }
    throw new NotFoundException("recording of call " + callId + " is not on disk; tried " + tried);
  }

  private List<Path> candidates(CdrRecord r) {
    Path file = Path.of(r.recordingfile());
    if (file.isAbsolute()) {
      return List.of(file);
    }
    var d = r.calldate();
    Path dated = root.resolve(String.format("%04d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
        .resolve(file);
    return List.of(dated, root.resolve(file));
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
