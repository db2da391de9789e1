package ru.sipring.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.DncRepository;
import ru.sipring.campaign.DncScope;
import ru.sipring.campaign.DuplicateScope;
import ru.sipring.campaign.cards.CardQuery;
import ru.sipring.campaign.cards.ClientCardStore;
import ru.sipring.campaign.csv.ColumnMapping;
import ru.sipring.campaign.csv.CsvText;
import ru.sipring.campaign.csv.ImportOptions;
import ru.sipring.campaign.csv.ImportPreview;
import ru.sipring.campaign.csv.ImportResult;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.spring.CampaignAdmin;
import ru.sipring.spring.SipRingProperties;

/**
 * The outbound call centre's admin screens (guide §8): the Project &gt; Task &gt; Assignment tree, an assignment's
 * base (import with a column preview, export), call window and retry rules, DNC lists, the dialer with its live
 * progress, and the operators at work with closing of hung sessions. Everything goes through the starter's audited
 * {@link CampaignAdmin}; forms post with the CSRF token and redirect, a refusal is one line above the form. Reading
 * is for admins and supervisors; the dialer's start/pause/stop and closing hung sessions too; every other change is
 * the admin's (SecurityConfiguration).
 */
@Controller
class CampaignPages {
  /** Rows of the import preview. */
  static final int PREVIEW_ROWS = 10;
  /** The largest client file the page keeps between the preview and the import. */
  static final int MAX_UPLOAD = 64 * 1024 * 1024;
  private static final String UPLOAD = "sipring.campaign.upload";

  private final CampaignAdmin admin;
  private final ClientCardStore cards;
  private final SipRingProperties sipring;

  CampaignPages(CampaignAdmin admin, ClientCardStore cards, SipRingProperties sipring) {
    this.admin = admin;
    this.cards = cards;
    this.sipring = sipring;
  }

  /** A client file between its preview and its import, kept in the user's session. */
  record Upload(long assignmentId, String name, byte[] bytes, @Nullable Charset encoding,
      @Nullable Character delimiter) {}

  /** A client of the base table: outside text, shown escaped. */
  record BaseRow(long id, String name, String phone, String status, int attempts) {}

  /** An operator at work, as the live table shows it. */
  record LiveRow(String operator, String assignment, boolean paused, String pauseReason, String since,
      String formTime) {}

  /** A hung session, as its table shows it. */
  record HungRow(long id, String operator, String assignment, String since) {}

  /** A choice of a select: value and label. */
  record Choice(String value, String label) {}

  @GetMapping("/campaign")
  String tree(Model model, @RequestParam(defaultValue = "false") boolean archived) {
    model.addAttribute("tree", admin.tree(archived));
    model.addAttribute("archived", archived);
    return "campaign";
  }

  @PostMapping("/campaign/{level}")
  String create(Authentication auth, @PathVariable String level, @RequestParam(defaultValue = "0") long parent,
      @RequestParam String name, RedirectAttributes flash) {
    return AdminPages.act(flash, "/campaign", "campaign.done.create", () -> admin.create(auth.getName(),
        CampaignForms.level(level), parent, name, AssignmentSettings.defaults(sipring.zoneOrDefault())));
  }

  @PostMapping("/campaign/{level}/{id}/rename")
  String rename(Authentication auth, @PathVariable String level, @PathVariable long id, @RequestParam String name,
      RedirectAttributes flash) {
    return AdminPages.act(flash, "/campaign", "campaign.done.rename", () -> {
      admin.rename(auth.getName(), CampaignForms.level(level), id, name);
      return null;
    });
  }

  @PostMapping("/campaign/{level}/{id}/archive")
  String archive(Authentication auth, @PathVariable String level, @PathVariable long id,
      @RequestParam boolean archived, RedirectAttributes flash) {
    return AdminPages.act(flash, "/campaign" + (archived ? "" : "?archived=true"),
        archived ? "campaign.done.archive" : "campaign.done.restore", () -> {
          admin.archive(auth.getName(), CampaignForms.level(level), id, archived);
          return null;
        });
  }

  @GetMapping("/campaign/assignments/{id}")
  String assignment(Model model, @PathVariable long id) {
    CampaignAdmin.AssignmentView v = admin.assignment(id);
    model.addAttribute("view", v);
    model.addAttribute("settings", CampaignForms.Settings.of(v.assignment().settings()));
    model.addAttribute("days", java.time.DayOfWeek.values());
    model.addAttribute("retried", CampaignForms.RETRIED);
    model.addAttribute("dncScopes", DncScope.values());
    model.addAttribute("duplicateScopes", DuplicateScope.values());
    ru.sipring.campaign.cards.CardPage base = cards.search(CardQuery.of(id).withPage(0, 20));
    model.addAttribute("base", base);
    model.addAttribute("baseRows", base.items().stream().map(c -> new BaseRow(c.id(),
        !c.get(ContactField.FULL_NAME).isEmpty() ? c.get(ContactField.FULL_NAME) : c.get(ContactField.CLIENT_NAME),
        c.phone(), c.status().name(), c.attempts())).toList());
    model.addAttribute("dialerAvailable", admin.dialerAvailable());
    model.addAttribute("modes", DialerSettings.Mode.values());
    if (admin.dialerAvailable()) {
      model.addAttribute("dialer", admin.dialerSettings(id).map(CampaignForms.Dialer::of)
          .orElse(new CampaignForms.Dialer("", "from-internal", "", 0, 30, 5, "FIXED", 1, 1.0)));
      model.addAttribute("progress", admin.progress(id));
    }
    return "campaign-assignment";
  }

  @PostMapping("/campaign/assignments/{id}/settings")
  String settings(Authentication auth, @PathVariable long id, @RequestParam String zone, @RequestParam String start,
      @RequestParam String end, @RequestParam(required = false) @Nullable List<String> days,
      @RequestParam Map<String, String> all, @RequestParam String dncScope, RedirectAttributes flash) {
    return AdminPages.act(flash, "/campaign/assignments/" + id, "campaign.done.settings", () -> {
      Map<String, CampaignForms.Settings.Rule> rules = new LinkedHashMap<>();
      for (CallOutcome o : CampaignForms.RETRIED) {
        rules.put(o.name(), new CampaignForms.Settings.Rule(number(all, "retry." + o.name() + ".delaySeconds"),
            (int) number(all, "retry." + o.name() + ".maxAttempts")));
      }
      admin.updateSettings(auth.getName(), id,
          new CampaignForms.Settings(zone, start, end, days, rules, dncScope).toSettings());
      return null;
    });
  }

  @PostMapping("/campaign/assignments/{id}/import/preview")
  String preview(Model model, HttpSession session, @PathVariable long id, @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "auto") String encoding, @RequestParam(defaultValue = "auto") String delimiter,
      RedirectAttributes flash) throws IOException {
    CampaignAdmin.AssignmentView v = admin.assignment(id);
    try {
      if (file.isEmpty()) {
        throw new BadInputException("file", "choose a CSV file");
      }
      if (file.getSize() > MAX_UPLOAD) {
        throw new BadInputException("file", "larger than 64 MB: import it with bin/sipring campaign import");
      }
      Upload u = new Upload(id, name(file), file.getBytes(), CsvText.parseEncoding(encoding),
          CsvText.parseDelimiter(delimiter));
      ImportPreview p = admin.preview(u.name(), u.bytes(), options(u), PREVIEW_ROWS);
      session.setAttribute(UPLOAD, u);
      model.addAttribute("view", v);
      model.addAttribute("fileName", u.name());
      model.addAttribute("preview", p);
      model.addAttribute("delimiterName", CsvText.delimiterName(p.delimiter()));
      model.addAttribute("charsetName", p.charset().name());
      model.addAttribute("targets", targets(p));
      model.addAttribute("duplicateScopes", DuplicateScope.values());
      return "campaign-import";
    } catch (SipRingException | IllegalArgumentException e) {
      flash.addFlashAttribute("failure", String.valueOf(e.getMessage()));
      return "redirect:/campaign/assignments/" + id;
    }
  }

  @PostMapping("/campaign/assignments/{id}/import")
  String importBase(Model model, Authentication auth, HttpSession session, @PathVariable long id,
      @RequestParam(defaultValue = "true") boolean header, @RequestParam(defaultValue = "ASSIGNMENT") String duplicates,
      @RequestParam(defaultValue = "false") boolean strict, @RequestParam Map<String, String> all,
      RedirectAttributes flash) {
    CampaignAdmin.AssignmentView v = admin.assignment(id);
    Object held = session.getAttribute(UPLOAD);
    if (!(held instanceof Upload u) || u.assignmentId() != id) {
      flash.addFlashAttribute("failure", "upload the file again: the preview has expired");
      return "redirect:/campaign/assignments/" + id;
    }
    try {
      Map<String, String> columns = new LinkedHashMap<>();
      all.forEach((k, val) -> {
        if (k.startsWith("col.")) {
          columns.put("#" + k.substring(4), val);
        }
      });
      ImportOptions o = options(u).withMapping(new ColumnMapping(header, columns))
          .withDuplicates(CampaignForms.enumOf(DuplicateScope.class, "duplicates", duplicates)).withStrict(strict);
      ImportResult r = admin.importContacts(auth.getName(), id, u.name(), u.bytes(), o);
      session.removeAttribute(UPLOAD);
      model.addAttribute("view", v);
      model.addAttribute("fileName", u.name());
      model.addAttribute("result", r);
      return "campaign-import";
    } catch (SipRingException | IllegalArgumentException e) {
      flash.addFlashAttribute("failure", String.valueOf(e.getMessage()));
      return "redirect:/campaign/assignments/" + id;
    }
  }

  @GetMapping("/campaign/assignments/{id}/export.csv")
  void export(@PathVariable long id, @RequestParam(defaultValue = "false") boolean russian,
      HttpServletResponse response) throws IOException {
    CampaignApi.export(admin, id, russian, response);
  }

  @GetMapping("/campaign/dnc")
  String dnc(Model model, @RequestParam(defaultValue = DncRepository.GLOBAL) String scope) {
    model.addAttribute("scope", scope);
    model.addAttribute("numbers", admin.dncNumbers(scope));
    model.addAttribute("shownMax", CampaignAdmin.DNC_SHOWN);
    model.addAttribute("scopeName", scopeName(scope));
    return "campaign-dnc";
  }

  @PostMapping("/campaign/dnc/add")
  String dncAdd(Authentication auth, @RequestParam String scope, @RequestParam String number,
      RedirectAttributes flash) {
    return AdminPages.act(flash, dncBack(scope), "campaign.done.dnc.add",
        () -> admin.dncAdd(auth.getName(), scope, number));
  }

  @PostMapping("/campaign/dnc/remove")
  String dncRemove(Authentication auth, @RequestParam String scope, @RequestParam String number,
      RedirectAttributes flash) {
    return AdminPages.act(flash, dncBack(scope), "campaign.done.dnc.remove", () -> {
      admin.dncRemove(auth.getName(), scope, number);
      return null;
    });
  }

  @PostMapping("/campaign/dnc/import")
  String dncImport(Authentication auth, @RequestParam String scope, @RequestParam("file") MultipartFile file,
      RedirectAttributes flash) throws IOException {
    try {
      if (file.isEmpty() || file.getSize() > MAX_UPLOAD) {
        throw new BadInputException("file", "choose a file of at most 64 MB");
      }
      flash.addFlashAttribute("dncImport", admin.dncImport(auth.getName(), scope, name(file), file.getBytes()));
      flash.addFlashAttribute("done", "campaign.done.dnc.import");
    } catch (SipRingException | IllegalArgumentException e) {
      flash.addFlashAttribute("failure", String.valueOf(e.getMessage()));
    }
    return "redirect:" + dncBack(scope);
  }

  @PostMapping("/campaign/assignments/{id}/dialer-settings")
  String dialerSettings(Authentication auth, @PathVariable long id, @RequestParam String answerExtension,
      @RequestParam String context, @RequestParam(defaultValue = "") String callerId,
      @RequestParam(required = false) @Nullable Integer repeats, @RequestParam(defaultValue = "0") long redialSeconds,
      @RequestParam(defaultValue = "0") long pauseSeconds, @RequestParam(defaultValue = "FIXED") String mode,
      @RequestParam(defaultValue = "1") int maxConcurrent, @RequestParam(defaultValue = "1.0") double ratio,
      RedirectAttributes flash) {
    return AdminPages.act(flash, "/campaign/assignments/" + id + "#dialer", "campaign.done.dialer.settings", () -> {
      admin.configureDialer(auth.getName(), id, new CampaignForms.Dialer(answerExtension, context, callerId, repeats,
          redialSeconds, pauseSeconds, mode, maxConcurrent, ratio).toSettings());
      return null;
    });
  }

  @PostMapping("/campaign/assignments/{id}/dialer/{action}")
  String dialer(Authentication auth, @PathVariable long id, @PathVariable String action, RedirectAttributes flash) {
    return AdminPages.act(flash, "/campaign/assignments/" + id + "#dialer", "campaign.done.dialer." + action
        .replaceAll("[^a-z]", ""), () -> admin.dialer(auth.getName(), id, action));
  }

  @GetMapping("/campaign/live")
  String live(Model model) {
    Map<Long, String> names = new LinkedHashMap<>();
    for (CampaignAdmin.ProjectNode p : admin.tree(true)) {
      for (CampaignAdmin.TaskNode t : p.tasks()) {
        t.assignments().forEach(a -> names.put(a.id(), p.project().name() + " / " + t.task().name() + " / "
            + a.name()));
      }
    }
    java.time.format.DateTimeFormatter at = java.time.format.DateTimeFormatter.ofPattern("dd.MM HH:mm:ss")
        .withZone(sipring.zoneOrDefault());
    model.addAttribute("live", admin.live().stream().map(o -> new LiveRow(o.operator(),
        names.getOrDefault(o.assignmentId(), String.valueOf(o.assignmentId())), o.paused(),
        o.pauseReason() == null ? "" : o.pauseReason(), at.format(o.since()),
        String.format("%d:%02d", o.formTime().toHours(), o.formTime().toMinutesPart()))).toList());
    model.addAttribute("hung", admin.hung().stream().map(h -> new HungRow(h.id(), h.operator(),
        names.getOrDefault(h.assignmentId(), String.valueOf(h.assignmentId())), at.format(h.startedAt()))).toList());
    model.addAttribute("hungAfterHours", admin.hungAfter().toMinutes() / 60.0);
    return "campaign-live";
  }

  @PostMapping("/campaign/sessions/{id}/close")
  String closeHung(Authentication auth, @PathVariable long id, RedirectAttributes flash) {
    return AdminPages.act(flash, "/campaign/live", "campaign.done.close",
        () -> admin.closeHung(auth.getName(), id, null));
  }

  private static ImportOptions options(Upload u) {
    return ImportOptions.defaults().withEncoding(u.encoding()).withDelimiter(u.delimiter());
  }

  /** Every target a column may take: skip, the card's fields, and a custom field named after the column. */
  private static List<List<Choice>> targets(ImportPreview p) {
    List<List<Choice>> out = new ArrayList<>();
    for (ImportPreview.Column c : p.columns()) {
      List<Choice> choices = new ArrayList<>();
      choices.add(new Choice(ColumnMapping.SKIP, "—"));
      for (ContactField f : ContactField.values()) {
        choices.add(new Choice(f.key(), f.label() + " (" + f.key() + ")"));
      }
      String custom = c.target().startsWith(ColumnMapping.CUSTOM) ? c.target()
          : ColumnMapping.CUSTOM + (c.name().startsWith("#") ? "column_" + c.position() : c.name());
      choices.add(new Choice(custom, custom));
      out.add(choices);
    }
    return out;
  }

  private String scopeName(String scope) {
    if (scope.startsWith("assignment:")) {
      CampaignAdmin.AssignmentView v = admin.assignment(Long.parseLong(scope.substring("assignment:".length())));
      return v.project().name() + " / " + v.task().name() + " / " + v.assignment().name();
    }
    if (scope.startsWith("project:")) {
      long pid = Long.parseLong(scope.substring("project:".length()));
      return admin.tree(true).stream().filter(n -> n.project().id() == pid).map(n -> n.project().name())
          .findFirst().orElse(scope);
    }
    return scope;
  }

  private static String dncBack(String scope) {
    return "/campaign/dnc?scope=" + java.net.URLEncoder.encode(scope, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String name(MultipartFile file) {
    String n = file.getOriginalFilename();
    if (n == null || n.isBlank()) {
      return "upload.csv";
    }
    n = n.replace('\\', '/');
    return n.substring(n.lastIndexOf('/') + 1);
  }

  private static long number(Map<String, String> all, String field) {
    String v = all.getOrDefault(field, "").strip();
    try {
      return v.isEmpty() ? 0 : Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new BadInputException(field, "a whole number");
    }
  }
}
