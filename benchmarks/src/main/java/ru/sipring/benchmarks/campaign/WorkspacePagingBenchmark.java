package ru.sipring.benchmarks.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CallWindow;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.DncScope;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.cards.CardPage;
import ru.sipring.campaign.cards.CardQuery;
import ru.sipring.cdr.campaign.JdbiCampaignStore;
import ru.sipring.cdr.campaign.JdbiClientCards;
import ru.sipring.core.text.PhoneNumber;

/**
 * Whole-process benchmark of the operator workspace's card list: N clients (default 1,000,000) in one assignment,
 * loaded through the import's write path ({@code insertChunks}), then paged and searched through
 * {@link JdbiClientCards#search} as the panel does: the first page, a page in the middle of the list (OFFSET N/2),
 * the page after it by key ({@link CardQuery#withAfter}) and the last one, the first, a deep and a keyset page of
 * one status, a name, a phone and a text search. Every tenth card has been
 * answered already, so a status filter keeps a tenth of the base. Each query runs three times (the first one
 * cold), and the time of each is printed.
 *
 * <p>{@code mariadb} (default) needs the test MariaDB ({@code source .ci/services.d/10-mariadb.sh}); {@code h2} is
 * the embedded database in a temporary directory. Run:
 * {@code java -Xmx3g -cp benchmarks/target/sipring-benchmarks-*-all.jar
 * ru.sipring.benchmarks.campaign.WorkspacePagingBenchmark [clients] [mariadb|h2]}
 */
public final class WorkspacePagingBenchmark {
  private static final int PAGE = CardQuery.DEFAULT_PAGE_SIZE;

  private WorkspacePagingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String engine = args.length > 1 ? args[1] : "mariadb";
    Instant then = Instant.parse("2026-01-14T07:00:00Z");
    try (BenchDatabase db = BenchDatabase.open(engine, "sipring_bench_paging")) {
      System.out.println("database: " + db.engine());
      JdbiCampaignStore store = JdbiCampaignStore.migrateAndOpen(db.dataSource());
      JdbiClientCards cards = JdbiClientCards.migrateAndOpen(db.dataSource());
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
        List<Contact> chunk = new ArrayList<>(1000);
        for (int k = 0; k < 1000 && next[0] < rows; k++, next[0]++) {
          int i = next[0];
          String phone = "8 (9" + String.format("%02d", i % 100) + ") " + String.format("%07d", i);
          Map<ContactField, String> fields = new EnumMap<>(ContactField.class);
          fields.put(ContactField.FULL_NAME, "Клиент Номер " + i);
          fields.put(ContactField.COMPANY, "ООО Ромашка " + (i % 1000));
          fields.put(ContactField.CITY, i % 2 == 0 ? "Москва" : "Тверь");
          Contact c = new Contact(0, a.id(), phone, PhoneNumber.normalize(phone), fields, Map.of(),
              ContactStatus.NEW, 0, null, null);
          chunk.add(i % 10 == 0 ? c.afterAttempt(CallOutcome.ANSWERED, then) : c);
        }
        return chunk;
      });
      System.out.printf("loaded %d clients in %.1f s%n", rows, (System.nanoTime() - l0) / 1e9);

      CardQuery all = CardQuery.of(a.id());
      int middle = rows / 2 / PAGE;
      int last = (rows - 1) / PAGE;
      CardQuery answered = all.withStatuses(Set.of(ContactStatus.ANSWERED));
      int answeredMiddle = rows / 10 / 2 / PAGE;
      time("first page", () -> cards.search(all));
      time("page " + middle + " (offset " + (long) middle * PAGE + ")", () -> cards.search(all.withPage(middle, PAGE)));
      long key = lastId(cards.search(all.withPage(middle, PAGE)));
      time("keyset: the page after card " + key + " (page " + (middle + 1) + ")",
          () -> cards.search(all.withPage(0, PAGE).withAfter(key)));
      time("last page " + last, () -> cards.search(all.withPage(last, PAGE)));
      time("status ANSWERED, first page", () -> cards.search(answered));
      time("status ANSWERED, page " + answeredMiddle, () -> cards.search(answered.withPage(answeredMiddle, PAGE)));
      long answeredKey = lastId(cards.search(answered.withPage(answeredMiddle, PAGE)));
      time("status ANSWERED, keyset: the page after card " + answeredKey,
          () -> cards.search(answered.withPage(0, PAGE).withAfter(answeredKey)));
      int someone = rows * 3 / 4;
      time("name contains 'Номер " + someone + "'", () -> cards.search(all.withField("full_name", "Номер " + someone)));
      String phone = "9" + String.format("%02d", someone % 100) + String.format("%07d", someone);
      time("phone " + phone, () -> cards.search(all.withField("phone", phone)));
      time("text 'тверь', first page", () -> cards.search(all.withText("тверь")));
    }
  }

  private static long lastId(CardPage page) {
    return page.items().get(page.items().size() - 1).id();
  }

  private static void time(String what, Supplier<CardPage> query) {
    for (int run = 0; run < 3; run++) {
      long s0 = System.nanoTime();
      CardPage page = query.get();
      long s1 = System.nanoTime();
      System.out.printf("%s: %.1f ms (%d cards of %d)%n", what, (s1 - s0) / 1e6, page.items().size(), page.total());
    }
  }
}
