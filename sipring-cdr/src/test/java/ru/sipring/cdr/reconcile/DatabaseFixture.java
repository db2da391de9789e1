package ru.sipring.cdr.reconcile;

import java.util.List;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.cdr.CdrRecord;
import ru.sipring.cdr.CdrRepository;
import ru.sipring.cdr.CdrTables;
import ru.sipring.cdr.JdbiCdrRepository;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.cdr.campaign.JdbiCampaignStore;

/** The campaign store and a FreePBX-layout cdr table in one test database (MariaDB or the embedded H2). */
final class DatabaseFixture implements CdrReconcilerContract.Fixture {
  private final TestDatabase db;
  private final CampaignStore store;
  private final CdrRepository cdr;

  DatabaseFixture(TestDatabase db) {
    this.db = db;
    this.store = JdbiCampaignStore.migrateAndOpen(db.dataSource());
    if (db.isEmbedded()) {
      // H2 takes the FreePBX columns but not MariaDB's inline KEY clauses, prefix index and table options
      String ddl = CdrTables.FREEPBX_DDL.replaceAll(",\\s*KEY calldate[\\s\\S]*?\\(191\\)\\)", "")
          .replaceAll("\\) ENGINE[^\\n]*$", ")");
      try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
        st.execute(String.format(ddl, "cdr"));
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    } else {
      CdrTables.createFreePbxTable(db.dataSource(), "cdr");
    }
    this.cdr = JdbiCdrRepository.of(db.dataSource(), "cdr");
  }

  @Override
  public CampaignStore campaign() {
    return store;
  }

  @Override
  public CdrRepository cdr() {
    return cdr;
  }

  @Override
  public void addCdr(List<CdrRecord> rows) {
    CdrTables.insert(db.dataSource(), "cdr", rows);
  }

  @Override
  public void close() {
    db.close();
  }
}
