package ru.sipring.cdr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.queuelog.QueueLogRecord;
import ru.sipring.core.queuelog.QueueLogSource;

/**
 * The realtime {@code queue_log} table (Asterisk's {@code extconfig.conf: queue_log => mysql|odbc}, FreePBX's
 * {@code asteriskcdrdb.queuelog}) as a {@link QueueLogSource} for the inbound reports: the same events give
 * the same records as the {@code queue_log} file, so the same report.
 *
 * <pre>{@code
 * QueueLogSource source = QueueLogTableSource.builder(dataSource)
 *     .table("queue_log")                  // default; FreePBX 16/17 call theirs "queuelog"
 *     .zone(ZoneId.of("Europe/Moscow"))    // the zone Asterisk wrote the time column in (the report's zone)
 *     .build();
 * }</pre>
 *
 * <p>Columns: {@code time, callid, queuename, agent, event} and either {@code data1..data5} (Asterisk's
 * "adaptive" layout, used whenever those columns exist) or the legacy single {@code data} column; {@code id}
 * and {@code serverid} are optional. The time column may be DATETIME/CHAR (local time in {@link
 * Builder#zone}; a fraction is dropped, as the file's epoch is whole seconds), TIMESTAMP (read as an
 * instant), or numeric (epoch seconds). Data fields are rebuilt like the file line: {@code data5} holds the
 * remainder of a longer line ({@code 40|1} of an ATTENDEDTRANSFER LINK) and is split again on {@code |};
 * trailing empty fields are dropped. Rows come in {@code time, id} order, streamed in batches, so memory
 * stays constant. Rows without a usable time or event are reported as {@link InputProblem}s (their line is the
 * row's {@code id}, or its position when there is no id) and reading goes on.
 *
 * <p>A local time in the hour a DST change repeats is ambiguous; it is read with the earlier offset. A host
 * that needs exact instants configures {@code queue_log_realtime_use_gmt = yes} in Asterisk and passes
 * {@code ZoneOffset.UTC}. Immutable and thread-safe; {@link #read} runs on the caller's thread.
 */
public final class QueueLogTableSource implements QueueLogSource {
  /** Rows fetched from the server per round trip while streaming. */
  public static final int FETCH_SIZE = 2_000;
  private final DataSource dataSource;
  private final String table;
  private final ZoneId zone;
  private final @Nullable Instant since;
  private final @Nullable Instant until;

  private QueueLogTableSource(Builder b) {
    this.dataSource = b.dataSource;
    this.table = Sql.identifier(b.table, "table");
    this.zone = b.zone;
    this.since = b.since;
    this.until = b.until;
  }

  /**
   * Table {@code queue_log} with local times in {@code zone}.
   *
   * @param dataSource the Asterisk database
   * @param zone the zone of a DATETIME/CHAR time column
   * @return the source
   */
  public static QueueLogTableSource of(DataSource dataSource, ZoneId zone) {
    return builder(dataSource).zone(zone).build();
  }

  /**
   * A builder for another table, zone or time range.
   *
   * @param dataSource the Asterisk database
   * @return the builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public String name() {
    try (Connection c = dataSource.getConnection()) {
      return Sql.describe(c, table);
    } catch (SQLException e) {
      return table.replace("`", "");
    }
  }

  private enum TimeKind { LOCAL_TEXT, INSTANT, EPOCH }

  @Override
  public void read(Sink sink) {
    String what = "reading queue_log table " + table.replace("`", "");
    try (Connection c = dataSource.getConnection()) {
      String source = Sql.describe(c, table);
      Map<String, Integer> types = columns(c);
      for (String required : List.of("time", "callid", "queuename", "agent", "event")) {
        if (!types.containsKey(required)) {
          throw new BadInputException(source, "no column '" + required + "': not an Asterisk queue_log table "
              + "(columns: " + types.keySet() + ")");
        }
      }
      boolean split = types.keySet().containsAll(List.of("data1", "data2", "data3", "data4", "data5"));
      if (!split && !types.containsKey("data")) {
        throw new BadInputException(source, "neither data1..data5 nor data columns");
      }
      boolean hasId = types.containsKey("id");
      TimeKind kind = timeKind(c, types.getOrDefault("time", Types.OTHER)); // present: required above
      String timeExpr = kind == TimeKind.INSTANT ? "FLOOR(UNIX_TIMESTAMP(`time`))" : "`time`";
      StringBuilder sql = new StringBuilder("SELECT ").append(timeExpr)
          .append(", callid, queuename, agent, event, ")
          .append(split ? "data1, data2, data3, data4, data5" : "data")
          .append(hasId ? ", id" : "").append(" FROM ").append(table);
      List<Object> args = new ArrayList<>();
      List<String> where = new ArrayList<>();
      if (since != null) {
        where.add("`time` >= ?");
        args.add(timeArg(kind, since));
      }
      if (until != null) {
        where.add("`time` < ?");
        args.add(timeArg(kind, until));
      }
      if (!where.isEmpty()) {
        sql.append(" WHERE ").append(String.join(" AND ", where));
      }
      sql.append(" ORDER BY `time`").append(hasId ? ", id" : "");
      try (PreparedStatement ps = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_READ_ONLY)) {
        ps.setFetchSize(FETCH_SIZE);
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          long position = 0;
          int idColumn = split ? 11 : 7;
          List<String> data = new ArrayList<>(8);
          while (rs.next()) {
            position++;
            long line = hasId ? rs.getLong(idColumn) : position;
            String timeText = rs.getString(1);
            long epoch = epoch(kind, timeText);
            if (epoch == Long.MIN_VALUE) {
              sink.problem(new InputProblem(source, line, "time '" + timeText + "' is not a time; row skipped"));
              continue;
            }
            String event = text(rs, 5);
            if (event.isEmpty()) {
              sink.problem(new InputProblem(source, line, "empty event; row skipped"));
              continue;
            }
            data.clear();
            if (split) {
              for (int i = 6; i <= 9; i++) {
                data.add(text(rs, i));
              }
              splitInto(text(rs, 10), data);
            } else {
              String all = text(rs, 6);
              if (!all.isEmpty()) {
                splitInto(all, data);
              }
            }
            int size = data.size();
            while (size > 0 && data.get(size - 1).isEmpty()) {
              size--;
            }
            sink.record(new QueueLogRecord(epoch, text(rs, 2), text(rs, 3), text(rs, 4), event,
                data.subList(0, size)));
          }
        }
      }
    } catch (SQLException e) {
      throw DbFailures.translate(what, e);
    }
  }

  private Object timeArg(TimeKind kind, Instant t) {
    return switch (kind) {
      case EPOCH -> t.getEpochSecond();
      case INSTANT -> java.sql.Timestamp.from(t);
      case LOCAL_TEXT -> LocalDateTime.ofInstant(t, zone).toString().replace('T', ' ');
    };
  }

  private long epoch(TimeKind kind, @Nullable String text) {
    if (text == null) {
      return Long.MIN_VALUE;
    }
    if (kind != TimeKind.LOCAL_TEXT || isDigits(text)) {
      try {
        int dot = text.indexOf('.');
        return Long.parseLong(dot < 0 ? text : text.substring(0, dot));
      } catch (NumberFormatException e) {
        return Long.MIN_VALUE;
      }
    }
    LocalDateTime local = Sql.parseDateTime(text);
    if (local == null || local.getYear() < 1970) {
      return Long.MIN_VALUE;
    }
    return local.atZone(zone).toEpochSecond();
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if ((ch < '0' || ch > '9') && ch != '.') {
        return false;
      }
    }
    return true;
  }

  private static void splitInto(String s, List<String> out) {
    int start = 0;
    for (int i = s.indexOf('|'); i >= 0; i = s.indexOf('|', start)) {
      out.add(s.substring(start, i));
      start = i + 1;
    }
    out.add(s.substring(start));
  }

  private static String text(ResultSet rs, int column) throws SQLException {
    String s = rs.getString(column);
    return s == null ? "" : s;
  }

  private Map<String, Integer> columns(Connection c) throws SQLException {
    Map<String, Integer> out = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
        int type = md.getColumnType(i);
        if (name.equals("time") && type == Types.TIMESTAMP
            && md.getColumnTypeName(i).toUpperCase(Locale.ROOT).startsWith("TIMESTAMP")) {
          type = Types.TIMESTAMP_WITH_TIMEZONE; // a TIMESTAMP column stores an instant
        }
        out.put(name, type);
      }
    }
    return out;
  }

  private static TimeKind timeKind(Connection c, int type) {
    return switch (type) {
      case Types.TIMESTAMP_WITH_TIMEZONE -> TimeKind.INSTANT;
      case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT,
          Types.REAL -> TimeKind.EPOCH;
      default -> TimeKind.LOCAL_TEXT;
    };
  }

  /** Builds a {@link QueueLogTableSource}. Not thread-safe. */
  public static final class Builder {
    private final DataSource dataSource;
    private String table = "queue_log";
    private ZoneId zone = ZoneId.systemDefault();
    private @Nullable Instant since;
    private @Nullable Instant until;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * The table, {@code queue_log} by default ({@code db.table} accepted).
     *
     * @param table the table's name
     * @return this builder
     */
    public Builder table(String table) {
      this.table = Objects.requireNonNull(table, "table");
      return this;
    }

    /**
     * The zone of a DATETIME/CHAR time column: the report's zone; ignored for epoch and TIMESTAMP columns.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Reads only rows with {@code since <= time < until} (either may be null), using the time index. A report
     * over a window should read a margin around it, as calls cross the window's edges.
     *
     * @param since the first instant read, or null
     * @param until the first instant not read, or null
     * @return this builder
     */
    public Builder between(@Nullable Instant since, @Nullable Instant until) {
      this.since = since;
      this.until = until;
      return this;
    }

    /**
     * The source.
     *
     * @return the source
     * @throws ru.sipring.core.BadInputException when the table name is not a plain identifier
     */
    public QueueLogTableSource build() {
      return new QueueLogTableSource(this);
    }
  }
}
