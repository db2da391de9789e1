package ru.sipring.cdr;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import ru.sipring.core.directory.QueueDirectory;

/**
 * Queue names as FreePBX keeps them: table {@code queues_config} of its {@code asterisk} database
 * ({@code extension} = queue number, {@code descr} = the name people use, "Отдел продаж"). Reports show
 * "6000 Отдел продаж" with it.
 *
 * <pre>{@code
 * QueueDirectory queues = FreePbxQueueDirectory.load(asteriskDb);   // jdbc:mariadb://pbx/asterisk
 * }</pre>
 *
 * <p>{@link #load} reads the table once and returns an immutable, thread-safe snapshot: reports call
 * {@code nameOf} for every row, and queue names change rarely (load again to refresh). Queues without a
 * description are left out, so reports fall back to the number.
 */
public final class FreePbxQueueDirectory {
  private FreePbxQueueDirectory() {}

  /**
   * A snapshot of {@code queues_config}.
   *
   * @param asteriskDb FreePBX's {@code asterisk} database
   * @return the queue names by number
   */
  public static QueueDirectory load(DataSource asteriskDb) {
    return load(asteriskDb, "queues_config");
  }

  /**
   * A snapshot of another table with {@code extension} and {@code descr} columns.
   *
   * @param asteriskDb the database
   * @param table the table's name, a plain identifier
   * @return the queue names by number
   * @throws ru.sipring.core.BadInputException when the name is not a plain identifier
   */
  public static QueueDirectory load(DataSource asteriskDb, String table) {
    String quoted = Sql.identifier(table, "table");
    Map<String, String> names = new HashMap<>();
    try (Connection c = asteriskDb.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT extension, descr FROM " + quoted)) {
      while (rs.next()) {
        String number = rs.getString(1);
        String name = rs.getString(2);
        if (number != null && name != null && !name.isBlank()) {
          names.put(number.strip(), name.strip());
        }
      }
    } catch (SQLException e) {
      throw DbFailures.translate("reading queue names from " + table, e);
    }
    return QueueDirectory.of(names);
  }
}
