package ru.sipring.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.fax.FaxQueue;
import ru.sipring.fax.FaxUser;
import ru.sipring.fax.InboxFax;
import ru.sipring.fax.SendResult;
import ru.sipring.spring.FaxDesk;

/**
 * The fax pages' operations as JSON for a CRM ({@code /api/fax/**}): the caller acts as its fax user with that
 * user's rights, exactly as on the pages.
 */
@RestController
class FaxApi {
  private final ObjectProvider<FaxDesk> desks;

  FaxApi(ObjectProvider<FaxDesk> desks) {
    this.desks = desks;
  }

  private FaxDesk desk() {
    FaxDesk d = desks.getIfAvailable();
    if (d == null) {
      throw new NotFoundException("fax is not configured (sipring.fax.host)");
    }
    return d;
  }

  private FaxUser user(Authentication auth) {
    return desk().requireUser(auth.getName());
  }

  @GetMapping("/api/fax/inbox")
  List<FaxDesk.ReceivedRow> inbox(Authentication auth) {
    return desk().received(user(auth), InboxFax.Folder.INBOX);
  }

  @GetMapping("/api/fax/archive")
  List<FaxDesk.ReceivedRow> archive(Authentication auth) {
    return desk().received(user(auth), InboxFax.Folder.ARCHIVE);
  }

  @GetMapping("/api/fax/outbox")
  List<FaxDesk.JobRow> outbox(@RequestParam(defaultValue = "send") String queue, Authentication auth) {
    FaxQueue q = switch (queue) {
      case "send" -> FaxQueue.SEND;
      case "done" -> FaxQueue.DONE;
      default -> throw new BadInputException("queue", "'" + ru.sipring.core.text.TerminalText.escape(queue)
          + "' is not send or done");
    };
    return desk().outbox(user(auth), q);
  }

  @GetMapping("/api/fax/received/{file}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String file, Authentication auth) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .body(desk().center().viewPdf(user(auth), file));
  }

  @PostMapping(path = "/api/fax/send", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Map<String, Object> send(@RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable List<String> contact,
      @RequestParam(required = false) @Nullable List<String> list,
      @RequestParam(required = false) @Nullable List<MultipartFile> file,
      @RequestParam(required = false) @Nullable String modem,
      @RequestParam(required = false) @Nullable String coverTo,
      @RequestParam(required = false) @Nullable String coverCompany,
      @RequestParam(required = false) @Nullable String coverSubject,
      @RequestParam(required = false) @Nullable String coverComments,
      @RequestParam(required = false) @Nullable String coverFromName, Authentication auth) {
    FaxUser u = user(auth);
    SendResult sent = desk().send(auth.getName(), FaxPages.outgoing(desk(), to, contact, list, file, modem, coverTo,
        coverCompany, coverSubject, coverComments, coverFromName, u));
    return Map.of("tag", sent.tag(), "jobs", sent.jobs().stream()
        .map(j -> Map.of("id", j.id(), "number", j.number(), "state", j.state().phase())).toList());
  }

  @PostMapping("/api/fax/jobs/{id}/{action}")
  Map<String, String> job(@PathVariable String id, @PathVariable String action, Authentication auth) {
    desk().jobAction(auth.getName(), id, action); // audited under the caller's name
    return Map.of("job", id, "done", action);
  }

  @PostMapping("/api/fax/received/{file}/{action}")
  Map<String, String> received(@PathVariable String file, @PathVariable String action, Authentication auth) {
    desk().receivedAction(auth.getName(), file, action); // audited under the caller's name
    return Map.of("file", file, "done", action);
  }
}
