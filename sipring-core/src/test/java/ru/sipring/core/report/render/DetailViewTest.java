package ru.sipring.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.DetailRequest;
import ru.sipring.core.report.DetailSlice;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportSection;

class DetailViewTest {
  private final InboundReport report = GuideReport.build();

  @Test
  void pagesKeepTheReportsOrderAndCoverEveryRowOnce() {
    DetailSlice<AnsweredCall> p1 = DetailSlice.answered(report.answered(), new DetailRequest(1, 2, "", false));
    DetailSlice<AnsweredCall> p3 = DetailSlice.answered(report.answered(), new DetailRequest(3, 2, "", false));
    assertThat(p1.total()).isEqualTo(5);
    assertThat(p1.pages()).isEqualTo(3);
    assertThat(p1.rows()).containsExactlyElementsOf(report.answered().subList(0, 2));
    assertThat(p3.rows()).containsExactly(report.answered().get(4));
  }

  @Test
  void aPagePastTheEndShowsTheLastPage() {
    DetailSlice<AnsweredCall> p = DetailSlice.answered(report.answered(), new DetailRequest(99, 2, "", false));
    assertThat(p.page()).isEqualTo(3);
    assertThat(p.rows()).hasSize(1);
  }

  @Test
  void sortsByWaitBothWaysStableOnTies() {
    List<AnsweredCall> up = DetailSlice.answered(report.answered(), DetailRequest.parse("1", "10", "wait")).rows();
    assertThat(up).extracting(c -> c.waitTime().getSeconds()).containsExactly(5L, 6L, 6L, 13L, 40L);
    // equal waits (6 s) keep the report's order: 1589354500.2 before 1589438120.3
    assertThat(up.get(1).callId()).isEqualTo("1589354500.2");
    List<AnsweredCall> down = DetailSlice.answered(report.answered(), DetailRequest.parse(null, null, "-wait")).rows();
    assertThat(down).extracting(c -> c.waitTime().getSeconds()).containsExactly(40L, 13L, 6L, 6L, 5L);
    assertThat(down.get(2).callId()).isEqualTo("1589354500.2");
  }

  @Test
  void badParametersNameThemselves() {
    assertThatThrownBy(() -> DetailSlice.answered(report.answered(), DetailRequest.parse("1", "10", "cause")))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("sort: 'cause' is not one of enteredAt, queue");
    assertThatThrownBy(() -> DetailRequest.parse("0", null, null)).hasMessageStartingWith("page: ");
    assertThatThrownBy(() -> DetailRequest.parse("x", null, null)).hasMessageStartingWith("page: 'x'");
    assertThatThrownBy(() -> DetailRequest.parse(null, "501", null)).hasMessage("size: 501 is not between 1 and 500");
    assertThatThrownBy(() -> DetailRequest.parse(null, null, "-")).hasMessageStartingWith("sort: ");
    assertThatThrownBy(() -> DetailView.of(report, ReportSection.QUEUES, DetailRequest.first(), ReportLanguage.EN))
        .hasMessageStartingWith("section: 'queues'");
  }

  @Test
  void viewCellsAreTheRenderersCellsAndColumnsCarrySortKeys() {
    DetailView v = DetailView.of(report, ReportSection.LOST, DetailRequest.parse("1", "1", "-wait"), ReportLanguage.RU);
    assertThat(v.total()).isEqualTo(2);
    assertThat(v.pages()).isEqualTo(2);
    assertThat(v.rows()).hasSize(1);
    DisplayTables d = new DisplayTables(ReportLanguage.RU, report.window().zone());
    assertThat(v.rows().get(0).cells()).isEqualTo(d.lostRow(report.lost().get(0)));
    assertThat(v.rows().get(0).callId()).isEqualTo("1589361917.6");
    assertThat(v.columns()).extracting(DetailView.Column::sortKey)
        .containsExactly("queue", "", "enteredAt", "caller", "wait", "position", "cause");
    for (DetailView.Column c : v.columns()) {
      if (!c.sortKey().isEmpty()) {
        assertThat(DetailSlice.lostSortKeys()).contains(c.sortKey());
      }
    }
    DetailView a = DetailView.of(report, ReportSection.ANSWERED, DetailRequest.first(), ReportLanguage.EN);
    for (DetailView.Column c : a.columns()) {
      if (!c.sortKey().isEmpty()) {
        assertThat(DetailSlice.answeredSortKeys()).contains(c.sortKey());
      }
    }
  }

  @Test
  void jsonPageHoldsTheSameRowObjectsAsTheWholeReport() {
    StringBuilder page = new StringBuilder();
    JsonReportRenderer.of().renderDetail(report, ReportSection.ANSWERED, DetailRequest.parse("2", "2", ""), page);
    StringBuilder whole = new StringBuilder();
    JsonReportRenderer.of().render(report, java.util.EnumSet.of(ReportSection.ANSWERED), whole);
    assertThat(page.toString()).contains("\"section\": \"answered\"", "\"page\": 2", "\"pages\": 3", "\"total\": 5",
        "\"descending\": false", "1589450436.4").doesNotContain("1589283313.1", "1589354500.2");
    // the row for call .3 is written exactly as in the whole report
    String row = whole.substring(whole.lastIndexOf("{", whole.indexOf("1589438120.3")), whole.indexOf("}",
        whole.indexOf("1589438120.3")) + 1);
    assertThat(page.toString()).contains(row.strip());
  }
}
