package ru.sipring.spring;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportSection;

/**
 * The kept reports of {@link InboundReports}: one entry per query (the normalised {@link InboundReports.Query}),
 * holding the report and the source's fingerprint taken before it was computed. A request reuses the entry only
 * while the source's fingerprint is still equal and the entry is younger than its trust limit; otherwise it
 * computes again and replaces it. Bounded by an estimated weight in bytes (Caffeine's size-based eviction).
 * Thread-safe: a Caffeine cache of futures; one computation per query and fingerprint at a time, on the thread of
 * the request that started it, the others waiting for its future.
 */
final class ReportCache {
  private static final Logger LOG = LoggerFactory.getLogger(ReportCache.class);

  /** Bytes counted for every report besides its rows: the records of the summary, service level, input. */
  static final long BASE_BYTES = 16_384;
  /**
   * Bytes counted per answered or lost row: the row record, its Instant and Durations, and its own strings
   * (call id, caller, agent). Measured (heap after GC, 30 kept reports of the sample week): about 270 B an answered
   * row, 320 B a lost row with the report's share. An overestimate keeps less than the bound allows: at 400 B the
   * answered and lost tables of ten million lines (docs/performance/web.md) no longer fitted a quarter of 2 GB.
   */
  static final long DETAIL_ROW_BYTES = 320;
  /** Bytes counted per other row (operator, queue, agent, period, problem, event count). */
  static final long ROW_BYTES = 1_024;

  private record Entry(long expiresAtNanos, InboundReport report) {}

  /**
   * A computation of one query over data with one fingerprint, in flight or done: requests with the same query
   * and fingerprint wait for it instead of computing again.
   */
  private static final class Pending extends CompletableFuture<Entry> {
    final Object fingerprint;

    Pending(Object fingerprint) {
      this.fingerprint = fingerprint;
    }
  }

  /**
   * An async cache although every computation runs on the requesting thread: its map holds a future that is
   * inserted at once and completed after the (seconds-long) computation, so no lock of the map is held while
   * the queue_log is read — a synchronous cache's compute would block other queries of the same hash bin.
   */
  private final AsyncCache<InboundReports.Query, Entry> cache;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration liveMaxAge;
  private final boolean namesMayChange;

  ReportCache(ReportCacheProperties props, boolean namesMayChange, Clock clock) {
    this.clock = clock;
    this.maxAge = props.maxAge();
    this.liveMaxAge = props.liveMaxAge();
    this.namesMayChange = namesMayChange;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(props.maxBytes())
        .weigher((InboundReports.Query q, Entry e) -> weight(e.report()))
        .expireAfter(new Expiry<InboundReports.Query, Entry>() {
          @Override
          public long expireAfterCreate(InboundReports.Query key, Entry value, long currentTime) {
            return Math.max(0, value.expiresAtNanos() - currentTime);
          }

          @Override
          public long expireAfterUpdate(InboundReports.Query key, Entry value, long currentTime,
              long currentDuration) {
            return Math.max(0, value.expiresAtNanos() - currentTime);
          }

          @Override
          public long expireAfterRead(InboundReports.Query key, Entry value, long currentTime,
              long currentDuration) {
            return currentDuration;
          }
        })
        // ages by the injected clock, so tests move time without sleeping
        .ticker(() -> nanos(clock.instant()))
        // eviction work on the calling thread: no background task to outlive the application or a test
        .executor(Runnable::run)
        .buildAsync();
  }

  /**
   * The kept report of {@code q} if still valid, else {@code compute}'s, kept when it may be.
   *
   * @param now the instant the report is computed as of
   */
  InboundReport get(InboundReports.Query q, Instant now, QueueLogProvider source,
      Supplier<InboundReport> compute) {
    QueueLogProvider.Fingerprint fp;
    try {
      fp = source.fingerprint(q.zone());
    } catch (RuntimeException e) {
      // a missing file or a failing database: the computation reports it the way it always has
      LOG.debug("no fingerprint of {}: {}", source.description(), e.toString());
      fp = null;
    }
    if (fp == null) {
      return compute.get();
    }
    Duration trust = trust(q, fp, now);
    if (trust != null && trust.isZero()) {
      return compute.get();
    }
    Object value = fp.value();
    ConcurrentMap<InboundReports.Query, CompletableFuture<Entry>> map = cache.asMap();
    CompletableFuture<Entry> kept = map.get(q);
    if (kept != null && reusable(kept, value)) {
      return join(kept);
    }
    Pending mine = new Pending(value);
    // the map's compute only swaps futures (no computation inside it): a second identical request either finds
    // this future above or here, and waits for it
    CompletableFuture<Entry> f = map.compute(q, (k, old) -> reusable(old, value) ? old : mine);
    if (f == mine) {
      long expires = trust == null ? Long.MAX_VALUE : saturatedAdd(nanos(now), trust);
      try {
        mine.complete(new Entry(expires, compute.get()));
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e); // Caffeine drops a failed future: the next request computes again
        throw e;
      }
    }
    return join(f);
  }

  private boolean reusable(@Nullable CompletableFuture<Entry> f, Object fingerprint) {
    if (!(f instanceof Pending p) || !p.fingerprint.equals(fingerprint) || p.isCompletedExceptionally()) {
      return false;
    }
    Entry e = p.getNow(null);
    return e == null || e.expiresAtNanos() > nanos(clock.instant());
  }

  private static InboundReport join(CompletableFuture<Entry> f) {
    try {
      return f.join().report();
    } catch (CompletionException e) {
      // the computing request's own exception, as the waiting requests would have got it computing themselves
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * How long a report of {@code q} over data with fingerprint {@code fp} may be reused: null for as long as the
   * fingerprint stays equal, zero for not at all.
   */
  private @Nullable Duration trust(InboundReports.Query q, QueueLogProvider.Fingerprint fp, Instant now) {
    Duration trust = null;
    if (fp.appendsOnly() || namesMayChange) {
      trust = maxAge;
    }
    // open agent sessions run to the as-of instant (DESIGN.md §4): such a report changes with the clock alone
    Instant to = q.to();
    boolean clockBound = q.sections().contains(ReportSection.AGENTS) && (to == null || to.isAfter(now));
    if (clockBound && (trust == null || liveMaxAge.compareTo(trust) < 0)) {
      trust = liveMaxAge;
    }
    return trust;
  }

  void clear() {
    cache.synchronous().invalidateAll();
  }

  long size() {
    cache.synchronous().cleanUp();
    return cache.synchronous().estimatedSize();
  }

  /** The estimated bytes of a report, capped to what Caffeine's int weigher takes. */
  static int weight(InboundReport r) {
    long rows = (long) r.operators().size() + r.queues().size() + r.agents().size() + r.periods().rows().size()
        + r.problems().first().size() + r.input().eventCounts().size() + r.input().sources().size();
    long bytes = BASE_BYTES + DETAIL_ROW_BYTES * (r.answered().size() + (long) r.lost().size()) + ROW_BYTES * rows;
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  private static long nanos(Instant t) {
    return saturatedAdd(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), Duration.ofNanos(t.getNano()));
  }

  private static long saturatedAdd(long nanos, Duration d) {
    try {
      return Math.addExact(nanos, d.toNanos());
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
