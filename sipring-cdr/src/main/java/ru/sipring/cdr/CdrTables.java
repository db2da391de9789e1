package ru.sipring.cdr;

import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates and fills tables with FreePBX's {@code cdr} layout: for demos, the fake Asterisk, tests and
 * benchmarks (SipRing never writes to a real PBX's {@code cdr}). Thread-safe (stateless).
 */
public final class CdrTables {
  /** The FreePBX 16/17 {@code cdr} table, as its installer creates it. */
  public static final String FREEPBX_DDL = """
      CREATE TABLE %s (
        calldate datetime NOT NULL DEFAULT '1000-01-01 00:00:00',
        clid varchar(80) NOT NULL DEFAULT '', src varchar(80) NOT NULL DEFAULT '',
        dst varchar(80) NOT NULL DEFAULT '', dcontext varchar(80) NOT NULL DEFAULT '',
        channel varchar(80) NOT NULL DEFAULT '', dstchannel varchar(80) NOT NULL DEFAULT '',
        lastapp varchar(80) NOT NULL DEFAULT '', lastdata varchar(80) NOT NULL DEFAULT '',
        duration int NOT NULL DEFAULT 0, billsec int NOT NULL DEFAULT 0,
        disposition varchar(45) NOT NULL DEFAULT '', amaflags int NOT NULL DEFAULT 0,
        accountcode varchar(20) NOT NULL DEFAULT '', uniqueid varchar(32) NOT NULL DEFAULT '',
        userfield varchar(255) NOT NULL DEFAULT '', did varchar(50) NOT NULL DEFAULT '',
        recordingfile varchar(255) NOT NULL DEFAULT '', cnum varchar(80) NOT NULL DEFAULT '',
        cnam varchar(80) NOT NULL DEFAULT '', outbound_cnum varchar(80) NOT NULL DEFAULT '',
        outbound_cnam varchar(80) NOT NULL DEFAULT '', dst_cnam varchar(80) NOT NULL DEFAULT '',
        linkedid varchar(32) NOT NULL DEFAULT '', peeraccount varchar(80) NOT NULL DEFAULT '',
        sequence int NOT NULL DEFAULT 0,
        KEY calldate (calldate), KEY dst (dst), KEY accountcode (accountcode), KEY uniqueid (uniqueid),
        KEY did (did), KEY recordingfile (recordingfile(191))
      ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4""";

  private CdrTables() {}

  /**
   * Creates an empty FreePBX-layout table named {@code table}.
   *
   * @param dataSource the database
   * @param table the table's name, a plain identifier
   * @throws ru.sipring.core.BadInputException when the name is not a plain identifier
   */
  public static void createFreePbxTable(DataSource dataSource, String table) {
    String quoted = Sql.identifier(table, "table");
    Sql.execute(dataSource, String.format(FREEPBX_DDL, quoted), "creating cdr table " + table);
  }

  /**
   * Inserts records in one transaction, in batches; all or nothing.
   *
   * @param dataSource the database
   * @param table the table's name, a plain identifier
   * @param records the records
   * @throws ru.sipring.core.BadInputException when the name is not a plain identifier
   */
  public static void insert(DataSource dataSource, String table, List<CdrRecord> records) {
    String quoted = Sql.identifier(table, "table");
    String sql = "INSERT INTO " + quoted + " (`" + String.join("`, `", CdrRecord.COLUMNS) + "`) VALUES ("
        + String.join(", ", Collections.nCopies(CdrRecord.COLUMNS.size(), "?")) + ")";
    Sql.insertAll(dataSource, sql, records, (ps, r) -> {
      for (int i = 0; i < CdrRecord.COLUMNS.size(); i++) {
        ps.setObject(i + 1, r.column(CdrRecord.COLUMNS.get(i)));
      }
    }, "inserting into cdr table " + table);
  }
}
