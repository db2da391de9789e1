package ru.sipring.campaign.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.campaign.csv.CsvRecords;
import ru.sipring.core.BadInputException;
import ru.sipring.core.queuelog.InputProblem;

/** Damaged tariff files: every failure is a BadInputException or a row problem with its line, never an IO trace. */
class TariffFileTrustTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

  private static TariffCsv.Result read(String text) {
    return TariffCsv.read("t.csv", text.getBytes(StandardCharsets.UTF_8), MSK);
  }

  @Test
  void aMissingFileOrADirectoryIsBadInput(@TempDir Path dir) {
    assertThatThrownBy(() -> TariffCsv.read(dir.resolve("none.csv"), MSK)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> TariffCsv.read(dir, MSK)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("is a directory");
  }

  @Test
  void anUnclosedQuoteCostsItsRowOnly() {
    TariffCsv.Result r = read("prefix,name,price_per_minute\n7,\"Russia,1.5\n7495,Moscow,1.00\n");
    assertThat(r.tariffs()).extracting(Tariff::prefix).containsExactly("7495");
    assertThat(r.problems()).extracting(InputProblem::line).containsExactly(2L);
    assertThat(r.problems().get(0).message()).contains("never closed");
  }

  @Test
  void aPriceBeyondAnyRateIsARowProblemAndTheTableStillBuilds() {
    TariffCsv.Result r = read("prefix,name,price_per_minute,connect_charge\n"
        + "7,Russia,99999999999999999999999999,0\n7495,Moscow,1.00,0\n7812,SPb,1.000000000001,999999\n");
    assertThat(r.problems()).extracting(InputProblem::line).containsExactly(2L);
    assertThat(r.problems().get(0).message()).contains("price_per_minute").contains("more than");
    // many decimals times a large connect charge do not fit the table's integer arithmetic: a clear refusal
    assertThatThrownBy(() -> TariffTable.of(r.tariffs())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("precision");
    assertThat(TariffTable.of(List.of(r.tariffs().get(0))).size()).isEqualTo(1);
  }

  @Test
  void aHugeCellIsARowProblem(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("rates.csv");
    String huge = "9".repeat(CsvRecords.MAX_FIELD_CHARS + 10);
    Files.writeString(f, "prefix,name,price_per_minute\n7," + huge + ",1\n7495,Moscow,1.00\n");
    TariffCsv.Result r = TariffCsv.read(f, MSK);
    assertThat(r.tariffs()).extracting(Tariff::pricePerMinute).containsExactly(new BigDecimal("1.00"));
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).contains("longer than");
    });
  }

  @Test
  void bytesNotValidInTheEncodingAreRefused() {
    // 0x98 is the one byte Windows-1251 leaves undefined; the file is not UTF-8 either, so it is read as 1251
    byte[] b = "prefix,name,price_per_minute\n7,?x,1\n".getBytes(StandardCharsets.US_ASCII);
    b[31] = (byte) 0x98;
    assertThatThrownBy(() -> TariffCsv.read("t.csv", b, MSK)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("t.csv:2");
  }
}
