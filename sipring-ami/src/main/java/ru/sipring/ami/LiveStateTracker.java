package ru.sipring.ami;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.event.AbstractQueueMemberEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.pbx.LiveQueueState;
import ru.sipring.core.pbx.LiveQueueState.MemberStatus;

/**
 * Folds AMI queue events into per-queue live state. Mutated only by the gateway's event thread; published
 * states are immutable and read from any thread through {@link #published}.
 */
final class LiveStateTracker {

  private static final class Q {
    final String name;
    final LinkedHashMap<String, C> callers = new LinkedHashMap<>();
    final LinkedHashMap<String, M> members = new LinkedHashMap<>();
    int answered;
    int abandoned;

    Q(String name) {
      this.name = name;
    }
  }

  private record C(int position, String num, String name, String uniqueId, Instant joinedAt) {}

  private static final class M {
    final String iface;
    String name;
    int status;
    boolean paused;
    @Nullable String reason;
    boolean inCall;
    int callsTaken;

    M(String iface, String name) {
      this.iface = iface;
      this.name = name;
    }
  }

  private final Clock clock;
  private final Map<String, Q> queues = new TreeMap<>();
  private final Map<String, LiveQueueState> published = new ConcurrentHashMap<>();

  LiveStateTracker(Clock clock) {
    this.clock = clock;
  }

  /** Applies one event; returns the queue whose state changed, or null when nothing changed. */
  @Nullable String apply(ManagerEvent e) {
    if (e instanceof QueueCallerJoinEvent j) {
      Q q = queue(j.getQueue());
      int pos = j.getPosition() == null ? q.callers.size() + 1 : j.getPosition();
      q.callers.put(j.getUniqueId(), new C(pos, nz(j.getCallerIdNum()), nz(j.getCallerIdName()), j.getUniqueId(),
          clock.instant()));
      return q.name;
    }
    if (e instanceof QueueCallerLeaveEvent l) {
      Q q = queue(l.getQueue());
      C gone = q.callers.remove(l.getUniqueId());
      if (gone != null) {
        renumber(q);
      }
      return q.name;
    }
    if (e instanceof QueueCallerAbandonEvent a) {
      Q q = queue(a.getQueue());
      q.abandoned++;
      return q.name;
    }
    if (e instanceof AgentCompleteEvent c) {
      Q q = queue(c.getQueue());
      q.answered++;
      return q.name;
    }
    if (e instanceof QueueMemberRemovedEvent r) {
      Q q = queue(r.getQueue());
      q.members.remove(r.getInterface());
      return q.name;
    }
    if (e instanceof QueueMemberAddedEvent a) {
      Q q = queue(a.getQueue());
      M m = q.members.computeIfAbsent(a.getInterface(), i -> new M(i, i));
      m.name = a.getMemberName() == null ? a.getInterface() : a.getMemberName();
      m.status = a.getStatus() == null ? 0 : a.getStatus();
      m.paused = Boolean.TRUE.equals(a.getPaused());
      m.reason = a.getPausedReason();
      m.callsTaken = a.getCallsTaken() == null ? 0 : a.getCallsTaken();
      return q.name;
    }
    if (e instanceof QueueMemberPausedEvent p) {
      // QueueMemberPause (Asterisk >= 12) is a subclass of the legacy QueueMemberPaused (Asterisk <= 11)
      Q q = queue(p.getQueue());
      M m = q.members.computeIfAbsent(p.getInterface(), i -> new M(i, p.getMemberName() == null ? i
          : p.getMemberName()));
      m.paused = Boolean.TRUE.equals(p.getPaused());
      String reason = p.getReason();
      if (p instanceof QueueMemberPauseEvent modern) {
        // Asterisk >= 12 puts the reason in PausedReason (asterisk-java issue #545: getReason() stays null)
        reason = modern.getPausedreason() != null ? modern.getPausedreason() : reason;
        if (modern.getStatus() != null) {
          m.status = modern.getStatus();
        }
      }
      m.reason = m.paused ? reason : null;
      return q.name;
    }
    if (e instanceof QueueMemberStatusEvent s) {
      Q q = queue(s.getQueue());
      M m = q.members.computeIfAbsent(s.getInterface(), i -> new M(i, i));
      if (s.getName() != null) {
        m.name = s.getName(); // QueueMemberStatus's MemberName header lands in QueueMemberEvent's name
      }
      m.status = s.getStatus() == null ? m.status : s.getStatus();
      m.paused = s.getPaused() == null ? m.paused : s.getPaused();
      m.reason = m.paused ? (s.getPausedreason() == null ? m.reason : s.getPausedreason()) : null;
      m.inCall = s.getIncall() != null ? s.getIncall() == 1 : m.status == 2;
      m.callsTaken = s.getCallsTaken() == null ? m.callsTaken : s.getCallsTaken();
      return q.name;
    }
    return null;
  }

  /** Replaces all state with a QueueStatus answer; returns every queue name now known. */
  Set<String> resync(List<ManagerEvent> statusEvents) {
    Instant now = clock.instant();
    Map<String, Q> fresh = new TreeMap<>();
    for (ManagerEvent e : statusEvents) {
      if (e instanceof QueueParamsEvent p) {
        Q q = fresh.computeIfAbsent(p.getQueue(), Q::new);
        q.answered = p.getCompleted() == null ? 0 : p.getCompleted();
        q.abandoned = p.getAbandoned() == null ? 0 : p.getAbandoned();
      } else if (e.getClass() == QueueMemberEvent.class) {
        QueueMemberEvent me = (QueueMemberEvent) e;
        Q q = fresh.computeIfAbsent(me.getQueue(), Q::new);
        M m = new M(me.getInterface(), me.getName() == null ? me.getInterface() : me.getName());
        m.status = me.getStatus() == null ? 0 : me.getStatus();
        m.paused = Boolean.TRUE.equals(me.getPaused());
        m.reason = m.paused ? me.getPausedreason() : null;
        m.inCall = me.getIncall() != null && me.getIncall() == 1;
        m.callsTaken = me.getCallsTaken() == null ? 0 : me.getCallsTaken();
        q.members.put(m.iface, m);
      } else if (e instanceof QueueEntryEvent en) {
        Q q = fresh.computeIfAbsent(en.getQueue(), Q::new);
        long wait = en.getWait() == null ? 0 : en.getWait();
        q.callers.put(en.getUniqueId(), new C(en.getPosition() == null ? q.callers.size() + 1 : en.getPosition(),
            nz(en.getCallerIdNum()), nz(en.getCallerIdName()), en.getUniqueId(), now.minusSeconds(wait)));
      }
    }
    queues.clear();
    queues.putAll(fresh);
    published.keySet().retainAll(fresh.keySet());
    for (String name : fresh.keySet()) {
      publish(name);
    }
    return fresh.keySet();
  }

  /** Builds and stores the immutable state of one queue. */
  LiveQueueState publish(String name) {
    Q q = queue(name); // apply() or resync() made it; a queue dropped since publishes as empty
    Instant now = clock.instant();
    List<LiveQueueState.Caller> callers = new ArrayList<>();
    for (C c : q.callers.values()) {
      callers.add(new LiveQueueState.Caller(c.position(), c.num(), c.name(), c.uniqueId(), c.joinedAt(),
          Duration.between(c.joinedAt(), now)));
    }
    callers.sort(Comparator.comparingInt(LiveQueueState.Caller::position));
    List<LiveQueueState.Member> members = new ArrayList<>();
    for (M m : q.members.values()) {
      members.add(new LiveQueueState.Member(m.iface, m.name, status(m), m.paused, m.paused ? m.reason : null,
          m.callsTaken));
    }
    LiveQueueState s = new LiveQueueState(q.name, callers, members, q.answered, q.abandoned, now);
    published.put(name, s);
    return s;
  }

  Map<String, LiveQueueState> published() {
    return published;
  }

  /** A published state with waits recomputed for {@code now}. */
  static LiveQueueState at(LiveQueueState s, Instant now) {
    List<LiveQueueState.Caller> callers = new ArrayList<>();
    for (LiveQueueState.Caller c : s.callers()) {
      callers.add(new LiveQueueState.Caller(c.position(), c.callerIdNum(), c.callerIdName(), c.uniqueId(),
          c.joinedAt(), Duration.between(c.joinedAt(), now).isNegative() ? Duration.ZERO
          : Duration.between(c.joinedAt(), now)));
    }
    return new LiveQueueState(s.queue(), callers, s.members(), s.answered(), s.abandoned(), now);
  }

  static Optional<LiveQueueState> find(Map<String, LiveQueueState> map, String queue) {
    return Optional.ofNullable(map.get(queue));
  }

  /** Maps AST_DEVICE_* to what a wallboard shows. */
  static MemberStatus status(M m) {
    return switch (m.status) {
      case 2, 3, 7, 8 -> MemberStatus.IN_CALL;
      case 6 -> MemberStatus.RINGING;
      case 4, 5 -> MemberStatus.UNAVAILABLE;
      case 1 -> m.paused ? MemberStatus.PAUSED : MemberStatus.IDLE;
      default -> m.inCall ? MemberStatus.IN_CALL : m.paused ? MemberStatus.PAUSED : MemberStatus.UNKNOWN;
    };
  }

  private Q queue(String name) {
    return queues.computeIfAbsent(name, Q::new);
  }

  private static void renumber(Q q) {
    List<C> ordered = new ArrayList<>(q.callers.values());
    ordered.sort(Comparator.comparingInt(C::position));
    q.callers.clear();
    int pos = 1;
    for (C c : ordered) {
      q.callers.put(c.uniqueId(), new C(pos++, c.num(), c.name(), c.uniqueId(), c.joinedAt()));
    }
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }
}
