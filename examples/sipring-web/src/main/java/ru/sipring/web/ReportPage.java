package ru.sipring.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.render.HtmlReportRenderer;
import ru.sipring.core.report.render.ReportLanguage;
import ru.sipring.spring.InboundReports;
import ru.sipring.spring.SipRingProperties;

/**
 * The report page: a filter form, export links, and the report itself as the library's HTML renderer draws it
 * (its tables, its inline SVG charts and its print stylesheet) in the user's language. No arithmetic here.
 */
@Controller
class ReportPage {
  /** What the page shows unless asked otherwise: the guide's main tables. */
  static final Set<ReportSection> DEFAULT_SECTIONS = EnumSet.of(ReportSection.SUMMARY, ReportSection.SERVICE_LEVEL,
      ReportSection.OPERATORS, ReportSection.QUEUES);

  private final InboundReports reports;
  private final SipRingProperties props;

  ReportPage(InboundReports reports, SipRingProperties props) {
    this.reports = reports;
    this.props = props;
  }

  @GetMapping("/reports/inbound")
  String page(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String zone, @RequestParam(required = false) @Nullable String queue,
      @RequestParam(required = false) @Nullable String agent, @RequestParam(required = false) @Nullable String view,
      @RequestParam(required = false) @Nullable List<String> section, Locale locale, Model model) {
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
      StringBuilder html = new StringBuilder(1 << 16);
      HtmlReportRenderer.of(language).render(reports.compute(q), q.sections(), html);
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
      model.addAttribute("error", e.getMessage());
    } catch (SipRingException | IllegalStateException e) {
      model.addAttribute("error", e.getMessage());
    }
    return "report";
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
