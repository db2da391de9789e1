package ru.sipring.core.inbound.partial;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.DurationStats;
import ru.sipring.core.report.EndedBy;
import ru.sipring.core.report.InputSummary;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.LostCause;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ProblemReport;
import ru.sipring.core.report.QueueRow;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.Summary;

/**
 * The serialised form of an {@link InboundPartial}: UTF-8 text, one record per line, fields separated by TAB,
 * version {@value #MAJOR}.{@value #MINOR}. The full specification (record types, fields, escaping, the rules for
 * newer versions) is in docs/inbound.md, "Partial results and merging"; in short:
 *
 * <pre>
 * sipring-inbound-partial  1  0                    header, first line
 * setting  view  queue                             every setting, before any other record
 * source  pbx-1
 * summary  answered lost unfinished shortAbandons maxPosition talk×4 wait×4 lostWait×4
 * serviceLevel  answered  n0 … nOverflow           and serviceLevel lost …
 * wait  answered|lost  seconds  calls              the exact wait distribution, one record per distinct wait
 * queue / period / agent (+ pause) / answered / lost / input / inputSource / event / problems / problemKind / problem
 * end  N                                           N = lines before this one; nothing may follow
 * </pre>
 *
 * <p>Reading is reading outside input: lines are at most {@value #MAX_LINE_CHARS} characters, each kind of entry is
 * bounded, and every error is a {@link BadInputException} naming {@code name:line:field}; no other exception
 * escapes. A file of a newer minor version may hold record types and trailing fields this reader does not know:
 * they are skipped. An unknown setting is always refused (it would change what the counts mean).
 *
 * <p>Stateless and thread-safe.
 */
public final class PartialFormat {

  /** Changes when a reader of the previous major version would misread the file. */
  public static final int MAJOR = 1;

  /** Changes when records or trailing fields are added that an older reader may skip. */
  public static final int MINOR = 0;

  /** The first field of the header line. */
  public static final String MAGIC = "sipring-inbound-partial";

  /** The longest line accepted, in characters. */
  public static final int MAX_LINE_CHARS = 1 << 20;

  /** At most this many queues, periods, agents, sources, input names, event types and problem kinds each. */
  public static final int MAX_ENTRIES = 1_000_000;

  /** At most this many answered plus lost rows by default ({@link #read(String, Reader, long)} sets another). */
  public static final long DEFAULT_MAX_DETAIL_ROWS = 10_000_000L;

  private PartialFormat() {}

  // ------------------------------------------------------------------------------------------------ write

  /**
   * Writes {@code p} in the current version.
   *
   * @param p the partial
   * @param out where to write; not flushed or closed
   * @throws UncheckedIOException when {@code out} fails
   */
  public static void write(InboundPartial p, Appendable out) {
    try {
      Out w = new Out(out);
      w.rec(MAGIC, MAJOR, MINOR);
      PartialSettings s = p.settings();
      w.rec("setting", "view", s.view().key());
      w.rec("setting", "zone", s.zone().getId());
      w.rec("setting", "periodUnit", s.periodUnit().name().toLowerCase(Locale.ROOT));
      w.list("setting", "serviceLevelBuckets", s.serviceLevelBuckets());
      w.rec("setting", "from", s.from() == null ? "-" : s.from().toString());
      w.rec("setting", "to", s.to() == null ? "-" : s.to().toString());
      w.list("setting", "queues", s.queues());
      w.list("setting", "agents", s.agents());
      w.list("setting", "callers", s.callers());
      w.rec("setting", "shortAbandonSeconds", s.shortAbandonSeconds() == null ? "-" : s.shortAbandonSeconds());
      w.rec("setting", "callerGraceSeconds", s.callerGraceSeconds());
      w.list("setting", "sections", PartialSettings.keys(s.sections()));
      for (String src : p.sources()) {
        w.rec("source", src);
      }
      Summary m = p.summary();
      List<Object> sum = new ArrayList<>(List.of(m.answered(), m.lost(), m.unfinished(), m.shortAbandons(),
          m.maxPosition()));
      stats(sum, m.talk());
      stats(sum, m.answeredWait());
      stats(sum, m.lostWait());
      w.list("summary", null, sum);
      w.list("serviceLevel", "answered", p.serviceLevelAnswered());
      w.list("serviceLevel", "lost", p.serviceLevelLost());
      for (Map.Entry<Long, Long> e : p.answeredWaits().entrySet()) {
        w.rec("wait", "answered", e.getKey(), e.getValue());
      }
      for (Map.Entry<Long, Long> e : p.lostWaits().entrySet()) {
        w.rec("wait", "lost", e.getKey(), e.getValue());
      }
      for (QueueRow q : p.queues()) {
        w.rec("queue", q.queue(), q.name(), q.answered(), q.waitSeconds(), q.talkSeconds(), q.lost(),
            q.lostWaitSeconds());
      }
      for (PeriodTable.Row r : p.periods()) {
        List<Object> f = new ArrayList<>(List.of(r.start().toString(), r.answered()));
        stats(f, r.answeredWait());
        stats(f, r.answeredTalk());
        f.add(r.transferred());
        stats(f, r.transferredWait());
        stats(f, r.transferredTalk());
        f.add(r.lost());
        stats(f, r.lostWait());
        w.list("period", null, f);
      }
      for (PartialAgent a : p.agents()) {
        w.rec("agent", a.source(), a.agent(), a.number(), a.name(), a.operator() ? 1 : 0, a.answered(),
            a.missedOffers(), a.waitSeconds(), a.talkSeconds(), a.endedByCaller(), a.endedByAgent(),
            a.transferred(), a.loggedInSeconds(), a.pausedSeconds());
        for (Map.Entry<String, Long> e : new TreeMap<>(a.pausedSecondsByReason()).entrySet()) {
          w.rec("pause", e.getKey(), e.getValue());
        }
      }
      for (AnsweredCall c : p.answered()) {
        w.rec("answered", c.queue(), c.queueName(), c.agent(), c.agentNumber(), c.agentName(),
            c.enteredAt().toString(), c.caller(), c.waitTime().getSeconds(), c.talkTime().getSeconds(), c.position(),
            c.endedBy().name(), c.callId(), c.firstQueue(), c.stints());
      }
      for (LostCall c : p.lost()) {
        w.rec("lost", c.queue(), c.queueName(), c.enteredAt().toString(), c.caller(), c.waitTime().getSeconds(),
            c.position(), c.cause().name(), c.agent(), c.callId(), c.firstQueue(), c.stints());
      }
      w.rec("input", p.input().lines());
      for (String src : p.input().sources()) {
        w.rec("inputSource", src);
      }
      for (Map.Entry<String, Long> e : new TreeMap<>(p.input().eventCounts()).entrySet()) {
        w.rec("event", e.getKey(), e.getValue());
      }
      w.rec("problems", p.problems().total());
      for (Map.Entry<String, Long> e : new TreeMap<>(p.problems().countsByKind()).entrySet()) {
        w.rec("problemKind", e.getKey(), e.getValue());
      }
      for (InputProblem pr : p.problems().first()) {
        w.rec("problem", pr.source(), pr.line(), pr.message());
      }
      w.rec("end", w.lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code p} in the current version, as a string.
   *
   * @param p the partial
   * @return the serialised form
   */
  public static String toText(InboundPartial p) {
    StringBuilder sb = new StringBuilder();
    write(p, sb);
    return sb.toString();
  }

  /**
   * Writes {@code p} to a file (UTF-8), replacing it.
   *
   * @param p the partial
   * @param file the file
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(InboundPartial p, Path file) {
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(p, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stats(List<Object> f, DurationStats d) {
    f.add(d.count());
    f.add(d.totalSeconds());
    f.add(d.minSeconds());
    f.add(d.maxSeconds());
  }

  private static final class Out {
    final Appendable out;
    long lines;

    Out(Appendable out) {
      this.out = out;
    }

    void rec(String type, Object... fields) throws IOException {
      list(type, null, List.of(fields));
    }

    void list(String type, @Nullable String first, List<?> fields) throws IOException {
      out.append(type);
      if (first != null) {
        out.append('\t');
        escape(first);
      }
      for (Object f : fields) {
        out.append('\t');
        escape(String.valueOf(f));
      }
      out.append('\n');
      lines++;
    }

    void escape(String s) throws IOException {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '\\' -> out.append("\\\\");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          default -> {
            if (c < 0x20 || c == 0x7f) {
              out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------------- read

  /**
   * Reads a partial from a file (UTF-8).
   *
   * @param file the file; its name is used in error messages
   * @return the partial
   * @throws BadInputException when the file cannot be read or is not a valid partial (the message names the file,
   *     line and field)
   */
  public static InboundPartial read(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.toString(), r);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a partial from text.
   *
   * @param name the name of the input, for error messages
   * @param text the serialised partial
   * @return the partial
   * @throws BadInputException when the text is not a valid partial
   */
  public static InboundPartial fromText(String name, String text) {
    return read(name, new StringReader(text));
  }

  /**
   * Reads a partial with at most {@link #DEFAULT_MAX_DETAIL_ROWS} detail rows.
   *
   * @param name the name of the input, for error messages
   * @param in the text; read to its end, not closed
   * @return the partial
   * @throws BadInputException when the input cannot be read or is not a valid partial
   */
  public static InboundPartial read(String name, Reader in) {
    return read(name, in, DEFAULT_MAX_DETAIL_ROWS);
  }

  /**
   * Reads a partial.
   *
   * @param name the name of the input, for error messages
   * @param in the text; read to its end, not closed
   * @param maxDetailRows the most answered plus lost rows accepted (memory grows with them)
   * @return the partial
   * @throws BadInputException when the input cannot be read, is not a valid partial or is over a limit
   */
  public static InboundPartial read(String name, Reader in, long maxDetailRows) {
    Parser p = new Parser(name, in, maxDetailRows);
    try {
      return p.parse();
    } catch (BadInputException e) {
      throw e;
    } catch (IOException e) {
      throw new BadInputException(name + ":" + p.lineNo, "cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // a record that parsed field by field but is inconsistent as a whole (the value types check it)
      throw new BadInputException(name + ":" + p.lineNo + ":" + p.type, String.valueOf(e.getMessage()), e);
    }
  }

  private static final Set<String> SETTINGS = Set.of("view", "zone", "periodUnit", "serviceLevelBuckets", "from",
      "to", "queues", "agents", "callers", "shortAbandonSeconds", "callerGraceSeconds", "sections");

  private static final class Parser {
    final String name;
    final Reader in;
    final long maxDetailRows;
    final char[] buf = new char[1 << 14];
    int pos;
    int len;
    long lineNo;
    String type = "";
    List<String> f = List.of();
    int minor;

    final Map<String, List<String>> settings = new HashMap<>();
    final List<String> sources = new ArrayList<>();
    @Nullable Summary summary;
    @Nullable List<Long> slAnswered;
    @Nullable List<Long> slLost;
    final TreeMap<Long, Long> answeredWaits = new TreeMap<>();
    final TreeMap<Long, Long> lostWaits = new TreeMap<>();
    final List<QueueRow> queues = new ArrayList<>();
    final List<PeriodTable.Row> periods = new ArrayList<>();
    final List<PartialAgent> agents = new ArrayList<>();
    @Nullable PendingAgent agent;
    final List<AnsweredCall> answered = new ArrayList<>();
    final List<LostCall> lost = new ArrayList<>();
    @Nullable Long lines;
    final List<String> inputSources = new ArrayList<>();
    final Map<String, Long> events = new HashMap<>();
    @Nullable Long problemTotal;
    final Map<String, Long> kinds = new HashMap<>();
    final List<InputProblem> problems = new ArrayList<>();
    @Nullable PartialSettings parsedSettings;

    Parser(String name, Reader in, long maxDetailRows) {
      this.name = name;
      this.in = in;
      this.maxDetailRows = maxDetailRows;
    }

    InboundPartial parse() throws IOException {
      String header = nextLine();
      if (header == null) {
        throw bad(null, "empty input; expected a partial starting with '" + MAGIC + "'");
      }
      f = split(header);
      type = f.get(0);
      if (!type.equals(MAGIC)) {
        throw bad(null, "not a SipRing partial: the first line must start with '" + MAGIC + "'");
      }
      fields(2);
      int major = (int) num(0, "major version");
      minor = (int) num(1, "minor version");
      if (major != MAJOR) {
        throw bad("version", "partial format version " + major + "." + minor + " is not supported; this reader "
            + "reads version " + MAJOR + ".x");
      }
      String line;
      while ((line = nextLine()) != null) {
        f = split(line);
        type = f.get(0);
        if (type.equals("end")) {
          fields(1);
          long n = num(0, "lines");
          if (n != lineNo - 1) {
            throw bad("lines", "the end record counts " + n + " lines before it, but there are " + (lineNo - 1));
          }
          if (nextLine() != null) {
            throw bad(null, "text after the end record");
          }
          return build();
        }
        record();
      }
      throw bad(null, "truncated: the input ends without an 'end' record");
    }

    void record() {
      if (!type.equals("setting") && parsedSettings == null) {
        parsed();
      }
      if (!type.equals("pause")) {
        flushAgent();
      }
      switch (type) {
        case "setting" -> {
          if (parsedSettings != null) {
            throw bad(null, "settings must come before every other record");
          }
          if (f.size() < 2) {
            throw bad(null, "a setting needs a name");
          }
          String key = f.get(1);
          if (!SETTINGS.contains(key)) {
            throw bad(key, "unknown setting '" + key + "' (a setting changes what the counts mean, so an unknown one"
                + " is refused)");
          }
          if (settings.put(key, f.subList(2, f.size())) != null) {
            throw bad(key, "setting given twice");
          }
        }
        case "source" -> {
          fields(1);
          sources.add(text(0, "source"));
          bound(sources.size(), "sources");
        }
        case "summary" -> {
          fields(17);
          summary = new Summary(num(0, "answered"), num(1, "lost"), num(2, "unfinished"),
              num(3, "shortAbandons"), (int) Math.min(num(4, "maxPosition"), Integer.MAX_VALUE),
              stats(5, "talk"), stats(9, "wait"), stats(13, "lostWait"));
          if (num(4, "maxPosition") > Integer.MAX_VALUE) {
            throw bad("maxPosition", "too large");
          }
        }
        case "serviceLevel" -> {
          int n = parsed().serviceLevelBuckets().size() + 1;
          if (f.size() < 2) {
            throw bad(null, "serviceLevel needs 'answered' or 'lost' and " + n + " counts");
          }
          String which = f.get(1);
          int have = f.size() - 2;
          if (have < n || (have > n && minor <= MINOR)) {
            throw bad(which, "expected " + n + " counts (one per bucket and the overflow), got " + have);
          }
          List<Long> counts = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            counts.add(num(i + 1, which + "[" + i + "]"));
          }
          switch (which) {
            case "answered" -> slAnswered = once(slAnswered, counts, "serviceLevel answered");
            case "lost" -> slLost = once(slLost, counts, "serviceLevel lost");
            default -> throw bad(which, "expected 'answered' or 'lost'");
          }
        }
        case "wait" -> {
          fields(3);
          String which = text(0, "which");
          TreeMap<Long, Long> into = switch (which) {
            case "answered" -> answeredWaits;
            case "lost" -> lostWaits;
            default -> throw bad("which", "expected 'answered' or 'lost'");
          };
          long seconds = num(1, "seconds");
          long calls = num(2, "calls");
          if (calls <= 0) {
            throw bad("calls", "must be positive");
          }
          if (into.put(seconds, calls) != null) {
            throw bad("seconds", "a second wait " + which + " record for " + seconds + " s");
          }
          if (answeredWaits.size() + lostWaits.size() > MAX_ENTRIES) {
            throw bad(null, "more than " + MAX_ENTRIES + " wait records");
          }
        }
        case "queue" -> {
          fields(7);
          queues.add(new QueueRow(text(0, "queue"), text(1, "name"), num(2, "answered"), num(3, "waitSeconds"),
              num(4, "talkSeconds"), num(5, "lost"), num(6, "lostWaitSeconds")));
          bound(queues.size(), "queues");
        }
        case "period" -> {
          fields(24);
          LocalDateTime start;
          try {
            start = LocalDateTime.parse(f.get(1));
          } catch (DateTimeException e) {
            throw bad("start", "not an ISO local date-time: '" + clip(f.get(1)) + "'");
          }
          long ans = num(1, "answered");
          long lostN = num(19, "lost");
          periods.add(new PeriodTable.Row(start, Math.addExact(ans, lostN), ans, stats(2, "answeredWait"),
              stats(6, "answeredTalk"), num(10, "transferred"), stats(11, "transferredWait"),
              stats(15, "transferredTalk"), lostN, stats(20, "lostWait")));
          bound(periods.size(), "periods");
        }
        case "agent" -> {
          fields(14);
          String op = f.get(5);
          if (!op.equals("0") && !op.equals("1")) {
            throw bad("operator", "expected 0 or 1, got '" + clip(op) + "'");
          }
          agent = new PendingAgent(text(0, "source"), text(1, "agent"), text(2, "number"), text(3, "name"),
              op.equals("1"), new long[] {num(5, "answered"), num(6, "missedOffers"), num(7, "waitSeconds"),
                  num(8, "talkSeconds"), num(9, "endedByCaller"), num(10, "endedByAgent"), num(11, "transferred"),
                  num(12, "loggedInSeconds"), num(13, "pausedSeconds")}, lineNo);
          bound(agents.size() + 1, "agents");
        }
        case "pause" -> {
          fields(2);
          if (agent == null) {
            throw bad(null, "a pause record must follow its agent record");
          }
          String reason = text(0, "reason");
          if (agent.reasons.put(reason, num(1, "seconds")) != null) {
            throw bad("reason", "pause reason '" + clip(reason) + "' given twice for this agent");
          }
          bound(agent.reasons.size(), "pause reasons");
        }
        case "answered" -> {
          fields(14);
          detail();
          answered.add(new AnsweredCall(text(0, "queue"), text(1, "queueName"), text(2, "agent"),
              text(3, "agentNumber"), text(4, "agentName"), instant(5, "enteredAt"), text(6, "caller"),
              Duration.ofSeconds(num(7, "waitSeconds")), Duration.ofSeconds(num(8, "talkSeconds")),
              integer(9, "position"), named(EndedBy.class, 10, "endedBy"), text(11, "callId"),
              text(12, "firstQueue"), integer(13, "stints")));
        }
        case "lost" -> {
          fields(11);
          detail();
          lost.add(new LostCall(text(0, "queue"), text(1, "queueName"), instant(2, "enteredAt"), text(3, "caller"),
              Duration.ofSeconds(num(4, "waitSeconds")), integer(5, "position"), named(LostCause.class, 6, "cause"),
              text(7, "agent"), text(8, "callId"), text(9, "firstQueue"), integer(10, "stints")));
        }
        case "input" -> {
          fields(1);
          lines = once(lines, num(0, "lines"), "input");
        }
        case "inputSource" -> {
          fields(1);
          inputSources.add(text(0, "name"));
          bound(inputSources.size(), "input sources");
        }
        case "event" -> {
          fields(2);
          if (events.put(text(0, "name"), num(1, "count")) != null) {
            throw bad("name", "event '" + clip(f.get(1)) + "' given twice");
          }
          bound(events.size(), "event types");
        }
        case "problems" -> {
          fields(1);
          problemTotal = once(problemTotal, num(0, "total"), "problems");
        }
        case "problemKind" -> {
          fields(2);
          if (kinds.put(text(0, "kind"), num(1, "count")) != null) {
            throw bad("kind", "problem kind '" + clip(f.get(1)) + "' given twice");
          }
          bound(kinds.size(), "problem kinds");
        }
        case "problem" -> {
          fields(3);
          problems.add(new InputProblem(text(0, "source"), num(1, "line"), text(2, "message")));
          bound(problems.size(), "problems");
        }
        default -> {
          if (minor <= MINOR) {
            throw bad(null, "unknown record type '" + clip(type) + "'");
          }
          // a newer minor version's record: skipped, by the compatibility rule
        }
      }
    }

    PartialSettings settings() {
      for (String k : SETTINGS) {
        if (!settings.containsKey(k)) {
          throw bad(k, "missing setting '" + k + "' (every setting comes before the other records)");
        }
      }
      String at = "view";
      try {
        ReportView view = switch (one("view")) {
          case "queue" -> ReportView.QUEUE;
          case "caller" -> ReportView.CALLER;
          default -> throw bad("view", "expected queue or caller, got '" + clip(one("view")) + "'");
        };
        at = "zone";
        ZoneId zone = ZoneId.of(one("zone"));
        at = "periodUnit";
        PeriodTable.PeriodUnit unit = PeriodTable.PeriodUnit.valueOf(one("periodUnit").toUpperCase(Locale.ROOT));
        at = "serviceLevelBuckets";
        List<Integer> buckets = new ArrayList<>();
        for (String s : all("serviceLevelBuckets")) {
          buckets.add((int) Math.min(parseNum(s, at), Integer.MAX_VALUE));
        }
        at = "from";
        Instant from = one("from").equals("-") ? null : Instant.parse(one("from"));
        at = "to";
        Instant to = one("to").equals("-") ? null : Instant.parse(one("to"));
        at = "shortAbandonSeconds";
        Long sa = one("shortAbandonSeconds").equals("-") ? null : parseNum(one("shortAbandonSeconds"), at);
        at = "callerGraceSeconds";
        long grace = parseNum(one("callerGraceSeconds"), at);
        at = "sections";
        Set<ReportSection> sections = EnumSet.noneOf(ReportSection.class);
        for (String s : all("sections")) {
          sections.add(ReportSection.ofKey(s));
        }
        at = "settings";
        return new PartialSettings(view, zone, unit, buckets, from, to, unescapeAll(all("queues")),
            unescapeAll(all("agents")), unescapeAll(all("callers")), sa, grace, sections);
      } catch (BadInputException e) {
        throw e;
      } catch (RuntimeException e) {
        throw bad(at, String.valueOf(e.getMessage()));
      }
    }

    /** The settings once every setting record is read: parsed on the first record that is not a setting. */
    PartialSettings parsed() {
      PartialSettings p = parsedSettings;
      if (p == null) {
        p = settings();
        parsedSettings = p;
      }
      return p;
    }

    /** Every value of a setting; {@link #settings()} has checked that each is present before asking. */
    List<String> all(String key) {
      List<String> v = settings.get(key);
      if (v == null) {
        throw bad(key, "missing setting '" + key + "'");
      }
      return v;
    }

    String one(String key) {
      List<String> v = all(key);
      if (v.size() != 1) {
        throw bad(key, "expected one value, got " + v.size());
      }
      return v.get(0);
    }

    List<String> unescapeAll(List<String> raw) {
      return raw.stream().map(this::unescape).toList();
    }

    InboundPartial build() {
      PartialSettings ps = parsed();
      flushAgent();
      type = "end";
      Summary sum = summary;
      if (sum == null) {
        throw bad(null, "no summary record");
      }
      List<Long> slA = slAnswered;
      List<Long> slL = slLost;
      if (slA == null || slL == null) {
        throw bad(null, "missing the serviceLevel " + (slA == null ? "answered" : "lost") + " record");
      }
      Long lineCount = lines;
      if (lineCount == null) {
        throw bad(null, "no input record");
      }
      Long problemCount = problemTotal;
      if (problemCount == null) {
        throw bad(null, "no problems record");
      }
      Set<ReportSection> sec = ps.sections();
      if (!answered.isEmpty() && !sec.contains(ReportSection.ANSWERED)) {
        throw bad(null, "answered rows in a partial whose sections do not include 'answered'");
      }
      if (!lost.isEmpty() && !sec.contains(ReportSection.LOST)) {
        throw bad(null, "lost rows in a partial whose sections do not include 'lost'");
      }
      try {
        return new InboundPartial(ps, sources, sum, slA, slL, answeredWaits, lostWaits,
            queues, periods, agents,
            answered, lost, new InputSummary(inputSources, lineCount, events),
            new ProblemReport(problemCount, kinds, problems));
      } catch (IllegalArgumentException e) {
        // the record-level checks passed; what is left is a contradiction between records (e.g. the wait
        // distribution does not add up to the summary)
        throw bad(null, String.valueOf(e.getMessage()));
      }
    }

    void flushAgent() {
      if (agent != null) {
        PendingAgent a = agent;
        agent = null;
        long[] v = a.values;
        try {
          agents.add(new PartialAgent(a.source, a.agent, a.number, a.name, a.operator, v[0], v[1], v[2], v[3], v[4],
              v[5], v[6], v[7], v[8], a.reasons));
        } catch (IllegalArgumentException e) {
          throw new BadInputException(name + ":" + a.line + ":agent", String.valueOf(e.getMessage()));
        }
      }
    }

    void detail() {
      if (answered.size() + lost.size() >= maxDetailRows) {
        throw bad(null, "more than " + maxDetailRows + " detail rows; leave the answered and lost sections out of"
            + " partials this big, or raise the limit");
      }
    }

    void bound(int n, String what) {
      if (n > MAX_ENTRIES) {
        throw bad(null, "more than " + MAX_ENTRIES + " " + what);
      }
    }

    <T> T once(@Nullable T old, T value, String what) {
      if (old != null) {
        throw bad(null, "the " + what + " record is given twice");
      }
      return value;
    }

    /** Exactly n fields after the type, or at least n when the file is of a newer minor version. */
    void fields(int n) {
      int have = f.size() - 1;
      if (have < n || (have > n && minor <= MINOR)) {
        throw bad(null, "expected " + n + " fields after '" + clip(type) + "', got " + have);
      }
    }

    String text(int i, String field) {
      return unescape(f.get(i + 1), field);
    }

    long num(int i, String field) {
      return parseNum(f.get(i + 1), field);
    }

    int integer(int i, String field) {
      long v = num(i, field);
      if (v > Integer.MAX_VALUE) {
        throw bad(field, "too large: " + v);
      }
      return (int) v;
    }

    long parseNum(String s, String field) {
      if (s.isEmpty() || s.length() > 18) {
        throw bad(field, "expected a whole number 0..999999999999999999, got '" + clip(s) + "'");
      }
      long v = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          throw bad(field, "expected a whole number 0..999999999999999999, got '" + clip(s) + "'");
        }
        v = v * 10 + (c - '0');
      }
      return v;
    }

    DurationStats stats(int i, String field) {
      long count = num(i, field + ".count");
      long total = num(i + 1, field + ".total");
      long min = num(i + 2, field + ".min");
      long max = num(i + 3, field + ".max");
      if (count == 0) {
        if (total != 0 || min != 0 || max != 0) {
          throw bad(field, "an empty statistic must be 0 0 0 0");
        }
        return DurationStats.EMPTY;
      }
      if (min > max || max > total) {
        throw bad(field, "inconsistent: min " + min + ", max " + max + ", total " + total);
      }
      return new DurationStats(count, total, min, max);
    }

    Instant instant(int i, String field) {
      try {
        return Instant.parse(f.get(i + 1));
      } catch (DateTimeException e) {
        throw bad(field, "not an ISO instant (2026-03-02T09:00:00Z): '" + clip(f.get(i + 1)) + "'");
      }
    }

    <E extends Enum<E>> E named(Class<E> type, int i, String field) {
      try {
        return Enum.valueOf(type, f.get(i + 1));
      } catch (IllegalArgumentException e) {
        throw bad(field, "unknown value '" + clip(f.get(i + 1)) + "'");
      }
    }

    String unescape(String s) {
      return unescape(s, "value");
    }

    String unescape(String s, String field) {
      if (s.indexOf('\\') < 0) {
        return s;
      }
      StringBuilder sb = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (i + 1 >= s.length()) {
          throw bad(field, "a backslash at the end of the field");
        }
        char e = s.charAt(++i);
        switch (e) {
          case '\\' -> sb.append('\\');
          case 't' -> sb.append('\t');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 'u' -> {
            if (i + 4 >= s.length()) {
              throw bad(field, "a \\u escape needs four hex digits");
            }
            try {
              sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            } catch (NumberFormatException x) {
              throw bad(field, "a \\u escape needs four hex digits");
            }
            i += 4;
          }
          default -> throw bad(field, "unknown escape '\\" + e + "'");
        }
      }
      return sb.toString();
    }

    List<String> split(String line) {
      List<String> out = new ArrayList<>();
      int start = 0;
      for (int i = 0; i <= line.length(); i++) {
        if (i == line.length() || line.charAt(i) == '\t') {
          out.add(line.substring(start, i));
          start = i + 1;
        }
      }
      return out;
    }

    /** The next line without its LF (a CR before it is dropped), or null at the end; control characters refused. */
    @Nullable String nextLine() throws IOException {
      StringBuilder sb = new StringBuilder();
      boolean any = false;
      lineNo++;
      while (true) {
        if (pos == len) {
          len = in.read(buf);
          pos = 0;
          if (len <= 0) {
            len = 0;
            if (!any) {
              lineNo--;
              return null;
            }
            throw bad(null, "truncated last line (no newline at the end)");
          }
        }
        char c = buf[pos++];
        any = true;
        if (c == '\n') {
          int n = sb.length();
          if (n > 0 && sb.charAt(n - 1) == '\r') {
            sb.setLength(n - 1);
          }
          return sb.toString();
        }
        if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
          throw bad(null, String.format(Locale.ROOT, "control character U+%04X in the line", (int) c));
        }
        if (sb.length() >= MAX_LINE_CHARS) {
          throw bad(null, "line longer than " + MAX_LINE_CHARS + " characters");
        }
        sb.append(c);
      }
    }

    BadInputException bad(@Nullable String field, String message) {
      String where = name + ":" + lineNo + (type.isEmpty() ? "" : ":" + type) + (field == null ? "" : "." + field);
      return new BadInputException(where, message);
    }

    static String clip(String s) {
      return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
  }

  private static final class PendingAgent {
    final String source;
    final String agent;
    final String number;
    final String name;
    final boolean operator;
    final long[] values;
    final long line;
    final Map<String, Long> reasons = new HashMap<>();

    PendingAgent(String source, String agent, String number, String name, boolean operator, long[] values,
        long line) {
      this.source = source;
      this.agent = agent;
      this.number = number;
      this.name = name;
      this.operator = operator;
      this.values = values;
      this.line = line;
    }
  }
}
