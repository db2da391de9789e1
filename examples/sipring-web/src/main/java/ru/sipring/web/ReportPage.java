package ru.sipring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.cdr.CallRecordings;
import ru.sipring.core.report.DetailRequest;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.render.DetailView;
import ru.sipring.core.report.render.HtmlReportRenderer;
import ru.sipring.core.report.render.ReportLanguage;
import ru.sipring.spring.InboundReports;
import ru.sipring.spring.SipRingProperties;

/**
 * The report page: a filter form, export links, and the report itself as the library's HTML renderer draws it
 * (its tables, its inline SVG charts and its print stylesheet) in the user's language; the answered and lost calls
 * as pages the library cuts and sorts ({@link DetailView}), with each call's recording when recordings are
 * configured. No arithmetic here.
 */
@Controller
class ReportPage {
  /** What the page shows unless asked otherwise: the guide's main tables. */
  static final Set<ReportSection> DEFAULT_SECTIONS = EnumSet.of(ReportSection.SUMMARY, ReportSection.SERVICE_LEVEL,
      ReportSection.OPERATORS, ReportSection.QUEUES);

  private final InboundReports reports;
  private final SipRingProperties props;
  private final ObjectProvider<CallRecordings> recordings;

  ReportPage(InboundReports reports, SipRingProperties props, ObjectProvider<CallRecordings> recordings) {
    this.reports = reports;
    this.props = props;
    this.recordings = recordings;
  }

  @GetMapping("/reports/inbound")
  String page(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String zone, @RequestParam(required = false) @Nullable String queue,
      @RequestParam(required = false) @Nullable String agent, @RequestParam(required = false) @Nullable String view,
      @RequestParam(required = false) @Nullable List<String> section,
      @RequestParam(required = false) @Nullable String answeredPage,
      @RequestParam(required = false) @Nullable String answeredSort,
      @RequestParam(required = false) @Nullable String lostPage, @RequestParam(required = false) @Nullable String lostSort,
      @RequestParam(required = false) @Nullable String size, Locale locale, Model model,
      HttpServletResponse response) {
    model.addAttribute("from", from == null ? "" : from);
    model.addAttribute("to", to == null ? "" : to);
    model.addAttribute("zone", ReportRequests.blank(zone) ? props.zoneOrDefault().getId() : zone);
    model.addAttribute("queue", queue == null ? "" : queue);
    model.addAttribute("agent", agent == null ? "" : agent);
    model.addAttribute("view", view == null || view.isBlank() ? "queue" : view.toLowerCase(Locale.ROOT));
    String sections = section == null || section.isEmpty()
        ? DEFAULT_SECTIONS.stream().map(ReportSection::key).collect(Collectors.joining(","))
        : String.join(",", section);
    model.addAttribute("sections", ReportRequests.sections(sections).stream().map(ReportSection::key).toList());
    model.addAttribute("allSections", EnumSet.allOf(ReportSection.class).stream().map(ReportSection::key).toList());
    model.addAttribute("source", reports.source());
    try {
      InboundReports.Query q = ReportRequests.query(from, to, zone, props.zoneOrDefault(), sections,
          queue == null ? List.of() : List.of(queue), agent == null ? List.of() : List.of(agent), List.of(), view,
          null);
      ReportLanguage language = ReportLanguage.ofCode(WebMvcConfiguration.supported(locale).getLanguage());
      // the long tables (answered, lost) are paged and sorted by the library and drawn by the page; the others
      // as the library's renderer draws them
      InboundReport report = reports.compute(q);
      List<Map<String, Object>> details = new ArrayList<>();
      EnumSet<ReportSection> drawn = EnumSet.copyOf(q.sections());
      UriComponentsBuilder here = currentQuery(from, to, zone, queue, agent, view, section, answeredPage,
          answeredSort, lostPage, lostSort, size);
      if (drawn.remove(ReportSection.ANSWERED)) {
        details.add(detail(detailView(report, ReportSection.ANSWERED, answeredPage, size, answeredSort, language),
            here));
      }
      if (drawn.remove(ReportSection.LOST)) {
        details.add(detail(detailView(report, ReportSection.LOST, lostPage, size, lostSort, language), here));
      }
      model.addAttribute("details", details);
      CallRecordings finder = recordings.getIfAvailable();
      model.addAttribute("recordings", finder != null);
      model.addAttribute("withRecording", finder == null ? java.util.Set.of() : withRecording(finder, details));
      StringBuilder html = new StringBuilder(1 << 16);
      HtmlReportRenderer.of(language).render(report, drawn, html);
      model.addAttribute("reportCss", between(html, "<style>\n", "</style>"));
      model.addAttribute("reportBody", between(html, "<body>\n", "</body>"));
      UriComponentsBuilder link = UriComponentsBuilder.fromPath("/api/inbound/report");
      param(link, "from", from);
      param(link, "to", to);
      param(link, "zone", zone);
      param(link, "queue", queue);
      param(link, "agent", agent);
      param(link, "view", view);
      model.addAttribute("jsonLink", link.cloneBuilder().queryParam("sections", sections).build().encode().toUriString());
      model.addAttribute("htmlLink", link.cloneBuilder().path(".html").queryParam("sections", sections)
          .queryParam("lang", language.name().toLowerCase(Locale.ROOT)).build().encode().toUriString());
      // the printout is the answered calls grouped by queue and operator: it always asks for them
      String printed = q.sections().contains(ReportSection.ANSWERED) ? sections : sections + ",answered";
      for (String f : new String[] {"pdf", "xlsx"}) {
        model.addAttribute(f + "Link", link.cloneBuilder().path("." + f).queryParam("sections", printed)
            .queryParam("lang", language.name().toLowerCase(Locale.ROOT)).build().encode().toUriString());
      }
      model.addAttribute("csvLinks", q.sections().stream()
          .map(s -> new String[] {s.key(), link.cloneBuilder().path(".csv").queryParam("section", s.key())
              .build().encode().toUriString()})
          .toList());
    } catch (BadInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.getMessage());
    } catch (SipRingException | IllegalStateException e) {
      model.addAttribute("error", e.getMessage());
    }
    return "report";
  }

  /**
   * The answered calls of the page shown that have a recording file (the library's {@link CallRecordings#lookup}):
   * only they get a player and a download link, so nobody presses play on a call that was not recorded.
   */
  private static java.util.Set<String> withRecording(CallRecordings finder, List<Map<String, Object>> details) {
    java.util.Set<String> found = new java.util.HashSet<>();
    for (Map<String, Object> d : details) {
      if (!"answered".equals(d.get("key")) || !(d.get("view") instanceof DetailView v)) {
        continue;
      }
      for (DetailView.Row r : v.rows()) {
        java.time.LocalDate day;
        try {
          day = java.time.LocalDate.parse(r.day());
        } catch (java.time.DateTimeException e) {
          continue; // no day, no dated directory: no player
        }
        if (finder.lookup(r.callId(), day).isPresent()) {
          found.add(r.callId());
        }
      }
    }
    return found;
  }

  /**
   * The library's page of one table; its errors name the page's parameter ({@code answeredSort}, not the
   * library's {@code sort}), as the person typed or followed it.
   */
  private static DetailView detailView(InboundReport report, ReportSection s, @Nullable String page,
      @Nullable String size, @Nullable String sort, ReportLanguage language) {
    try {
      return DetailView.of(report, s, DetailRequest.parse(page, size, sort), language);
    } catch (BadInputException e) {
      String location = switch (e.location()) {
        case "sort" -> s.key() + "Sort";
        case "page" -> s.key() + "Page";
        default -> e.location();
      };
      String message = String.valueOf(e.getMessage());
      throw new BadInputException(location, message.substring(Math.min(message.length(), e.location().length() + 2)),
          e);
    }
  }

  /** The page's own query, to which a sort or page link changes one table's parameters. */
  private static UriComponentsBuilder currentQuery(@Nullable String from, @Nullable String to, @Nullable String zone,
      @Nullable String queue, @Nullable String agent, @Nullable String view, @Nullable List<String> section,
      @Nullable String answeredPage, @Nullable String answeredSort, @Nullable String lostPage,
      @Nullable String lostSort, @Nullable String size) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath("/reports/inbound");
    param(b, "from", from);
    param(b, "to", to);
    param(b, "zone", zone);
    param(b, "queue", queue);
    param(b, "agent", agent);
    param(b, "view", view);
    if (section != null) {
      for (String s : section) {
        param(b, "section", s);
      }
    }
    param(b, "answeredPage", answeredPage);
    param(b, "answeredSort", answeredSort);
    param(b, "lostPage", lostPage);
    param(b, "lostSort", lostSort);
    param(b, "size", size);
    return b;
  }

  /**
   * What the template needs of one paged table: the library's view plus links (sort by a column: ascending
   * first, the other way when it is already sorted by it; pages) that keep the rest of the query.
   */
  private static Map<String, Object> detail(DetailView v, UriComponentsBuilder query) {
    String key = v.section().key();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("view", v);
    List<String> sortLinks = new ArrayList<>();
    for (DetailView.Column c : v.columns()) {
      if (c.sortKey().isEmpty()) {
        sortLinks.add("");
      } else {
        String next = c.sortKey().equals(v.sort()) && !v.descending() ? "-" + c.sortKey() : c.sortKey();
        sortLinks.add(query.cloneBuilder().replaceQueryParam(key + "Sort", next).replaceQueryParam(key + "Page")
            .fragment(key).build().encode().toUriString());
      }
    }
    m.put("sortLinks", sortLinks);
    m.put("prev", v.page() > 1 ? pageLink(query, key, v.page() - 1) : "");
    m.put("next", v.page() < v.pages() ? pageLink(query, key, v.page() + 1) : "");
    m.put("first", v.page() > 1 ? pageLink(query, key, 1) : "");
    m.put("last", v.page() < v.pages() ? pageLink(query, key, v.pages()) : "");
    return m;
  }

  private static String pageLink(UriComponentsBuilder query, String key, int page) {
    return query.cloneBuilder().replaceQueryParam(key + "Page", page).fragment(key).build().encode().toUriString();
  }

  private static void param(UriComponentsBuilder b, String name, @Nullable String value) {
    if (!ReportRequests.blank(value)) {
      b.queryParam(name, value);
    }
  }

  /** The library's page is one document; the panel embeds its style and body inside its own layout. */
  private static String between(CharSequence html, String start, String end) {
    String s = html.toString();
    int a = s.indexOf(start);
    int b = s.indexOf(end, a + 1);
    return a < 0 || b < 0 ? "" : s.substring(a + start.length(), b);
  }
}
