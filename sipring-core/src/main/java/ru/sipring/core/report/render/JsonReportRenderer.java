package ru.sipring.core.report.render;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.report.AgentAnalytics;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.DetailRequest;
import ru.sipring.core.report.DetailSlice;
import ru.sipring.core.report.DurationStats;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.OperatorRow;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.QueueRow;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.ServiceLevel;
import ru.sipring.core.report.Summary;

/**
 * One JSON object whose keys are the {@link ReportSection#key()}s of the sections written. Durations are whole
 * numbers of seconds, averages and percentages exact (not rounded), timestamps ISO-8601 with the offset of the
 * report's zone. The schema is documented in docs/inbound-report.md. Immutable and thread-safe.
 */
public final class JsonReportRenderer implements ReportRenderer {
  private static final JsonReportRenderer INSTANCE = new JsonReportRenderer();

  private JsonReportRenderer() {}

  /**
   * The renderer; JSON has one form, so there is one shared instance.
   *
   * @return the renderer
   */
  public static JsonReportRenderer of() {
    return INSTANCE;
  }

  @Override
  public void render(InboundReport r, Set<ReportSection> sections, Appendable out) {
    ZoneId zone = r.window().zone();
    try {
      JsonWriter w = new JsonWriter(out);
      w.beginObject();
      for (ReportSection s : ReportRenderer.effective(r, sections)) {
        w.name(s.key());
        switch (s) {
          case SUMMARY -> summary(w, r.summary(), r.window(), r.view());
          case ANSWERED -> {
            w.beginArray();
            for (AnsweredCall c : r.answered()) {
              answered(w, c, zone, r.view());
            }
            w.endArray();
          }
          case LOST -> {
            w.beginArray();
            for (LostCall c : r.lost()) {
              lost(w, c, zone, r.view());
            }
            w.endArray();
          }
          case OPERATORS -> {
            w.beginArray();
            for (OperatorRow o : r.operators()) {
              w.beginObject();
              operatorFields(w, o);
              w.endObject();
            }
            w.endArray();
          }
          case QUEUES -> queues(w, r);
          case COMPLETION -> completion(w, r);
          case SERVICE_LEVEL -> serviceLevel(w, r.serviceLevel());
          case PERIODS -> periods(w, r.periods(), zone);
          case AGENTS -> agents(w, r);
          case PROBLEMS -> problems(w, r);
        }
      }
      w.endObject();
    } catch (IOException e) {
      throw WriteFailure.of(e);
    }
  }

  /**
   * One page of the answered or lost calls as JSON: {@code {"section","page","pages","size","total","sort",
   * "descending","rows":[...]}}, each row the object {@link #render} writes in that section's array.
   *
   * @param r the report (computed with the section)
   * @param section {@link ReportSection#ANSWERED} or {@link ReportSection#LOST}
   * @param request page, size and sort
   * @param out where the JSON goes
   * @throws ru.sipring.core.BadInputException naming {@code section} or {@code sort}
   */
  public void renderDetail(InboundReport r, ReportSection section, DetailRequest request, Appendable out) {
    ZoneId zone = r.window().zone();
    DetailSlice<?> slice;
    if (section == ReportSection.ANSWERED) {
      slice = DetailSlice.answered(r.answered(), request);
    } else if (section == ReportSection.LOST) {
      slice = DetailSlice.lost(r.lost(), request);
    } else {
      throw new ru.sipring.core.BadInputException("section", "'" + section.key()
          + "' is not a detail table (answered, lost)");
    }
    try {
      JsonWriter w = new JsonWriter(out);
      w.beginObject().field("section", section.key()).field("page", slice.page()).field("pages", slice.pages())
          .field("size", slice.size()).field("total", slice.total()).field("sort", slice.sort())
          .field("descending", slice.descending());
      w.name("rows").beginArray();
      for (Object row : slice.rows()) {
        if (row instanceof AnsweredCall c) {
          answered(w, c, zone, r.view());
        } else if (row instanceof LostCall c) {
          lost(w, c, zone, r.view());
        }
      }
      w.endArray();
      w.endObject();
    } catch (IOException e) {
      throw WriteFailure.of(e);
    }
  }

  private static void stats(JsonWriter w, String name, DurationStats d) throws IOException {
    w.name(name).beginObject()
        .field("total", d.totalSeconds()).field("avg", d.averageSeconds())
        .field("min", d.minSeconds()).field("max", d.maxSeconds())
        .endObject();
  }

  private static void summary(JsonWriter w, Summary s, ReportWindow win, ReportView view) throws IOException {
    w.beginObject()
        .field("view", view.key())
        .field("answered", s.answered()).field("lost", s.lost()).field("unfinished", s.unfinished())
        .field("shortAbandons", s.shortAbandons()).field("maxPosition", s.maxPosition())
        .field("answeredPercent", s.answeredPercent());
    stats(w, "talk", s.talk());
    stats(w, "wait", s.answeredWait());
    stats(w, "lostWait", s.lostWait());
    w.name("window").beginObject()
        .field("from", win.from() == null ? null : Fmt.iso(win.from(), win.zone()))
        .field("to", win.to() == null ? null : Fmt.iso(win.to(), win.zone()))
        .field("zone", win.zone().getId());
    strings(w, "queues", win.queues());
    strings(w, "agents", win.agents());
    strings(w, "callers", win.callers());
    w.endObject();
    w.endObject();
  }

  private static void strings(JsonWriter w, String name, java.util.List<String> values) throws IOException {
    w.name(name).beginArray();
    for (String v : values) {
      w.value(v);
    }
    w.endArray();
  }

  static void answered(JsonWriter w, AnsweredCall c, ZoneId zone, ReportView view) throws IOException {
    w.beginObject()
        .field("queue", c.queue()).field("queueName", c.queueName())
        .field("agent", c.agent()).field("agentNumber", c.agentNumber()).field("agentName", c.agentName())
        .field("enteredAt", Fmt.iso(c.enteredAt(), zone)).field("caller", c.caller())
        .field("waitSeconds", c.waitTime().getSeconds()).field("talkSeconds", c.talkTime().getSeconds())
        .field("position", c.position()).field("endedBy", c.endedBy().name()).field("callId", c.callId());
    callerFields(w, c.firstQueue(), c.stints(), view);
    w.endObject();
  }

  static void lost(JsonWriter w, LostCall c, ZoneId zone, ReportView view) throws IOException {
    w.beginObject()
        .field("queue", c.queue()).field("queueName", c.queueName())
        .field("enteredAt", Fmt.iso(c.enteredAt(), zone)).field("caller", c.caller())
        .field("waitSeconds", c.waitTime().getSeconds()).field("position", c.position())
        .field("cause", c.cause().name()).field("agent", c.agent()).field("callId", c.callId());
    callerFields(w, c.firstQueue(), c.stints(), view);
    w.endObject();
  }

  /** Caller-view rows also say where the caller started and how many stints they had. */
  private static void callerFields(JsonWriter w, String firstQueue, int stints, ReportView view) throws IOException {
    if (view == ReportView.CALLER) {
      w.field("firstQueue", firstQueue).field("stints", stints);
    }
  }

  private static void operatorFields(JsonWriter w, OperatorRow o) throws IOException {
    w.field("agent", o.agent()).field("number", o.number()).field("name", o.name())
        .field("answered", o.answered()).field("waitSeconds", o.waitSeconds()).field("talkSeconds", o.talkSeconds())
        .field("endedByCaller", o.endedByCaller()).field("endedByAgent", o.endedByAgent())
        .field("transferred", o.transferred());
  }

  private static void queues(JsonWriter w, InboundReport r) throws IOException {
    w.beginArray();
    for (QueueRow q : r.queues()) {
      w.beginObject()
          .field("queue", q.queue()).field("name", q.name()).field("answered", q.answered())
          .field("waitSeconds", q.waitSeconds()).field("talkSeconds", q.talkSeconds())
          .field("lost", q.lost()).field("lostWaitSeconds", q.lostWaitSeconds())
          .endObject();
    }
    w.endArray();
  }

  private static void completion(JsonWriter w, InboundReport r) throws IOException {
    w.beginArray();
    for (OperatorRow o : r.operators()) {
      w.beginObject();
      operatorFields(w, o);
      w.field("endedByCallerPercent", o.percentOfAnswered(o.endedByCaller()))
          .field("endedByAgentPercent", o.percentOfAnswered(o.endedByAgent()))
          .field("transferredPercent", o.percentOfAnswered(o.transferred()));
      w.endObject();
    }
    w.endArray();
  }

  private static void serviceLevel(JsonWriter w, ServiceLevel sl) throws IOException {
    w.beginObject();
    buckets(w, "answered", sl.answered());
    buckets(w, "lost", sl.lost());
    w.name("thresholds").beginArray();
    for (ServiceLevel.Threshold t : sl.thresholds()) {
      w.beginObject().field("seconds", t.seconds()).field("answeredWithin", t.answeredWithin())
          .field("percent", t.percent()).field("percentOfAnswered", t.percentOfAnswered()).endObject();
    }
    w.endArray();
    w.endObject();
  }

  private static void buckets(JsonWriter w, String name, java.util.List<ServiceLevel.Bucket> buckets)
      throws IOException {
    w.name(name).beginArray();
    for (ServiceLevel.Bucket b : buckets) {
      w.beginObject().name("upToSeconds");
      if (b.upToSeconds() == null) {
        w.nullValue();
      } else {
        w.value(b.upToSeconds().longValue());
      }
      w.field("calls", b.calls()).field("percent", b.percent()).endObject();
    }
    w.endArray();
  }

  private static void periods(JsonWriter w, PeriodTable p, ZoneId zone) throws IOException {
    w.beginObject().field("unit", p.unit().name().toLowerCase(java.util.Locale.ROOT)).name("rows").beginArray();
    for (PeriodTable.Row r : p.rows()) {
      w.beginObject()
          .field("start", Fmt.ISO.format(r.start().atZone(zone)))
          .field("offered", r.offered())
          .field("answered", r.answered()).field("answeredPercent", r.percentOfOffered(r.answered()));
      stats(w, "answeredWait", r.answeredWait());
      stats(w, "answeredTalk", r.answeredTalk());
      w.field("transferred", r.transferred()).field("transferredPercent", r.percentOfOffered(r.transferred()));
      stats(w, "transferredWait", r.transferredWait());
      stats(w, "transferredTalk", r.transferredTalk());
      w.field("lost", r.lost()).field("lostPercent", r.percentOfOffered(r.lost()));
      stats(w, "lostWait", r.lostWait());
      w.endObject();
    }
    w.endArray().endObject();
  }

  /**
   * Agent rows carry the operator-row keys too; wait, ended-by-agent and transfers come from the operators
   * section, so they are null when the report was computed without it.
   */
  private static void agents(JsonWriter w, InboundReport r) throws IOException {
    List<@Nullable OperatorRow> ops = AgentOperators.of(r);
    // the engine may fill operator rows without the section being asked for; rows present = computed
    boolean haveOps = r.sections().contains(ReportSection.OPERATORS) || !r.operators().isEmpty();
    w.beginArray();
    for (int i = 0; i < r.agents().size(); i++) {
      AgentAnalytics a = r.agents().get(i);
      @Nullable OperatorRow o = ops.get(i);
      w.beginObject()
          .field("agent", a.agent()).field("number", a.number()).field("name", a.name())
          .field("answered", a.answered());
      opField(w, "waitSeconds", o == null ? null : o.waitSeconds(), haveOps);
      w.field("talkSeconds", a.talkSeconds()).field("endedByCaller", a.endedByCaller());
      opField(w, "endedByAgent", o == null ? null : o.endedByAgent(), haveOps);
      opField(w, "transferred", o == null ? null : o.transferred(), haveOps);
      w.field("missedOffers", a.missedOffers()).field("loggedInSeconds", a.loggedInSeconds())
          .field("pausedSeconds", a.pausedSeconds());
      w.name("pausedSecondsByReason").beginObject();
      for (Map.Entry<String, Long> e : new TreeMap<>(a.pausedSecondsByReason()).entrySet()) {
        w.field(e.getKey(), e.getValue().longValue());
      }
      w.endObject();
      w.field("workSeconds", a.workSeconds()).field("callsPerHour", a.callsPerHour());
      w.endObject();
    }
    w.endArray();
  }

  private static void opField(JsonWriter w, String name, @Nullable Long v, boolean haveOps) throws IOException {
    w.name(name);
    if (v != null) {
      w.value(v.longValue());
    } else if (haveOps) {
      w.value(0L); // the operators section was computed and this agent answered nothing
    } else {
      w.nullValue();
    }
  }

  private static void problems(JsonWriter w, InboundReport r) throws IOException {
    w.beginObject().field("total", r.problems().total()).name("countsByKind").beginObject();
    for (Map.Entry<String, Long> e : new TreeMap<>(r.problems().countsByKind()).entrySet()) {
      w.field(e.getKey(), e.getValue().longValue());
    }
    w.endObject().name("first").beginArray();
    for (InputProblem p : r.problems().first()) {
      w.beginObject().field("source", p.source()).field("line", p.line()).field("message", p.message()).endObject();
    }
    w.endArray();
    w.field("validLines", r.input().lines());
    strings(w, "sources", r.input().sources());
    w.endObject();
  }
}
