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

  /**
   * A builder; stores default to in-memory ones, images to {@code tiff2pdf}, the clock to UTC system time.
   *
   * @param sessions the sessions
   * @return a new builder
   */
  public static Builder builder(FaxSessions sessions) {
    Builder b = new Builder();
    b.sessions = sessions;
    return b;
  }

  /**
   * The store of fax users and their rights.
   *
   * @return the users
   */
  public FaxUserStore users() { return users; }
  /**
   * The store of fax lines.
   *
   * @return the lines
   */
  public FaxLineStore lines() { return lines; }
  /**
   * The contacts.
   *
   * @return the contacts
   */
  public FaxContactStore contacts() { return contacts; }
  /**
   * The received faxes.
   *
   * @return the received faxes
   */
  public ReceivedFaxStore receivedFaxes() { return received; }

  // ------------------------------------------------------------------------------------------- received

  /**
   * Records a fax that just arrived (called from the receive hook): its line and the line's default
   * category. SipRing keeps these because HylaFAX does not.
   *
   * @param e the receive event
   * @return the inbox fax
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

  /**
   * The user's inbox or archive, newest first.
   *
   * @param user the fax user the action is checked for
   * @param folder the folder
   * @return the user's inbox or archive, newest first
   */
  public List<InboxFax> received(FaxUser user, InboxFax.Folder folder) {
    List<InboxFax> out = new ArrayList<>();
    for (InboxFax f : received.list()) {
      if (f.folder() == folder && FaxPermissions.canSee(user, f)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * One received fax the user may see.
   *
   * @param user the fax user the action is checked for
   * @param file the file name
   * @return one received fax the user may see
   */
  public InboxFax receivedFax(FaxUser user, String file) {
    InboxFax f = received.find(file).orElse(null);
    if (f == null || !FaxPermissions.canSee(user, f)) {
      throw new NotFoundException("no received fax " + file + " for user " + user.login());
    }
    return f;
  }

  /**
   * The fax as a PDF (converted from hfaxd's TIFF).
   *
   * @param user the fax user the action is checked for
   * @param file the file name
   * @return the fax as a PDF
   */
  public byte[] viewPdf(FaxUser user, String file) {
    InboxFax f = receivedFax(user, file);
    byte[] tiff;
    try (HylaFaxClient c = sessions.openService()) {
      tiff = c.retrieveReceived(f.file());
    }
    return images.tiffToPdf(tiff, "recvq/" + f.file());
  }

  /**
   * One page (1-based) of the fax as PNG at {@code dpi}.
   *
   * @param user the fax user the action is checked for
   * @param file the file name
   * @param page the page
   * @param dpi the dpi
   * @return one page
   */
  public byte[] viewPng(FaxUser user, String file, int page, float dpi) {
    return images.pageAsPng(viewPdf(user, file), page, dpi);
  }

  /**
   * Moves the fax to the archive (or back to the inbox).
   *
   * @param user the fax user the action is checked for
   * @param file the file name
   * @param folder the folder
   * @return the inbox fax
   */
  public InboxFax move(FaxUser user, String file, InboxFax.Folder folder) {
    InboxFax moved = receivedFax(user, file).inFolder(folder);
    received.save(moved);
    return moved;
  }

  /**
   * Sets or clears the category; the category must exist.
   *
   * @param user the fax user the action is checked for
   * @param file the file name
   * @param category the category
   * @return the inbox fax
   */
  public InboxFax categorize(FaxUser user, String file, @Nullable String category) {
    InboxFax f = receivedFax(user, file);
    if (category != null && !lines.categories().contains(category)) {
      throw new NotFoundException("no fax category '" + category + "' (known: " + lines.categories() + ")");
    }
    InboxFax changed = f.withCategory(category);
    received.save(changed);
    return changed;
  }

  /**
   * Deletes the fax on the server ({@code DELE recvq/...}) and its record; needs "may delete".
   *
   * @param user the fax user the action is checked for
   * @param file the file name
   */
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

  /**
   * Users with an e-mail address who may see {@code fax}: who fax-to-email mails it to.
   *
   * @param fax the received fax
   * @return the fax users
   */
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

  /**
   * Jobs of the send or done queue the user may see.
   *
   * @param user the fax user the action is checked for
   * @param queue the send queue or the done queue
   * @return the fax jobs
   */
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

  /**
   * Sends as the user, after checking the modem right. Distribution lists are expanded by {@link #numbersOf}.
   *
   * @param user the fax user the action is checked for
   * @param request what to send
   * @return the send result
   */
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

  /**
   * The numbers of a distribution list.
   *
   * @param listName the list name
   * @return the numbers of a distribution list
   */
  public List<String> numbersOf(String listName) {
    return contacts.list(listName)
        .orElseThrow(() -> new NotFoundException("no distribution list '" + listName + "'"))
        .numbers();
  }

  /**
   * Kills a job the user may control (its owner, or an administrator).
   *
   * @param user the fax user the action is checked for
   * @param jobId the hfaxd job id
   */
  public void kill(FaxUser user, String jobId) {
    controlJob(user, jobId);
    try (HylaFaxClient c = user.admin() ? sessions.openService() : sessions.openAs(user)) {
      c.kill(jobId);
    }
  }

  /**
   * Deletes a done or suspended job the user may control.
   *
   * @param user the fax user the action is checked for
   * @param jobId the hfaxd job id
   */
  public void deleteJob(FaxUser user, String jobId) {
    controlJob(user, jobId);
    try (HylaFaxClient c = user.admin() ? sessions.openService() : sessions.openAs(user)) {
      c.delete(jobId);
    }
  }

  /**
   * The job, if the user may see it.
   *
   * @param user the fax user the action is checked for
   * @param jobId the hfaxd job id
   * @return the job, if the user may see it
   */
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
    private @Nullable FaxSessions sessions;
    private FaxLineStore lines = InMemoryFaxStores.lines();
    private ReceivedFaxStore received = InMemoryFaxStores.received();
    private FaxUserStore users = InMemoryFaxStores.users();
    private FaxContactStore contacts = InMemoryFaxStores.contacts();
    private FaxImages images = FaxImages.withTiff2Pdf();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the store of fax lines (default in memory).
     *
     * @param s the store
     * @return this builder
     */
    public Builder lines(FaxLineStore s) { lines = s; return this; }
    /**
     * Sets the store of received faxes (default in memory).
     *
     * @param s the store
     * @return this builder
     */
    public Builder received(ReceivedFaxStore s) { received = s; return this; }
    /**
     * Sets the store of fax users and their rights (default in memory).
     *
     * @param s the store
     * @return this builder
     */
    public Builder users(FaxUserStore s) { users = s; return this; }
    /**
     * Sets the store of contacts and distribution lists (default in memory).
     *
     * @param s the store
     * @return this builder
     */
    public Builder contacts(FaxContactStore s) { contacts = s; return this; }
    /**
     * Sets the TIFF to PDF converter (default {@code tiff2pdf}).
     *
     * @param i the converter
     * @return this builder
     */
    public Builder images(FaxImages i) { images = i; return this; }
    /**
     * Sets the clock that stamps received faxes (default the system clock in UTC).
     *
     * @param c the clock
     * @return this builder
     */
    public Builder clock(Clock c) { clock = c; return this; }

    /**
     * The fax centre.
     *
     * @return a new fax centre with the settings so far
     */
    public FaxCenter build() {
      return new FaxCenter(this);
    }
  }
}
