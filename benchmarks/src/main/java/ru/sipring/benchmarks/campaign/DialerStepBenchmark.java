package ru.sipring.benchmarks.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CallWindow;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactChunks;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.DncScope;
import ru.sipring.campaign.Eligibility;
import ru.sipring.core.text.PhoneNumber;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.dialer.Dialer;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.cdr.campaign.JdbiCampaignStore;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;

/**
 * Whole-process benchmark: one dialer step on an assignment of N clients (default 1,000,000) in MariaDB. A third
 * of the base has been called already (answered, or busy and waiting for its redial delay) and sits before the
 * new clients in id order, as in a campaign under way. Prints the time of
 *
 * <ul>
 *   <li>"before": what the dialer did until V101 — read the whole base ({@code byAssignment}) and check each card
 *       until the slots are filled;
 *   <li>"after": {@link Dialer#tick()} placing 10 calls (FIXED mode, 10 lines), which asks the store for the due
 *       cards ({@code dueForCall}) and writes the attempts, the cards and the dialer state.
 * </ul>
 *
 * <p>{@code mariadb} (default) needs the test MariaDB ({@code source .ci/services.d/10-mariadb.sh}); {@code h2} is
 * the embedded database in a temporary directory. Run:
 * {@code java -Xmx3g -cp benchmarks/target/sipring-benchmarks-*-all.jar
 * ru.sipring.benchmarks.campaign.DialerStepBenchmark [clients] [mariadb|h2]}
 */
public final class DialerStepBenchmark {
  private static final int SLOTS = 10;

  private DialerStepBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String engine = args.length > 1 ? args[1] : "mariadb";
    Instant now = Instant.parse("2026-01-14T07:00:00Z");
    try (BenchDatabase db = BenchDatabase.open(engine, "sipring_bench_dialer")) {
      System.out.println("database: " + db.engine());
      JdbiCampaignStore store = JdbiCampaignStore.migrateAndOpen(db.dataSource());
      long p = store.campaigns().createProject("Bench").id();
      long t = store.campaigns().createTask(p, "T").id();
      Assignment a = store.campaigns().createAssignment(t, "A", new AssignmentSettings(
          CallWindow.always(ZoneId.of("Europe/Moscow")), RetryPolicy.guide(2, Duration.ofMinutes(30)),
          DncScope.PROJECT));
      long l0 = System.nanoTime();
      int[] next = {0};
      store.contacts().insertChunks(a.id(), () -> {
        if (next[0] >= rows) {
          return null;
        }
        List<Contact> chunk = new ArrayList<>(10_000);
        for (int k = 0; k < 10_000 && next[0] < rows; k++, next[0]++) {
          int i = next[0];
          String phone = "79" + String.format("%09d", i);
          Contact c = new Contact(0, a.id(), phone, PhoneNumber.normalize(phone), Map.of(), Map.of(),
              ContactStatus.NEW, 0, null, null);
          if (i < rows / 6) {
            c = c.afterAttempt(CallOutcome.ANSWERED, now.minusSeconds(3600));
          } else if (i < rows / 3) {
            c = c.afterAttempt(CallOutcome.BUSY, now.minusSeconds(60)); // redial in 29 minutes
          }
          chunk.add(c);
        }
        return chunk;
      });
      System.out.printf("loaded %d clients in %.1f s%n", rows, (System.nanoTime() - l0) / 1e9);
      List<String> keys = Eligibility.dncKeys(a, p);

      for (int run = 0; run < 3; run++) {
        long s0 = System.nanoTime();
        int found = 0;
        for (Contact c : store.contacts().byAssignment(a.id())) {
          if (found >= SLOTS) {
            break;
          }
          if (Eligibility.check(c, a, keys, store.dnc(), now) == Eligibility.Verdict.CALLABLE) {
            found++;
          }
        }
        long s1 = System.nanoTime();
        System.out.printf("before (whole base read, %d found): %.0f ms%n", found, (s1 - s0) / 1e6);
      }

      InMemoryPbxGateway pbx = InMemoryPbxGateway.of(Clock.fixed(now, ZoneOffset.UTC))
          .alwaysOutcome(OriginateOutcome.NO_ANSWER);
      Dialer dialer = Dialer.builder(store, pbx, a.id()).clock(Clock.fixed(now, ZoneOffset.UTC))
        .settings(DialerSettings.guide("520", "from-internal", "1", 2, Duration.ofMinutes(30), Duration.ZERO) .withPacing(DialerSettings.Mode.FIXED, SLOTS, 1, 1, 0.03))
        .freeOperators(() -> 0).build();
      dialer.start();
      for (int run = 0; run < 5; run++) {
        long s0 = System.nanoTime();
        int placed = dialer.tick();
        long s1 = System.nanoTime();
        System.out.printf("after (Dialer.tick, %d calls placed and recorded): %.1f ms%n", placed, (s1 - s0) / 1e6);
      }
      long q0 = System.nanoTime();
      int n = 0;
      for (int run = 0; run < 100; run++) {
        n += store.contacts().dueForCall(a.id(), a.settings().retry(), keys, now, List.of(), SLOTS).size();
      }
      System.out.printf("dueForCall(limit %d) alone: %.2f ms per query (%d cards)%n", SLOTS,
          (System.nanoTime() - q0) / 1e6 / 100, n / 100);
      // a second assignment of the same size, worked through once: every card busy, the redial delay over, so
      // only the retry queries answer (loaded as such: a mass UPDATE would leave a million delete-marked index
      // entries that slow every query until InnoDB's purge has run)
      Assignment b = store.campaigns().createAssignment(t, "B", a.settings());
      int[] nextB = {0};
      store.contacts().insertChunks(b.id(), () -> {
        if (nextB[0] >= rows) {
          return null;
        }
        List<Contact> chunk = new ArrayList<>(10_000);
        for (int k = 0; k < 10_000 && nextB[0] < rows; k++, nextB[0]++) {
          int i = nextB[0];
          String phone = "78" + String.format("%09d", i);
          chunk.add(new Contact(0, b.id(), phone, phone, Map.of(), Map.of(), ContactStatus.NEW, 0, null, null)
              .afterAttempt(i % 2 == 0 ? CallOutcome.BUSY : CallOutcome.NO_ANSWER,
                  now.minusSeconds(60 + (i * 7919L) % 3600)));
        }
        return chunk;
      });
      Instant later = now.plus(Duration.ofMinutes(31));
      for (int run = 0; run < 5; run++) {
        long r0 = System.nanoTime();
        int got = store.contacts().dueForCall(b.id(), b.settings().retry(), keys, later, List.of(), SLOTS).size();
        System.out.printf("dueForCall(limit %d), %d retries all due, no new card: %.1f ms (%d cards)%n", SLOTS,
            rows, (System.nanoTime() - r0) / 1e6, got);
      }
    }
  }
}
