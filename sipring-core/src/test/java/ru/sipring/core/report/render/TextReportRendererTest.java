package ru.sipring.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.sipring.core.report.ReportSection;

class TextReportRendererTest {

  private static String render(ReportLanguage lang, Set<ReportSection> sections) {
    StringBuilder out = new StringBuilder();
    TextReportRenderer.of(lang).render(GuideReport.build(), sections, out);
    return out.toString();
  }

  @Test
  void summaryReadsLikeTheGuidesPanel() {
    String text = render(ReportLanguage.RU, Set.of(ReportSection.SUMMARY));
    assertThat(text).contains("Принято:                  18\n")
        .contains("Потеряно:                 6\n")
        .contains("Общее время разговора:    00:06:38\n")
        .contains("Среднее время разговора:  00:00:22\n")
        .contains("min время разговора:      00:00:01\n")
        .contains("max время ожидания:       00:00:40\n")
        .contains("С:             0:00:00 11.05.2020\n")
        .contains("По:            21:03:57 26.05.2020\n");
  }

  @Test
  void guideTablesInRussianMatchTheGoldenFile() throws IOException {
    assertGolden(render(ReportLanguage.RU, EnumSet.allOf(ReportSection.class)), "guide-report.ru.txt");
  }

  @Test
  void englishLabels() throws IOException {
    assertGolden(render(ReportLanguage.EN, EnumSet.allOf(ReportSection.class)), "guide-report.en.txt");
  }

  @Test
  void serviceLevelTableAsTheGuideShowsIt() {
    String text = render(ReportLanguage.RU, Set.of(ReportSection.SERVICE_LEVEL));
    assertThat(text).contains("Ожидание (сек)  Вызовы   %\n")
        .contains("             5       3  17\n")
        .contains("            10       8  44\n")
        .contains("     более 300       0   0\n");
  }

  /** Compares with src/test/resources/render/NAME; {@code -Dsipring.golden.update=true} rewrites the file. */
  static void assertGolden(String actual, String name) throws IOException {
    if (Boolean.getBoolean("sipring.golden.update")) {
      Path p = Path.of("src/test/resources/render", name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, actual, StandardCharsets.UTF_8);
    }
    try (InputStream in = TextReportRendererTest.class.getResourceAsStream("/render/" + name)) {
      assertThat(in).as("golden file render/" + name).isNotNull();
      assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
