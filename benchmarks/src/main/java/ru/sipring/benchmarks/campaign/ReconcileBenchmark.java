package ru.sipring.benchmarks.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.cdr.CdrRecord;
import ru.sipring.cdr.CdrRepository;
import ru.sipring.cdr.CdrTables;
import ru.sipring.cdr.InMemoryCdrRepository;
import ru.sipring.cdr.JdbiCdrRepository;
import ru.sipring.cdr.campaign.JdbiCampaignStore;
import ru.sipring.cdr.reconcile.CdrReconciler;
import ru.sipring.cdr.reconcile.ReconcileResult;

/**
 * Whole-process benchmark of the CDR reconciliation ({@link CdrReconciler}): N CDR rows (default 1,000,000) over one
 * day, a quarter of them the two rows (the Local channel and the trunk leg, joined by linkedid) of a dialled call
 * whose attempt is in the campaign store — four in five dialler attempts with the channel's uniqueid, one in five an
 * operator call without it (matched by number and time) — the rest inbound traffic that matches nothing. Prints the
 * catch-up over the day: the first run (fills every attempt) and the second (idempotent: reads, writes nothing), as
 * CDR rows of the table per second (a row near the boundary of two of the reconciler's slices is read by both: the
 * rows read are printed beside). Seeded (42).
 *
 * <p>{@code mariadb} needs the test MariaDB ({@code source /work/tools/ci-env.sh}); {@code h2} is the embedded
 * database in a temporary directory; {@code memory} is both stores in memory (the matching alone). Run:
 * {@code java -Xmx3g -cp benchmarks/target/sipring-benchmarks-*-all.jar
 * ru.sipring.benchmarks.campaign.ReconcileBenchmark [rows] [mariadb|h2|memory]}
 */
public final class ReconcileBenchmark {
  private static final ZoneId PBX = ZoneId.of("Europe/Moscow");
  private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

  private ReconcileBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args rows (default 1,000,000) and the engine (default mariadb)
   * @throws Exception when the database fails
   */
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String engine = args.length > 1 ? args[1] : "mariadb";
    int calls = rows / 4;
    Random rnd = new Random(42);
    InMemoryCampaignStore source = new InMemoryCampaignStore();
    long task = source.campaigns().createTask(source.campaigns().createProject("Bench").id(), "T").id();
    Assignment a = source.campaigns().createAssignment(task, "A", AssignmentSettings.defaults(PBX));
    List<Contact> cards = new ArrayList<>(calls);
    for (int i = 0; i < calls; i++) {
      cards.add(Contact.of(a.id(), String.format(Locale.ROOT, "7916%07d", i), Map.of(), Map.of()));
    }
    source.contacts().insertAll(a.id(), cards);
    List<Contact> stored = source.contacts().byAssignment(a.id());
    List<CdrRecord> cdr = new ArrayList<>(rows);
    long daySeconds = Duration.ofDays(1).toSeconds();
    for (int i = 0; i < calls; i++) {
      Contact c = stored.get(i);
      Instant at = DAY.plusSeconds(rnd.nextLong(daySeconds));
      boolean dialer = i % 5 != 0;
      String uid = at.getEpochSecond() + "." + (2 * i);
      int billsec = rnd.nextInt(4) == 0 ? 0 : 5 + rnd.nextInt(300);
      String disp = billsec > 0 ? "ANSWERED" : "NO ANSWER";
      source.attempts().insert(new CallAttempt(0, c.id(), a.id(), dialer ? null : "op" + (i % 50), c.phone(), at,
          at.plusSeconds(30), billsec > 0 ? CallOutcome.ANSWERED : CallOutcome.NO_ANSWER, 30, 0, "",
          dialer ? uid : null, null, dialer, dialer ? "t" + i : ""));
      Instant rowAt = at.plusSeconds(rnd.nextInt(3));
      cdr.add(row(rowAt, "520", disp, billsec + 3, billsec, uid, uid, ""));
      cdr.add(row(rowAt, c.phoneNormalized(), disp, billsec + 2, billsec, at.getEpochSecond() + "." + (2 * i + 1), uid,
          billsec > 0 ? "out-" + c.phoneNormalized() + "-" + i + ".wav" : ""));
    }
    while (cdr.size() < rows) {
      Instant at = DAY.plusSeconds(rnd.nextLong(daySeconds));
      String uid = at.getEpochSecond() + ".in" + cdr.size();
      cdr.add(row(at, "600", "ANSWERED", 60, 40, uid, uid, ""));
    }
    CampaignStore store;
    CdrRepository repo;
    BenchDatabase db = engine.equals("memory") ? null : BenchDatabase.open(engine, "sipring_bench_reconcile");
    try {
      if (db == null) {
        store = source;
        repo = InMemoryCdrRepository.of(cdr);
        System.out.println("stores: in memory");
      } else {
        System.out.println("database: " + db.engine());
        JdbiCampaignStore jdbi = JdbiCampaignStore.migrateAndOpen(db.dataSource());
        jdbi.copyFrom(source);
        store = jdbi;
        if (engine.equals("h2")) {
          String ddl = CdrTables.FREEPBX_DDL.replaceAll(",\\s*KEY calldate[\\s\\S]*?\\(191\\)\\)", "")
              .replaceAll("\\) ENGINE[^\\n]*$", ")");
          try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute(String.format(ddl, "cdr"));
            st.execute("CREATE INDEX cdr_calldate ON cdr (calldate)");
          }
        } else {
          CdrTables.createFreePbxTable(db.dataSource(), "cdr");
        }
        for (int i = 0; i < cdr.size(); i += 50_000) {
          CdrTables.insert(db.dataSource(), "cdr", cdr.subList(i, Math.min(cdr.size(), i + 50_000)));
        }
        repo = JdbiCdrRepository.of(db.dataSource(), "cdr");
      }
      cdr = null; // let the rows go before measuring
      CdrReconciler rec = new CdrReconciler(store, repo, PBX, Clock.systemUTC(), Duration.ofSeconds(60),
          Duration.ofHours(2), DAY);
      for (String run : List.of("first run (fills)", "second run (idempotent)")) {
        long t0 = System.nanoTime();
        ReconcileResult r = rec.reconcile(DAY.minusSeconds(60), DAY.plus(Duration.ofDays(1)));
        double s = (System.nanoTime() - t0) / 1e9;
        // the rate is over the table's rows: a row near a slice boundary is read by both slices (rows read > rows)
        System.out.printf(Locale.ROOT, "%s: %d CDR rows (%d read), %d attempts (%d by uniqueid, %d by number, %d "
            + "updated, %d unmatched) in %.2f s = %,.0f rows/s%n", run, rows, r.cdrRows(), r.attempts(),
            r.byUniqueId(), r.byNumber(), r.updated(), r.unmatched(), s, rows / s);
      }
    } finally {
      if (db != null) {
        db.close();
      }
    }
  }

  private static CdrRecord row(Instant at, String dst, String disposition, int duration, int billsec, String uid,
      String linkedid, String recording) {
    return new CdrRecord(LocalDateTime.ofInstant(at, PBX), "\"SipRing\" <12345678>", "12345678", dst, "from-internal",
        "Local/" + dst + "@from-internal-0001;2", "SIP/trunk-0002", "Dial", "SIP/trunk/" + dst,
        Duration.ofSeconds(duration), Duration.ofSeconds(billsec), disposition, 3, "", uid, "", "", recording, "", "",
        "", "", "", linkedid, "", 1);
  }
}
