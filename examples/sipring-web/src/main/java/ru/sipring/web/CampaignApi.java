package ru.sipring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.DncRepository;
import ru.sipring.campaign.DuplicateScope;
import ru.sipring.campaign.WorkSession;
import ru.sipring.campaign.WorkTracker;
import ru.sipring.campaign.csv.ColumnMapping;
import ru.sipring.campaign.csv.CsvText;
import ru.sipring.campaign.csv.DncImporter;
import ru.sipring.campaign.csv.ImportOptions;
import ru.sipring.campaign.csv.ImportPreview;
import ru.sipring.campaign.csv.ImportResult;
import ru.sipring.campaign.dialer.DialerControl;
import ru.sipring.core.BadInputException;
import ru.sipring.spring.CampaignAdmin;
import ru.sipring.spring.SipRingProperties;

/**
 * The campaign admin screens as JSON ({@code /api/campaign/**}): the same operations through the same audited
 * {@link CampaignAdmin}, the same roles (reading, the dialer's start/pause/stop and closing hung sessions for admins
 * and supervisors; every other change for admins). Errors are {@code {"error": ...}} ({@link CampaignApiErrors}).
 */
@RestController
@RequestMapping("/api/campaign")
class CampaignApi {
  private final CampaignAdmin admin;
  private final SipRingProperties sipring;

  CampaignApi(CampaignAdmin admin, SipRingProperties sipring) {
    this.admin = admin;
    this.sipring = sipring;
  }

  /**
   * A name for a new or renamed item.
   *
   * @param name the name
   */
  record Name(String name) {}

  /**
   * Archive or restore.
   *
   * @param archived true to archive
   */
  record Archived(boolean archived) {}

  /**
   * A number of a DNC list.
   *
   * @param scope {@code global}, {@code project:<id>} or {@code assignment:<id>}
   * @param number the number as written
   */
  record DncNumber(String scope, String number) {}

  /**
   * When a hung session ended.
   *
   * @param at the end; null for now
   */
  record Close(@Nullable Instant at) {}

  /**
   * A new item's id.
   *
   * @param id the id
   */
  record Created(long id) {}

  /**
   * A DNC list.
   *
   * @param scope the list
   * @param numbers its first numbers in order
   */
  record DncList(String scope, List<String> numbers) {}

  /**
   * A dialer: settings and progress.
   *
   * @param settings the settings; null before they were set
   * @param progress the progress
   */
  record DialerView(CampaignForms.@Nullable Dialer settings, DialerControl.Progress progress) {}

  @GetMapping("/tree")
  List<CampaignAdmin.ProjectNode> tree(@RequestParam(defaultValue = "false") boolean archived) {
    return admin.tree(archived);
  }

  @PostMapping("/projects")
  Created createProject(Authentication auth, @RequestBody Name n) {
    return new Created(admin.create(auth.getName(), CampaignAdmin.Level.PROJECT, 0, n.name(), defaults()));
  }

  @PostMapping("/projects/{id}/tasks")
  Created createTask(Authentication auth, @PathVariable long id, @RequestBody Name n) {
    return new Created(admin.create(auth.getName(), CampaignAdmin.Level.TASK, id, n.name(), defaults()));
  }

  @PostMapping("/tasks/{id}/assignments")
  Created createAssignment(Authentication auth, @PathVariable long id, @RequestBody Name n) {
    return new Created(admin.create(auth.getName(), CampaignAdmin.Level.ASSIGNMENT, id, n.name(), defaults()));
  }

  @PostMapping("/{level}/{id}/rename")
  Map<String, String> rename(Authentication auth, @PathVariable String level, @PathVariable long id,
      @RequestBody Name n) {
    admin.rename(auth.getName(), CampaignForms.level(level), id, n.name());
    return Map.of("status", "done");
  }

  @PostMapping("/{level}/{id}/archive")
  Map<String, String> archive(Authentication auth, @PathVariable String level, @PathVariable long id,
      @RequestBody Archived a) {
    admin.archive(auth.getName(), CampaignForms.level(level), id, a.archived());
    return Map.of("status", "done");
  }

  @GetMapping("/assignments/{id}")
  CampaignAdmin.AssignmentView assignment(@PathVariable long id) {
    return admin.assignment(id);
  }

  @GetMapping("/assignments/{id}/settings")
  CampaignForms.Settings settings(@PathVariable long id) {
    return CampaignForms.Settings.of(admin.assignment(id).assignment().settings());
  }

  @PostMapping("/assignments/{id}/settings")
  CampaignForms.Settings updateSettings(Authentication auth, @PathVariable long id,
      @RequestBody CampaignForms.Settings s) {
    AssignmentSettings settings = s.toSettings();
    admin.updateSettings(auth.getName(), id, settings);
    return CampaignForms.Settings.of(settings);
  }

  @PostMapping(value = "/assignments/{id}/import/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ImportPreview preview(@PathVariable long id, @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "auto") String encoding, @RequestParam(defaultValue = "auto") String delimiter)
      throws IOException {
    admin.assignment(id);
    return admin.preview(fileName(file), bytes(file), ImportOptions.defaults()
        .withEncoding(CsvText.parseEncoding(encoding)).withDelimiter(CsvText.parseDelimiter(delimiter)),
        CampaignPages.PREVIEW_ROWS);
  }

  /**
   * Imports a client file. {@code mapping} is optional: a JSON object of column ({@code #n} or header) to target,
   * such as the {@code mapping} of a preview, changed; with it, {@code header} says whether the first line is one.
   */
  @PostMapping(value = "/assignments/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ImportResult importBase(Authentication auth, @PathVariable long id, @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "auto") String encoding, @RequestParam(defaultValue = "auto") String delimiter,
      @RequestParam(required = false) @Nullable String mapping, @RequestParam(defaultValue = "true") boolean header,
      @RequestParam(defaultValue = "ASSIGNMENT") String duplicates, @RequestParam(defaultValue = "false") boolean strict)
      throws IOException {
    ImportOptions o = ImportOptions.defaults().withEncoding(CsvText.parseEncoding(encoding))
        .withDelimiter(CsvText.parseDelimiter(delimiter))
        .withDuplicates(CampaignForms.enumOf(DuplicateScope.class, "duplicates", duplicates)).withStrict(strict);
    if (mapping != null && !mapping.isBlank()) {
      Map<String, String> columns;
      try {
        columns = new com.fasterxml.jackson.databind.ObjectMapper().readValue(mapping,
            new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, String>>() { });
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new BadInputException("mapping", "a JSON object of column to target, such as {\"#2\": \"phone\"}");
      }
      o = o.withMapping(new ColumnMapping(header, columns));
    }
    return admin.importContacts(auth.getName(), id, fileName(file), bytes(file), o);
  }

  @GetMapping("/assignments/{id}/export.csv")
  void export(@PathVariable long id, @RequestParam(defaultValue = "false") boolean russian,
      HttpServletResponse response) throws IOException {
    export(admin, id, russian, response);
  }

  @GetMapping("/dnc")
  DncList dnc(@RequestParam(defaultValue = DncRepository.GLOBAL) String scope) {
    return new DncList(scope, admin.dncNumbers(scope));
  }

  @PostMapping("/dnc/add")
  Map<String, String> dncAdd(Authentication auth, @RequestBody DncNumber n) {
    return Map.of("number", admin.dncAdd(auth.getName(), AdminApi.required("scope", n.scope()),
        AdminApi.required("number", n.number())));
  }

  @PostMapping("/dnc/remove")
  Map<String, String> dncRemove(Authentication auth, @RequestBody DncNumber n) {
    admin.dncRemove(auth.getName(), AdminApi.required("scope", n.scope()), AdminApi.required("number", n.number()));
    return Map.of("status", "done");
  }

  @PostMapping(value = "/dnc/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  DncImporter.Result dncImport(Authentication auth, @RequestParam String scope,
      @RequestParam("file") MultipartFile file) throws IOException {
    return admin.dncImport(auth.getName(), scope, fileName(file), bytes(file));
  }

  @GetMapping("/assignments/{id}/dialer")
  DialerView dialer(@PathVariable long id) {
    return new DialerView(admin.dialerSettings(id).map(CampaignForms.Dialer::of).orElse(null), admin.progress(id));
  }

  @PostMapping("/assignments/{id}/dialer-settings")
  DialerView dialerSettings(Authentication auth, @PathVariable long id, @RequestBody CampaignForms.Dialer d) {
    admin.configureDialer(auth.getName(), id, d.toSettings());
    return dialer(id);
  }

  @PostMapping("/assignments/{id}/dialer/{action}")
  DialerControl.Progress dialerAction(Authentication auth, @PathVariable long id, @PathVariable String action) {
    return admin.dialer(auth.getName(), id, action);
  }

  @GetMapping("/assignments/{id}/dialer/progress")
  DialerControl.Progress progress(@PathVariable long id) {
    return admin.progress(id);
  }

  @GetMapping("/live")
  List<WorkTracker.LiveOperator> live() {
    return admin.live();
  }

  @GetMapping("/sessions/hung")
  List<WorkSession> hung() {
    return admin.hung();
  }

  @PostMapping("/sessions/{id}/close")
  WorkSession close(Authentication auth, @PathVariable long id, @RequestBody(required = false) @Nullable Close c) {
    return admin.closeHung(auth.getName(), id, c == null ? null : c.at());
  }

  private AssignmentSettings defaults() {
    return AssignmentSettings.defaults(sipring.zoneOrDefault());
  }

  /** The base as a CSV download; the cells are guarded by the library's exporter. */
  static void export(CampaignAdmin admin, long id, boolean russian, HttpServletResponse response)
      throws IOException {
    CampaignAdmin.AssignmentView v = admin.assignment(id);
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
        .filename("assignment-" + v.assignment().id() + ".csv").build().toString());
    response.setHeader("X-Content-Type-Options", "nosniff");
    admin.export(id, russian, response.getOutputStream());
  }

  private static byte[] bytes(MultipartFile file) throws IOException {
    if (file.isEmpty()) {
      throw new BadInputException("file", "empty: send a CSV file");
    }
    if (file.getSize() > CampaignPages.MAX_UPLOAD) {
      throw new BadInputException("file", "larger than 64 MB: import it with bin/sipring campaign import");
    }
    return file.getBytes();
  }

  private static String fileName(MultipartFile file) {
    String n = file.getOriginalFilename();
    if (n == null || n.isBlank()) {
      return "upload.csv";
    }
    n = n.replace('\\', '/');
    return n.substring(n.lastIndexOf('/') + 1);
  }
}
