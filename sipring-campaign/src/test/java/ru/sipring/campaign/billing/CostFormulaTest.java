package ru.sipring.campaign.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The test vectors of research/outbound.md §3.5, through both the BigDecimal formula and the rate table. */
class CostFormulaTest {
  private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

  @ParameterizedTest(name = "{0}/{1} d={2}: billed {3}, cost {4}, with C=0.50 {5}")
  @CsvSource({
      "60, 60, 1, 60, 1.50, 2.00",
      "60, 60, 60, 60, 1.50, 2.00",
      "60, 60, 61, 120, 3.00, 3.50",
      "0, 1, 61, 61, 1.53, 2.03",
      "60, 1, 5, 60, 1.50, 2.00",
      "60, 1, 61, 61, 1.53, 2.03",
      "60, 1, 125, 125, 3.13, 3.63",
      "30, 6, 1, 30, 0.75, 1.25",
      "30, 6, 31, 36, 0.90, 1.40",
      "60, 45, 61, 105, 2.63, 3.13",
      "60, 60, 0, 0, 0.00, 0.00",
  })
  void researchVectors(int i, int b, long d, long billed, String cost, String costWithConnect) {
    Tariff t = Tariff.of("7", "RU", new BigDecimal("1.50"), i, b);
    Tariff tc = t.withConnectCharge(new BigDecimal("0.50"));
    assertThat(CostFormula.billedSeconds(t, d, true, BillingRounding.RELATIVE)).isEqualTo(billed);
    assertThat(CostFormula.cost(t, d, true, BillingRounding.RELATIVE)).isEqualTo(new BigDecimal(cost));
    assertThat(CostFormula.cost(tc, d, true, BillingRounding.RELATIVE)).isEqualTo(new BigDecimal(costWithConnect));
    TariffTable table = TariffTable.of(List.of(tc));
    Rating r = table.rate("79161234567", T0, d, true);
    assertThat(r.cost()).isEqualTo(new BigDecimal(costWithConnect));
    assertThat(r.billedSeconds()).isEqualTo(billed);
    assertThat(TariffTable.of(List.of(t)).rate("79161234567", T0, d, true).cost()).isEqualTo(new BigDecimal(cost));
  }

  @Test
  void a2billingAbsoluteRoundingDiffersOnlyWhenInitialBlockIsNotAMultiple() {
    Tariff t = Tariff.of("7", "RU", new BigDecimal("1.50"), 60, 45);
    assertThat(CostFormula.billedSeconds(t, 61, true, BillingRounding.A2BILLING_ABSOLUTE)).isEqualTo(90);
    assertThat(CostFormula.cost(t, 61, true, BillingRounding.A2BILLING_ABSOLUTE)).isEqualTo(new BigDecimal("2.25"));
    assertThat(TariffTable.of(List.of(t), BillingRounding.A2BILLING_ABSOLUTE).rate("7", T0, 61, true).cost())
        .isEqualTo(new BigDecimal("2.25"));
    Tariff agree = Tariff.of("7", "RU", new BigDecimal("1.50"), 60, 30);
    for (long d = 0; d < 400; d++) {
      assertThat(BillingRounding.A2BILLING_ABSOLUTE.billed(d, 60, 30)).isEqualTo(BillingRounding.RELATIVE.billed(d, 60, 30));
    }
    assertThat(agree.billingBlock()).isEqualTo(30);
  }

  @Test
  void unansweredCostsNothingAndNoConnectCharge() {
    Tariff t = Tariff.of("7", "RU", new BigDecimal("1.50"), 60, 60).withConnectCharge(new BigDecimal("0.50"));
    assertThat(CostFormula.cost(t, 42, false, BillingRounding.RELATIVE)).isEqualTo(new BigDecimal("0.00"));
    Rating r = TariffTable.of(List.of(t)).rate("7916", T0, 42, false);
    assertThat(r.cost()).isEqualTo(new BigDecimal("0.00"));
    assertThat(r.billedSeconds()).isZero();
  }

  @Test
  void freeSecondsAndMinimalCost() {
    Tariff free = Tariff.of("7", "RU", new BigDecimal("1.50"), 0, 1).withFreeSeconds(3)
        .withConnectCharge(new BigDecimal("0.50"));
    assertThat(CostFormula.cost(free, 3, true, BillingRounding.RELATIVE)).isEqualTo(new BigDecimal("0.00"));
    assertThat(CostFormula.cost(free, 4, true, BillingRounding.RELATIVE)).isEqualTo(new BigDecimal("0.60"));
    Tariff min = Tariff.of("7", "RU", new BigDecimal("1.50"), 0, 1).withMinimalCost(new BigDecimal("1.00"));
    assertThat(CostFormula.cost(min, 10, true, BillingRounding.RELATIVE)).isEqualTo(new BigDecimal("1.00"));
    assertThat(TariffTable.of(List.of(min)).rate("7", T0, 10, true).cost()).isEqualTo(new BigDecimal("1.00"));
    assertThat(TariffTable.of(List.of(free)).rate("7", T0, 3, true).cost()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void negativeBillsecIsRejected() {
    Tariff t = Tariff.of("7", "RU", new BigDecimal("1.50"), 0, 1);
    assertThatThrownBy(() -> CostFormula.cost(t, -1, true, BillingRounding.RELATIVE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> TariffTable.of(List.of(t)).rate("7", T0, -1, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void integerFastPathEqualsBigDecimalFormula() {
    long seed = System.nanoTime();
    Random rnd = new Random(seed);
    List<Tariff> tariffs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      BigDecimal price = BigDecimal.valueOf(rnd.nextInt(1_000_000), rnd.nextInt(7));
      BigDecimal connect = BigDecimal.valueOf(rnd.nextInt(1000), rnd.nextInt(5));
      int initial = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(120);
      int block = 1 + rnd.nextInt(90);
      Tariff t = new Tariff(Integer.toString(100 + i), "t" + i, price, initial, block, connect, rnd.nextInt(6),
          BigDecimal.valueOf(rnd.nextInt(300), 2), null, null);
      tariffs.add(t);
    }
    for (BillingRounding rounding : BillingRounding.values()) {
      TariffTable table = TariffTable.of(tariffs, rounding);
      for (int k = 0; k < 20_000; k++) {
        Tariff t = tariffs.get(rnd.nextInt(tariffs.size()));
        long d = rnd.nextInt(5) == 0 ? rnd.nextInt(10) : rnd.nextInt(20_000);
        boolean answered = rnd.nextInt(10) != 0;
        BigDecimal expected = CostFormula.cost(t, d, answered, rounding);
        // eleven digits: a ten-digit 3XXXXXXXXX would be read as a Russian national number and get its 7
        Rating r = table.rate(t.prefix() + "55512345", T0, d, answered);
        assertThat(r.cost()).as("seed %d tariff %s d=%d answered=%s %s", seed, t, d, answered, rounding)
            .isEqualTo(expected);
      }
    }
  }
}
