package ru.sipring.cli.report;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the sample queue_log that ships in examples/data: one week (Monday 2 March 2026 to Sunday 8 March,
 * Europe/Moscow) of a small call centre with three queues and six operators, written in the Asterisk 20 file
 * format with every event of research/inbound.md §2.3, including the rare ones (a restart with calls in the
 * queue, an attended transfer into another queue with the asterisk#759 callid swap, a legacy TRANSFER, ABANDON
 * after a member answered, pauses with PAUSEALL first). Deterministic for a seed.
 *
 * <p>Caller numbers are fictitious: they start with 7000, and the Russian numbering plan has no area code 000.
 *
 * <p>Run: {@code java -cp examples/sipring-cli/target/sipring-cli-all.jar ru.sipring.cli.report.SampleQueueLog
 * examples/data [seed]}; {@code SampleQueueLogTest} checks the committed files equal what this writes.
 */
public final class SampleQueueLog {
  public static final long DEFAULT_SEED = 20260302L;
  public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
  public static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

  record Agent(String member, @Nullable String loginId, String number, String name, List<String> queues) {}

  static final List<Agent> AGENTS = List.of(
      new Agent("Local/501@from-queue/n", null, "501", "Петрова ЛВ", List.of("6000")),
      new Agent("Local/502@from-queue/n", null, "502", "Иванов ВА", List.of("6000")),
      new Agent("Local/503@from-queue/n", null, "503", "Сидорова ЕН", List.of("6000", "6001")),
      new Agent("Local/504@from-queue/n", null, "504", "Кузнецов ДС", List.of("6001")),
      new Agent("Local/505@from-queue/n", null, "505", "Морозова АИ", List.of("6001", "6002")),
      new Agent("Agent/1001", "1001", "506", "Волков ПА", List.of("6002", "6000")));

  static final List<String[]> QUEUES = List.of(
      new String[] {"6000", "Отдел продаж"},
      new String[] {"6001", "Техническая поддержка"},
      new String[] {"6002", "Бухгалтерия"});

  private record Line(long epoch, long seq, String text) {}

  private final SplittableRandom rnd;
  private final List<Line> lines = new ArrayList<>();
  private long seq;
  private long uniqueSeq = 100;
  /** per agent: busy until (epoch), and the paused intervals of the current day */
  private final long[] busyUntil = new long[AGENTS.size()];
  private final List<long[]>[] pauses;
  private final boolean[] present = new boolean[AGENTS.size()];
  private final long[] dayEnd = new long[AGENTS.size()];
  private final long[] loginAt = new long[AGENTS.size()];
  /** Events of the call being generated at or after this time are lost to the PBX restart. */
  private long cutAt = Long.MAX_VALUE;
  private int callNo;
  private static final long RESTART = epoch(MONDAY.plusDays(2), 14, 0);

  @SuppressWarnings("unchecked")
  private SampleQueueLog(long seed) {
    this.rnd = new SplittableRandom(seed);
    this.pauses = new List[AGENTS.size()];
    for (int i = 0; i < pauses.length; i++) {
      pauses[i] = new ArrayList<>();
    }
  }

  /** The queue_log lines of the sample week, in file order. */
  public static List<String> generate(long seed) {
    SampleQueueLog g = new SampleQueueLog(seed);
    g.week();
    g.lines.sort(Comparator.comparingLong(Line::epoch).thenComparingLong(Line::seq));
    List<String> out = new ArrayList<>(g.lines.size());
    for (Line l : g.lines) {
      out.add(l.text);
    }
    return out;
  }

  /** agents.csv: {@code agent,number,name}; every agent-column value the log uses is listed. */
  public static List<String> agentsCsv() {
    List<String> out = new ArrayList<>(List.of("agent,number,name"));
    for (Agent a : AGENTS) {
      out.add(a.member + "," + a.number + "," + a.name);
      if (a.loginId != null) {
        out.add(a.loginId + "," + a.number + "," + a.name);
      }
    }
    return out;
  }

  public static List<String> queuesCsv() {
    List<String> out = new ArrayList<>(List.of("queue,name"));
    for (String[] q : QUEUES) {
      out.add(q[0] + "," + q[1]);
    }
    return out;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/data");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
    write(dir, seed);
    System.err.println("sample queue_log written to " + dir + " (seed " + seed + ")");
  }

  public static void write(Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve("queue_log"), generate(seed), StandardCharsets.UTF_8);
    Files.write(dir.resolve("agents.csv"), agentsCsv(), StandardCharsets.UTF_8);
    Files.write(dir.resolve("queues.csv"), queuesCsv(), StandardCharsets.UTF_8);
  }

  private void emit(long epoch, String callId, String queue, String agent, String event, String... data) {
    if (epoch >= cutAt) {
      return;
    }
    StringBuilder b = new StringBuilder().append(epoch).append('|').append(callId).append('|').append(queue)
        .append('|').append(agent).append('|').append(event).append('|');
    b.append(String.join("|", data));
    lines.add(new Line(epoch, seq++, b.toString()));
  }

  private String uniqueId(long epoch) {
    return epoch + "." + (uniqueSeq++);
  }

  private static long epoch(LocalDate d, int hour, int minute) {
    return d.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toEpochSecond();
  }

  private String caller() {
    return "7000" + String.format("%07d", rnd.nextInt(10_000_000));
  }

  private void week() {
    emit(epoch(MONDAY, 8, 0), "NONE", "NONE", "NONE", "QUEUESTART");
    for (int day = 0; day < 7; day++) {
      LocalDate d = MONDAY.plusDays(day);
      day(d, day);
    }
  }

  private void day(LocalDate d, int dayIndex) {
    DayOfWeek dow = d.getDayOfWeek();
    if (dow == DayOfWeek.SUNDAY) {
      // closed: nobody logged in, callers leave because the queue is empty (leavewhenempty)
      for (int i = 0; i < 6; i++) {
        long t = epoch(d, 10 + i, rnd.nextInt(60));
        String id = uniqueId(t);
        String q = QUEUES.get(rnd.nextInt(3))[0];
        emit(t, id, q, "NONE", "DID", "70000000100");
        emit(t, id, q, "NONE", "ENTERQUEUE", "", caller(), "1");
        emit(t + 1 + rnd.nextInt(3), id, q, "NONE", "EXITEMPTY", "1", "1", Integer.toString(1 + rnd.nextInt(3)));
      }
      return;
    }
    boolean saturday = dow == DayOfWeek.SATURDAY;
    int open = saturday ? 10 : 9;
    int close = saturday ? 15 : 18;
    if (dayIndex == 1) {
      emit(epoch(d, 8, 30), "NONE", "NONE", "NONE", "CONFIGRELOAD");
    }
    // log in; Saturday only half the team works
    for (int a = 0; a < AGENTS.size(); a++) {
      present[a] = !saturday || a % 2 == 0;
      pauses[a].clear();
      if (!present[a]) {
        continue;
      }
      long login = epoch(d, open, 0) - 60 * (1 + rnd.nextInt(10));
      busyUntil[a] = login;
      loginAt[a] = login;
      dayEnd[a] = epoch(d, close, 0) + 60 * rnd.nextInt(10);
      login(a, login);
      // lunch on weekdays, short breaks for everyone
      if (!saturday) {
        long lunch = epoch(d, 13, 0) + 60 * (20 * (a % 3) + rnd.nextInt(10));
        pause(a, lunch, lunch + 60 * (30 + rnd.nextInt(20)), "Обед", true);
      }
      long brk = epoch(d, open + 2, 0) + 60 * rnd.nextInt(90);
      pause(a, brk, brk + 60 * (5 + rnd.nextInt(10)), "Перерыв", false);
    }
    // calls, a little busier before noon
    long t = epoch(d, open, 0);
    long end = epoch(d, close, 0);
    boolean restartDone = false;
    while (true) {
      int hour = (int) ((t - epoch(d, 0, 0)) / 3600);
      double meanGap = hour < 12 ? 110 : 200;
      t += 1 + (long) (-Math.log(1 - rnd.nextDouble()) * meanGap);
      if (t >= end) {
        break;
      }
      if (dayIndex == 2 && !restartDone && t >= RESTART) {
        restart(d, RESTART);
        restartDone = true;
      }
      cutAt = dayIndex == 2 && t < RESTART ? RESTART : Long.MAX_VALUE;
      call(t, dayIndex);
      cutAt = Long.MAX_VALUE;
    }
    // log out
    for (int a = 0; a < AGENTS.size(); a++) {
      if (present[a]) {
        logout(a, Math.max(dayEnd[a], busyUntil[a] + 5));
      }
    }
    if (saturday) {
      // an outbound call logged with QueueUpdate(), and a legacy callback agent from an archived 1.4 system
      long o = epoch(d, 11, 30);
      emit(o, uniqueId(o), "6000", AGENTS.get(0).member, "OUTCALL", "ANSWER", "95", "callback");
      long c = epoch(d, 12, 0);
      String cid = uniqueId(c);
      emit(c, cid, "NONE", "Agent/9001", "AGENTCALLBACKLOGIN", "9001@from-internal");
      emit(c + 1800, cid, "NONE", "Agent/9001", "AGENTCALLBACKLOGOFF", "9001@from-internal", "1800", "CommandLogoff");
    }
  }

  private void login(int a, long t) {
    Agent ag = AGENTS.get(a);
    if (ag.loginId != null) {
      emit(t, uniqueId(t), "NONE", ag.loginId, "AGENTLOGIN", "Local/" + ag.number + "@from-internal-000001;1");
    }
    for (String q : ag.queues) {
      emit(t, "MANAGER", q, ag.member, "ADDMEMBER", "");
      if (rnd.nextInt(4) == 0) {
        emit(t, "NONE", q, ag.member, "PENALTY", Integer.toString(rnd.nextInt(3)));
        emit(t, "NONE", q, ag.member, "RINGINUSE", "0");
      }
    }
  }

  private void logout(int a, long t) {
    Agent ag = AGENTS.get(a);
    for (String q : ag.queues) {
      emit(t, "MANAGER", q, ag.member, "REMOVEMEMBER", "");
    }
    if (ag.loginId != null) {
      emit(t, uniqueId(t), "NONE", ag.loginId, "AGENTLOGOFF", "Local/" + ag.number + "@from-internal-000001;1",
          Long.toString(t - loginAt[a]));
    }
  }

  private void pause(int a, long from, long to, String reason, boolean all) {
    Agent ag = AGENTS.get(a);
    pauses[a].add(new long[] {from, to});
    if (all) {
      // PAUSEALL is written once before the per-queue PAUSE lines; reports must not count it twice
      emit(from, "NONE", "NONE", ag.member, "PAUSEALL", reason);
    }
    for (String q : ag.queues) {
      emit(from, "NONE", q, ag.member, "PAUSE", reason);
    }
    if (all) {
      emit(to, "NONE", "NONE", ag.member, "UNPAUSEALL", "");
    }
    for (String q : ag.queues) {
      emit(to, "NONE", q, ag.member, "UNPAUSE", "");
    }
  }

  private boolean available(int a, String queue, long t) {
    if (!present[a] || !AGENTS.get(a).queues.contains(queue) || busyUntil[a] > t || t > dayEnd[a]) {
      return false;
    }
    for (long[] p : pauses[a]) {
      if (t >= p[0] && t < p[1]) {
        return false;
      }
    }
    return true;
  }

  /** One inbound call: waits for a free member, rings, is answered or lost. */
  private void call(long t, int dayIndex) {
    // a few rare events are placed on fixed calls so that every seed shows each of them at least once
    int n = ++callNo;
    String queue = pickQueue();
    String id = uniqueId(t);
    String cid = caller();
    emit(t, id, queue, "NONE", "DID", "70000000100");
    int position = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 4 : 1);
    if (rnd.nextInt(15) == 0) {
      emit(t, id, queue, "NONE", "ENTERQUEUE", "", cid, Integer.toString(position), "ООО Ромашка");
    } else {
      emit(t, id, queue, "NONE", "ENTERQUEUE", "", cid, Integer.toString(position));
    }
    long patience = 10 + (long) (-Math.log(1 - rnd.nextDouble()) * 45);
    int r = rnd.nextInt(200);
    if (r == 0) {
      // withdrawn by a supervisor through AMI
      long w = 5 + rnd.nextInt(20);
      emit(t + w, id, queue, "NONE", "WITHDRAW", Integer.toString(position), Integer.toString(position),
          Long.toString(w), "callback scheduled");
      return;
    }
    if (r < 5) {
      long w = 3 + rnd.nextInt(15);
      emit(t + w, id, queue, "NONE", "EXITWITHKEY", "0", Integer.toString(position), Integer.toString(position),
          Long.toString(w));
      return;
    }
    // the first moment some member of the queue is free
    long connectAt = -1;
    int agent = -1;
    for (long s = t + 2 + rnd.nextInt(6); s <= t + 300; s += 1) {
      int found = freeAgent(queue, s);
      if (found >= 0) {
        connectAt = s;
        agent = found;
        break;
      }
    }
    long timeout = queue.equals("6002") ? 45 : 180; // accounts has a short queue timeout
    long lostAt = Math.min(patience, timeout);
    if (agent < 0 || connectAt - t >= lostAt) {
      if (patience < timeout) {
        if (rnd.nextInt(3) == 0 && agent >= 0) {
          // hung up while a member was ringing (15+): RINGCANCELED then ABANDON in the same second
          emit(t + patience, id, queue, AGENTS.get(agent).member, "RINGCANCELED", Long.toString(1000 * (1 + rnd.nextInt(5))));
        }
        emit(t + patience, id, queue, "NONE", "ABANDON", "1", Integer.toString(position), Long.toString(patience));
      } else {
        emit(t + timeout, id, queue, "NONE", "EXITWITHTIMEOUT", "1", Integer.toString(position), Long.toString(timeout));
      }
      return;
    }
    // offers that were not answered before the one that was
    long ringStart = connectAt;
    if (rnd.nextInt(6) == 0) {
      int other = freeAgent(queue, connectAt, agent);
      if (other >= 0) {
        emit(connectAt, id, queue, AGENTS.get(other).member, "RINGNOANSWER", "15000");
        if (rnd.nextInt(8) == 0) {
          emit(connectAt, "NONE", queue, AGENTS.get(other).member, "PAUSE", "Auto-Pause");
          emit(connectAt + 60, "NONE", queue, AGENTS.get(other).member, "UNPAUSE", "Auto-Unpause");
          pauses[other].add(new long[] {connectAt, connectAt + 60});
        }
        connectAt += 15;
        ringStart = connectAt;
      }
    }
    if (rnd.nextInt(100) == 0) {
      // the member hung up during the announcement; the caller keeps waiting and is taken by the next one
      emit(connectAt, id, queue, AGENTS.get(agent).member, "AGENTDUMP");
      busyUntil[agent] = connectAt + 20;
      connectAt += 20;
      int next = freeAgent(queue, connectAt);
      if (next < 0) {
        emit(connectAt, id, queue, "NONE", "ABANDON", "1", Integer.toString(position), Long.toString(connectAt - t));
        return;
      }
      agent = next;
    }
    long wait = connectAt - t;
    int ring = (int) Math.min(wait, 2 + rnd.nextInt(8));
    String member = AGENTS.get(agent).member;
    if (rnd.nextInt(150) == 0 || n == 77) {
      // the caller hung up after the member answered but before the bridge: ABANDON names the member
      emit(connectAt, id, queue, member, "ABANDON", "1", Integer.toString(position), Long.toString(wait));
      return;
    }
    if (rnd.nextInt(700) == 0 || n == 57) {
      emit(connectAt, id, queue, member, "SYSCOMPAT");
      return;
    }
    emit(connectAt, id, queue, member, "CONNECT", Long.toString(wait), uniqueId(connectAt), Integer.toString(ring));
    long talk = 15 + (long) (-Math.log(1 - rnd.nextDouble()) * (queue.equals("6001") ? 240 : 130));
    long endAt = connectAt + talk;
    busyUntil[agent] = endAt + 10 + rnd.nextInt(30); // wrap-up
    String w = Long.toString(wait);
    String tk = Long.toString(talk);
    String pos = Integer.toString(position);
    int end = rnd.nextInt(100);
    if (n == 31) {
      // a line from an archived Asterisk 11 log: the legacy TRANSFER event
      emit(endAt, id, queue, member, "TRANSFER", "200", "from-internal", w, tk, pos);
    } else if (end < 55) {
      emit(endAt, id, queue, member, "COMPLETECALLER", w, tk, pos);
    } else if (end < 88) {
      emit(endAt, id, queue, member, "COMPLETEAGENT", w, tk, pos);
    } else if (end < 93) {
      emit(endAt, id, queue, member, "BLINDTRANSFER", "200", "from-internal", w, tk, pos);
    } else if (end < 95) {
      emit(endAt, id, queue, member, "ATTENDEDTRANSFER", "BRIDGE", uniqueId(endAt), w, tk, pos);
    } else if (end < 96) {
      emit(endAt, id, queue, member, "ATTENDEDTRANSFER", "LINK", "Local/200@from-internal-00000a;1",
          "Local/200@from-internal-00000a;2", w, tk, pos);
    } else if (end < 99 && !queue.equals("6002")) {
      transferToQueue(id, queue, agent, endAt, wait, talk, position);
    } else {
      emit(endAt, id, queue, member, "COMPLETECALLER", w, tk, pos);
    }
  }

  /**
   * An attended transfer into the accounts queue, as Asterisk 20 writes it (asterisk#759, the corpus has the
   * real lines): the consult channel enters the target queue with the agent's extension as caller, the
   * ATTENDEDTRANSFER line carries the consult channel's uniqueid, and the target queue's CONNECT and COMPLETE
   * carry the original caller's uniqueid, with the wait counted from the consult ENTERQUEUE.
   */
  private void transferToQueue(String id, String queue, int agent, long at, long wait, long talk, int pos) {
    String member = AGENTS.get(agent).member;
    long consultAt = at - 10;
    String consult = uniqueId(consultAt);
    emit(consultAt, consult, "6002", "NONE", "DID", "");
    emit(consultAt, consult, "6002", "NONE", "ENTERQUEUE", "", AGENTS.get(agent).number, "1");
    emit(at, consult, queue, member, "ATTENDEDTRANSFER", "APP", "Queue", Long.toString(wait), Long.toString(talk),
        Integer.toString(pos));
    int a = freeAgent("6002", at + 5);
    if (a < 0) {
      emit(at + 60, id, "6002", "NONE", "ABANDON", "1", "1", Long.toString(at + 60 - consultAt));
      return;
    }
    String m = AGENTS.get(a).member;
    long talk2 = 30 + rnd.nextInt(120);
    long hold = at + 5 - consultAt;
    emit(at + 5, id, "6002", m, "CONNECT", Long.toString(hold), uniqueId(at + 5), "3");
    busyUntil[a] = at + 5 + talk2 + 15;
    emit(at + 5 + talk2, id, "6002", m, "COMPLETEAGENT", Long.toString(hold), Long.toString(talk2), "1");
  }

  /** Asterisk restarts at t: calls in the queue get no terminal event; members are added again. */
  private void restart(LocalDate d, long t) {
    // two callers waiting when the PBX went down
    for (int i = 0; i < 2; i++) {
      long e = t - 20 + i * 5;
      String id = uniqueId(e);
      emit(e, id, "6000", "NONE", "DID", "70000000100");
      emit(e, id, "6000", "NONE", "ENTERQUEUE", "", caller(), Integer.toString(1 + i));
    }
    emit(t, "NONE", "NONE", "NONE", "QUEUESTART");
    long back = t + 90;
    for (int a = 0; a < AGENTS.size(); a++) {
      if (present[a]) {
        for (String q : AGENTS.get(a).queues) {
          emit(back, "MANAGER", q, AGENTS.get(a).member, "ADDMEMBER", "");
        }
        busyUntil[a] = Math.max(busyUntil[a], back);
      }
    }
  }

  private String pickQueue() {
    int r = rnd.nextInt(10);
    return r < 5 ? "6000" : r < 9 ? "6001" : "6002";
  }

  private int freeAgent(String queue, long t) {
    return freeAgent(queue, t, -1);
  }

  /** The least recently busy free member, so that work spreads as with the rrmemory strategy. */
  private int freeAgent(String queue, long t, int except) {
    int best = -1;
    for (int a = 0; a < AGENTS.size(); a++) {
      if (a != except && available(a, queue, t) && (best < 0 || busyUntil[a] < busyUntil[best])) {
        best = a;
      }
    }
    return best;
  }
}
