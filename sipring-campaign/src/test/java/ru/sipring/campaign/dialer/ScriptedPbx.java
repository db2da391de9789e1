package ru.sipring.campaign.dialer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.core.pbx.OriginateResult;
import ru.sipring.core.pbx.PbxGateway;
import ru.sipring.core.pbx.QueueMember;

/**
 * A PBX for dialer tests: it records every originate and lets the test complete each one with an outcome. Until
 * the testkit's in-memory PBX lands, this is the dialer's in-memory PBX.
 */
final class ScriptedPbx implements PbxGateway {
  final List<OriginateRequest> requests = new ArrayList<>();
  private final Map<String, CompletableFuture<OriginateResult>> pending = new LinkedHashMap<>();

  @Override
  public synchronized CompletionStage<OriginateResult> originate(OriginateRequest request) {
    requests.add(request);
    CompletableFuture<OriginateResult> f = new CompletableFuture<>();
    pending.put(request.tag(), f);
    return f;
  }

  /** Completes the oldest pending call to a number with {@code outcome}. */
  void complete(String number, OriginateOutcome outcome, Instant at) {
    CompletableFuture<OriginateResult> f = null;
    String tag = null;
    synchronized (this) {
      for (OriginateRequest r : requests) {
        if (r.channel().contains(number) && pending.containsKey(r.tag())) {
          tag = r.tag();
          f = pending.remove(tag);
          break;
        }
      }
    }
    if (f == null) {
      throw new AssertionError("no pending call to " + number);
    }
    f.complete(new OriginateResult(tag, outcome, at, "uid-" + tag, null));
  }

  synchronized int pending() {
    return pending.size();
  }

  synchronized long callsTo(String number) {
    return requests.stream().filter(r -> r.channel().contains(number)).count();
  }

  synchronized @Nullable OriginateRequest last() {
    return requests.isEmpty() ? null : requests.get(requests.size() - 1);
  }

  @Override
  public void addMember(QueueMember member) {
    throw new UnsupportedOperationException("not used by the dialer");
  }

  @Override
  public void removeMember(String queue, String memberInterface) {
    throw new UnsupportedOperationException("not used by the dialer");
  }

  @Override
  public void setPaused(String memberInterface, @Nullable String queue, boolean paused, @Nullable String reason) {
    throw new UnsupportedOperationException("not used by the dialer");
  }

  @Override
  public void close() {}
}
