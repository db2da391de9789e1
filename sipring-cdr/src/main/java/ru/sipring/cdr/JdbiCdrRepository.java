package ru.sipring.cdr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.queuelog.InputProblem;

/**
 * {@link CdrRepository} over a MariaDB/MySQL {@code cdr} table (FreePBX's {@code asteriskcdrdb.cdr}). The table's
 * columns are discovered once, so FreePBX 13–17 and older Elastix/FreePBX 2.x schemas both work; extra columns
 * are ignored. Rows are streamed from the server in batches of {@link #FETCH_SIZE} (the driver never holds the
 * whole result), which keeps memory constant for millions of rows.
 *
 * <p>Streaming uses plain JDBC on a connection of the pool rather than Jdbi's mappers: the loop decodes
 * millions of rows by column position and that is where the time goes. Junk rows — calldate
 * {@code 0000-00-00 00:00:00}, FreePBX's placeholder {@code 1000-01-01 00:00:00}, anything before 1970 or
 * unparsable — are reported as problems. A lost connection mid-stream throws
 * {@link ru.sipring.core.ConnectionException}. Thread-safe: each read borrows its own connection.
 */
public final class JdbiCdrRepository implements CdrRepository {
  /** Rows fetched from the server per round trip while streaming. */
  public static final int FETCH_SIZE = 2_000;
  private final DataSource dataSource;
  private final String table;
  private volatile @Nullable Discovered discovered;

  private record Discovered(String name, Set<String> columns) {}

  private JdbiCdrRepository(DataSource dataSource, String table) {
    this.dataSource = dataSource;
    this.table = table;
  }

  /**
   * Reads table {@code cdr} of the database behind {@code dataSource}.
   *
   * @param dataSource the Asterisk CDR database
   * @return the repository
   */
  public static JdbiCdrRepository of(DataSource dataSource) {
    return of(dataSource, "cdr");
  }

  /**
   * Reads another table with the cdr layout ({@code replicate_cdr}, {@code asteriskcdrdb.cdr}).
   *
   * @param dataSource the database
   * @param table the table's name, a plain identifier
   * @return the repository
   * @throws ru.sipring.core.BadInputException when the name is not a plain identifier
   */
  public static JdbiCdrRepository of(DataSource dataSource, String table) {
    return new JdbiCdrRepository(Objects.requireNonNull(dataSource, "dataSource"), Sql.identifier(table, "table"));
  }

  @Override
  public String name() {
    return discover().name();
  }

  /**
   * The known cdr columns ({@link CdrRecord#COLUMNS}) this table has.
   *
   * @return the column names
   * @throws ru.sipring.core.ConnectionException when the database cannot be reached
   */
  public Set<String> columns() {
    return discover().columns();
  }

  @Override
  public long read(CdrQuery query, Sink sink) {
    Discovered d = discover();
    if (!d.columns().contains("calldate")) {
      throw new BadInputException(d.name(), "table has no calldate column: not an Asterisk cdr table");
    }
    for (String column : query.equals().keySet()) {
      if (!d.columns().contains(column)) {
        throw new BadInputException(column, "column " + column + " does not exist in " + d.name()
            + " (an older cdr schema)");
      }
    }
    List<String> selected = new ArrayList<>();
    int[] position = new int[CdrRecord.COLUMNS.size()];
    for (int i = 0; i < position.length; i++) {
      String column = CdrRecord.COLUMNS.get(i);
      if (d.columns().contains(column)) {
        selected.add("`" + column + "`");
        position[i] = selected.size();
      }
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", selected)).append(" FROM ")
        .append(table);
    List<Object> args = new ArrayList<>();
    List<String> where = new ArrayList<>();
    if (query.from() != null) {
      where.add("calldate >= ?");
      args.add(query.from());
    }
    if (query.to() != null) {
      where.add("calldate < ?");
      args.add(query.to());
    }
    for (Map.Entry<String, String> e : query.equals().entrySet()) {
      where.add("`" + e.getKey() + "` = ?");
      args.add(e.getValue());
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY calldate");

    long delivered = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY)) {
      ps.setFetchSize(FETCH_SIZE);
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        long row = 0;
        while (rs.next()) {
          row++;
          CdrRecord record = decode(rs, position, d.name(), row, sink);
          if (record != null) {
            sink.record(record);
            delivered++;
          }
        }
      }
    } catch (SQLException e) {
      throw DbFailures.translate("reading " + d.name(), e);
    }
    return delivered;
  }

  private static @Nullable CdrRecord decode(ResultSet rs, int[] p, String source, long row, Sink sink)
      throws SQLException {
    String uniqueid = text(rs, p[14]);
    String calldateText = rs.getString(p[0]);
    LocalDateTime calldate = Sql.parseDateTime(calldateText);
    if (calldate == null || calldate.getYear() < 1970) {
      sink.problem(new InputProblem(source, row, "calldate '" + calldateText + "' is not a real call time"
          + (calldateText != null && calldateText.startsWith("1000-01-01") ? " (FreePBX's empty default)" : "")
          + "; row skipped (uniqueid '" + uniqueid + "')"));
      return null;
    }
    int duration;
    int billsec;
    int amaflags;
    int sequence;
    try {
      duration = number(rs, p[9]);
      billsec = number(rs, p[10]);
      amaflags = number(rs, p[12]);
      sequence = number(rs, p[25]);
    } catch (SQLException | NumberFormatException e) {
      if (e instanceof SQLException sql && Sql.isConnectionLoss(sql)) {
        throw sql;
      }
      sink.problem(new InputProblem(source, row, "unreadable number (" + e.getMessage() + "); row skipped "
          + "(uniqueid '" + uniqueid + "')"));
      return null;
    }
    if (duration < 0 || billsec < 0) {
      sink.problem(new InputProblem(source, row, "negative duration " + duration + " or billsec " + billsec
          + "; row skipped (uniqueid '" + uniqueid + "')"));
      return null;
    }
    return new CdrRecord(calldate, text(rs, p[1]), text(rs, p[2]), text(rs, p[3]), text(rs, p[4]),
        text(rs, p[5]), text(rs, p[6]), text(rs, p[7]), text(rs, p[8]), Duration.ofSeconds(duration),
        Duration.ofSeconds(billsec), text(rs, p[11]), amaflags, text(rs, p[13]), uniqueid, text(rs, p[15]),
        text(rs, p[16]), text(rs, p[17]), text(rs, p[18]), text(rs, p[19]), text(rs, p[20]), text(rs, p[21]),
        text(rs, p[22]), text(rs, p[23]), text(rs, p[24]), sequence);
  }

  private static String text(ResultSet rs, int position) throws SQLException {
    if (position == 0) {
      return "";
    }
    String s = rs.getString(position);
    return s == null ? "" : s;
  }

  private static int number(ResultSet rs, int position) throws SQLException {
    return position == 0 ? 0 : rs.getInt(position);
  }

  private Discovered discover() {
    Discovered d = discovered;
    if (d != null) {
      return d;
    }
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      Set<String> columns = new LinkedHashSet<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        String column = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
        if (CdrRecord.COLUMNS.contains(column)) {
          columns.add(column);
        }
      }
      d = new Discovered(Sql.describe(c, table), Collections.unmodifiableSet(columns));
      discovered = d;
      return d;
    } catch (SQLException e) {
      throw DbFailures.translate("opening cdr table " + table.replace("`", ""), e);
    }
  }
}
