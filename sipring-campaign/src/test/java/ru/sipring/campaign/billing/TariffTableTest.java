package ru.sipring.campaign.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TariffTableTest {
  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");

  private static Tariff t(String prefix, String price) {
    return Tariff.of(prefix, "p" + prefix, new BigDecimal(price), 0, 1);
  }

  @Test
  void longestPrefixWins() {
    TariffTable table = TariffTable.of(List.of(t("7", "1.00"), t("79", "2.00"), t("7916", "3.00"), t("1", "9")));
    assertThat(table.rate("79161234567", JAN, 60, true).prefix()).isEqualTo("7916");
    assertThat(table.rate("79261234567", JAN, 60, true).prefix()).isEqualTo("79");
    assertThat(table.rate("74951234567", JAN, 60, true).prefix()).isEqualTo("7");
    assertThat(table.rate("74951234567", JAN, 60, true).cost()).isEqualTo(new BigDecimal("1.00"));
  }

  @Test
  void numberIsNormalisedBeforeMatching() {
    TariffTable table = TariffTable.of(List.of(t("7916", "3.00")));
    assertThat(table.rate("8 (916) 123-45-67", JAN, 60, true).prefix()).isEqualTo("7916");
    assertThat(table.rate("+7 916 123 45 67", JAN, 60, true).prefix()).isEqualTo("7916");
  }

  @Test
  void noTariffIsUnratedWithNullCostNeverZero() {
    TariffTable table = TariffTable.of(List.of(t("7916", "3.00")));
    Rating r = table.rate("4420", JAN, 61, true);
    assertThat(r.rated()).isFalse();
    assertThat(r.cost()).isNull();
    assertThat(r.prefix()).isNull();
    assertThat(r.billedSeconds()).isEqualTo(61);
    assertThat(TariffTable.of(List.of()).rate("7916", JAN, 10, true).cost()).isNull();
  }

  @Test
  void validityBoundaryUsesCallStart() {
    Tariff old = t("7", "1.00").withValidity(null, FEB);
    Tariff neu = t("7", "2.00").withValidity(FEB, null);
    TariffTable table = TariffTable.of(List.of(old, neu));
    assertThat(table.rate("7", FEB.minusSeconds(1), 60, true).cost()).isEqualTo(new BigDecimal("1.00"));
    assertThat(table.rate("7", FEB, 60, true).cost()).isEqualTo(new BigDecimal("2.00"));
  }

  @Test
  void shorterPrefixStillAppliesWhenLongerIsNotYetValid() {
    TariffTable table = TariffTable.of(List.of(t("7", "1.00"), t("7916", "3.00").withValidity(FEB, null)));
    assertThat(table.rate("79161234567", JAN, 60, true).prefix()).isEqualTo("7");
    assertThat(table.rate("79161234567", FEB, 60, true).prefix()).isEqualTo("7916");
  }

  @Test
  void overlappingSamePrefixNewestEffectiveDateWins() {
    TariffTable table = TariffTable.of(List.of(t("7", "1.00").withValidity(JAN, null),
        t("7", "2.00").withValidity(FEB, null)));
    assertThat(table.rate("7", FEB.plusSeconds(5), 60, true).cost()).isEqualTo(new BigDecimal("2.00"));
    assertThat(table.rate("7", JAN.plusSeconds(5), 60, true).cost()).isEqualTo(new BigDecimal("1.00"));
    assertThat(table.rate("7", JAN.minusSeconds(5), 60, true).cost()).isNull();
  }

  @Test
  void duplicatePrefixWithSameStartIsRejected() {
    assertThatThrownBy(() -> TariffTable.of(List.of(t("7", "1"), t("7", "2"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix 7");
  }

  @Test
  void lookupIsAllocationFreeIndexApi() {
    TariffTable table = TariffTable.of(List.of(t("7", "1.00"), t("7916", "3.00")));
    int i = table.lookup("79161234567", JAN.getEpochSecond());
    assertThat(table.tariff(i).prefix()).isEqualTo("7916");
    assertThat(table.costCents(i, 61, true)).isEqualTo(305);
    assertThat(table.lookup("5", JAN.getEpochSecond())).isEqualTo(-1);
  }
}
