package ru.sipring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CallWindow;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.DncRepository;
import ru.sipring.campaign.DncScope;
import ru.sipring.campaign.DuplicateScope;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.OperatorCalls;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.Task;
import ru.sipring.campaign.WorkTracker;
import ru.sipring.campaign.billing.Rating;
import ru.sipring.campaign.billing.TariffCsv;
import ru.sipring.campaign.billing.TariffTable;
import ru.sipring.campaign.csv.ContactImporter;
import ru.sipring.campaign.csv.ImportOptions;
import ru.sipring.campaign.csv.ImportResult;
import ru.sipring.campaign.dialer.Dialer;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;

/** The Java snippets of docs/campaign.md, compiled and run. */
class CampaignDocsTest {
  @TempDir Path tmp;

  @Test
  void billingSnippet() throws Exception {
    Path tariffs = tmp.resolve("tariffs.csv");
    Files.writeString(tariffs, "prefix,name,price_per_minute,initial_block,billing_block\n7916,MSK,1.50,0,1\n");
    Instant callStart = Instant.parse("2026-01-14T10:00:00Z");
    TariffCsv.Result loaded = TariffCsv.read(tariffs, ZoneId.of("Europe/Moscow"));
    loaded.problems().forEach(System.err::println);
    TariffTable table = TariffTable.of(loaded.tariffs());
    Rating r = table.rate("8 (916) 123-45-67", callStart, 61, true);
    assertThat(r.prefix()).isEqualTo("7916");
    assertThat(r.billedSeconds()).isEqualTo(61);
    assertThat(r.cost()).isEqualTo(new BigDecimal("1.53"));
  }

  @Test
  void importOperatorAndDialerSnippets() throws Exception {
    Path base = tmp.resolve("base.csv");
    Files.write(base, "ФИО;Номер телефона\nИванов;8 916 000 00 01\nПетров;8 916 000 00 02\n"
        .getBytes(StandardCharsets.UTF_8));
    CampaignStore store = new InMemoryCampaignStore();
    Project p = store.campaigns().createProject("Привлечение клиентов");
    Task t = store.campaigns().createTask(p.id(), "Мелкооптовая торговля");
    Assignment a = store.campaigns().createAssignment(t.id(), "Поиск магазинов",
        new AssignmentSettings(CallWindow.daily(ZoneId.of("Europe/Moscow"), LocalTime.of(0, 0), LocalTime.of(23, 59)),
            RetryPolicy.guide(2, Duration.ofMinutes(30)), DncScope.PROJECT));
    ImportResult r = new ContactImporter(store.contacts())
        .importFile(a.id(), base, ImportOptions.defaults().withDuplicates(DuplicateScope.PROJECT));
    assertThat(r.imported()).isEqualTo(2);

    Clock clock = Clock.systemUTC();
    long contactId = store.contacts().byAssignment(a.id()).get(0).id();
    Instant startedAt = clock.instant();
    WorkTracker work = new WorkTracker(store.sessions(), clock);
    work.start("Иванов ВВ", a.id());
    OperatorCalls calls = new OperatorCalls(store, clock);
    calls.record("Иванов ВВ", contactId, startedAt, CallOutcome.BUSY, 8, 0, "");
    assertThat(calls.callableNow(a.id())).extracting(Contact::phone).containsExactly("8 916 000 00 02");
    calls.markDone(contactId);
    calls.doNotCall(contactId, DncRepository.projectKey(p.id()));
    work.pause("Иванов ВВ", "обед");
    work.resume("Иванов ВВ");
    work.stop("Иванов ВВ");

    InMemoryPbxGateway pbx = InMemoryPbxGateway.create(clock);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      Dialer dialer = new Dialer(store, pbx, Clock.systemUTC(), a.id(),
          DialerSettings.guide("520", "from-internal", "12345678", 0, Duration.ofSeconds(30), Duration.ofSeconds(5))
              .withPacing(DialerSettings.Mode.PROGRESSIVE, 10, 1.5, 1.5, 0.03),
          () -> 2);
      dialer.start();
      dialer.schedule(scheduler, Duration.ofMillis(50));
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (pbx.originated().isEmpty() && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      dialer.stop();
      assertThat(pbx.originated()).extracting(o -> o.channel()).containsExactly("Local/79160000002@from-internal");
    } finally {
      scheduler.shutdownNow();
    }
  }
}
