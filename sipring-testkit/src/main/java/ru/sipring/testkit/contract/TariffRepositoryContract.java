package ru.sipring.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.billing.BillingRounding;
import ru.sipring.campaign.billing.Tariff;
import ru.sipring.campaign.billing.TariffTable;
import ru.sipring.campaign.tariff.RateVersion;
import ru.sipring.campaign.tariff.TariffBook;
import ru.sipring.campaign.tariff.TariffImport;
import ru.sipring.campaign.tariff.TariffRepository;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.testkit.time.SimulatedClock;

/**
 * What every {@link TariffRepository} must do: versions stored whole and read back exactly (prices with their
 * scale, validity dates), names compared ignoring case, imports of the supported rate files, and the rating table
 * that applies the version in force at each call's start. The in-memory store and the database one (embedded H2 and
 * MariaDB) extend this class.
 */
public abstract class TariffRepositoryContract {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");

  /**
   * A new, empty repository whose versions take their creation time from {@code clock}.
   *
   * @param clock the clock
   * @return the repository
   */
  protected abstract TariffRepository newRepository(SimulatedClock clock);

  private final SimulatedClock clock = SimulatedClock.at(Instant.parse("2025-12-20T10:00:00Z"));
  private TariffRepository repo;

  @BeforeEach
  void setUp() {
    repo = newRepository(clock);
  }

  private static Tariff rate(String prefix, String price) {
    return Tariff.of(prefix, "Направление " + prefix, new BigDecimal(price), 0, 1);
  }

  @Test
  void versionsReadBackExactly() {
    Tariff detailed = new Tariff("7916", "Москва моб.", new BigDecimal("1.50"), 30, 6, new BigDecimal("0.0125"), 3,
        new BigDecimal("0.10"), Instant.parse("2026-01-15T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
    RateVersion v1 = repo.addVersion("Основной", JAN, "rates.csv", List.of(detailed, rate("7", "2.000")));
    clock.advance(java.time.Duration.ofDays(1));
    RateVersion v2 = repo.addVersion("основной", MAR, "edited", List.of(rate("7916", "0.5")));
    repo.addVersion("Резервный", JAN, "x.csv", List.of(rate("8", "3")));

    assertThat(v1.version()).isEqualTo(1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.table()).isEqualTo("Основной");
    assertThat(v2.createdAt()).isEqualTo(Instant.parse("2025-12-21T10:00:00Z"));
    assertThat(repo.versions("ОСНОВНОЙ")).containsExactly(v1, v2);
    assertThat(repo.versions("Основной").get(0).rates().get(1).pricePerMinute()).isEqualTo(new BigDecimal("2.000"));
    assertThat(repo.tables()).containsExactly("Основной", "Резервный");
    assertThat(repo.versions("нет такого")).isEmpty();
  }

  @Test
  void aCallIsRatedByTheVersionInForceAtItsStart() {
    repo.addVersion("Основной", JAN, "jan.csv", List.of(rate("7916", "1.00"), rate("7", "2.00")));
    repo.addVersion("Основной", MAR, "mar.csv", List.of(rate("7916", "0.50")));
    TariffTable table = TariffBook.load(repo, "основной", BillingRounding.RELATIVE);

    assertThat(table.rate("89161234567", Instant.parse("2026-02-10T09:00:00Z"), 60, true).cost())
        .isEqualByComparingTo("1.00");
    assertThat(table.rate("89161234567", Instant.parse("2026-03-10T09:00:00Z"), 60, true).cost())
        .isEqualByComparingTo("0.50");
    // the March version has no rate for 7: a landline call in March is not rated, in February it is
    assertThat(table.rate("84951234567", Instant.parse("2026-03-10T09:00:00Z"), 60, true).rated()).isFalse();
    assertThat(table.rate("84951234567", Instant.parse("2026-02-10T09:00:00Z"), 60, true).cost())
        .isEqualByComparingTo("2.00");
    assertThat(table.rate("89161234567", Instant.parse("2025-12-31T09:00:00Z"), 60, true).rated()).isFalse();
    assertThatThrownBy(() -> TariffBook.load(repo, "нет", BillingRounding.RELATIVE))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aLaterVersionOfTheSameDateReplacesTheEarlierOne() {
    repo.addVersion("Основной", JAN, "jan.csv", List.of(rate("7916", "1.00")));
    repo.addVersion("Основной", JAN, "fixed", List.of(rate("7916", "0.90")));
    TariffTable table = TariffBook.load(repo, "Основной", BillingRounding.RELATIVE);

    assertThat(table.rate("79161234567", Instant.parse("2026-02-10T09:00:00Z"), 60, true).cost())
        .isEqualByComparingTo("0.90");
  }

  @Test
  void importsTheSupportedFilesKeepingTheValidRowsAndReportingTheRest() {
    byte[] sipring = ("prefix,name,price_per_minute,initial_block,billing_block\n"
        + "7916,Моб,1.20,60,60\n7495,Москва,abc,0,1\n7,Россия,2.5,0,1\n").getBytes(StandardCharsets.UTF_8);
    TariffImport.Imported r = TariffImport.importBytes(repo, "Основной", "tariffs.csv", sipring, MSK, JAN);

    assertThat(r.version().rates()).extracting(Tariff::prefix).containsExactly("7916", "7");
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).toString()).contains("3");
    assertThat(repo.versions("Основной")).containsExactly(r.version());

    byte[] astpp = ("Code,Destination,Connect Cost,Included Seconds,Per Minute Cost,Initial Increment,Increment\n"
        + "7916,Mobile,0,0,0.80,1,1\n").getBytes(StandardCharsets.UTF_8);
    TariffImport.Imported a = TariffImport.importBytes(repo, "Основной", "astpp.csv", astpp, MSK, MAR);
    assertThat(a.version().version()).isEqualTo(2);
    assertThat(a.version().rates().get(0).pricePerMinute()).isEqualByComparingTo("0.80");

    byte[] nothing = "prefix,name,price_per_minute\n7916,x,abc\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TariffImport.importBytes(repo, "Основной", "bad.csv", nothing, MSK, MAR))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("bad.csv:");
    assertThat(repo.versions("Основной")).hasSize(2);
  }

  @Test
  void badNamesNameTheirField() {
    assertThatThrownBy(() -> repo.addVersion(" ", JAN, "", List.of())).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("table:");
    assertThatThrownBy(() -> repo.addVersion("x".repeat(129), JAN, "", List.of()))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("table:");
    Tariff longName = Tariff.of("7", "д".repeat(256), BigDecimal.ONE, 0, 1);
    assertThatThrownBy(() -> repo.addVersion("Основной", JAN, "", List.of(longName)))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("rates[0].name:");
    assertThat(repo.tables()).isEmpty();
  }
}
