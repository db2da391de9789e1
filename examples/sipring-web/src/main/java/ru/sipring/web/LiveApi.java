package ru.sipring.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import ru.sipring.core.pbx.LiveQueueMonitor;
import ru.sipring.core.pbx.LiveQueueState;
import ru.sipring.spring.QueueDayFigures;
import ru.sipring.spring.SipRingProperties;

/**
 * Live queue state for the wallboard: {@code GET /api/live/queues} (JSON), {@code GET /api/live/status} (is the
 * state stale, since when) and {@code GET /api/live/stream} (server-sent events {@code status} and
 * {@code queues}, both once a second, so waits keep counting between PBX events). Reads the library's
 * {@link LiveQueueMonitor} (the AMI gateway; empty when there is none) and the starter's
 * {@link QueueDayFigures} (today's answered, lost and service level per queue: the report engine's numbers,
 * nothing computed here).
 */
@RestController
class LiveApi {
  /**
   * One queue as the wallboard shows it. wallboard-today: {@code answeredToday}, {@code lostToday},
   * {@code serviceLevelToday} (percent of offered, DESIGN.md §4), {@code serviceLevelTodayOfAnswered} and
   * {@code serviceLevelThresholdSeconds} are the inbound report's for today in the panel's zone (null when the
   * queue had no calls today or the queue_log cannot be read); wallboard-stale: {@code stale} and
   * {@code staleSince} (ISO instant) say the state is as it was when the AMI link dropped.
   */
  record QueueView(String queue, int waiting, long longestWaitSeconds, int answered, int abandoned,
      List<MemberView> members, List<CallerView> callers, @Nullable Long answeredToday, @Nullable Long lostToday,
      @Nullable Double serviceLevelToday, @Nullable Double serviceLevelTodayOfAnswered,
      long serviceLevelThresholdSeconds, boolean stale, @Nullable String staleSince) {}

  /**
   * wallboard-stale: whether the live state is stale (the AMI link is down), since when (ISO instant, and the
   * time of day in the panel's zone) and for how many seconds now.
   */
  record LiveStatus(boolean stale, @Nullable String staleSince, @Nullable String staleSinceTime,
      long staleSeconds) {}

  /** One caller waiting, position 1 first (caller ID number and name as the PBX gives them: outside text). */
  record CallerView(int position, String callerIdNum, String callerIdName, long waitingSeconds) {}

  /** One member. */
  record MemberView(String name, String status, boolean paused, @Nullable String pausedReason, int callsTaken) {}

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private final @Nullable LiveQueueMonitor monitor;
  private final @Nullable QueueDayFigures today;
  private final ZoneId zone;
  private final Clock clock;
  private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sipring-web-wallboard");
    t.setDaemon(true);
    return t;
  });

  LiveApi(ObjectProvider<LiveQueueMonitor> monitors, ObjectProvider<QueueDayFigures> todays, SipRingProperties props,
      ObjectProvider<Clock> clocks) {
    this.monitor = monitors.getIfAvailable();
    this.today = todays.getIfAvailable();
    this.zone = props.zoneOrDefault();
    this.clock = clocks.getIfAvailable(Clock::systemUTC);
    ticker.scheduleWithFixedDelay(this::broadcast, 1, 1, TimeUnit.SECONDS);
  }

  @GetMapping("/api/live/queues")
  List<QueueView> queues() {
    List<QueueView> out = new ArrayList<>();
    if (monitor == null) {
      return out;
    }
    Instant stale = monitor.staleSince().orElse(null);
    QueueDayFigures.@Nullable Today day = todaysFigures();
    for (LiveQueueState s : monitor.snapshot()) {
      List<MemberView> members = new ArrayList<>();
      for (LiveQueueState.Member m : s.members()) {
        members.add(new MemberView(m.name(), m.status().name(), m.paused(), m.pausedReason(), m.callsTaken()));
      }
      List<CallerView> callers = new ArrayList<>();
      for (LiveQueueState.Caller c : s.callers()) {
        callers.add(new CallerView(c.position(), c.callerIdNum(), c.callerIdName(), c.waiting().toSeconds()));
      }
      QueueDayFigures.@Nullable QueueDay d = day == null ? null : day.queue(s.queue()).orElse(null);
      out.add(new QueueView(s.queue(), s.callers().size(), s.longestWait().toSeconds(), s.answered(), s.abandoned(),
          members, callers, d == null ? null : d.answered(), d == null ? null : d.lost(),
          d == null ? null : d.serviceLevel().percent(), d == null ? null : d.serviceLevel().percentOfAnswered(),
          today == null ? 0 : today.threshold().toSeconds(), stale != null,
          stale == null ? null : stale.toString()));
    }
    return out;
  }

  /** Today's figures, or null when there are none (no queue_log, an unreadable file: the board stays live). */
  private QueueDayFigures.@Nullable Today todaysFigures() {
    if (today == null) {
      return null;
    }
    try {
      return today.today();
    } catch (RuntimeException e) {
      return null;
    }
  }

  @GetMapping("/api/live/status")
  LiveStatus status() {
    if (monitor == null) {
      return new LiveStatus(false, null, null, 0);
    }
    Instant stale = monitor.staleSince().orElse(null);
    if (stale == null) {
      return new LiveStatus(false, null, null, 0);
    }
    return new LiveStatus(true, stale.toString(), TIME.format(stale.atZone(zone)),
        Math.max(0, Duration.between(stale, clock.instant()).toSeconds()));
  }

  @GetMapping(value = "/api/live/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream() {
    SseEmitter e = new SseEmitter(0L);
    emitters.add(e);
    e.onCompletion(() -> emitters.remove(e));
    e.onTimeout(() -> emitters.remove(e));
    e.onError(t -> emitters.remove(e));
    return e;
  }

  private void broadcast() {
    if (emitters.isEmpty()) {
      return;
    }
    List<QueueView> now;
    LiveStatus status;
    try {
      status = status();
      now = queues();
    } catch (RuntimeException ex) {
      return;
    }
    for (SseEmitter e : emitters) {
      try {
        e.send(SseEmitter.event().name("status").data(status, MediaType.APPLICATION_JSON));
        e.send(SseEmitter.event().name("queues").data(now, MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException ex) {
        emitters.remove(e);
      }
    }
  }

  @PreDestroy
  void close() {
    ticker.shutdownNow();
    for (SseEmitter e : emitters) {
      e.complete();
    }
  }
}
