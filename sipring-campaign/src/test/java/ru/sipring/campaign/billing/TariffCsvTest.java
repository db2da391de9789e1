package ru.sipring.campaign.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Corpus;
import ru.sipring.core.BadInputException;

class TariffCsvTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

  private static TariffCsv.Result read(String text) {
    return TariffCsv.read("t.csv", text.getBytes(StandardCharsets.UTF_8), MSK);
  }

  @Test
  void sipringHeaderWithBlanksAsDefaults() {
    TariffCsv.Result r = read("""
        prefix,name,price_per_minute,initial_block,billing_block,connect_charge,free_seconds,minimal_cost,valid_from,valid_to
        7916,Moscow mobile,1.50,60,1,0.50,3,,2026-01-01,
        7,Russia,"2,00",,,,,,,2026-03-01T00:00
        """);
    assertThat(r.problems()).isEmpty();
    Tariff m = r.tariffs().get(0);
    assertThat(m.initialBlock()).isEqualTo(60);
    assertThat(m.connectCharge()).isEqualByComparingTo("0.50");
    assertThat(m.freeSeconds()).isEqualTo(3);
    assertThat(m.validFrom()).isEqualTo(Instant.parse("2025-12-31T21:00:00Z"));
    Tariff ru = r.tariffs().get(1);
    assertThat(ru.pricePerMinute()).isEqualByComparingTo("2.00");
    assertThat(ru.billingBlock()).isEqualTo(1);
    assertThat(ru.initialBlock()).isZero();
    assertThat(ru.validTo()).isEqualTo(Instant.parse("2026-02-28T21:00:00Z"));
  }

  @Test
  void badRowsAreReportedWithLineAndColumnAndTheRestIsUsed() {
    TariffCsv.Result r = read("""
        prefix;name;price_per_minute;initial_block
        7;ok;1.5;0
        7x;bad prefix;1;0
        8;bad price;abc;0
        9;bad block;1;1.5
        """);
    assertThat(r.tariffs()).extracting(Tariff::prefix).containsExactly("7");
    assertThat(r.problems()).extracting(p -> p.line() + " " + p.message()).containsExactly(
        "3 prefix: not a digit prefix: '7x'",
        "4 price_per_minute: not a number: 'abc'",
        "5 initial_block: not whole seconds: '1.5'");
  }

  @Test
  void fileWithoutPrefixColumnIsRejectedWithItsLocation() {
    assertThatThrownBy(() -> TariffCsv.read(Corpus.dir("rates").resolve("cgrates_tutorial_Rates.csv"), MSK))
        .isInstanceOf(BadInputException.class).hasMessageContaining("cgrates_tutorial_Rates.csv:1");
  }

  @Test
  void a2billingImportExample() {
    TariffCsv.Result r = TariffCsv.read(Corpus.dir("rates").resolve("a2billing_import_rates_doc_example.EXTRACT.csv"), MSK);
    assertThat(r.problems()).isEmpty();
    assertThat(r.tariffs()).hasSize(3);
    TariffTable table = TariffTable.of(r.tariffs());
    // 30 s initial block at 0.8135 per minute: 0.40675 -> 0.41
    assertThat(table.rate("119370555", Instant.EPOCH, 10, true).cost()).isEqualTo(new BigDecimal("0.41"));
    assertThat(table.rate("119370555", Instant.EPOCH, 10, true).prefix()).isEqualTo("119370");
    assertThat(table.rate("11935555", Instant.EPOCH, 10, true).prefix()).isEqualTo("1193");
  }

  @Test
  void astppSamples() {
    TariffCsv.Result orig = TariffCsv.read(Corpus.dir("rates").resolve("astpp_originationrates_sample.csv"), MSK);
    assertThat(orig.problems()).isEmpty();
    assertThat(orig.tariffs()).extracting(Tariff::prefix).containsExactly("93");
    TariffCsv.Result term = TariffCsv.read(Corpus.dir("rates").resolve("astpp_terminationrates_sample.csv"), MSK);
    assertThat(term.tariffs()).extracting(Tariff::name).containsExactly("UNITED STATES");
    TariffCsv.Result export = TariffCsv.read(
        Corpus.dir("rates").resolve("astpp_termination_rates_export_2019-05-24.csv"), MSK);
    assertThat(export.problems()).isEmpty();
    Tariff t = export.tariffs().get(0);
    assertThat(t.prefix()).isEqualTo("36");
    assertThat(t.connectCharge()).isEqualByComparingTo("0.383");
    assertThat(t.initialBlock()).isEqualTo(25);
    assertThat(t.billingBlock()).isEqualTo(25);
  }
}
