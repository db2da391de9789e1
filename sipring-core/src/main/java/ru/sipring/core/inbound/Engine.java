package ru.sipring.core.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.queuelog.QueueLogLine;
import ru.sipring.core.queuelog.QueueLogSink;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.EndedBy;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.InputSummary;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.LostCause;
import ru.sipring.core.report.ProblemReport;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;

/**
 * One computation: a state machine over queue_log lines (stints opened by ENTERQUEUE, closed by a terminal
 * event; agent sessions and pauses) feeding {@link Aggregates}. Single-threaded; one instance per compute.
 */
final class Engine implements QueueLogSink {

  // event codes
  static final int OTHER = 0;
  static final int ENTERQUEUE = 1;
  static final int CONNECT = 2;
  static final int COMPLETECALLER = 3;
  static final int COMPLETEAGENT = 4;
  static final int BLINDTRANSFER = 5;
  static final int ATTENDEDTRANSFER = 6;
  static final int TRANSFER = 7;
  static final int ABANDON = 8;
  static final int EXITWITHTIMEOUT = 9;
  static final int EXITWITHKEY = 10;
  static final int EXITEMPTY = 11;
  static final int WITHDRAW = 12;
  static final int SYSCOMPAT = 13;
  static final int RINGNOANSWER = 14;
  static final int QUEUESTART = 15;
  static final int ADDMEMBER = 16;
  static final int REMOVEMEMBER = 17;
  static final int AGENTLOGIN = 18;
  static final int AGENTLOGOFF = 19;
  static final int PAUSE = 20;
  static final int UNPAUSE = 21;
  static final int PAUSEALL = 22;
  static final int UNPAUSEALL = 23;
  static final int AGENTCALLBACKLOGIN = 24;
  static final int AGENTCALLBACKLOGOFF = 25;

  private static final Map<String, Integer> CODES = Map.ofEntries(
      Map.entry("ENTERQUEUE", ENTERQUEUE), Map.entry("CONNECT", CONNECT),
      Map.entry("COMPLETECALLER", COMPLETECALLER), Map.entry("COMPLETEAGENT", COMPLETEAGENT),
      Map.entry("BLINDTRANSFER", BLINDTRANSFER), Map.entry("ATTENDEDTRANSFER", ATTENDEDTRANSFER),
      Map.entry("TRANSFER", TRANSFER), Map.entry("ABANDON", ABANDON),
      Map.entry("EXITWITHTIMEOUT", EXITWITHTIMEOUT), Map.entry("EXITWITHKEY", EXITWITHKEY),
      Map.entry("EXITEMPTY", EXITEMPTY), Map.entry("WITHDRAW", WITHDRAW), Map.entry("SYSCOMPAT", SYSCOMPAT),
      Map.entry("RINGNOANSWER", RINGNOANSWER), Map.entry("QUEUESTART", QUEUESTART),
      Map.entry("ADDMEMBER", ADDMEMBER), Map.entry("REMOVEMEMBER", REMOVEMEMBER),
      Map.entry("AGENTLOGIN", AGENTLOGIN), Map.entry("AGENTLOGOFF", AGENTLOGOFF), Map.entry("PAUSE", PAUSE),
      Map.entry("UNPAUSE", UNPAUSE), Map.entry("PAUSEALL", PAUSEALL), Map.entry("UNPAUSEALL", UNPAUSEALL),
      Map.entry("AGENTCALLBACKLOGIN", AGENTCALLBACKLOGIN), Map.entry("AGENTCALLBACKLOGOFF", AGENTCALLBACKLOGOFF));

  // outcome codes of a CLOSED_PENDING stint: 1..3 answered (EndedBy ordinal + 1), 10+ lost (cause ordinal)
  private static final int OUT_LOST = 10;
  private static final EndedBy[] ENDED = EndedBy.values();
  private static final LostCause[] CAUSES = LostCause.values();
  private static final byte[] NONE = "NONE".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PAUSED = "PAUSED".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LINK = "LINK".getBytes(StandardCharsets.US_ASCII);

  private final InboundStatistics cfg;
  private final long totalBytes;
  private final long from;
  private final long to;
  private final ZoneId zone;
  private final Aggregates agg;
  private final boolean keepAnswered;
  private final boolean keepLost;
  private final @Nullable Consumer<AnsweredCall> answeredSink;
  private final @Nullable Consumer<LostCall> lostSink;
  private final long shortAbandon; // seconds, -1 = off
  private final Set<String> queueFilter;
  private final Set<String> agentFilter;
  private final List<byte[]> callerFilter;

  private final NameTable events = new NameTable();
  private int[] eventCode = new int[32];
  private long[] eventCount = new long[32];
  private final NameTable queues = new NameTable();
  private boolean[] queueAllowed = new boolean[16];
  private Aggregates.QueueAcc[] queueAcc = new Aggregates.QueueAcc[16];
  private final NameTable agents = new NameTable();
  private Aggregates.AgentAcc[] agentAcc = new Aggregates.AgentAcc[16];
  private boolean[] agentAllowed = new boolean[16];
  private int[] connectedRec = new int[16];
  private long[] connectedSerial = new long[16];
  private final Stints st = new Stints();
  private final RecentLines recent = new RecentLines();
  private final long asOf;

  private final Map<String, Alias> aliases = new HashMap<>();
  private final Map<Long, Long> memberships = new HashMap<>(); // (acc idx << 32 | queue) -> since
  private final Set<Long> pausedIn = new HashSet<>(); // (acc idx << 32 | queue)
  /** Keys of each agent (acc idx) in {@link #pausedIn}: an UNPAUSEALL of an agent with none skips the scan. */
  private int[] pausedKeys = new int[16];
  private final Map<Aggregates.AgentAcc, Integer> accIndex = new HashMap<>();

  private long currentSecond = Long.MIN_VALUE;
  private int[] closedRecs = new int[64];
  private long[] closedSerials = new long[64];
  private int closedCount;
  private long lastEpoch = Long.MIN_VALUE;
  private long lines;
  private long bytesRead;

  // period cache
  private long periodStart = Long.MAX_VALUE;
  private long periodEnd = Long.MIN_VALUE;
  private Aggregates.@Nullable PeriodAcc periodAcc;

  private long problemCount;
  private final Map<String, Long> problemKinds = new TreeMap<>();
  private final List<InputProblem> problems = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();

  /** An attended transfer whose target queue logged the consult channel's callid (asterisk#759). */
  private record Alias(String consultCallId, String originalCallId, byte[] caller) {}

  // caller view (ReportView.CALLER): stints grouped by callid; untouched in the queue view
  private final boolean callerView;
  private final long callerGrace;
  private final Map<String, Caller> callers = new HashMap<>();
  private final Map<String, String> consultOf = new HashMap<>(); // asterisk#759 consult callid -> caller's
  private final ArrayDeque<Expiry> expiries = new ArrayDeque<>();
  private long lastDeadline = Long.MIN_VALUE;

  /** One caller call being assembled from its stints (caller view). */
  private static final class Caller {
    final String key;
    int open; // stints of this caller not ended yet
    int stints; // stints ended
    long gen; // bumped each time the caller goes idle, so stale expiries are recognised
    long firstEnter;
    int firstQueue;
    int position;
    int maxPosition;
    String caller = "";
    long waitSum;
    int lastQueue;
    int outcome; // of the last ended stint: 0 unfinished, else as Engine's stint outcomes
    int agent = -1;
    long talk;
    boolean anyQueueAllowed;
    @Nullable List<String> consults;

    Caller(String key) {
      this.key = key;
    }
  }

  private record Expiry(String key, long gen, long deadline) {}

  Engine(InboundStatistics cfg, long totalBytes) {
    this.cfg = cfg;
    this.totalBytes = totalBytes;
    ReportWindow w = cfg.window;
    this.from = w.from() == null ? Long.MIN_VALUE : ceilSeconds(w.from());
    this.to = w.to() == null ? Long.MAX_VALUE : ceilSeconds(w.to());
    this.zone = w.zone();
    this.agg = new Aggregates(cfg.buckets);
    this.answeredSink = cfg.sections.contains(ReportSection.ANSWERED) ? cfg.answeredSink : null;
    this.lostSink = cfg.sections.contains(ReportSection.LOST) ? cfg.lostSink : null;
    this.keepAnswered = cfg.sections.contains(ReportSection.ANSWERED) && cfg.answeredSink == null;
    this.keepLost = cfg.sections.contains(ReportSection.LOST) && cfg.lostSink == null;
    this.shortAbandon = cfg.shortAbandonThreshold == null ? -1 : cfg.shortAbandonThreshold.toSeconds();
    this.queueFilter = Set.copyOf(w.queues());
    this.agentFilter = Set.copyOf(w.agents());
    this.callerFilter = w.callers().stream().map(c -> c.getBytes(StandardCharsets.UTF_8)).toList();
    Arrays.fill(connectedRec, -1);
    this.callerView = cfg.view == ReportView.CALLER;
    this.callerGrace = cfg.callerGraceSeconds;
    Instant now = cfg.asOf != null ? cfg.asOf : cfg.clock.instant();
    this.asOf = now.getEpochSecond();
  }

  private static long ceilSeconds(Instant t) {
    return t.getNano() == 0 ? t.getEpochSecond() : t.getEpochSecond() + 1;
  }

  // ---------------------------------------------------------------------------------------------- input

  @Override
  public void sourceStarted(String name) {
    sources.add(name);
  }

  @Override
  public void bytesRead(long total) {
    bytesRead = total;
    if (cfg.progress != null) {
      cfg.progress.progress(total, totalBytes, lines);
    }
  }

  @Override
  public void problem(InputProblem problem) {
    problemCount++;
    problemKinds.merge(kindOf(problem.message()), 1L, Long::sum);
    if (problems.size() < cfg.maxProblemsKept) {
      problems.add(problem);
    }
  }

  private static String kindOf(String message) {
    int colon = message.indexOf(':');
    String k = colon > 0 ? message.substring(0, colon) : message;
    int paren = k.indexOf(" (");
    return paren > 0 ? k.substring(0, paren) : k;
  }

  private void lineProblem(QueueLogLine l, String message) {
    problem(new InputProblem(l.source(), l.lineNumber(), message + ": " + l.toString()
        .substring(l.source().length() + 1 + Long.toString(l.lineNumber()).length() + 2)));
  }

  @Override
  public void line(QueueLogLine l) {
    lines++;
    long t = l.epochSecond();
    if (t != currentSecond) {
      if (closedCount > 0) {
        flushClosed();
      }
      if (callerView) {
        expireCallers(t);
      }
      currentSecond = t;
      if (t > lastEpoch) {
        lastEpoch = t;
      }
    }
    byte[] b = l.buffer();
    int ev = events.intern(b, l.start(4), l.end(4));
    if (ev >= eventCode.length) {
      growEvents();
    }
    if (eventCount[ev] == 0) {
      eventCode[ev] = CODES.getOrDefault(events.name(ev), OTHER);
    }
    int code = eventCode[ev];
    if (code != OTHER && recent.seenBefore(b, l.start(0), l.end(l.fieldCount() - 1), t)) {
      // a log written twice (two loggers on one file, a copy appended): applying it again would end every call
      // as "unfinished" and open a second one. Lines of events the engine does not apply (OUTDIAL ...) are
      // left alone: PBXware writes some of those twice on purpose.
      lineProblem(l, "duplicate line (identical to one already read); ignored");
      return;
    }
    eventCount[ev]++;
    switch (code) {
      case ENTERQUEUE -> enterQueue(l, t);
      case CONNECT -> connect(l, t);
      case COMPLETECALLER -> complete(l, t, EndedBy.CALLER, 1);
      case COMPLETEAGENT -> complete(l, t, EndedBy.AGENT, 1);
      case BLINDTRANSFER, TRANSFER -> complete(l, t, EndedBy.TRANSFER, 3);
      case ATTENDEDTRANSFER -> complete(l, t, EndedBy.TRANSFER, l.fieldEquals(5, LINK) ? 4 : 3);
      case ABANDON -> lost(l, t, LostCause.ABANDON, 1);
      case EXITWITHTIMEOUT -> lost(l, t, LostCause.EXITWITHTIMEOUT, 1);
      case EXITEMPTY -> lost(l, t, LostCause.EXITEMPTY, 1);
      case EXITWITHKEY -> lost(l, t, LostCause.EXITWITHKEY, 2);
      case WITHDRAW -> lost(l, t, LostCause.WITHDRAW, 1);
      case SYSCOMPAT -> lost(l, t, LostCause.SYSCOMPAT, -1);
      case RINGNOANSWER -> ringNoAnswer(l, t);
      case QUEUESTART -> restart();
      case ADDMEMBER, AGENTLOGIN, AGENTCALLBACKLOGIN -> member(l, t, true);
      case REMOVEMEMBER, AGENTLOGOFF, AGENTCALLBACKLOGOFF -> member(l, t, false);
      case PAUSE -> pause(l, t, true, false);
      case UNPAUSE -> pause(l, t, false, false);
      case PAUSEALL -> pause(l, t, true, true);
      case UNPAUSEALL -> pause(l, t, false, true);
      default -> { }
    }
  }

  private void growEvents() {
    eventCode = Arrays.copyOf(eventCode, eventCode.length * 2);
    eventCount = Arrays.copyOf(eventCount, eventCount.length * 2);
  }

  private int queueId(QueueLogLine l) {
    int q = queues.intern(l.buffer(), l.start(2), l.end(2));
    if (q >= queueAcc.length) {
      int n = Math.max(q + 1, queueAcc.length * 2);
      queueAcc = Arrays.copyOf(queueAcc, n);
      queueAllowed = Arrays.copyOf(queueAllowed, n);
    }
    if (queueAcc[q] == null) {
      String name = queues.name(q);
      queueAllowed[q] = queueFilter.isEmpty() || queueFilter.contains(name);
      queueAcc[q] = new Aggregates.QueueAcc(name, cfg.queues.nameOf(name).orElse(""));
      agg.queues.put(name, queueAcc[q]);
    }
    return q;
  }

  /** The agent id of the agent column, or -1 for NONE / empty. */
  private int agentId(QueueLogLine l) {
    if (l.length(3) == 0 || l.fieldEquals(3, NONE)) {
      return -1;
    }
    int a = agents.intern(l.buffer(), l.start(3), l.end(3));
    if (a >= agentAcc.length) {
      int n = Math.max(a + 1, agentAcc.length * 2);
      agentAcc = Arrays.copyOf(agentAcc, n);
      agentAllowed = Arrays.copyOf(agentAllowed, n);
      int old = connectedRec.length;
      connectedRec = Arrays.copyOf(connectedRec, n);
      Arrays.fill(connectedRec, old, n, -1);
      connectedSerial = Arrays.copyOf(connectedSerial, n);
    }
    if (agentAcc[a] == null) {
      resolveAgent(a);
    }
    return a;
  }

  private final Map<String, Aggregates.AgentAcc> accByKey = new HashMap<>();

  private void resolveAgent(int a) {
    String raw = agents.name(a);
    Optional<Operator> op = cfg.agents.operatorOf(raw);
    String key = op.map(o -> "op\u0000" + o.number() + "\u0000" + o.name()).orElse("raw\u0000" + raw);
    Aggregates.AgentAcc acc = accByKey.get(key);
    if (acc == null) {
      acc = op.map(o -> new Aggregates.AgentAcc(raw, o.number(), o.name()))
          .orElseGet(() -> new Aggregates.AgentAcc(raw, numberOf(raw), ""));
      accByKey.put(key, acc);
      accIndex.put(acc, accIndex.size());
      agg.agents.put(key, acc);
    }
    agentAcc[a] = acc;
    agentAllowed[a] = agentFilter.isEmpty() || agentFilter.contains(raw)
        || op.map(o -> agentFilter.contains(o.number())).orElse(false);
  }

  /** "Local/501@from-queue/n", "SIP/501-0000a", "Agent/501" → "501": the extension people know. */
  static String numberOf(String agent) {
    String s = agent;
    int slash = s.indexOf('/');
    if (slash >= 0 && slash < s.length() - 1) {
      s = s.substring(slash + 1);
    }
    int at = s.indexOf('@');
    if (at > 0) {
      s = s.substring(0, at);
    }
    int dash = s.lastIndexOf('-');
    if (dash > 0 && s.substring(0, dash).chars().allMatch(Character::isDigit)) {
      s = s.substring(0, dash);
    }
    return s;
  }

  // -------------------------------------------------------------------------------------------- stints

  private int find(QueueLogLine l, int h, int q) {
    byte[] b = l.buffer();
    int r = st.find(b, l.start(1), l.end(1), h, q);
    if (r < 0 && !aliases.isEmpty()) {
      Alias a = aliases.get(l.callId());
      if (a != null) {
        byte[] k = a.consultCallId().getBytes(StandardCharsets.UTF_8);
        r = st.find(k, 0, k.length, NameTable.hash(k, 0, k.length), q);
        if (r >= 0 && st.displayCallId[r] == null) {
          // the target queue's stint is the original caller's: show their number and callid
          st.displayCallId[r] = a.originalCallId();
          st.setCaller(r, a.caller(), 0, a.caller().length);
        }
      }
    }
    return r;
  }

  /** Durations beyond this (about 31 years) are damage, not time: read as absent. */
  private static final long MAX_SECONDS = 1_000_000_000L;

  /** A duration in seconds from data field {@code position}, or -1 when absent, not a number or absurd. */
  private static long seconds(QueueLogLine l, int position) {
    long v = l.dataLong(position);
    return v > MAX_SECONDS ? -1 : v;
  }

  private void enterQueue(QueueLogLine l, long t) {
    int q = queueId(l);
    byte[] b = l.buffer();
    int h = NameTable.hash(b, l.start(1), l.end(1));
    int r = st.find(b, l.start(1), l.end(1), h, q);
    if (r >= 0) {
      if (!st.hasEnter[r] && st.enter[r] >= t) {
        fillEnter(r, l, t); // a later event of this stint came first in the same second
        return;
      }
      byte s = st.state[r];
      if (s == Stints.WAITING || s == Stints.CONNECTED) {
        unfinished(r); // entered again without leaving: the first stint never ended
      } else if (s == Stints.CLOSED_PENDING) {
        emitPending(r);
      }
      st.remove(r);
    }
    r = st.add(b, l.start(1), l.end(1), h, q);
    if (callerView) {
      callerOpened(r);
    }
    fillEnter(r, l, t);
  }

  private void fillEnter(int r, QueueLogLine l, long t) {
    st.hasEnter[r] = true;
    st.enter[r] = t;
    // url|callerid|origpos[|callername]; 1.4 archives have no origpos
    if (l.dataCount() >= 2) {
      st.setCaller(r, l.buffer(), l.start(6), l.end(6));
    }
    long pos = l.dataLong(3);
    if (pos > 0 && st.position[r] <= 0) {
      st.position[r] = (int) Math.min(pos, Integer.MAX_VALUE);
    }
  }

  private void connect(QueueLogLine l, long t) {
    int q = queueId(l);
    int h = NameTable.hash(l.buffer(), l.start(1), l.end(1));
    int r = find(l, h, q);
    long hold = seconds(l, 1);
    if (r < 0) {
      r = st.add(l.buffer(), l.start(1), l.end(1), h, q);
      st.enter[r] = t - Math.max(0, hold);
      if (callerView) {
        callerOpened(r);
      }
    } else if (st.state[r] >= Stints.CLOSED) {
      return; // CONNECT written after the call's end in the same second
    }
    st.state[r] = Stints.CONNECTED;
    st.connectAt[r] = t;
    int a = agentId(l);
    st.agent[r] = a;
    if (hold >= 0) {
      st.wait[r] = (int) hold; // seconds() keeps it below 10^9
    }
    if (a >= 0) {
      connectedRec[a] = r;
      connectedSerial[a] = st.serial[r];
    }
  }

  /** COMPLETE* and transfers: holdtime and calltime at data {@code holdField} and the next one. */
  private void complete(QueueLogLine l, long t, EndedBy endedBy, int holdField) {
    int q = queueId(l);
    int h = NameTable.hash(l.buffer(), l.start(1), l.end(1));
    int r = find(l, h, q);
    int a = agentId(l);
    if (r < 0 && endedBy == EndedBy.TRANSFER && a >= 0) {
      r = joinConsult(l, q, a);
    }
    long hold = seconds(l, holdField);
    long talk = seconds(l, holdField + 1);
    long pos = l.dataLong(holdField + 2);
    if (r < 0) {
      if (hold < 0 || talk < 0) {
        // no ENTERQUEUE or CONNECT to take the times from: the call cannot be placed
        lineProblem(l, "missing holdtime/calltime in " + l.event() + " of a call not seen before; not counted");
        return;
      }
      r = st.add(l.buffer(), l.start(1), l.end(1), h, q);
      st.enter[r] = t - hold - talk;
      if (callerView) {
        callerOpened(r);
      }
    } else if (st.state[r] >= Stints.CLOSED) {
      return;
    }
    // the CONNECT holdtime is the wait (taken when the caller was bridged); the terminal event's is measured a
    // moment later and is a second longer on some calls, so it only stands in when no CONNECT carried one
    long wait = st.wait[r] >= 0 ? st.wait[r] : hold;
    boolean derived = false;
    long connected = st.connectAt[r];
    if (wait < 0) {
      derived = true;
      long bridged = connected != Long.MIN_VALUE ? connected : t;
      wait = st.hasEnter[r] ? Math.max(0, bridged - st.enter[r]) : 0;
    }
    if (talk < 0) {
      derived = true;
      talk = connected != Long.MIN_VALUE ? Math.max(0, t - connected) : 0;
    }
    if (derived) {
      lineProblem(l, "missing holdtime/calltime in " + l.event() + "; wait and talk taken from the line times");
    }
    hold = wait;
    if (pos > 0 && st.position[r] <= 0) {
      st.position[r] = (int) Math.min(pos, Integer.MAX_VALUE);
    }
    if (a < 0) {
      a = st.agent[r];
    }
    st.agent[r] = a;
    st.wait[r] = (int) hold;
    st.talk[r] = (int) Math.min(talk, Integer.MAX_VALUE);
    close(r, 1 + endedBy.ordinal());
  }

  /**
   * asterisk#759: the agent's attended transfer into another queue is logged with the consult channel's callid.
   * The stint it ends is the one this agent is connected to in this queue.
   */
  private int joinConsult(QueueLogLine l, int q, int a) {
    int r = connectedRec[a];
    if (r < 0 || !st.inUse(r) || st.serial[r] != connectedSerial[a] || st.queue[r] != q
        || st.state[r] != Stints.CONNECTED) {
      return -1;
    }
    String consult = l.callId();
    String original = st.callId(r);
    byte[] caller = st.caller(r).getBytes(StandardCharsets.UTF_8);
    aliases.put(original, new Alias(consult, original, caller));
    if (callerView) {
      linkConsult(consult, st.keyString(r));
    }
    return r;
  }

  /** ABANDON, EXIT*, WITHDRAW, SYSCOMPAT: position|origpos|wait from data {@code posField}. */
  private void lost(QueueLogLine l, long t, LostCause cause, int posField) {
    int q = queueId(l);
    int h = NameTable.hash(l.buffer(), l.start(1), l.end(1));
    int r = find(l, h, q);
    long origpos = posField > 0 ? l.dataLong(posField + 1) : -1;
    long wait = posField > 0 ? seconds(l, posField + 2) : -1;
    if (r < 0) {
      r = st.add(l.buffer(), l.start(1), l.end(1), h, q);
      st.enter[r] = t - Math.max(0, wait);
      if (callerView) {
        callerOpened(r);
      }
    } else if (st.state[r] >= Stints.CLOSED) {
      return;
    }
    if (wait < 0) {
      // 1.4/1.8 archives and SYSCOMPAT carry no wait: time since ENTERQUEUE
      wait = st.hasEnter[r] ? Math.max(0, t - st.enter[r]) : 0;
    }
    if (origpos > 0 && st.position[r] <= 0) {
      st.position[r] = (int) Math.min(origpos, Integer.MAX_VALUE);
    }
    int a = agentId(l);
    if (a >= 0) {
      st.agent[r] = a;
    } else if (st.state[r] != Stints.CONNECTED) {
      st.agent[r] = -1;
    }
    st.wait[r] = (int) Math.min(wait, Integer.MAX_VALUE);
    close(r, OUT_LOST + cause.ordinal());
  }

  private void close(int r, int outcome) {
    st.outcome[r] = outcome;
    if (st.hasEnter[r] || st.enter[r] < currentSecond) {
      emit(r, outcome);
      st.state[r] = Stints.CLOSED;
    } else {
      st.state[r] = Stints.CLOSED_PENDING; // its ENTERQUEUE may still follow in this second
    }
    if (closedCount == closedRecs.length) {
      closedRecs = Arrays.copyOf(closedRecs, closedCount * 2);
      closedSerials = Arrays.copyOf(closedSerials, closedCount * 2);
    }
    closedRecs[closedCount] = r;
    closedSerials[closedCount++] = st.serial[r];
  }

  private void emitPending(int r) {
    emit(r, st.outcome[r]);
    st.state[r] = Stints.CLOSED;
  }

  private void flushClosed() {
    for (int i = 0; i < closedCount; i++) {
      int r = closedRecs[i];
      if (st.inUse(r) && st.serial[r] == closedSerials[i]) {
        if (st.state[r] == Stints.CLOSED_PENDING) {
          emitPending(r);
        }
        if (st.displayCallId[r] != null) {
          aliases.remove(st.displayCallId[r]);
        }
        st.remove(r);
      }
    }
    closedCount = 0;
  }

  private void restart() {
    // QUEUESTART: the PBX restarted, calls still open were cut off without a terminal event
    flushClosed();
    for (int r = 0; r < st.highWater(); r++) {
      if (st.inUse(r)) {
        unfinished(r);
        st.remove(r);
      }
    }
    aliases.clear();
    Arrays.fill(connectedRec, -1);
    if (callerView) {
      finishAllCallers();
    }
  }

  private boolean selected(int r) {
    long e = st.enter[r];
    if (e < from || e >= to || !queueAllowed[st.queue[r]]) {
      return false;
    }
    if (!callerFilter.isEmpty()) {
      boolean any = false;
      for (byte[] c : callerFilter) {
        any |= st.callerEquals(r, c);
      }
      if (!any) {
        return false;
      }
    }
    if (!agentFilter.isEmpty()) {
      int a = st.agent[r];
      return a >= 0 && agentAllowed[a];
    }
    return true;
  }

  private void unfinished(int r) {
    if (callerView) {
      callerStintEnded(r, 0);
      return;
    }
    if (selected(r)) {
      agg.unfinished++;
    }
  }

  private void emit(int r, int outcome) {
    if (callerView) {
      callerStintEnded(r, outcome);
      return;
    }
    if (!selected(r)) {
      return;
    }
    int pos = st.position[r];
    if (pos > agg.maxPosition) {
      agg.maxPosition = pos;
    }
    long wait = Math.max(0, st.wait[r]);
    int q = st.queue[r];
    Aggregates.QueueAcc qa = queueAcc[q];
    Aggregates.PeriodAcc p = period(st.enter[r]);
    if (outcome < OUT_LOST) {
      EndedBy endedBy = ENDED[outcome - 1];
      long talk = st.talk[r];
      countAnswered(qa, p, endedBy, wait, talk);
      int a = st.agent[r];
      Aggregates.AgentAcc acc = a >= 0 ? agentAcc[a] : null;
      if (acc != null) {
        acc.answered++;
        acc.waitSeconds += wait;
        acc.talkSeconds += talk;
      }
      switch (endedBy) {
        case CALLER -> {
          if (acc != null) {
            acc.endedByCaller++;
          }
        }
        case AGENT -> {
          if (acc != null) {
            acc.endedByAgent++;
          }
        }
        case TRANSFER -> {
          if (acc != null) {
            acc.transferred++;
          }
        }
      }
      if (keepAnswered || answeredSink != null) {
        AnsweredCall row = new AnsweredCall(qa.queue, qa.name, acc == null ? "" : agents.name(a),
            acc == null ? "" : acc.number, acc == null ? "" : acc.name, Instant.ofEpochSecond(st.enter[r]),
            st.caller(r), Duration.ofSeconds(wait), Duration.ofSeconds(talk), pos, endedBy, st.callId(r));
        deliver(row);
      }
    } else {
      LostCause cause = CAUSES[outcome - OUT_LOST];
      countLost(qa, p, cause, wait);
      if (keepLost || lostSink != null) {
        int a = st.agent[r];
        LostCall row = new LostCall(qa.queue, qa.name, Instant.ofEpochSecond(st.enter[r]), st.caller(r),
            Duration.ofSeconds(wait), pos, cause, a >= 0 ? agents.name(a) : "", st.callId(r));
        deliver(row);
      }
    }
  }

  /** Summary, service-level, queue and period figures of one answered call; the same in both views. */
  private void countAnswered(Aggregates.QueueAcc qa, Aggregates.PeriodAcc p, EndedBy endedBy, long wait,
      long talk) {
    agg.answered++;
    agg.wait.add(wait);
    agg.talk.add(talk);
    agg.slAnswered[agg.bucketOf(wait)]++;
    agg.answeredWaits.add(wait);
    qa.answered++;
    qa.waitSeconds += wait;
    qa.talkSeconds += talk;
    p.answered++;
    p.answeredWait.add(wait);
    p.answeredTalk.add(talk);
    if (endedBy == EndedBy.TRANSFER) {
      p.transferred++;
      p.transferredWait.add(wait);
      p.transferredTalk.add(talk);
    }
  }

  /** Summary, service-level, queue and period figures of one lost call; the same in both views. */
  private void countLost(Aggregates.QueueAcc qa, Aggregates.PeriodAcc p, LostCause cause, long wait) {
    agg.lost++;
    agg.lostWait.add(wait);
    agg.slLost[agg.bucketOf(wait)]++;
    agg.lostWaits.add(wait);
    if (cause == LostCause.ABANDON && wait < shortAbandon) {
      agg.shortAbandons++;
    }
    qa.lost++;
    qa.lostWaitSeconds += wait;
    p.lost++;
    p.lostWait.add(wait);
  }

  /** A detail row goes to the streaming sink when there is one, else into the report. */
  private void deliver(AnsweredCall row) {
    if (answeredSink != null) {
      answeredSink.accept(row);
    } else {
      agg.answeredRows.add(row);
    }
  }

  private void deliver(LostCall row) {
    if (lostSink != null) {
      lostSink.accept(row);
    } else {
      agg.lostRows.add(row);
    }
  }

  // ---------------------------------------------------------------------------------------- caller view

  private Caller callerOf(String openKey) {
    String key = consultOf.getOrDefault(openKey, openKey);
    return callers.computeIfAbsent(key, Caller::new);
  }

  /** Caller calls held in memory (open, or ended less than the grace ago); for tests of the memory bound. */
  int callersHeld() {
    return callers.size();
  }

  private void callerOpened(int r) {
    callerOf(st.keyString(r)).open++;
  }

  /**
   * asterisk#759: the stint the consult channel has (or will have) in the target queue belongs to the caller of
   * {@code original}, so that caller stays open until it ends.
   */
  private void linkConsult(String consult, String original) {
    if (consult.equals(original) || consultOf.containsKey(consult)) {
      return;
    }
    Caller c = callerOf(original);
    Caller cons = callers.get(consult);
    if (cons != null) {
      c.open += cons.open;
      cons.open = 0;
      if (cons.stints == 0) {
        callers.remove(consult);
      } else {
        idle(cons); // the consult channel's own earlier stints stay a call of their own
      }
    }
    consultOf.put(consult, c.key);
    if (c.consults == null) {
      c.consults = new ArrayList<>(2);
    }
    c.consults.add(consult);
  }

  /** A stint ended (outcome 0 = unfinished): per-stint agent figures now, the caller's when it is complete. */
  private void callerStintEnded(int r, int outcome) {
    if (outcome > 0 && outcome < OUT_LOST && selected(r)) {
      agentStint(r, outcome);
    }
    Caller c = callerOf(st.keyString(r));
    long enter = st.enter[r];
    int q = st.queue[r];
    if (c.stints++ == 0 || enter < c.firstEnter) {
      c.firstEnter = enter;
      c.firstQueue = q;
      c.position = st.position[r];
      if (st.callerLen[r] > 0) {
        c.caller = st.caller(r);
      }
    } else if (c.caller.isEmpty() && st.callerLen[r] > 0) {
      c.caller = st.caller(r);
    }
    c.maxPosition = Math.max(c.maxPosition, st.position[r]);
    c.anyQueueAllowed |= queueAllowed[q];
    c.lastQueue = q;
    c.outcome = outcome;
    if (outcome > 0) {
      c.waitSum += Math.max(0, st.wait[r]);
    }
    c.agent = outcome > 0 ? st.agent[r] : -1;
    c.talk = outcome > 0 && outcome < OUT_LOST ? st.talk[r] : 0;
    if (--c.open <= 0) {
      c.open = 0;
      idle(c);
    }
  }

  private void idle(Caller c) {
    c.gen++;
    long deadline = Math.max(currentSecond + callerGrace, lastDeadline);
    lastDeadline = deadline;
    expiries.add(new Expiry(c.key, c.gen, deadline));
  }

  /** Callers idle for longer than the grace when log time reaches {@code t} are complete. */
  private void expireCallers(long t) {
    while (!expiries.isEmpty() && expiries.peekFirst().deadline() < t) {
      Expiry e = expiries.pollFirst();
      Caller c = callers.get(e.key());
      if (c != null && c.gen == e.gen() && c.open == 0) {
        finishCaller(c);
      }
    }
  }

  private void finishAllCallers() {
    for (Caller c : new ArrayList<>(callers.values())) {
      if (c.stints > 0) {
        finishCaller(c); // still-open stints were ended as unfinished just before
      }
    }
    callers.clear();
    consultOf.clear();
    expiries.clear();
  }

  private boolean selected(Caller c) {
    if (c.firstEnter < from || c.firstEnter >= to || !c.anyQueueAllowed) {
      return false;
    }
    if (!callerFilter.isEmpty()) {
      byte[] mine = c.caller.getBytes(StandardCharsets.UTF_8);
      boolean any = false;
      for (byte[] f : callerFilter) {
        any |= Arrays.equals(f, mine);
      }
      if (!any) {
        return false;
      }
    }
    return agentFilter.isEmpty() || c.agent >= 0 && agentAllowed[c.agent];
  }

  private void finishCaller(Caller c) {
    callers.remove(c.key);
    if (c.consults != null) {
      for (String k : c.consults) {
        consultOf.remove(k);
      }
    }
    if (!selected(c)) {
      return;
    }
    if (c.outcome == 0) {
      agg.unfinished++;
      return;
    }
    if (c.maxPosition > agg.maxPosition) {
      agg.maxPosition = c.maxPosition;
    }
    long wait = c.waitSum;
    Aggregates.QueueAcc qa = queueAcc[c.lastQueue];
    Aggregates.PeriodAcc p = period(c.firstEnter);
    String firstQueue = queueAcc[c.firstQueue].queue;
    if (c.outcome < OUT_LOST) {
      EndedBy endedBy = ENDED[c.outcome - 1];
      long talk = c.talk;
      countAnswered(qa, p, endedBy, wait, talk);
      if (keepAnswered || answeredSink != null) {
        int a = c.agent;
        Aggregates.AgentAcc acc = a >= 0 ? agentAcc[a] : null;
        AnsweredCall row = new AnsweredCall(qa.queue, qa.name, acc == null ? "" : agents.name(a),
            acc == null ? "" : acc.number, acc == null ? "" : acc.name, Instant.ofEpochSecond(c.firstEnter),
            c.caller, Duration.ofSeconds(wait), Duration.ofSeconds(talk), c.position, endedBy, c.key, firstQueue,
            c.stints);
        deliver(row);
      }
    } else {
      LostCause cause = CAUSES[c.outcome - OUT_LOST];
      countLost(qa, p, cause, wait);
      if (keepLost || lostSink != null) {
        LostCall row = new LostCall(qa.queue, qa.name, Instant.ofEpochSecond(c.firstEnter), c.caller,
            Duration.ofSeconds(wait), c.position, cause, c.agent >= 0 ? agents.name(c.agent) : "", c.key,
            firstQueue, c.stints);
        deliver(row);
      }
    }
  }

  /** The per-stint agent figures of an answered stint (caller view; the queue view does this in emit). */
  private void agentStint(int r, int outcome) {
    int a = st.agent[r];
    Aggregates.AgentAcc acc = a >= 0 ? agentAcc[a] : null;
    if (acc == null) {
      return;
    }
    long wait = Math.max(0, st.wait[r]);
    acc.answered++;
    acc.waitSeconds += wait;
    acc.talkSeconds += st.talk[r];
    switch (ENDED[outcome - 1]) {
      case CALLER -> acc.endedByCaller++;
      case AGENT -> acc.endedByAgent++;
      case TRANSFER -> acc.transferred++;
    }
  }

  private Aggregates.PeriodAcc period(long t) {
    Aggregates.@Nullable PeriodAcc cached = periodAcc;
    if (cached != null && t >= periodStart && t < periodEnd) {
      return cached;
    }
    ZonedDateTime z = Instant.ofEpochSecond(t).atZone(zone);
    ZonedDateTime start;
    ZonedDateTime end;
    switch (cfg.periodUnit) {
      case HOUR -> {
        start = z.truncatedTo(ChronoUnit.HOURS);
        end = start.plusHours(1).truncatedTo(ChronoUnit.HOURS);
      }
      case MONTH -> {
        start = z.toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
        end = z.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone);
      }
      default -> {
        start = z.toLocalDate().atStartOfDay(zone);
        end = z.toLocalDate().plusDays(1).atStartOfDay(zone);
      }
    }
    LocalDateTime label = start.toLocalDateTime();
    periodStart = start.toEpochSecond();
    periodEnd = Math.max(end.toEpochSecond(), t + 1);
    Aggregates.PeriodAcc acc = agg.periods.computeIfAbsent(label, k -> new Aggregates.PeriodAcc());
    periodAcc = acc;
    return acc;
  }

  // ------------------------------------------------------------------------------------- agent events

  private void ringNoAnswer(QueueLogLine l, long t) {
    if (t < from || t >= to) {
      return;
    }
    int q = queueId(l);
    int a = agentId(l);
    if (a >= 0 && queueAllowed[q] && agentAllowed[a]) {
      agentAcc[a].missedOffers++;
    }
  }

  /** The dense index of an agent accumulator; every accumulator is indexed when {@link #agentAcc} gets it. */
  private int indexOf(Aggregates.AgentAcc acc) {
    Integer i = accIndex.get(acc);
    if (i == null) {
      throw new IllegalStateException("agent accumulator not indexed: " + acc.agent);
    }
    return i;
  }

  private void member(QueueLogLine l, long t, boolean login) {
    int a = agentId(l);
    if (a < 0) {
      return;
    }
    int q = queueId(l);
    if (!queueAllowed[q] || !agentAllowed[a]) {
      return;
    }
    Aggregates.AgentAcc acc = agentAcc[a];
    long key = ((long) indexOf(acc) << 32) | q;
    if (login) {
      if (memberships.putIfAbsent(key, t) == null) {
        if (acc.openMemberships++ == 0) {
          acc.loggedSince = t;
        }
        if (l.fieldEquals(5, PAUSED)) {
          startPause(acc, key, t, "", false);
        }
      }
    } else if (!memberships.containsKey(key)) {
      loggedOffUnseen(l, acc, t);
    } else {
      if (memberships.remove(key) != null) {
        if (pausedIn.contains(key)) {
          endPause(acc, key, t, false);
        }
        if (--acc.openMemberships == 0) {
          acc.loggedInSeconds += clip(acc.loggedSince, t);
          if (acc.paused) {
            endPauseSegment(acc, t);
            acc.pauseAll = false;
            acc.pausedQueues = 0;
          }
        }
      }
    }
  }

  /**
   * AGENTLOGOFF / AGENTCALLBACKLOGOFF carry the logged-in seconds (data2): when the login is not in the data
   * (the log starts mid-session), the session is opened at logoff − that duration, clipped to the window.
   */
  private void loggedOffUnseen(QueueLogLine l, Aggregates.AgentAcc acc, long t) {
    int code = eventCode[events.intern(l.buffer(), l.start(4), l.end(4))];
    if (code != AGENTLOGOFF && code != AGENTCALLBACKLOGOFF) {
      return; // REMOVEMEMBER says nothing about how long the member was there
    }
    long seconds = seconds(l, 2);
    if (seconds <= 0) {
      return;
    }
    long since = t - Math.min(seconds, t);
    if (acc.openMemberships > 0) {
      acc.loggedSince = Math.min(acc.loggedSince, since); // the union with sessions open in other queues
    } else {
      acc.loggedInSeconds += clip(since, t);
    }
  }

  private void pause(QueueLogLine l, long t, boolean on, boolean all) {
    int a = agentId(l);
    if (a < 0 || !agentAllowed[a]) {
      return;
    }
    int q = queueId(l);
    if (!all && !queueAllowed[q]) {
      return;
    }
    Aggregates.AgentAcc acc = agentAcc[a];
    long key = ((long) indexOf(acc) << 32) | q;
    if (on && all && !queueFilter.isEmpty() && acc.openMemberships == 0) {
      // PAUSEALL names no queue: with a queue filter it counts only while the agent is a member of one of those
      // queues (a per-queue PAUSE line in one of them is evidence enough on its own)
      return;
    }
    if (on) {
      startPause(acc, key, t, l.data(1), all);
    } else {
      endPause(acc, key, t, all);
    }
  }

  private void startPause(Aggregates.AgentAcc acc, long key, long t, String reason, boolean all) {
    if (all) {
      acc.pauseAll = true;
    } else if (pausedIn.add(key)) {
      acc.pausedQueues++;
      int idx = (int) (key >>> 32);
      if (idx >= pausedKeys.length) {
        pausedKeys = Arrays.copyOf(pausedKeys, Math.max(idx + 1, pausedKeys.length * 2));
      }
      pausedKeys[idx]++;
    }
    if (!acc.paused) {
      acc.paused = true;
      acc.pauseSince = t;
      acc.pauseReason = reason;
    } else if (!reason.isEmpty() && !reason.equals(acc.pauseReason)) {
      // paused again with another reason: the time so far belongs to the old reason
      endPauseSegment(acc, t);
      acc.paused = true;
      acc.pauseSince = t;
      acc.pauseReason = reason;
    }
  }

  private void endPause(Aggregates.AgentAcc acc, long key, long t, boolean all) {
    if (all) {
      // UNPAUSEALL ends the pause everywhere; the per-queue UNPAUSE lines that follow change nothing
      acc.pauseAll = false;
      int idx = (int) (key >>> 32);
      if (idx < pausedKeys.length && pausedKeys[idx] > 0) {
        // removeIf walks the whole set on every UNPAUSEALL; looking up the agent's key in each queue is cheaper
        // while there are fewer queues than paused (agent, queue) pairs
        if (queues.size() < pausedIn.size()) {
          for (int q = 0; q < queues.size() && pausedKeys[idx] > 0; q++) {
            if (pausedIn.remove(((long) idx << 32) | q)) {
              pausedKeys[idx]--;
            }
          }
        } else {
          pausedIn.removeIf(k -> (int) (k >>> 32) == idx);
        }
        pausedKeys[idx] = 0;
      }
      acc.pausedQueues = 0;
    } else if (pausedIn.remove(key)) {
      acc.pausedQueues--;
      pausedKeys[(int) (key >>> 32)]--;
    }
    if (acc.paused && !acc.pauseAll && acc.pausedQueues == 0) {
      endPauseSegment(acc, t);
    }
  }

  private void endPauseSegment(Aggregates.AgentAcc acc, long t) {
    acc.addPaused(acc.pauseReason, clip(acc.pauseSince, t));
    acc.paused = false;
  }

  /** Seconds of [s, e) inside the window. */
  private long clip(long s, long e) {
    long a = Math.max(s, from);
    long b = Math.min(e, to);
    return Math.max(0, b - a);
  }

  // ------------------------------------------------------------------------------------------- finish

  InboundReport finish() {
    InboundReport r = build(closeAll());
    if (cfg.progress != null) {
      cfg.progress.progress(bytesRead, totalBytes, lines);
    }
    return r;
  }

  /** Ends the input: open stints become unfinished, open sessions and pauses are cut. */
  Aggregates closeAll() {
    flushClosed();
    for (int r = 0; r < st.highWater(); r++) {
      if (st.inUse(r)) {
        unfinished(r);
      }
    }
    if (callerView) {
      finishAllCallers();
    }
    // sessions and pauses still open: Asterisk writes nothing while a logged-in agent sits idle, so they run to
    // the window end or to the report's as-of instant (default now), whichever is earlier
    long end = Math.min(to, asOf);
    for (Aggregates.AgentAcc acc : agg.agents.values()) {
      if (acc.paused) {
        endPauseSegment(acc, Math.max(end, acc.pauseSince));
      }
      if (acc.openMemberships > 0) {
        acc.loggedInSeconds += clip(acc.loggedSince, Math.max(end, acc.loggedSince));
        acc.openMemberships = 0;
      }
    }
    return agg;
  }

  InboundReport build(Aggregates a) {
    List<AnsweredCall> answered = new ArrayList<>(a.answeredRows);
    answered.sort(ru.sipring.core.inbound.partial.InboundPartial.ANSWERED_ORDER); // total: partials merge to it
    List<LostCall> lost = new ArrayList<>(a.lostRows);
    lost.sort(ru.sipring.core.inbound.partial.InboundPartial.LOST_ORDER);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      counts.put(events.name(i), eventCount[i]);
    }
    ProblemReport pr = problemCount == 0 ? ProblemReport.NONE
        : new ProblemReport(problemCount, problemKinds, problems);
    return new InboundReport(cfg.window, cfg.sections, a.summary(), answered, lost, a.operatorRows(),
        a.queueRows(), a.serviceLevel(), a.periodTable(cfg.periodUnit), a.agentRows(), pr,
        new InputSummary(sources, lines, counts), cfg.view);
  }
}
