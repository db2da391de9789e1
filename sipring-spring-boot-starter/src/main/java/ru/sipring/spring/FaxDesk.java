package ru.sipring.spring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.core.text.TerminalText;
import ru.sipring.fax.CoverPage;
import ru.sipring.fax.FaxCenter;
import ru.sipring.fax.FaxDocument;
import ru.sipring.fax.FaxJob;
import ru.sipring.fax.FaxJobState;
import ru.sipring.fax.FaxLine;
import ru.sipring.fax.FaxPermissions;
import ru.sipring.fax.FaxQueue;
import ru.sipring.fax.FaxUser;
import ru.sipring.fax.InboxFax;
import ru.sipring.fax.SendRequest;
import ru.sipring.fax.SendResult;

/**
 * What a host's fax screens need (guide §10) on top of {@link FaxCenter}: the fax user behind a signed-in person,
 * uploads checked for type and size, recipients from typed numbers, contacts and distribution lists, and the
 * inbox, archive and outbox as rows ready to show. Every right is {@link FaxPermissions}' (through
 * {@link FaxCenter}); a person without a fax account sees nothing and may do nothing.
 *
 * <p>Text in the rows comes from outside (a sender's TSI, a caller ID name, an hfaxd status line) and has its
 * control characters, line separators and bidirectional overrides shown escaped ({@link TerminalText}); the page
 * still escapes it for HTML.
 *
 * <p>The actions of a person ({@link #send(String, Outgoing)}, {@link #jobAction}, {@link #receivedAction}) are
 * recorded in the {@link AuditLog} under the person's own name, also when refused.
 *
 * <p>Thread-safe: immutable; {@link FaxCenter} and the audit log are thread-safe.
 */
public final class FaxDesk {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final FaxCenter center;
  private final Map<String, String> panelUsers;
  private final long maxUploadBytes;
  private final ZoneId zone;
  private final AuditLog audit;
  private final Clock clock;

  /**
   * A desk over {@code center} whose actions are audited in memory only (tests, hosts without an audit log).
   *
   * @param center the fax center (its user store holds the fax users and their rights)
   * @param panelUsers host user name to fax login where they differ; other names are their own fax login
   * @param maxUploadBytes the largest document accepted from a person
   * @param zone zone times are shown in
   */
  public FaxDesk(FaxCenter center, Map<String, String> panelUsers, long maxUploadBytes, ZoneId zone) {
    this(center, panelUsers, maxUploadBytes, zone, AuditLog.inMemory(), Clock.systemUTC());
  }

  /**
   * A desk over {@code center} that records every person's fax action in {@code audit}.
   *
   * @param center the fax center (its user store holds the fax users and their rights)
   * @param panelUsers host user name to fax login where they differ; other names are their own fax login
   * @param maxUploadBytes the largest document accepted from a person
   * @param zone zone times are shown in
   * @param audit where sends, job and received-fax actions are recorded
   * @param clock dates the audit entries
   */
  public FaxDesk(FaxCenter center, Map<String, String> panelUsers, long maxUploadBytes, ZoneId zone, AuditLog audit,
      Clock clock) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.center = Objects.requireNonNull(center, "center");
    this.panelUsers = Map.copyOf(panelUsers);
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("maxUploadBytes must be positive: " + maxUploadBytes);
    }
    this.maxUploadBytes = maxUploadBytes;
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * The fax center behind this desk.
   *
   * @return the center
   */
  public FaxCenter center() {
    return center;
  }

  /**
   * The largest upload accepted.
   *
   * @return bytes
   */
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /**
   * The upload limit for people: {@code 20 MB}, {@code 300 KB}, {@code 512 bytes}.
   *
   * @return the limit in the largest whole unit
   */
  public String maxUploadText() {
    if (maxUploadBytes % (1024 * 1024) == 0) {
      return maxUploadBytes / (1024 * 1024) + " MB";
    }
    if (maxUploadBytes % 1024 == 0) {
      return maxUploadBytes / 1024 + " KB";
    }
    return maxUploadBytes + " bytes";
  }

  /**
   * The fax user a host user acts as.
   *
   * @param hostUser the signed-in person's name in the host application
   * @return the fax user, empty when that person has no fax account
   */
  public Optional<FaxUser> user(String hostUser) {
    return center.users().find(panelUsers.getOrDefault(hostUser, hostUser));
  }

  /**
   * The fax user a host user acts as, or an error saying there is none.
   *
   * @param hostUser the signed-in person's name in the host application
   * @return the fax user
   * @throws NotFoundException when that person has no fax account
   */
  public FaxUser requireUser(String hostUser) {
    return user(hostUser).orElseThrow(() -> new NotFoundException("user " + TerminalText.escape(hostUser)
        + " has no fax account (sipring.fax.accounts)"));
  }

  // ------------------------------------------------------------------------------------------------ received

  /**
   * A received fax as a row to show.
   *
   * @param file hfaxd's file name in recvq (letters, digits, {@code . _ -} only: the library refuses others)
   * @param sender the sender's TSI, control characters escaped
   * @param callerId the caller ID number and name, control characters escaped
   * @param receivedAt when, in the desk's zone
   * @param pages pages
   * @param line the line's name (or its device), escaped
   * @param category the category, empty when none
   * @param mayDelete the user may delete it
   */
  public record ReceivedRow(String file, String sender, String callerId, String receivedAt, int pages, String line,
      String category, boolean mayDelete) {}

  /**
   * The user's inbox or archive, newest first.
   *
   * @param user the fax user
   * @param folder inbox or archive
   * @return the faxes the user may see there
   */
  public List<ReceivedRow> received(FaxUser user, InboxFax.Folder folder) {
    List<InboxFax> faxes = new ArrayList<>(center.received(user, folder));
    faxes.sort((a, b) -> b.receivedAt().compareTo(a.receivedAt()));
    List<ReceivedRow> rows = new ArrayList<>();
    for (InboxFax f : faxes) {
      String cid = (f.cidNumber() + " " + f.cidName()).strip();
      rows.add(new ReceivedRow(f.file(), TerminalText.escape(f.sender()), TerminalText.escape(cid),
          time(f.receivedAt()), f.pages(), TerminalText.escape(f.lineName()),
          f.category() == null ? "" : TerminalText.escape(f.category()), FaxPermissions.canDelete(user, f)));
    }
    return rows;
  }

  /**
   * Records faxes hfaxd holds that were never recorded (received while the receive hook was not installed);
   * they have no line, so only users who see every modem see them.
   *
   * @return how many were recorded
   */
  public int refreshFromServer() {
    return center.recordUnknownFromServer().size();
  }

  // ------------------------------------------------------------------------------------------------ outbox

  /**
   * An outgoing job as a row to show, with the controls the user may use on it.
   *
   * @param id the job id
   * @param number the number dialled
   * @param phase queued, suspended, sending, done, failed
   * @param pages pages sent / total
   * @param tries tries made / allowed
   * @param owner the hfaxd owner
   * @param status hfaxd's status text (the failure reason of a failed job), escaped
   * @param sendAt when due, in the desk's zone; empty when not known
   * @param mayCancel the user may kill it now (queued or sending, and the user controls it)
   * @param maySuspend the user may hold it (queued)
   * @param mayResubmit the user may schedule it again (suspended)
   * @param mayDelete the user may remove it (finished or suspended)
   */
  public record JobRow(String id, String number, String phase, String pages, String tries, String owner,
      String status, String sendAt, boolean mayCancel, boolean maySuspend, boolean mayResubmit, boolean mayDelete) {}

  /**
   * The jobs of the send or done queue the user may see.
   *
   * @param user the fax user
   * @param queue {@link FaxQueue#SEND} (waiting and sending) or {@link FaxQueue#DONE} (finished)
   * @return the rows, newest job first
   */
  public List<JobRow> outbox(FaxUser user, FaxQueue queue) {
    List<FaxJob> jobs = new ArrayList<>(center.outbox(user, queue));
    jobs.sort((a, b) -> Long.compare(jobNumber(b.id()), jobNumber(a.id())));
    List<JobRow> rows = new ArrayList<>();
    for (FaxJob j : jobs) {
      boolean control = FaxPermissions.canControlJob(user, j);
      FaxJobState s = j.state();
      boolean queued = "queued".equals(s.phase());
      rows.add(new JobRow(j.id(), TerminalText.escape(j.number()), s.phase(), j.pagesSent() + "/" + j.pagesTotal(),
          j.tries() + "/" + j.maxTries(), TerminalText.escape(j.owner()), TerminalText.escape(j.status()),
          j.sendAt() == null ? "" : time(j.sendAt()), control && (queued || s == FaxJobState.RUNNING),
          control && queued, control && s == FaxJobState.SUSPENDED,
          control && (s.isFinished() || s == FaxJobState.SUSPENDED)));
    }
    return rows;
  }

  private static long jobNumber(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  // ------------------------------------------------------------------------------------------------ send

  /**
   * An uploaded file as a fax document, after the checks: not larger than the limit, and PDF, PostScript, TIFF or
   * UTF-8 text by its content (the name and the browser's content type are not trusted).
   *
   * @param fileName the name the browser gave (outside text: only letters, digits and {@code . _ -} are kept)
   * @param bytes the content
   * @return the document
   * @throws BadInputException naming the file when it is empty, too large or of another type
   */
  public FaxDocument document(@Nullable String fileName, byte[] bytes) {
    checkUploadSize(fileName, bytes.length);
    String name = safeFileName(fileName);
    return FaxDocument.fromBytes(name, bytes, "file " + name);
  }

  /**
   * Refuses an upload larger than the limit before its bytes are read into memory.
   *
   * @param fileName the name the browser gave, or null
   * @param size its size in bytes
   * @throws BadInputException naming the file when it is larger than the limit
   */
  public void checkUploadSize(@Nullable String fileName, long size) {
    if (size > maxUploadBytes) {
      throw new BadInputException("file " + safeFileName(fileName), "is " + size + " bytes; the limit is "
          + maxUploadBytes + " bytes (sipring.fax.max-upload)");
    }
  }

  /**
   * A browser's file name reduced to letters, digits and {@code . _ -} (at most 100 characters); {@code document}
   * when nothing is left.
   *
   * @param fileName the name as given, or null
   * @return a name safe for a page, a log line and hfaxd
   */
  public static String safeFileName(@Nullable String fileName) {
    if (fileName == null) {
      return "document";
    }
    String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < base.length() && b.length() < 100; i++) {
      char c = base.charAt(i);
      boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
      b.append(ok ? c : '_');
    }
    String s = b.toString();
    while (s.startsWith(".")) {
      s = s.substring(1);
    }
    return s.isEmpty() || s.chars().allMatch(c -> c == '_') ? "document" : s;
  }

  /**
   * The numbers to send to: those typed (separated by commas, semicolons or line breaks), then each chosen
   * contact's number, then each chosen list's numbers; each number once, in that order
   * ({@link ru.sipring.fax.FaxContactStore#recipients}).
   *
   * @param typed numbers as typed, may be blank
   * @param contacts names of address-book contacts
   * @param lists names of distribution lists
   * @return the numbers
   * @throws BadInputException when nothing is left
   * @throws NotFoundException when a contact or list does not exist
   */
  public List<String> recipients(@Nullable String typed, List<String> contacts, List<String> lists) {
    List<String> out = center.contacts().recipients(
        typed == null ? List.of() : List.of(typed.split("[,;\\r\\n]+")), contacts, lists);
    if (out.isEmpty()) {
      throw new BadInputException("to", "no fax number given: type one, or choose a contact or a list");
    }
    return out;
  }

  /**
   * The modems the user may send on: {@code any} for those who may use every modem, then the lines they may use.
   *
   * @param user the fax user
   * @return modem names for the send form, the first being the default
   */
  public List<String> sendModems(FaxUser user) {
    List<String> out = new ArrayList<>();
    Set<String> devices = new TreeSet<>();
    if (user.admin() || user.privileged() || user.anyModem()) {
      out.add("any");
      center.lines().list().forEach(l -> devices.add(l.device()));
    } else {
      devices.addAll(user.modems());
    }
    out.addAll(devices);
    return out;
  }

  /**
   * The lines (modem devices and their names).
   *
   * @return the lines, by device
   */
  public List<FaxLine> lines() {
    return center.lines().list();
  }

  /**
   * What a person asks to send.
   *
   * @param numbers the numbers ({@link #recipients})
   * @param documents the documents ({@link #document})
   * @param cover the cover page, or null for none
   * @param modem {@code any} or a modem the user may use
   */
  public record Outgoing(List<String> numbers, List<FaxDocument> documents, @Nullable CoverPage cover,
      String modem) {
    /**
     * Copies the lists.
     *
     * @param numbers the numbers
     * @param documents the documents
     * @param cover the cover page, or null
     * @param modem the modem
     */
    public Outgoing {
      numbers = List.copyOf(numbers);
      documents = List.copyOf(documents);
      Objects.requireNonNull(modem, "modem");
    }
  }

  /**
   * Sends as the user: one job per number, the user's hfaxd account the owner; the modem right is checked.
   *
   * @param user the fax user
   * @param outgoing what to send
   * @return the jobs made
   * @throws BadInputException when nothing is to be sent or a number is bad
   * @throws ru.sipring.core.RejectedException when the user may not send on that modem
   */
  public SendResult send(FaxUser user, Outgoing outgoing) {
    SendRequest.Builder b = SendRequest.builder().to(outgoing.numbers()).cover(outgoing.cover())
        .modem(outgoing.modem().isBlank() ? "any" : outgoing.modem()).fromUser(user.login());
    outgoing.documents().forEach(b::document);
    return center.send(user, b.build());
  }

  /**
   * Sends as the fax user of a signed-in person, recorded in the audit log as {@code fax.send} under the person's
   * name (target: the numbers; detail: the job ids, or why it was refused).
   *
   * @param hostUser the signed-in person
   * @param outgoing what to send
   * @return the jobs made
   * @throws NotFoundException when the person has no fax account (not audited: nothing was attempted)
   * @throws BadInputException when nothing is to be sent or a number is bad
   * @throws ru.sipring.core.RejectedException when the user may not send on that modem
   */
  public SendResult send(String hostUser, Outgoing outgoing) {
    FaxUser user = requireUser(hostUser);
    String target = String.join(", ", outgoing.numbers());
    SendResult sent = audited(hostUser, "fax.send", target, () -> send(user, outgoing));
    List<String> ids = sent.jobs().stream().map(SendResult.Job::id).toList();
    record(hostUser, "fax.send", target, "as " + user.login() + ": jobs " + String.join(", ", ids)
        + (outgoing.cover() != null ? ", cover page" : "") + ", " + outgoing.documents().size() + " document(s)");
    return sent;
  }

  /**
   * A job action of a signed-in person, with the rights of their fax user, recorded in the audit log as
   * {@code fax.job.cancel} (hfaxd's kill), {@code fax.job.suspend}, {@code fax.job.resubmit} or
   * {@code fax.job.delete} under the person's name, also when refused.
   *
   * @param hostUser the signed-in person
   * @param jobId the hfaxd job id
   * @param action {@code cancel}, {@code suspend}, {@code resubmit} or {@code delete}
   * @throws NotFoundException for another action, a person without a fax account, or a job the user may not see
   * @throws ru.sipring.core.RejectedException when the user may not do it
   */
  public void jobAction(String hostUser, String jobId, String action) {
    FaxUser user = requireUser(hostUser);
    Runnable act = switch (action) {
      case "cancel" -> () -> center.kill(user, jobId);
      case "suspend" -> () -> center.suspend(user, jobId);
      case "resubmit" -> () -> center.resubmit(user, jobId);
      case "delete" -> () -> center.deleteJob(user, jobId);
      default -> throw new NotFoundException("no job action " + TerminalText.escape(action));
    };
    String key = "fax.job." + action;
    audited(hostUser, key, "job " + jobId, () -> {
      act.run();
      return null;
    });
    record(hostUser, key, "job " + jobId, "as " + user.login());
  }

  /**
   * A received-fax action of a signed-in person, with the rights of their fax user, recorded in the audit log as
   * {@code fax.received.archive}, {@code fax.received.inbox} (moved back) or {@code fax.received.delete} under the
   * person's name, also when refused.
   *
   * @param hostUser the signed-in person
   * @param file the received fax's file ({@code fax000000012.tif})
   * @param action {@code archive}, {@code inbox} or {@code delete}
   * @throws NotFoundException for another action, a person without a fax account, or a fax the user may not see
   * @throws ru.sipring.core.RejectedException when the user may not delete
   */
  public void receivedAction(String hostUser, String file, String action) {
    FaxUser user = requireUser(hostUser);
    Runnable act = switch (action) {
      case "archive" -> () -> center.move(user, file, InboxFax.Folder.ARCHIVE);
      case "inbox" -> () -> center.move(user, file, InboxFax.Folder.INBOX);
      case "delete" -> () -> center.delete(user, file);
      default -> throw new NotFoundException("no fax action " + TerminalText.escape(action));
    };
    String key = "fax.received." + action;
    audited(hostUser, key, file, () -> {
      act.run();
      return null;
    });
    record(hostUser, key, file, "as " + user.login());
  }

  private <T> T audited(String hostUser, String key, String target, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (SipRingException e) {
      record(hostUser, key, target, "refused: " + TerminalText.escape(String.valueOf(e.getMessage())));
      throw e;
    }
  }

  private void record(String hostUser, String key, String target, String detail) {
    audit.record(new AuditEntry(clock.instant(), hostUser, key, target, detail));
  }

  /**
   * A cover page from a form's fields (blank fields left out); null when every field is blank.
   *
   * @param recipient to whom
   * @param company the recipient's company
   * @param subject subject
   * @param comments comments
   * @param fromName the sender's name
   * @param fromCompany the sender's company
   * @param fromPhone the sender's telephone
   * @return the cover page or null
   */
  public static @Nullable CoverPage cover(@Nullable String recipient, @Nullable String company,
      @Nullable String subject, @Nullable String comments, @Nullable String fromName, @Nullable String fromCompany,
      @Nullable String fromPhone) {
    if (blank(recipient) && blank(company) && blank(subject) && blank(comments)) {
      return null;
    }
    CoverPage.Builder b = CoverPage.builder();
    if (!blank(recipient)) {
      b.recipient(recipient);
    }
    if (!blank(company)) {
      b.company(company);
    }
    if (!blank(subject)) {
      b.subject(subject);
    }
    if (!blank(comments)) {
      b.comments(comments);
    }
    if (!blank(fromName)) {
      b.fromName(fromName);
    }
    if (!blank(fromCompany)) {
      b.fromCompany(fromCompany);
    }
    if (!blank(fromPhone)) {
      b.fromPhone(fromPhone);
    }
    return b.build();
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  private String time(Instant t) {
    return TIME.format(t.atZone(zone));
  }
}
