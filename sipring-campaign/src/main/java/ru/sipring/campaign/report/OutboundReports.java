package ru.sipring.campaign.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.campaign.WorkSession;
import ru.sipring.campaign.billing.Rating;
import ru.sipring.campaign.billing.TariffTable;

/**
 * Builds {@link OutboundReport}s from the store: work sessions clipped to the period, call attempts started in
 * it, each call rated by a {@link TariffTable} at its start. Thread-safe if the store is.
 */
public final class OutboundReports {
  /** The operator shown for dialer calls nobody took. */
  public static final String DIALER = "Автоинформатор";

  private final CampaignStore store;
  private final Clock clock;

  /**
   * Reports over a store.
   *
   * @param store where the hierarchy, calls and sessions are
   * @param clock the end of sessions still open
   */
  public OutboundReports(CampaignStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Limits a report to part of the hierarchy or one operator; null = all. Immutable.
   *
   * @param projectId only this project
   * @param taskId only this task
   * @param assignmentId only this assignment
   * @param operator only this operator (the dialer's calls are {@link #DIALER})
   */
  public record Filter(@Nullable Long projectId, @Nullable Long taskId, @Nullable Long assignmentId,
      @Nullable String operator) {
    /**
     * No limit: every project and operator.
     *
     * @return the filter
     */
    public static Filter all() {
      return new Filter(null, null, null, null);
    }
  }

  private record Where(String project, String task, String assignment, long projectId, long taskId) {}

  private record Call(CallAttempt a, Where w, String operator, @Nullable BigDecimal cost, boolean rated,
      @Nullable String prefix) {}

  /** The outcome of a call the report counts: calls in progress were left out when the calls were collected. */
  private static ru.sipring.campaign.CallOutcome finished(CallAttempt a) {
    return Objects.requireNonNull(a.outcome(), "a call in progress is not reported");
  }

  private record Work(WorkSession s, Where w, Duration form, Duration computed, LocalDate day) {}

  /**
   * The report of {@code [from, to)} in {@code zone} (days are cut there).
   *
   * @param from the first instant of the period
   * @param to the first instant after it
   * @param zone where days are cut and times shown
   * @param tariffs null to leave every call unrated
   * @param filter what part to report on
   * @return the report
   */
  public OutboundReport build(Instant from, Instant to, ZoneId zone, @Nullable TariffTable tariffs, Filter filter) {
    Map<Long, Where> where = new HashMap<>();
    for (Project p : store.campaigns().projects()) {
      for (Task t : store.campaigns().tasks(p.id())) {
        for (Assignment a : store.campaigns().assignments(t.id())) {
          where.put(a.id(), new Where(p.name(), t.name(), a.name(), p.id(), t.id()));
        }
      }
    }
    Predicate<Long> inScope = id -> {
      Where w = where.get(id);
      return w != null && (filter.projectId() == null || filter.projectId() == w.projectId())
          && (filter.taskId() == null || filter.taskId() == w.taskId())
          && (filter.assignmentId() == null || filter.assignmentId().longValue() == id);
    };
    Instant now = clock.instant();
    List<Work> work = new ArrayList<>();
    for (WorkSession s : store.sessions().overlapping(from, to)) {
      if (!inScope.test(s.assignmentId()) || (filter.operator() != null && !filter.operator().equals(s.operator()))) {
        continue;
      }
      Instant end = s.endedAt() == null ? (now.isBefore(to) ? now : to) : s.endedAt();
      Instant a = s.startedAt().isBefore(from) ? from : s.startedAt();
      Instant b = end.isAfter(to) ? to : end;
      if (!b.isAfter(a)) {
        continue;
      }
      Duration computed = Duration.between(a, b);
      Duration paused = Duration.ZERO;
      for (WorkSession.Pause p : s.pauses()) {
        Instant ps = p.start().isBefore(a) ? a : p.start();
        Instant pe = p.end() == null ? b : (p.end().isAfter(b) ? b : p.end());
        if (pe.isAfter(ps)) {
          paused = paused.plus(Duration.between(ps, pe));
        }
      }
      work.add(new Work(s, Objects.requireNonNull(where.get(s.assignmentId()), "in scope"), computed.minus(paused), computed,
          LocalDate.ofInstant(a, zone)));
    }
    List<Call> calls = new ArrayList<>();
    for (CallAttempt c : store.attempts().between(from, to)) {
      if (c.inProgress() || !inScope.test(c.assignmentId())) {
        continue;
      }
      String op = c.operator() == null ? DIALER : c.operator();
      if (filter.operator() != null && !filter.operator().equals(op)) {
        continue;
      }
      Rating r = tariffs == null ? null : tariffs.rate(c.number(), c.startedAt(), c.billsec(), c.answered());
      calls.add(new Call(c, Objects.requireNonNull(where.get(c.assignmentId()), "in scope"), op, r == null ? null : r.cost(), r != null && r.rated(),
          r == null ? null : r.prefix()));
    }
    Agg total = group("Итого", work, calls);
    return new OutboundReport(from, to, zone,
        groups(work, calls, w -> w.s().operator(), c -> c.operator()),
        groups(work, calls, w -> w.w().project(), c -> c.w().project()),
        groups(work, calls, w -> w.w().task(), c -> c.w().task()),
        groups(work, calls, w -> w.w().assignment(), c -> c.w().assignment()),
        total.row(), callRows(calls), dayRows(work, calls, zone), report2(calls, zone));
  }

  private record Agg(OutboundReport.GroupRow row) {}

  private static List<OutboundReport.GroupRow> groups(List<Work> work, List<Call> calls, Function<Work, String> wk,
      Function<Call, String> ck) {
    Map<String, List<Work>> ws = new TreeMap<>();
    Map<String, List<Call>> cs = new TreeMap<>();
    work.forEach(w -> ws.computeIfAbsent(wk.apply(w), k -> new ArrayList<>()).add(w));
    calls.forEach(c -> cs.computeIfAbsent(ck.apply(c), k -> new ArrayList<>()).add(c));
    TreeMap<String, Boolean> keys = new TreeMap<>();
    ws.keySet().forEach(k -> keys.put(k, true));
    cs.keySet().forEach(k -> keys.put(k, true));
    List<OutboundReport.GroupRow> out = new ArrayList<>();
    for (String k : keys.keySet()) {
      out.add(group(k, ws.getOrDefault(k, List.of()), cs.getOrDefault(k, List.of())).row());
    }
    return out;
  }

  private static Agg group(String name, List<Work> work, List<Call> calls) {
    Duration form = Duration.ZERO;
    Duration computed = Duration.ZERO;
    for (Work w : work) {
      form = form.plus(w.form());
      computed = computed.plus(w.computed());
    }
    long talk = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    BigDecimal cost = null;
    long unrated = 0;
    for (Call c : calls) {
      long b = c.a().billsec();
      talk += b;
      min = Math.min(min, b);
      max = Math.max(max, b);
      if (c.rated()) {
        cost = cost == null ? c.cost() : cost.add(c.cost());
      } else {
        unrated++;
      }
    }
    if (calls.isEmpty()) {
      cost = BigDecimal.ZERO.setScale(2);
    }
    Double perHour = computed.isZero() ? null : calls.size() * 3600.0 / computed.getSeconds();
    return new Agg(new OutboundReport.GroupRow(name, form, computed, calls.size(), perHour,
        Duration.ofSeconds(talk), calls.isEmpty() ? null : (double) talk / calls.size(),
        calls.isEmpty() ? null : Duration.ofSeconds(min), calls.isEmpty() ? null : Duration.ofSeconds(max), cost,
        unrated));
  }

  private List<OutboundReport.CallRow> callRows(List<Call> calls) {
    List<OutboundReport.CallRow> out = new ArrayList<>();
    for (Call c : calls) {
      String client = store.contacts().byId(c.a().contactId()).map(x -> x.get(ContactField.FULL_NAME)).orElse("");
      out.add(new OutboundReport.CallRow(c.a().startedAt(), c.w().project(), c.w().task(), c.w().assignment(),
          c.operator(), c.a().number(), client, Duration.ofSeconds(c.a().billsec()), finished(c.a()).russian(),
          c.cost(), c.prefix(), c.a().recording(), c.a().note(), c.a().id(), c.a().uniqueId()));
    }
    return out;
  }

  private static List<OutboundReport.DayRow> dayRows(List<Work> work, List<Call> calls, ZoneId zone) {
    record Key(LocalDate d, String op, String project, String task) {}
    Map<Key, List<Work>> ws = new LinkedHashMap<>();
    Map<Key, List<Call>> cs = new LinkedHashMap<>();
    for (Work w : work) {
      ws.computeIfAbsent(new Key(w.day(), w.s().operator(), w.w().project(), w.w().task()), k -> new ArrayList<>())
          .add(w);
    }
    for (Call c : calls) {
      cs.computeIfAbsent(new Key(LocalDate.ofInstant(c.a().startedAt(), zone), c.operator(), c.w().project(),
          c.w().task()), k -> new ArrayList<>()).add(c);
    }
    java.util.Set<Key> keys = new java.util.TreeSet<>(Comparator.comparing(Key::d).thenComparing(Key::op)
        .thenComparing(Key::project).thenComparing(Key::task));
    keys.addAll(ws.keySet());
    keys.addAll(cs.keySet());
    List<OutboundReport.DayRow> out = new ArrayList<>();
    for (Key k : keys) {
      OutboundReport.GroupRow g = group("", ws.getOrDefault(k, List.of()), cs.getOrDefault(k, List.of())).row();
      long minutes = (g.formTime().getSeconds() + 30) / 60;
      out.add(new OutboundReport.DayRow(k.d(), k.op(), k.project(), k.task(), minutes, g.calls(), g.talkTotal(),
          g.cost(), g.talkAverageSeconds()));
    }
    return out;
  }

  private List<OutboundReport.Report2Row> report2(List<Call> calls, ZoneId zone) {
    List<OutboundReport.Report2Row> out = new ArrayList<>();
    for (Call c : calls) {
      Contact ct = store.contacts().byId(c.a().contactId()).orElse(null);
      Function<ContactField, String> f = x -> ct == null ? "" : ct.get(x);
      Map<String, String> notes = new LinkedHashMap<>();
      notes.put("Примечание", f.apply(ContactField.NOTE_1).isEmpty() ? f.apply(ContactField.NOTE)
          : f.apply(ContactField.NOTE_1));
      notes.put("Примечание 2", f.apply(ContactField.NOTE_2));
      notes.put("Примечание 3", f.apply(ContactField.NOTE_3));
      notes.put("Примечание 4", f.apply(ContactField.NOTE_4));
      out.add(new OutboundReport.Report2Row(LocalDate.ofInstant(c.a().startedAt(), zone), c.operator(),
          c.w().project(), c.w().task(), c.w().assignment(), f.apply(ContactField.COUNTERPARTY_ID),
          f.apply(ContactField.CONTACT_PERSON_ID), f.apply(ContactField.EVENT_ID), f.apply(ContactField.TASK_ID),
          c.a().number(), finished(c.a()).russian(), c.a().billsec() / 60.0, notes));
    }
    return out;
  }
}
