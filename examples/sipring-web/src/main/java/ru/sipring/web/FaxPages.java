package ru.sipring.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.SipRingException;
import ru.sipring.fax.FaxDocument;
import ru.sipring.fax.FaxQueue;
import ru.sipring.fax.FaxUser;
import ru.sipring.fax.InboxFax;
import ru.sipring.fax.SendResult;
import ru.sipring.spring.FaxDesk;

/**
 * The fax pages (guide §10): inbox, archive, outbox, a received fax viewed in the page, send, job control. The
 * signed-in person acts as their fax user ({@link FaxDesk#user}); every listing and action is filtered by that
 * user's rights in the library. Nothing here decides a right.
 */
@Controller
class FaxPages {
  private final ObjectProvider<FaxDesk> desks;

  FaxPages(ObjectProvider<FaxDesk> desks) {
    this.desks = desks;
  }

  /** The desk and the signed-in person's fax user; empty model flags when fax is off or they have no account. */
  private Optional<FaxUser> prepare(Authentication auth, Model model, String tab) {
    model.addAttribute("tab", tab);
    FaxDesk desk = desks.getIfAvailable();
    model.addAttribute("faxConfigured", desk != null);
    if (desk == null) {
      return Optional.empty();
    }
    Optional<FaxUser> user = desk.user(auth.getName());
    model.addAttribute("hasAccount", user.isPresent());
    user.ifPresent(u -> model.addAttribute("faxLogin", u.login()));
    return user;
  }

  private FaxDesk desk() {
    FaxDesk d = desks.getIfAvailable();
    if (d == null) {
      throw new NotFoundException("fax is not configured (sipring.fax.host)");
    }
    return d;
  }

  @GetMapping({"/fax", "/fax/inbox"})
  String inbox(Authentication auth, Model model) {
    return folder(auth, model, InboxFax.Folder.INBOX, "inbox");
  }

  @GetMapping("/fax/archive")
  String archive(Authentication auth, Model model) {
    return folder(auth, model, InboxFax.Folder.ARCHIVE, "archive");
  }

  private String folder(Authentication auth, Model model, InboxFax.Folder folder, String tab) {
    Optional<FaxUser> user = prepare(auth, model, tab);
    List<FaxDesk.ReceivedRow> rows = new ArrayList<>();
    if (user.isPresent()) {
      try {
        rows = desk().received(user.get(), folder);
      } catch (SipRingException e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    model.addAttribute("faxes", rows);
    return "fax";
  }

  @GetMapping("/fax/outbox")
  String outbox(Authentication auth, Model model) {
    Optional<FaxUser> user = prepare(auth, model, "outbox");
    List<FaxDesk.JobRow> sending = new ArrayList<>();
    List<FaxDesk.JobRow> done = new ArrayList<>();
    if (user.isPresent()) {
      try {
        sending = desk().outbox(user.get(), FaxQueue.SEND);
        done = desk().outbox(user.get(), FaxQueue.DONE);
      } catch (SipRingException e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    model.addAttribute("sending", sending);
    model.addAttribute("done", done);
    return "fax";
  }

  @GetMapping("/fax/view/{file}")
  String view(@PathVariable String file, Authentication auth, Model model) {
    FaxUser user = desk().requireUser(auth.getName());
    InboxFax fax = desk().center().receivedFax(user, file);
    prepare(auth, model, fax.folder() == InboxFax.Folder.ARCHIVE ? "archive" : "inbox");
    FaxDesk.ReceivedRow row = desk().received(user, fax.folder()).stream().filter(r -> r.file().equals(file))
        .findFirst().orElseThrow(() -> new NotFoundException("no received fax " + file));
    model.addAttribute("fax", row);
    List<Integer> pages = new ArrayList<>();
    for (int i = 1; i <= Math.max(1, Math.min(row.pages(), 50)); i++) {
      pages.add(i);
    }
    model.addAttribute("pages", pages);
    return "fax-view";
  }

  @GetMapping("/fax/file/{file}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String file, Authentication auth) {
    FaxUser user = desk().requireUser(auth.getName());
    byte[] pdf = desk().center().viewPdf(user, file);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(FaxDesk.safeFileName(file.replaceAll("\\.tif$", "")) + ".pdf").build().toString())
        .cacheControl(CacheControl.noStore()).body(pdf);
  }

  @GetMapping("/fax/file/{file}/page/{page}")
  ResponseEntity<byte[]> png(@PathVariable String file, @PathVariable int page, Authentication auth) {
    FaxUser user = desk().requireUser(auth.getName());
    byte[] png = desk().center().viewPng(user, file, page, 100);
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
  }

  @PostMapping("/fax/received/{file}/{action}")
  String received(@PathVariable String file, @PathVariable String action, Authentication auth,
      RedirectAttributes flash) {
    desk().receivedAction(auth.getName(), file, action); // audited under the signed-in name
    flash.addFlashAttribute("notice", "fax.done." + action);
    return "redirect:/fax" + ("inbox".equals(action) ? "/archive" : "");
  }

  @PostMapping("/fax/jobs/{id}/{action}")
  String job(@PathVariable String id, @PathVariable String action, Authentication auth, RedirectAttributes flash) {
    desk().jobAction(auth.getName(), id, action); // audited under the signed-in name
    flash.addFlashAttribute("notice", "fax.done.job." + action);
    return "redirect:/fax/outbox";
  }

  @GetMapping("/fax/send")
  String sendForm(Authentication auth, Model model) {
    Optional<FaxUser> user = prepare(auth, model, "send");
    if (user.isPresent()) {
      FaxDesk desk = desk();
      model.addAttribute("modems", desk.sendModems(user.get()));
      model.addAttribute("contacts", desk.center().contacts().contacts());
      model.addAttribute("lists", desk.center().contacts().lists());
      model.addAttribute("maxUpload", desk.maxUploadText());
    }
    return "fax-send";
  }

  @PostMapping("/fax/send")
  String send(@RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable List<String> contact,
      @RequestParam(required = false) @Nullable List<String> list,
      @RequestParam(required = false) @Nullable List<MultipartFile> file,
      @RequestParam(required = false) @Nullable String modem,
      @RequestParam(required = false) @Nullable String coverTo,
      @RequestParam(required = false) @Nullable String coverCompany,
      @RequestParam(required = false) @Nullable String coverSubject,
      @RequestParam(required = false) @Nullable String coverComments,
      @RequestParam(required = false) @Nullable String coverFromName,
      Authentication auth, Model model, RedirectAttributes flash) {
    FaxDesk desk = desk();
    FaxUser user = desk.requireUser(auth.getName());
    try {
      SendResult sent = desk.send(auth.getName(), outgoing(desk, to, contact, list, file, modem, coverTo, coverCompany,
          coverSubject, coverComments, coverFromName, user));
      flash.addFlashAttribute("sentJobs", sent.jobs().stream().map(SendResult.Job::id).toList());
      return "redirect:/fax/outbox";
    } catch (BadInputException | ru.sipring.core.RejectedException | NotFoundException e) {
      // the form again with what was typed and the one-line reason
      model.addAttribute("error", e.getMessage());
      model.addAttribute("to", to == null ? "" : to);
      return sendForm(auth, model);
    }
  }

  /** The request a form (or the API) describes; the checks are the library's. */
  static FaxDesk.Outgoing outgoing(FaxDesk desk, @Nullable String to, @Nullable List<String> contacts,
      @Nullable List<String> lists, @Nullable List<MultipartFile> files, @Nullable String modem,
      @Nullable String coverTo, @Nullable String coverCompany, @Nullable String coverSubject,
      @Nullable String coverComments, @Nullable String coverFromName, FaxUser user) {
    List<String> numbers = desk.recipients(to, contacts == null ? List.of() : contacts,
        lists == null ? List.of() : lists);
    List<FaxDocument> documents = new ArrayList<>();
    if (files != null) {
      for (MultipartFile f : files) {
        if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())) {
          continue; // the browser's empty file field
        }
        desk.checkUploadSize(f.getOriginalFilename(), f.getSize());
        try {
          documents.add(desk.document(f.getOriginalFilename(), f.getBytes()));
        } catch (IOException e) {
          throw new BadInputException("file " + FaxDesk.safeFileName(f.getOriginalFilename()),
              "could not be read: " + e.getMessage(), e);
        }
      }
    }
    String from = coverFromName == null || coverFromName.isBlank() ? user.name() : coverFromName;
    return new FaxDesk.Outgoing(numbers, documents,
        FaxDesk.cover(coverTo, coverCompany, coverSubject, coverComments, from, null, null),
        modem == null || modem.isBlank() ? "any" : modem);
  }
}
