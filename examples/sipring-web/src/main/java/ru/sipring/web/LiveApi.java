package ru.sipring.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
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

/**
 * Live queue state for the wallboard: {@code GET /api/live/queues} (JSON) and {@code GET /api/live/stream}
 * (server-sent events named {@code queues}, the full list once a second, so waits keep counting between PBX
 * events). Reads the library's {@link LiveQueueMonitor} (the AMI gateway); empty when there is none.
 */
@RestController
class LiveApi {
  /** One queue as the wallboard shows it. */
  record QueueView(String queue, int waiting, long longestWaitSeconds, int answered, int abandoned,
      List<MemberView> members, List<CallerView> callers) {}

  /** One caller waiting, position 1 first (caller ID number and name as the PBX gives them: outside text). */
  record CallerView(int position, String callerIdNum, String callerIdName, long waitingSeconds) {}

  /** One member. */
  record MemberView(String name, String status, boolean paused, @Nullable String pausedReason, int callsTaken) {}

  private final @Nullable LiveQueueMonitor monitor;
  private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sipring-web-wallboard");
    t.setDaemon(true);
    return t;
  });

  LiveApi(ObjectProvider<LiveQueueMonitor> monitors) {
    this.monitor = monitors.getIfAvailable();
    ticker.scheduleWithFixedDelay(this::broadcast, 1, 1, TimeUnit.SECONDS);
  }

  @GetMapping("/api/live/queues")
  List<QueueView> queues() {
    List<QueueView> out = new ArrayList<>();
    if (monitor == null) {
      return out;
    }
    for (LiveQueueState s : monitor.snapshot()) {
      List<MemberView> members = new ArrayList<>();
      for (LiveQueueState.Member m : s.members()) {
        members.add(new MemberView(m.name(), m.status().name(), m.paused(), m.pausedReason(), m.callsTaken()));
      }
      List<CallerView> callers = new ArrayList<>();
      for (LiveQueueState.Caller c : s.callers()) {
        callers.add(new CallerView(c.position(), c.callerIdNum(), c.callerIdName(), c.waiting().toSeconds()));
      }
      out.add(new QueueView(s.queue(), s.callers().size(), s.longestWait().toSeconds(), s.answered(), s.abandoned(),
          members, callers));
    }
    return out;
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
    try {
      now = queues();
    } catch (RuntimeException ex) {
      return;
    }
    for (SseEmitter e : emitters) {
      try {
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
