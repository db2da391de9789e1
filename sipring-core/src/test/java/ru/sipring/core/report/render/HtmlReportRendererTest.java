package ru.sipring.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.report.AgentAnalytics;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.EndedBy;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.InputSummary;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.LostCause;
import ru.sipring.core.report.OperatorRow;
import ru.sipring.core.report.ProblemReport;
import ru.sipring.core.report.QueueRow;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;

class HtmlReportRendererTest {

  private static String render(ReportLanguage lang, Set<ReportSection> sections) {
    StringBuilder out = new StringBuilder();
    HtmlReportRenderer.of(lang).render(GuideReport.build(), sections, out);
    return out.toString();
  }

  @Test
  void selfContainedPageWithEverySectionAndPrintCss() {
    String html = render(ReportLanguage.RU, EnumSet.allOf(ReportSection.class));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">").contains("@media print")
        .doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http").endsWith("</html>\n");
    for (ReportSection s : ReportSection.values()) {
      assertThat(html).contains("<section id=\"" + s.key() + "\">");
    }
    assertThat(html).contains("Принятые вызовы", "Петрова ЛВ", "00:06:38", "14.05.2020 9:35:20");
  }

  @Test
  void pieOfAnsweredAndLostAndServiceLevelBars() {
    String html = render(ReportLanguage.EN, EnumSet.allOf(ReportSection.class));
    assertThat(count(html, "<svg")).isEqualTo(2);
    assertThat(html).contains("<path class=\"answered\"").contains("<path class=\"lost\"")
        .contains(">75%</text>");
    // 10 buckets, one answered and one lost bar each
    assertThat(count(html, "<rect class=\"answered\"")).isEqualTo(10);
    assertThat(count(html, "<rect class=\"lost\"")).isEqualTo(10);
    assertThat(html).contains(">over 300</text>");
  }

  @Test
  void tallestBarIsTheBucketWithMostCalls() {
    String html = render(ReportLanguage.EN, Set.of(ReportSection.SERVICE_LEVEL));
    Matcher m = Pattern.compile("<rect class=\"answered\" x=\"\\d+\" y=\"\\d+\" width=\"20\" height=\"(\\d+)\"")
        .matcher(html);
    int[] heights = m.results().mapToInt(r -> Integer.parseInt(r.group(1))).toArray();
    assertThat(heights).hasSize(10);
    assertThat(heights[1]).isEqualTo(160); // 8 calls, the maximum, fills the plot
    assertThat(heights[0]).isEqualTo(60); // 3 of 8
    assertThat(heights[9]).isZero();
  }

  @Test
  void onlyTheAskedSectionsAndTextIsEscaped() {
    String html = render(ReportLanguage.RU, Set.of(ReportSection.LOST));
    assertThat(html).contains("<section id=\"lost\">").doesNotContain("<section id=\"answered\">")
        .doesNotContain("<svg").contains("500, &quot;доб&quot;");
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void outsideTextIsEscapedInEverySection() {
    String x = "<script>alert(1)</script>\"'&<img src=x onerror=alert(2)>";
    InboundReport g = GuideReport.build();
    InboundReport r = new InboundReport(g.window(), EnumSet.allOf(ReportSection.class), g.summary(),
        List.of(new AnsweredCall(x, x, x, x, x, GuideReport.at("2020-05-14T09:35:20"), x, Duration.ofSeconds(6),
            Duration.ofSeconds(7), 1, EndedBy.CALLER, x)),
        List.of(new LostCall(x, x, GuideReport.at("2020-05-14T16:52:30"), x, Duration.ofSeconds(11), 1,
            LostCause.ABANDON, x, x)),
        List.of(new OperatorRow(x, x, x, 1, 6, 7, 1, 0, 0)), List.of(new QueueRow(x, x, 1, 6, 7, 1, 11)),
        g.serviceLevel(), g.periods(),
        List.of(new AgentAnalytics(x, x, x, 1, 0, 1, 7, 3600, Map.of(x, 60L), 60)),
        new ProblemReport(1, Map.of(x, 1L), List.of(new InputProblem(x, 3, x))), InputSummary.NONE, ReportView.QUEUE);
    for (ReportLanguage lang : ReportLanguage.values()) {
      StringBuilder out = new StringBuilder();
      HtmlReportRenderer.of(lang).render(r, EnumSet.allOf(ReportSection.class), out);
      String html = out.toString();
      assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("onerror=alert(2)>")
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&lt;img src=x onerror=alert(2)&gt;");
    }
  }
}
