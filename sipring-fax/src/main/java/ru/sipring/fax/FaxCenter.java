package ru.sipring.fax;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

/**
 * The fax server as a user sees it (guide §10): inbox and archive of received faxes, outbox, send, view,
 * delete, filtered by AvantFAX-style rights ({@link FaxPermissions}) on every listing and action. A fax the
 * user may not see is reported as not found, so its existence does not leak.
 *
 * <p>Thread-safe: it holds no mutable state; every call opens its own hfaxd session and the stores are
 * thread-safe.
 */
public final class FaxCenter {
  private final FaxSessions sessions;
  private final FaxLineStore lines;
  private final ReceivedFaxStore received;
  private final FaxUserStore users;
  private final FaxContactStore contacts;
  private final FaxImages images;
  private final Clock clock;

  private FaxCenter(Builder b) {
    this.sessions = Objects.requireNonNull(b.sessions, "sessions");
    this.lines = b.lines;
    this.received = b.received;
    this.users = b.users;
    this.contacts = b.contacts;
    this.images = b.images;
    this.clock = b.clock;
  }

  /** A builder; stores default to in-memory ones, images to {@code tiff2pdf}, the clock to UTC system time. */
  public static Builder builder(FaxSessions sessions) {
    Builder b = new Builder();
    b.sessions = sessions;
    return b;
  }

  public FaxUserStore users() { return users; }
  public FaxLineStore lines() { return lines; }
  public FaxContactStore contacts() { return contacts; }
  public ReceivedFaxStore receivedFaxes() { return received; }

  // ------------------------------------------------------------------------------------------- received

  /**
   * Records a fax that just arrived (called from the receive hook): its line and the line's default
   * category. SipRing keeps these because HylaFAX does not.
   */
  public InboxFax recordReceived(ReceiveEvent e) {
    FaxLine line = lines.find(e.device()).orElse(null);
    InboxFax fax = new InboxFax(e.file(), e.sender(), e.cidNumber(), e.cidName(), e.receivedAt(), e.pages(),
        e.device(), line == null ? e.device() : line.name(), line == null ? null : line.defaultCategory(),
        InboxFax.Folder.INBOX, e.commId());
    received.save(fax);
    return fax;
  }

  /**
   * Records faxes hfaxd lists in {@code recvq/} that SipRing has not recorded (for example received while
   * the hook was not installed). Their line is unknown, so only users who see every modem see them.
   *
   * @return the faxes newly recorded
   */
  public List<InboxFax> recordUnknownFromServer() {
    List<InboxFax> added = new ArrayList<>();
    try (HylaFaxClient c = sessions.openService()) {
      for (ReceivedFax f : c.listReceived()) {
        if (f.stillReceiving() || received.find(f.file()).isPresent()) {
          continue;
        }
        InboxFax fax = new InboxFax(f.file(), f.sender(), f.cidNumber(), f.cidName(),
            f.receivedAt() == null ? clock.instant() : f.receivedAt(), f.pages(), "", "", null,
            InboxFax.Folder.INBOX, "");
        received.save(fax);
        added.add(fax);
      }
    }
    return added;
  }

  /** The user's inbox or archive, newest first. */
  public List<InboxFax> received(FaxUser user, InboxFax.Folder folder) {
    List<InboxFax> out = new ArrayList<>();
    for (InboxFax f : received.list()) {
      if (f.folder() == folder && FaxPermissions.canSee(user, f)) {
        out.add(f);
      }
    }
    return out;
  }

  /** One received fax the user may see. */
  public InboxFax receivedFax(FaxUser user, String file) {
    InboxFax f = received.find(file).orElse(null);
    if (f == null || !FaxPermissions.canSee(user, f)) {
      throw new NotFoundException("no received fax " + file + " for user " + user.login());
    }
    return f;
  }

  /** The fax as a PDF (converted from hfaxd's TIFF). */
  public byte[] viewPdf(FaxUser user, String file) {
    InboxFax f = receivedFax(user, file);
    byte[] tiff;
    try (HylaFaxClient c = sessions.openService()) {
      tiff = c.retrieveReceived(f.file());
    }
    return images.tiffToPdf(tiff, "recvq/" + f.file());
  }

  /** One page (1-based) of the fax as PNG at {@code dpi}. */
  public byte[] viewPng(FaxUser user, String file, int page, float dpi) {
    return images.pageAsPng(viewPdf(user, file), page, dpi);
  }

  /** Moves the fax to the archive (or back to the inbox). */
  public InboxFax move(FaxUser user, String file, InboxFax.Folder folder) {
    InboxFax moved = receivedFax(user, file).inFolder(folder);
    received.save(moved);
    return moved;
  }

  /** Sets or clears the category; the category must exist. */
  public InboxFax categorize(FaxUser user, String file, @Nullable String category) {
    InboxFax f = receivedFax(user, file);
    if (category != null && !lines.categories().contains(category)) {
      throw new NotFoundException("no fax category '" + category + "' (known: " + lines.categories() + ")");
    }
    InboxFax changed = f.withCategory(category);
    received.save(changed);
    return changed;
  }

  /** Deletes the fax on the server ({@code DELE recvq/...}) and its record; needs "may delete". */
  public void delete(FaxUser user, String file) {
    InboxFax f = receivedFax(user, file);
    if (!FaxPermissions.canDelete(user, f)) {
      throw new RejectedException("user " + user.login() + " may not delete faxes");
    }
    try (HylaFaxClient c = sessions.openService()) {
      HfaxdReply r = c.command("DELE recvq/" + f.file());
      if (r.code() != 250 && r.code() != 200) {
        throw new FaxServerException("DELE recvq/" + f.file(), r);
      }
    }
    received.delete(f.file());
  }

  /** Users with an e-mail address who may see {@code fax}: who fax-to-email mails it to. */
  public List<FaxUser> recipientsOf(InboxFax fax) {
    List<FaxUser> out = new ArrayList<>();
    for (FaxUser u : users.list()) {
      if (!u.email().isEmpty() && FaxPermissions.canSee(u, fax)) {
        out.add(u);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------- outgoing

  /** Jobs of the send or done queue the user may see. */
  public List<FaxJob> outbox(FaxUser user, FaxQueue queue) {
    try (HylaFaxClient c = sessions.openService()) {
      List<FaxJob> out = new ArrayList<>();
      for (FaxJob j : c.listJobs(queue)) {
        if (FaxPermissions.canSeeJob(user, j)) {
          out.add(j);
        }
      }
      return out;
    }
  }

  /** Sends as the user, after checking the modem right. Distribution lists are expanded by {@link #numbersOf}. */
  public SendResult send(FaxUser user, SendRequest request) {
    if (!"any".equals(request.modem()) && !FaxPermissions.canSendOn(user, request.modem())
        || "any".equals(request.modem()) && !(user.admin() || user.privileged() || user.anyModem())) {
      throw new RejectedException("user " + user.login() + " may send only on modems " + user.modems()
          + ", not on '" + request.modem() + "'");
    }
    try (HylaFaxClient c = sessions.openAs(user)) {
      return c.send(request);
    }
  }

  /** The numbers of a distribution list. */
  public List<String> numbersOf(String listName) {
    return contacts.list(listName)
        .orElseThrow(() -> new NotFoundException("no distribution list '" + listName + "'"))
        .numbers();
  }

  /** Kills a job the user may control (its owner, or an administrator). */
  public void kill(FaxUser user, String jobId) {
    controlJob(user, jobId);
    try (HylaFaxClient c = user.admin() ? sessions.openService() : sessions.openAs(user)) {
      c.kill(jobId);
    }
  }

  /** Deletes a done or suspended job the user may control. */
  public void deleteJob(FaxUser user, String jobId) {
    controlJob(user, jobId);
    try (HylaFaxClient c = user.admin() ? sessions.openService() : sessions.openAs(user)) {
      c.delete(jobId);
    }
  }

  /** The job, if the user may see it. */
  public FaxJob job(FaxUser user, String jobId) {
    FaxJob job;
    try (HylaFaxClient c = sessions.openService()) {
      job = c.job(jobId);
    }
    if (!FaxPermissions.canSeeJob(user, job)) {
      throw new NotFoundException("no fax job " + jobId + " for user " + user.login());
    }
    return job;
  }

  private void controlJob(FaxUser user, String jobId) {
    FaxJob job = job(user, jobId);
    if (!FaxPermissions.canControlJob(user, job)) {
      throw new RejectedException("user " + user.login() + " may not kill or delete job " + jobId + " of " + job.owner());
    }
  }

  /**
   * Holds a queued job the user may control (its owner, or an administrator): the scheduler leaves it alone
   * until {@link #resubmit} ({@code JSUSP}).
   *
   * @param user who asks
   * @param jobId the job
   * @throws NotFoundException when the user may not see the job or it does not exist
   * @throws RejectedException when the user may see but not control it
   */
  public void suspend(FaxUser user, String jobId) {
    controlJob(user, jobId);
    try (HylaFaxClient c = user.admin() ? sessions.openService() : sessions.openAs(user)) {
      c.suspend(jobId);
    }
  }

  /**
   * Schedules a suspended job again ({@code JSUBM}); hfaxd refuses it for a job already done or failed (a
   * {@link FaxServerException} with its reply).
   *
   * @param user who asks
   * @param jobId the job
   * @throws NotFoundException when the user may not see the job or it does not exist
   * @throws RejectedException when the user may see but not control it
   */
  public void resubmit(FaxUser user, String jobId) {
    controlJob(user, jobId);
    try (HylaFaxClient c = user.admin() ? sessions.openService() : sessions.openAs(user)) {
      c.resubmit(jobId);
    }
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private FaxSessions sessions;
    private FaxLineStore lines = InMemoryFaxStores.lines();
    private ReceivedFaxStore received = InMemoryFaxStores.received();
    private FaxUserStore users = InMemoryFaxStores.users();
    private FaxContactStore contacts = InMemoryFaxStores.contacts();
    private FaxImages images = FaxImages.withTiff2Pdf();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder lines(FaxLineStore s) { lines = s; return this; }
    public Builder received(ReceivedFaxStore s) { received = s; return this; }
    public Builder users(FaxUserStore s) { users = s; return this; }
    public Builder contacts(FaxContactStore s) { contacts = s; return this; }
    public Builder images(FaxImages i) { images = i; return this; }
    public Builder clock(Clock c) { clock = c; return this; }

    public FaxCenter build() {
      return new FaxCenter(this);
    }
  }
}
