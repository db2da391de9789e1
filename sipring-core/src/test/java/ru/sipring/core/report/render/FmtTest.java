package ru.sipring.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {
  @Test
  void durationsAsTheGuideShowsThem() {
    assertThat(Fmt.hms(398)).isEqualTo("00:06:38");
    assertThat(Fmt.hms(0)).isEqualTo("00:00:00");
    assertThat(Fmt.hms(100 * 3600 + 61)).isEqualTo("100:01:01");
  }

  @Test
  void averagesRoundHalfEvenToWholeSeconds() {
    assertThat(Fmt.hms(12.5)).isEqualTo("00:00:12");
    assertThat(Fmt.hms(13.5)).isEqualTo("00:00:14");
    assertThat(Fmt.hms(398.0 / 18)).isEqualTo("00:00:22");
    assertThat(Fmt.percent(200.0 / 3)).isEqualTo("67");
    assertThat(Fmt.percent(62.5)).isEqualTo("62");
  }

  @Test
  void numbersForDataHaveNoExponent() {
    assertThat(Fmt.number(75.0)).isEqualTo("75");
    assertThat(Fmt.number(1e-7)).isEqualTo("0.0000001");
    assertThat(Fmt.number(12.5)).isEqualTo("12.5");
  }
}
