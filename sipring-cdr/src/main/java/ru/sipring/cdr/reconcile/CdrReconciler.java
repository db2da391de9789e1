package ru.sipring.cdr.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallAttemptRepository;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.cdr.CdrQuery;
import ru.sipring.cdr.CdrRecord;
import ru.sipring.cdr.CdrRepository;
import ru.sipring.core.BadInputException;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.text.PhoneNumber;

/**
 * Brings the CDR's answered seconds, disposition and recording to the outbound module's call attempts, so that
 * costs, talk times and the recording column of the reports are right without the host doing anything.
 *
 * <p><b>Matching.</b> An attempt that carries the channel's uniqueid (the dialer's originate, click-to-call) is
 * matched to every CDR row whose {@code uniqueid} or {@code linkedid} equals it — an originated call leaves
 * several rows (the Local channel's two halves, the trunk leg) — and takes the row that dialled its number (the
 * client's leg: {@code dst} in the same normal form), else an answered row, else the longest billsec; the
 * recording is the first non-empty {@code recordingfile} of those rows, the chosen row's first. An attempt without
 * a uniqueid, or whose uniqueid no row carries, is matched by number and time: a row that dialled its number and
 * started within {@code tolerance} of it, not taken by another attempt, the nearest in time first. Attempts still
 * in progress are left alone (the dialer finishes them).
 *
 * <p><b>What changes.</b> The attempt's outcome becomes the CDR's disposition ({@code ANSWERED}, {@code BUSY},
 * {@code NO ANSWER}, {@code CONGESTION}, {@code FAILED}; others leave it), its billsec the row's (0 unless
 * answered: the CDR wins over the dialer's provisional value), its duration the row's, and its recording the file.
 * The client card is not touched: its status is the operator's or the dialer's decision. An attempt already equal
 * to what the CDR says is not written again, so running twice over the same period changes nothing the second
 * time (idempotent) and costs only the reading.
 *
 * <p><b>Running.</b> {@link #reconcile(Instant, Instant)} is the catch-up over a period (cut into
 * {@link #SLICE} slices so memory holds one slice's attempts; CDR rows are streamed). {@link #poll()} is the
 * continuous mode: each call reconciles from the watermark minus {@code lookback} to now and moves the watermark
 * to now. The look-back is there because Asterisk writes a CDR row when the call <em>ends</em>, with its
 * <em>start</em> as calldate: a long call's row appears after the watermark has passed its start. It must exceed
 * the longest call. {@link #schedule} polls on an executor.
 *
 * <p>Thread-safe: runs are serialised.
 */
public final class CdrReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(CdrReconciler.class);
  /** Attempts written per batch: one round trip each on MariaDB, small enough to hold no lock for long. */
  private static final int WRITE_BATCH = 1000;
  /** The catch-up reads attempts and CDR rows one slice of this length at a time. */
  public static final Duration SLICE = Duration.ofHours(6);

  private final CampaignStore store;
  private final CdrRepository cdr;
  private final ZoneId pbxZone;
  private final Clock clock;
  private final Duration tolerance;
  private final Duration lookback;
  private Instant watermark;

  /**
   * A reconciler.
   *
   * @param store where the call attempts are
   * @param cdr the PBX's CDR table
   * @param pbxZone the zone the PBX writes {@code calldate} in
   * @param clock the clock {@link #poll} reads "now" from
   * @param tolerance how far apart an attempt's start and a CDR row's calldate may be for a match by number
   *     (1 s to 1 h; 60 s suits a PBX whose clock is kept by NTP)
   * @param lookback how far before the watermark each poll reads again (at least the longest call; 0 s to 7 days)
   * @param since the first watermark: {@link #poll} starts there
   * @throws BadInputException naming {@code tolerance} or {@code lookback} when out of range
   */
  public CdrReconciler(CampaignStore store, CdrRepository cdr, ZoneId pbxZone, Clock clock, Duration tolerance,
      Duration lookback, Instant since) {
    this.store = Objects.requireNonNull(store, "store");
    this.cdr = Objects.requireNonNull(cdr, "cdr");
    this.pbxZone = Objects.requireNonNull(pbxZone, "pbxZone");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (tolerance.compareTo(Duration.ofSeconds(1)) < 0 || tolerance.compareTo(Duration.ofHours(1)) > 0) {
      throw new BadInputException("tolerance", "must be 1 s to 1 h, was " + tolerance.toSeconds() + " s");
    }
    if (lookback.isNegative() || lookback.compareTo(Duration.ofDays(7)) > 0) {
      throw new BadInputException("lookback", "must be 0 s to 7 days, was " + lookback.toSeconds() + " s");
    }
    this.tolerance = tolerance;
    this.lookback = lookback;
    this.watermark = Objects.requireNonNull(since, "since");
  }

  /**
   * The instant the next {@link #poll} reads from (minus the look-back).
   *
   * @return the watermark
   */
  public synchronized Instant watermark() {
    return watermark;
  }

  /**
   * Reconciles from the watermark minus the look-back to now, then moves the watermark to now.
   *
   * @return what was done
   */
  public synchronized ReconcileResult poll() {
    Instant now = clock.instant();
    Instant from = watermark.minus(lookback);
    ReconcileResult r = from.isBefore(now) ? reconcile(from, now) : new ReconcileResult(0, 0, 0, 0, 0, 0);
    if (now.isAfter(watermark)) {
      watermark = now;
    }
    return r;
  }

  /**
   * Polls every {@code period} on {@code executor}; a failing poll is logged and the next one tries again.
   *
   * @param executor the executor
   * @param period the time between polls
   * @return the scheduled task, to cancel
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration period) {
    return executor.scheduleWithFixedDelay(() -> {
      try {
        ReconcileResult r = poll();
        if (r.updated() > 0) {
          LOG.info("CDR reconciliation: {}", r);
        }
      } catch (RuntimeException e) {
        LOG.warn("CDR reconciliation failed, will try again: {}", e.toString());
      }
    }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The catch-up: reconciles the attempts started in {@code [from, to)}.
   *
   * @param from first start included
   * @param to first start excluded
   * @return what was done, summed over the slices
   * @throws BadInputException naming {@code period} when {@code from} is not before {@code to}
   */
  public synchronized ReconcileResult reconcile(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new BadInputException("period", "from " + from + " is not before to " + to);
    }
    ReconcileResult sum = new ReconcileResult(0, 0, 0, 0, 0, 0);
    for (Instant s = from; s.isBefore(to); s = s.plus(SLICE)) {
      Instant e = s.plus(SLICE).isBefore(to) ? s.plus(SLICE) : to;
      sum = sum.plus(slice(s, e));
    }
    return sum;
  }

  /** One attempt and what the CDR offers it. */
  private static final class Pending {
    final CallAttempt attempt;
    final String number;
    @Nullable CdrRecord best;
    @Nullable String recording;
    final List<CdrRecord> byNumber = new ArrayList<>(1);

    Pending(CallAttempt attempt) {
      this.attempt = attempt;
      this.number = PhoneNumber.normalize(attempt.number());
    }

    void offerByUid(CdrRecord r, String dstNormal) {
      if (best == null || better(r, dstNormal, best)) {
        best = r;
      }
      if (recording == null && !r.recordingfile().isEmpty()) {
        recording = r.recordingfile();
      }
    }

    private boolean better(CdrRecord r, String dstNormal, CdrRecord than) {
      boolean mine = !number.isEmpty() && number.equals(dstNormal);
      boolean thanMine = !number.isEmpty() && number.equals(PhoneNumber.normalize(than.dst()));
      if (mine != thanMine) {
        return mine;
      }
      boolean answered = "ANSWERED".equals(r.disposition());
      boolean thanAnswered = "ANSWERED".equals(than.disposition());
      if (answered != thanAnswered) {
        return answered;
      }
      return r.billsec().compareTo(than.billsec()) > 0;
    }
  }

  private ReconcileResult slice(Instant from, Instant to) {
    List<CallAttempt> attempts = store.attempts().between(from, to);
    Map<String, List<Pending>> byUid = new HashMap<>();
    Map<String, List<Pending>> byNumber = new HashMap<>();
    List<Pending> all = new ArrayList<>();
    for (CallAttempt a : attempts) {
      if (a.inProgress()) {
        continue;
      }
      Pending p = new Pending(a);
      all.add(p);
      if (a.uniqueId() != null && !a.uniqueId().isEmpty()) {
        byUid.computeIfAbsent(a.uniqueId(), k -> new ArrayList<>(1)).add(p);
      }
      if (!p.number.isEmpty()) {
        byNumber.computeIfAbsent(p.number, k -> new ArrayList<>(1)).add(p);
      }
    }
    if (all.isEmpty()) {
      return new ReconcileResult(0, 0, 0, 0, 0, 0);
    }
    long tol = tolerance.toSeconds();
    CdrQuery q = CdrQuery.builder().window(from.minus(tolerance), to.plus(tolerance), pbxZone).build();
    long rows = cdr.read(q, new CdrRepository.Sink() {
      @Override
      public void record(CdrRecord r) {
        String dst = PhoneNumber.normalize(r.dst());
        boolean uidHit = offer(byUid.get(r.uniqueid()), r, dst);
        if (!r.linkedid().equals(r.uniqueid())) {
          uidHit |= offer(byUid.get(r.linkedid()), r, dst);
        }
        if (uidHit) {
          return; // a row of a call with a uniqueid is never another attempt's candidate by number
        }
        List<Pending> sameNumber = dst.isEmpty() ? null : byNumber.get(dst);
        if (sameNumber != null) {
          long at = r.calldateIn(pbxZone).getEpochSecond();
          for (Pending p : sameNumber) {
            if (Math.abs(p.attempt.startedAt().getEpochSecond() - at) <= tol) {
              p.byNumber.add(r);
            }
          }
        }
      }

      @Override
      public void problem(InputProblem problem) {
        LOG.debug("CDR row skipped by the reconciliation: {}", problem);
      }
    });
    int uid = 0;
    int num = 0;
    int updated = 0;
    int unmatched = 0;
    Set<CdrRecord> takenByNumber = new HashSet<>();
    List<CallAttemptRepository.CdrFacts> changed = new ArrayList<>();
    all.sort(Comparator.comparing((Pending p) -> p.attempt.startedAt()).thenComparingLong(p -> p.attempt.id()));
    for (Pending p : all) {
      CdrRecord row = p.best;
      String recording = p.recording;
      if (row != null) {
        uid++;
      } else {
        long start = p.attempt.startedAt().getEpochSecond();
        row = p.byNumber.stream().filter(r -> !takenByNumber.contains(r))
            .min(Comparator.comparingLong((CdrRecord r) -> Math.abs(r.calldateIn(pbxZone).getEpochSecond() - start))
                .thenComparing(r -> !"ANSWERED".equals(r.disposition())))
            .orElse(null);
        if (row == null) {
          unmatched++;
          continue;
        }
        takenByNumber.add(row);
        recording = row.recordingfile().isEmpty() ? null : row.recordingfile();
        num++;
      }
      CallAttempt filled = fill(p.attempt, row, recording);
      if (!filled.equals(p.attempt)) {
        changed.add(new CallAttemptRepository.CdrFacts(filled.id(), outcome(row.disposition()),
            filled.durationSeconds(), filled.billsec(), recording));
        if (changed.size() == WRITE_BATCH) {
          updated += store.attempts().applyCdr(changed);
          changed.clear();
        }
      }
    }
    updated += store.attempts().applyCdr(changed);
    return new ReconcileResult(rows, all.size(), uid, num, updated, unmatched);
  }

  private static boolean offer(@Nullable List<Pending> pending, CdrRecord r, String dst) {
    if (pending == null) {
      return false;
    }
    for (Pending p : pending) {
      p.offerByUid(r, dst);
    }
    return true;
  }

  /** The attempt as the CDR row describes it. */
  static CallAttempt fill(CallAttempt a, CdrRecord row, @Nullable String recording) {
    CallOutcome outcome = outcome(row.disposition());
    CallOutcome o = outcome != null ? outcome : a.outcome();
    long billsec = o == CallOutcome.ANSWERED ? row.billsec().toSeconds() : 0;
    String rec = recording != null ? recording : a.recording();
    return new CallAttempt(a.id(), a.contactId(), a.assignmentId(), a.operator(), a.number(), a.startedAt(),
        a.endedAt(), o, row.duration().toSeconds(), billsec, a.note(), a.uniqueId(), rec, a.dialer(), a.tag());
  }

  /**
   * The outcome a CDR disposition stands for.
   *
   * @param disposition the CDR's disposition
   * @return the outcome, or null for a disposition SipRing does not know
   */
  static @Nullable CallOutcome outcome(String disposition) {
    return switch (disposition) {
      case "ANSWERED" -> CallOutcome.ANSWERED;
      case "BUSY" -> CallOutcome.BUSY;
      case "NO ANSWER" -> CallOutcome.NO_ANSWER;
      case "CONGESTION" -> CallOutcome.CONGESTION;
      case "FAILED" -> CallOutcome.FAILED;
      default -> null;
    };
  }
}
