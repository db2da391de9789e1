package ru.sipring.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;

class ReportWindowParseTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

  @Test
  void datesAndDateTimesAreReadInTheZoneAndAnOffsetWins() {
    assertThat(ReportWindow.parseInstant("from", "2020-05-14", MSK, false)).hasToString("2020-05-13T21:00:00Z");
    assertThat(ReportWindow.parseInstant("to", "2020-05-14", MSK, true)).hasToString("2020-05-14T21:00:00Z");
    assertThat(ReportWindow.parseInstant("to", "2020-05-14T11:05", MSK, true)).hasToString("2020-05-14T08:05:00Z");
    assertThat(ReportWindow.parseInstant("from", " 2020-05-14 11:05:30 ", MSK, false))
        .hasToString("2020-05-14T08:05:30Z");
    assertThat(ReportWindow.parseInstant("from", "2020-05-14T11:05+05:00", MSK, false))
        .hasToString("2020-05-14T06:05:00Z");
  }

  @Test
  void anythingElseIsBadInputNamingTheField() {
    for (String bad : new String[] {"", "yesterday", "2020-13-01", "2020-05-14T25:00", "2020-05-14\r\nX"}) {
      assertThatThrownBy(() -> ReportWindow.parseInstant("--from", bad, MSK, false))
          .isInstanceOf(BadInputException.class).hasMessageContaining("--from");
    }
  }
}
