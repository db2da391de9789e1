package ru.sipring.campaign.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.billing.BillingRounding;
import ru.sipring.campaign.billing.Tariff;
import ru.sipring.campaign.billing.TariffTable;
import ru.sipring.core.BadInputException;

class TariffEditTest {
  private static final TariffEdit.Row BLANK = new TariffEdit.Row("", "", "", "", "", "", "", "");

  @Test
  void everyBadFieldOfEveryRowIsReportedAndGoodRowsAreKept() {
    TariffEdit.Checked c = TariffEdit.check(List.of(
        new TariffEdit.Row("7916", "Мобильные", "1,50", "0", "1", "", "", ""),
        new TariffEdit.Row("79x", "Плохой", "abc", "-1", "0", "", "", "0.001"),
        BLANK,
        new TariffEdit.Row("7916", "Дубль", "2", "", "", "", "", "")));
    assertThat(c.ok()).isFalse();
    assertThat(c.rates()).singleElement().satisfies(t -> {
      assertThat(t.prefix()).isEqualTo("7916");
      assertThat(t.pricePerMinute()).isEqualByComparingTo("1.50");
    });
    assertThat(c.errorsOf(1)).extracting(TariffEdit.RowError::field)
        .containsExactly("prefix", "pricePerMinute", "minimalCost", "initialBlock", "billingBlock");
    assertThat(c.errorsOf(2)).isEmpty();
    assertThat(c.errorsOf(3)).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("prefix");
      assertThat(e.message()).contains("row 1");
    });
  }

  @Test
  void anEditedVersionIsTheNextVersionAndRatesFromItsDate() {
    InMemoryTariffRepository repo = new InMemoryTariffRepository(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    Instant jan = Instant.parse("2026-01-01T00:00:00Z");
    Instant mar = Instant.parse("2026-03-01T00:00:00Z");
    repo.addVersion("Основной", jan, "rates.csv",
        List.of(Tariff.of("7916", "Мобильные", new BigDecimal("1.00"), 0, 1)));
    List<TariffEdit.Row> rows = new ArrayList<>(
        repo.versions("Основной").get(0).rates().stream().map(TariffEdit.Row::of).toList());
    rows.set(0, new TariffEdit.Row("7916", "Мобильные", "2.00", "0", "60", "", "", ""));
    RateVersion v = TariffEdit.save(repo, "основной", mar, rows);
    assertThat(v.version()).isEqualTo(2);
    assertThat(v.source()).isEqualTo(TariffEdit.EDITED);
    TariffTable table = TariffBook.load(repo, "Основной", BillingRounding.RELATIVE);
    assertThat(table.rate("79160000001", Instant.parse("2026-02-01T10:00:00Z"), 30, true).cost())
        .isEqualByComparingTo("0.50");
    assertThat(table.rate("79160000001", Instant.parse("2026-03-02T10:00:00Z"), 30, true).cost())
        .isEqualByComparingTo("2.00");
  }

  @Test
  void aBadRowStoresNothingAndNamesTheField() {
    InMemoryTariffRepository repo = new InMemoryTariffRepository(Clock.systemUTC());
    assertThatThrownBy(() -> TariffEdit.save(repo, "T", Instant.EPOCH,
        List.of(new TariffEdit.Row("7", "", "", "", "", "", "", ""))))
        .isInstanceOf(BadInputException.class).hasMessageContaining("rows[0].pricePerMinute");
    assertThat(repo.tables()).isEmpty();
    assertThatThrownBy(() -> TariffEdit.save(repo, "T", Instant.EPOCH, List.of(BLANK)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("at least one rate");
  }
}
