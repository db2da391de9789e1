package ru.sipring.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import ru.sipring.core.NotFoundException;
import ru.sipring.spring.ScreenPopDesk;
import ru.sipring.spring.ScreenPopDesk.PopView;
import ru.sipring.spring.ScreenPopDesk.SurveyStep;

/**
 * Operator workspace: the starter's {@link ScreenPopDesk} (pops kept, whose pop it is, the pop's survey) seen
 * through server-sent events: each pop goes to the open workspace pages of the operator it is for as an event
 * {@code pop}. Without call events (no AMI gateway) there is no desk and no pop. Thread-safe.
 */
@Component
class WorkspacePops {
  private final @Nullable ScreenPopDesk desk;
  private final ScreenPopDesk.Listener listener = (operator, pop) -> send(operator, "pop", pop);
  private final Map<String, List<SseEmitter>> emitters = new ConcurrentHashMap<>();
  private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sipring-web-workspace");
    t.setDaemon(true);
    return t;
  });

  WorkspacePops(ObjectProvider<ScreenPopDesk> desks) {
    this.desk = desks.getIfAvailable();
    if (desk != null) {
      desk.addListener(listener);
    }
    keepAlive.scheduleWithFixedDelay(this::ping, 15, 15, TimeUnit.SECONDS);
  }

  /** The workspace changed a card: the next pop re-reads the phone index. */
  void cardsChanged() {
    if (desk != null) {
      desk.cardsChanged();
    }
  }

  private void send(String operator, String name, Object data) {
    List<SseEmitter> list = emitters.get(operator);
    if (list == null) {
      return;
    }
    for (SseEmitter e : list) {
      try {
        e.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException ex) {
        list.remove(e);
      }
    }
  }

  private void ping() {
    for (List<SseEmitter> list : emitters.values()) {
      for (SseEmitter e : list) {
        try {
          e.send(SseEmitter.event().comment("keep-alive"));
        } catch (IOException | IllegalStateException ex) {
          list.remove(e);
        }
      }
    }
  }

  /** An event stream of the pops for one operator. */
  SseEmitter stream(String operator) {
    SseEmitter e = new SseEmitter(0L);
    List<SseEmitter> list = emitters.computeIfAbsent(operator, k -> new CopyOnWriteArrayList<>());
    list.add(e);
    e.onCompletion(() -> list.remove(e));
    e.onTimeout(() -> list.remove(e));
    e.onError(t -> list.remove(e));
    return e;
  }

  /** The operator's recent pops, newest first. */
  List<PopView> recent(String operator, int max) {
    List<PopView> out = desk == null ? List.of() : desk.pops(operator);
    return out.size() > max ? out.subList(0, max) : out;
  }

  private ScreenPopDesk desk(String callId) {
    if (desk == null) {
      throw new NotFoundException("no screen pop for call " + callId);
    }
    return desk;
  }

  PopView pop(String callId, String operator) {
    PopView p = desk(callId).pop(callId)
        .orElseThrow(() -> new NotFoundException("no screen pop for call " + callId));
    if (!p.operator().equals(operator)) {
      throw new WorkspaceApi.Forbidden("call " + callId + " was put through to another operator");
    }
    return p;
  }

  /** Starts (or shows) the survey of the pop's queue. */
  SurveyStep survey(String callId, String operator) {
    try {
      return desk(callId).survey(callId, operator);
    } catch (ScreenPopDesk.OtherOperatorException e) {
      throw new WorkspaceApi.Forbidden(String.valueOf(e.getMessage()));
    }
  }

  /** Answers the current question; at the end of the scenario the response is stored and the step says finished. */
  SurveyStep answer(String callId, String operator, @Nullable Collection<String> options, @Nullable String text,
      boolean skip) {
    try {
      return desk(callId).answer(callId, operator, options, text, skip);
    } catch (ScreenPopDesk.OtherOperatorException e) {
      throw new WorkspaceApi.Forbidden(String.valueOf(e.getMessage()));
    }
  }

  @PreDestroy
  void close() {
    keepAlive.shutdownNow();
    if (desk != null) {
      desk.removeListener(listener);
    }
    for (List<SseEmitter> list : emitters.values()) {
      for (SseEmitter e : list) {
        e.complete();
      }
    }
  }
}
