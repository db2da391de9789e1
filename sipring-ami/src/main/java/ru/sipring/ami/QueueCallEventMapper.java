package ru.sipring.ami;

import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.core.pbx.QueueCallEvent;

/** asterisk-java's queue call events as SipRing's {@link QueueCallEvent}s. Stateless. */
final class QueueCallEventMapper {
  private static final Logger log = LoggerFactory.getLogger(QueueCallEventMapper.class);

  private QueueCallEventMapper() {}

  /** The SipRing event for {@code e}, or null when it is not one (or lacks its Uniqueid or Queue). */
  static @Nullable QueueCallEvent map(ManagerEvent e, Instant at) {
    if (e instanceof AgentConnectEvent c) {
      if (incomplete(e, c.getUniqueId(), c.getQueue())) {
        return null;
      }
      return new QueueCallEvent.AgentConnected(c.getUniqueId(), c.getQueue(), known(c.getCallerIdNum()),
          known(c.getCallerIdName()), c.getInterface() != null ? c.getInterface() : c.getMember(),
          c.getMemberName(), seconds(c.getHoldTime()), seconds(c.getRingtime()), at);
    }
    if (e instanceof AgentCompleteEvent c) {
      if (incomplete(e, c.getUniqueId(), c.getQueue())) {
        return null;
      }
      return new QueueCallEvent.AgentCompleted(c.getUniqueId(), c.getQueue(), known(c.getCallerIdNum()),
          c.getInterface() != null ? c.getInterface() : c.getMember(), c.getMemberName(), seconds(c.getHoldTime()),
          seconds(c.getTalkTime()), QueueCallEvent.CompletedBy.of(c.getReason()), at);
    }
    if (e instanceof QueueCallerAbandonEvent a) {
      if (incomplete(e, a.getUniqueId(), a.getQueue())) {
        return null;
      }
      return new QueueCallEvent.CallerAbandoned(a.getUniqueId(), a.getQueue(), known(a.getCallerIdNum()),
          a.getPosition() == null ? 0 : a.getPosition(),
          a.getOriginalPosition() == null ? 0 : a.getOriginalPosition(),
          seconds(a.getHoldTime() == null ? null : a.getHoldTime().longValue()), at);
    }
    return null;
  }

  private static boolean incomplete(ManagerEvent e, @Nullable String uniqueId, @Nullable String queue) {
    if (uniqueId == null || uniqueId.isBlank() || queue == null || queue.isBlank()) {
      log.warn("{} without Uniqueid or Queue ignored: {}", e.getClass().getSimpleName(),
          ru.sipring.core.text.TerminalText.escape(String.valueOf(e)));
      return true;
    }
    return false;
  }

  /** Asterisk writes {@code <unknown>} for an absent caller id. */
  private static String known(@Nullable String s) {
    return s == null || s.equals("<unknown>") ? "" : s;
  }

  private static Duration seconds(@Nullable Long s) {
    return s == null || s < 0 ? Duration.ZERO : Duration.ofSeconds(s);
  }
}
