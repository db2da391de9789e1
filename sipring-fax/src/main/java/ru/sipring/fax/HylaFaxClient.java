package ru.sipring.fax;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.SipRingException;

/**
 * A client of hfaxd, HylaFAX's client protocol server (TCP 4559, FTP-like; see {@code hfaxd(8)}). One
 * instance is one logged-in control connection; data transfers use passive mode.
 *
 * <p>Not thread-safe: one thread at a time (open one client per thread; a session is cheap, under 10 ms on
 * loopback). Close it to send {@code QUIT}.
 *
 * <p>hfaxd caches job files per session: a state change the scheduler writes within the second the session
 * last read the job is not seen by that session. To follow a job's progress, poll {@link #job} in a new
 * session each time (what {@code FaxCenter} and the CLI do).
 *
 * <p>Every line sent goes through one check ({@link #send(String, String)}): a CR, LF or NUL anywhere in it
 * (a password, a file path, a job parameter name or value, a raw command) would make hfaxd read a second
 * command, so the line is refused with a {@link ru.sipring.core.BadInputException} before anything is written,
 * and the session stays usable.
 *
 * <p>Every refusal of the server is a {@link FaxServerException} with the hfaxd code and text; an unknown job
 * is a {@link NotFoundException} whose cause is that exception; network failures are
 * {@link ConnectionException}s.
 */
public final class HylaFaxClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HylaFaxClient.class);

  /** JOBFMT SipRing lists jobs with; the free-text status is last so a '|' inside it does no harm. */
  static final String JOB_FORMAT = "%j|%g|%o|%a|%e|%P|%D|%T|%m|%Z|%J|%R|%C|%s";
  /** RCVFMT SipRing lists received faxes with; the error text is last. */
  static final String RECV_FORMAT = "%f|%Z|%s|%p|%z|%o|%r|%b|%d|%n|%j|%i|%a|%e";
  static final String MODEM_FORMAT = "%m|%n|%s";

  private static final Pattern PASV = Pattern.compile("\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)");
  private static final Pattern FILE = Pattern.compile("FILE: (\\S+)");
  private static final Pattern NEW_JOB = Pattern.compile("jobid: (\\d+) groupid: (\\d+)");
  private static final DateTimeFormatter SEND_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

  private final FaxServerAddress address;
  private final FaxCredentials credentials;
  private final String user;
  private final Socket control;
  private final BufferedReader in;
  private final OutputStream out;
  private final int timeoutMillis;
  private final Clock clock;
  private final ZoneId zone;
  private @Nullable String jobFormat;
  private @Nullable String recvFormat;
  private @Nullable String currentType;
  private @Nullable String currentForm;
  private boolean closed;

  private HylaFaxClient(FaxServerAddress address, FaxCredentials credentials, Socket control, int timeoutMillis,
      Clock clock, ZoneId zone) throws IOException {
    this.address = address;
    this.credentials = credentials;
    this.user = credentials.user();
    this.control = control;
    this.in = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.UTF_8));
    this.out = control.getOutputStream();
    this.timeoutMillis = timeoutMillis;
    this.clock = clock;
    this.zone = zone;
  }

  /**
   * Connects and logs in with a 10 s timeout; cover pages are dated by the system clock in the system zone.
   *
   * @param address the address
   * @param credentials the user and passwords
   * @return a logged-in client; the caller closes it
   */
  public static HylaFaxClient connect(FaxServerAddress address, FaxCredentials credentials) {
    return connect(address, credentials, Duration.ofSeconds(10), Clock.systemUTC(), ZoneId.systemDefault());
  }

  /**
   * Connects, reads the greeting, logs in ({@code USER}, {@code PASS} when asked, {@code ADMIN} when the
   * credentials carry an admin password) and sets binary transfers and GMT time values.
   *
   * @param timeout connect and read timeout for every socket
   * @param clock dates cover pages and generated tags
   * @param zone zone cover page dates are shown in
   * @param address the address
   * @param credentials the user and passwords
   * @return a logged-in client; the caller closes it
   */
  public static HylaFaxClient connect(FaxServerAddress address, FaxCredentials credentials, Duration timeout,
      Clock clock, ZoneId zone) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    Socket socket = new Socket();
    HylaFaxClient client;
    try {
      socket.connect(new InetSocketAddress(address.host(), address.port()), millis);
      socket.setSoTimeout(millis);
      client = new HylaFaxClient(address, credentials, socket, millis, clock, zone);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new ConnectionException("cannot connect to hfaxd at " + address + ": " + e.getMessage(), e);
    }
    try {
      HfaxdReply greeting = client.readReply();
      if (greeting.code() != 220) {
        throw new ConnectionException("hfaxd at " + address + " did not greet with 220 but: " + greeting);
      }
      client.login(credentials);
      client.expectOk("TZONE GMT", 200);
      return client;
    } catch (RuntimeException e) {
      client.abort();
      throw e;
    }
  }

  private void login(FaxCredentials c) {
    HfaxdReply r = send("USER " + c.user());
    if (r.code() == 331) {
      if (c.password() == null) {
        throw new FaxServerException("USER " + c.user(), r);
      }
      r = send("PASS " + c.password(), "PASS ***");
      if (r.code() != 230) {
        throw new FaxServerException("PASS ***", r);
      }
    } else if (r.code() != 230) {
      throw new FaxServerException("USER " + c.user(), r);
    }
    if (c.adminPassword() != null) {
      admin(c.adminPassword());
    }
  }

  /**
   * {@code ADMIN}: administrative privileges for this session (kill or delete anybody's jobs).
   *
   * @param adminPassword the admin password
   */
  public void admin(String adminPassword) {
    HfaxdReply r = send("ADMIN " + adminPassword, "ADMIN ***");
    if (r.code() != 230) {
      throw new FaxServerException("ADMIN ***", r);
    }
  }

  /**
   * The hfaxd user this session is logged in as.
   *
   * @return the hfaxd user this session is logged in as
   */
  public String user() {
    return user;
  }

  /**
   * The server this client is connected to.
   *
   * @return its address
   */
  public FaxServerAddress address() {
    return address;
  }

  // ---------------------------------------------------------------------------------------------- sending

  /**
   * Sends {@code request}: for each number, uploads the cover page (rendered for that number) and the
   * documents, creates a job, sets its parameters and submits it. All-or-nothing: when one job fails to
   * submit, the jobs of this send already queued are killed and deleted, then the error is thrown.
   *
   * @param request what to send
   * @return the send result
   */
  public SendResult send(SendRequest request) {
    String tag = request.tag() != null ? request.tag()
        : "sipring-" + UUID.randomUUID().toString().substring(0, 8);
    CoverPage coverPage = request.cover();
    CoverPageRenderer renderer = coverPage == null ? null : CoverPageRenderer.withDefaultFont();
    List<SendResult.Job> jobs = new ArrayList<>();
    try {
      for (String number : request.numbers()) {
        List<String> uploaded = new ArrayList<>();
        if (coverPage != null && renderer != null) {
          byte[] cover = renderer.render(coverPage, number, clock.instant().atZone(zone));
          uploaded.add(upload(FaxDocument.of("cover.pdf", FaxDocument.Format.PDF, cover)));
        }
        for (FaxDocument d : request.documents()) {
          uploaded.add(upload(d));
        }
        // the first job starts from hfaxd's default job; the others use it as template, so hfaxd gives them
        // its group id (documents are not inherited, the number is set again)
        expectOk(jobs.isEmpty() ? "JOB default" : "JOB " + jobs.get(0).id(), 200);
        jobs.add(submitJob(request, number, tag, uploaded));
      }
    } catch (RuntimeException e) {
      for (SendResult.Job j : jobs) {
        try {
          kill(j.id());
          delete(j.id());
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
    // hfaxd caches job files per session and misses the scheduler's rewrite made in the same second, so this
    // session would still show the jobs as suspended: read the states in a fresh session.
    Map<String, FaxJobState> states = new HashMap<>();
    try (HylaFaxClient fresh = connect(address, credentials, Duration.ofMillis(timeoutMillis), clock, zone)) {
      for (FaxJob j : fresh.listJobs(FaxQueue.SEND)) {
        states.put(j.id(), j.state());
      }
    }
    List<SendResult.Job> withState = new ArrayList<>();
    for (SendResult.Job j : jobs) {
      withState.add(new SendResult.Job(j.id(), j.groupId(), j.number(), states.getOrDefault(j.id(), j.state())));
    }
    return new SendResult(tag, withState);
  }

  private SendResult.Job submitJob(SendRequest r, String number, String tag, List<String> documents) {
    HfaxdReply created = expectOk("JNEW", 200);
    Matcher m = NEW_JOB.matcher(created.text());
    if (!m.find()) {
      throw new SipRingException("hfaxd answered JNEW with an unexpected text: " + created);
    }
    String id = m.group(1);
    String group = m.group(2);
    try {
      jparm("FROMUSER", quote(r.fromUser() == null ? user : r.fromUser()));
      jparm("DIALSTRING", quote(number));
      jparm("EXTERNAL", quote(number));
      // Without LASTTIME the kill time lands in 1970 and the scheduler NAKs the job (research fax-ha.md §0.4).
      jparm("LASTTIME", lastTime(r.killTime()));
      jparm("SENDTIME", r.sendAt() == null ? "NOW" : quote(SEND_TIME.format(r.sendAt())));
      jparm("MAXDIALS", Integer.toString(r.maxDials()));
      jparm("MAXTRIES", Integer.toString(r.maxTries()));
      jparm("VRES", Integer.toString(r.resolution().linesPerInch()));
      jparm("NOTIFY", quote(r.notifyMode().wire()));
      if (r.notifyAddress() != null) {
        jparm("NOTIFYADDR", quote(r.notifyAddress()));
      }
      jparm("MODEM", quote(r.modem()));
      jparm("JOBINFO", quote(tag));
      CoverPage c = r.cover();
      if (c != null) {
        jparmIfSet("TOUSER", c.recipient());
        jparmIfSet("TOCOMPANY", c.company());
        jparmIfSet("REGARDING", c.subject());
        jparmIfSet("COMMENTS", c.comments());
        jparmIfSet("FROMCOMPANY", c.fromCompany());
        jparmIfSet("FROMLOCATION", c.fromAddress());
        jparmIfSet("FROMVOICE", c.fromPhone());
      }
      for (String doc : documents) {
        expectOk("JPARM DOCUMENT " + doc, 200);
      }
      expectOk("JSUBM", 200);
    } catch (RuntimeException e) {
      // the job exists on the server but was never submitted: remove it so it does not linger
      try {
        send("JDELE");
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return new SendResult.Job(id, group, number, FaxJobState.PENDING);
  }

  private void jparm(String name, String value) {
    expectOk("JPARM " + name + " " + value, 213);
  }

  private void jparmIfSet(String name, String value) {
    if (!value.isEmpty()) {
      jparm(name, quote(value));
    }
  }

  /**
   * {@code JPARM NAME VALUE} on job {@code jobId}, for example to change SENDTIME of a suspended job.
   *
   * @param jobId the hfaxd job id
   * @param name the name
   * @param value the value
   */
  public void setJobParameter(String jobId, String name, String value) {
    selectJob(jobId);
    jparm(name, quote(value));
  }

  /**
   * {@code JPARM NAME}: one parameter of a job as hfaxd stores it.
   *
   * @param jobId the hfaxd job id
   * @param name the name
   * @return the parameter's value as hfaxd stores it
   */
  public String jobParameter(String jobId, String name) {
    selectJob(jobId);
    return expectOk("JPARM " + name, 213).text();
  }

  /**
   * Uploads a document into the server's tmp area ({@code STOT}) and returns the name hfaxd chose
   * ({@code /tmp/doc4.pdf}), to be named in {@code JPARM DOCUMENT}.
   *
   * @param document the document
   * @return the name hfaxd chose, such as {@code /tmp/doc4.pdf}
   */
  public String upload(FaxDocument document) {
    type("I");
    if (!document.format().form().equals(currentForm)) {
      expectOk("FORM " + document.format().form(), 200);
      currentForm = document.format().form();
    }
    try (Socket data = openPassive()) {
      HfaxdReply start = send("STOT");
      if (!start.isPreliminary()) {
        throw new FaxServerException("STOT", start);
      }
      try (OutputStream os = data.getOutputStream()) {
        os.write(document.bytesUnsafe());
      }
      HfaxdReply done = readReply();
      if (done.code() != 226) {
        throw new FaxServerException("STOT", done);
      }
      Matcher m = FILE.matcher(done.text());
      if (!m.find()) {
        m = FILE.matcher(start.text());
        if (!m.find()) {
          throw new SipRingException("hfaxd did not name the uploaded file: " + start + " / " + done);
        }
      }
      return m.group(1).replaceAll("[).]+$", "");
    } catch (IOException e) {
      throw lost("uploading " + document.name(), e);
    }
  }

  // ---------------------------------------------------------------------------------------------- jobs

  /**
   * Jobs in the send queue (active) or the done queue (finished, failed, killed).
   *
   * @param queue the hfaxd queue
   * @return the fax jobs
   */
  public List<FaxJob> listJobs(FaxQueue queue) {
    if (queue == FaxQueue.RECEIVED) {
      throw new IllegalArgumentException("received faxes are listed with listReceived()");
    }
    if (!JOB_FORMAT.equals(jobFormat)) {
      expectOk("JOBFMT " + quote(JOB_FORMAT), 200);
      jobFormat = JOB_FORMAT;
    }
    List<FaxJob> jobs = new ArrayList<>();
    for (String line : listLines(queue.directory())) {
      jobs.add(HfaxdFormats.parseJob(line));
    }
    return jobs;
  }

  /**
   * Lists a queue with a caller-chosen format (JOBFMT for send/done, RCVFMT for received), one string per
   * line as hfaxd printed it. SipRing's own format is set again before its next typed listing.
   *
   * @param queue the hfaxd queue
   * @param format the format
   * @return one line per job or fax, as the format made it
   */
  public List<String> listFormatted(FaxQueue queue, String format) {
    if (queue == FaxQueue.RECEIVED) {
      expectOk("RCVFMT " + quote(format), 200);
      recvFormat = format;
    } else {
      expectOk("JOBFMT " + quote(format), 200);
      jobFormat = format;
    }
    return listLines(queue.directory());
  }

  /**
   * A job from the send queue, else from the done queue.
   *
   * @param jobId the hfaxd job id
   * @return a job from the send queue, else from the done queue
   */
  public FaxJob job(String jobId) {
    checkJobId(jobId);
    for (FaxQueue q : List.of(FaxQueue.SEND, FaxQueue.DONE)) {
      for (FaxJob j : listJobs(q)) {
        if (j.id().equals(jobId)) {
          return j;
        }
      }
    }
    throw new NotFoundException("fax job " + jobId + " is neither in the send queue nor in the done queue of " + address);
  }

  /**
   * {@code JKILL}: stops a job; it moves to the done queue as failed ("Job aborted by request").
   *
   * @param jobId the hfaxd job id
   */
  public void kill(String jobId) {
    selectJob(jobId);
    expectOk("JKILL", 200);
  }

  /**
   * {@code JSUSP}: takes a job off the scheduler; change parameters, then {@link #resubmit}.
   *
   * @param jobId the hfaxd job id
   */
  public void suspend(String jobId) {
    selectJob(jobId);
    expectOk("JSUSP", 200);
  }

  /**
   * {@code JSUBM} on an existing (suspended) job: schedules it again.
   *
   * @param jobId the hfaxd job id
   */
  public void resubmit(String jobId) {
    selectJob(jobId);
    expectOk("JSUBM", 200);
  }

  /**
   * {@code JDELE}: removes a done or suspended job. Right after {@code JKILL} hfaxd answers
   * "504 ... Job file lock failed" while faxq still holds the file; that is retried for up to 5 s. The job is
   * selected again before every try: after the lock failure hfaxd falls back to the default job.
   *
   * @param jobId the hfaxd job id
   */
  public void delete(String jobId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      selectJob(jobId);
      HfaxdReply r = send("JDELE");
      if (r.code() == 200) {
        return;
      }
      if (r.code() == 504 && r.text().contains("lock failed") && System.nanoTime() < deadline) {
        pause(250);
        continue;
      }
      throw new FaxServerException("JDELE", r);
    }
  }

  private void selectJob(String jobId) {
    checkJobId(jobId);
    HfaxdReply r = send("JOB " + jobId);
    if (r.code() == 200) {
      return;
    }
    FaxServerException e = new FaxServerException("JOB " + jobId, r);
    if (r.code() == 500 && r.text().contains("does not exist")) {
      throw new NotFoundException("fax job " + jobId + " does not exist on " + address + " (" + r.code() + " " + r.text() + ")", e);
    }
    throw e;
  }

  private static void checkJobId(String jobId) {
    if (jobId == null || !jobId.matches("\\d{1,9}")) {
      throw new ru.sipring.core.BadInputException("job id", "'" + jobId + "' is not a fax job id (digits)");
    }
  }

  // ---------------------------------------------------------------------------------------------- receive

  /**
   * Faxes in {@code recvq/} this user may list.
   *
   * @return the received faxes
   */
  public List<ReceivedFax> listReceived() {
    if (!RECV_FORMAT.equals(recvFormat)) {
      expectOk("RCVFMT " + quote(RECV_FORMAT), 200);
      recvFormat = RECV_FORMAT;
    }
    List<ReceivedFax> faxes = new ArrayList<>();
    for (String line : listLines(FaxQueue.RECEIVED.directory())) {
      faxes.add(HfaxdFormats.parseReceived(line));
    }
    return faxes;
  }

  /**
   * Downloads a received fax ({@code recvq/faxNNN.tif}, G3/G4 TIFF).
   *
   * @param file the file name
   * @return the bytes
   */
  public byte[] retrieveReceived(String file) {
    if (!file.matches("[A-Za-z0-9_.-]+") || file.startsWith(".")) {
      throw new ru.sipring.core.BadInputException("file", "'" + file + "' is not a received fax file name");
    }
    return retrieve("recvq/" + file);
  }

  /**
   * {@code RETR path}: any file the user may read (for example {@code docq/doc4.pdf.4}).
   *
   * @param path the path
   * @return the bytes
   */
  public byte[] retrieve(String path) {
    type("I");
    try (Socket data = openPassive()) {
      HfaxdReply start = send("RETR " + path);
      if (!start.isPreliminary()) {
        FaxServerException e = new FaxServerException("RETR " + path, start);
        if (start.code() == 550 && start.text().contains("No such file")) {
          throw new NotFoundException(path + " does not exist on " + address + " (" + start.code() + " " + start.text() + ")", e);
        }
        throw e;
      }
      byte[] bytes;
      try (InputStream is = data.getInputStream()) {
        bytes = is.readAllBytes();
      }
      HfaxdReply done = readReply();
      if (done.code() != 226) {
        throw new FaxServerException("RETR " + path, done);
      }
      return bytes;
    } catch (IOException e) {
      throw lost("retrieving " + path, e);
    }
  }

  // ---------------------------------------------------------------------------------------------- status

  /**
   * The scheduler line and every modem from {@code LIST status}.
   *
   * @return the scheduler line and every modem from {@code LIST status}
   */
  public ServerStatus serverStatus() {
    expectOk("MDMFMT " + quote(MODEM_FORMAT), 200);
    List<String> lines = listLines("status");
    String scheduler = lines.isEmpty() ? "" : lines.get(0);
    List<ServerStatus.Modem> modems = new ArrayList<>();
    for (String l : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = l.split("\\|", 3);
      modems.add(new ServerStatus.Modem(f[0].trim(), f.length > 1 ? f[1].trim() : "", f.length > 2 ? f[2].trim() : ""));
    }
    return new ServerStatus(scheduler, modems);
  }

  /**
   * {@code STAT}: hfaxd's own description of this session and server (version, user, scheduler).
   *
   * @return the lines of the reply
   */
  public List<String> stat() {
    return expectOk("STAT", 211).lines();
  }

  /**
   * Sends one raw command and returns the reply, whatever its code. For commands this class lacks.
   *
   * @param command one line, without CR, LF or NUL (refused, like every line this client sends)
   * @return hfaxd's reply
   */
  public HfaxdReply command(String command) {
    return send(command);
  }

  // ---------------------------------------------------------------------------------------------- plumbing

  private List<String> listLines(String directory) {
    type("I");
    byte[] bytes;
    try (Socket data = openPassive()) {
      HfaxdReply start = send("LIST " + directory);
      if (!start.isPreliminary()) {
        throw new FaxServerException("LIST " + directory, start);
      }
      try (InputStream is = data.getInputStream()) {
        bytes = is.readAllBytes();
      }
      HfaxdReply done = readReply();
      if (done.code() != 226) {
        throw new FaxServerException("LIST " + directory, done);
      }
    } catch (IOException e) {
      throw lost("listing " + directory, e);
    }
    List<String> lines = new ArrayList<>();
    for (String l : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
      if (!l.isBlank()) {
        lines.add(l);
      }
    }
    return lines;
  }

  private void type(String t) {
    if (!t.equals(currentType)) {
      expectOk("TYPE " + t, 200);
      currentType = t;
    }
  }

  private Socket openPassive() throws IOException {
    HfaxdReply r = send("PASV");
    if (r.code() != 227) {
      throw new FaxServerException("PASV", r);
    }
    Matcher m = PASV.matcher(r.text());
    if (!m.find()) {
      throw new SipRingException("cannot parse hfaxd's PASV reply: " + r);
    }
    String host = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
    int port = Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6));
    Socket data = new Socket();
    try {
      data.connect(new InetSocketAddress(host, port), timeoutMillis);
      data.setSoTimeout(timeoutMillis);
    } catch (IOException e) {
      closeQuietly(data);
      throw e;
    }
    return data;
  }

  private HfaxdReply expectOk(String command, int code) {
    HfaxdReply r = send(command);
    if (r.code() != code) {
      throw new FaxServerException(command, r);
    }
    return r;
  }

  private HfaxdReply send(String command) {
    return send(command, command);
  }

  /**
   * The one place a line goes to hfaxd. {@code shown} is what logs and errors may show (passwords masked).
   */
  private HfaxdReply send(String command, String shown) {
    checkOneLine(command, shown);
    if (closed) {
      throw new IllegalStateException("the hfaxd session is closed");
    }
    try {
      out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      HfaxdReply r = readReply();
      log.debug("hfaxd {} -> {}", shown, ru.sipring.core.text.TerminalText.escape(String.valueOf(r)));
      return r;
    } catch (IOException e) {
      throw lost("sending " + shown, e);
    }
  }

  /**
   * Refuses a line that hfaxd would split into several commands. The message names the command word only:
   * the rest may be a password or the hostile text itself.
   */
  static void checkOneLine(String command, String shown) {
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (c == '\r' || c == '\n' || c == '\0') {
        int space = shown.indexOf(' ');
        String verb = (space < 0 ? shown : shown.substring(0, space)).replaceAll("[^A-Za-z0-9]", "?");
        throw new ru.sipring.core.BadInputException("hfaxd " + verb, "holds a "
            + (c == '\r' ? "CR" : c == '\n' ? "LF" : "NUL") + " at character " + (i + 1)
            + ", which would start another hfaxd command; nothing was sent");
      }
    }
  }

  private HfaxdReply readReply() {
    try {
      return readReply(in, address.toString());
    } catch (IOException e) {
      throw lost("reading a reply", e);
    }
  }

  /**
   * Reads one reply: {@code NNN text}, or the multi-line form {@code NNN-first} ... {@code NNN last} (lines in
   * between are kept as sent, hfaxd indents them).
   */
  static HfaxdReply readReply(BufferedReader in, String server) throws IOException {
    String first = in.readLine();
    if (first == null) {
      throw new ConnectionException("hfaxd at " + server + " closed the connection");
    }
    int code = codeOf(first, server);
    List<String> lines = new ArrayList<>();
    if (first.length() > 3 && first.charAt(3) == '-') {
      lines.add(first.substring(4));
      String end = first.substring(0, 3) + " ";
      while (true) {
        String l = in.readLine();
        if (l == null) {
          throw new ConnectionException("hfaxd at " + server + " closed the connection inside a reply");
        }
        if (l.startsWith(end)) {
          lines.add(l.substring(4));
          break;
        }
        lines.add(l);
      }
    } else {
      lines.add(first.length() > 4 ? first.substring(4) : "");
    }
    return new HfaxdReply(code, lines);
  }

  private static int codeOf(String line, String server) {
    if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
      throw new ConnectionException("hfaxd at " + server + " sent a line that is not a reply: '" + line + "'");
    }
    return Integer.parseInt(line.substring(0, 3));
  }

  private ConnectionException lost(String what, IOException e) {
    abort();
    return new ConnectionException("connection to hfaxd at " + address + " failed while " + what + ": " + e.getMessage(), e);
  }

  static String quote(String value) {
    // hfaxd takes a quoted string; a quote or a line break inside would end the command early
    return "\"" + value.replace('"', '\'').replaceAll("[\\r\\n]+", " ") + "\"";
  }

  /** Kill time as hfaxd's relative {@code LASTTIME DDHHMM}. */
  static String lastTime(Duration d) {
    return String.format("%02d%02d%02d", d.toDays(), d.toHoursPart(), d.toMinutesPart());
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SipRingException("interrupted while waiting for hfaxd", e);
    }
  }

  private void abort() {
    closed = true;
    closeQuietly(control);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // nothing left to do with a socket that will not close
    }
  }

  /** Sends {@code QUIT} and closes the connection; never throws. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      send("QUIT");
    } catch (RuntimeException e) {
      log.debug("QUIT to hfaxd at {} failed: {}", address, e.toString());
    } finally {
      abort();
    }
  }

  static @Nullable Instant epoch(String s) {
    String t = s.trim();
    if (t.isEmpty() || !t.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Instant.ofEpochSecond(Long.parseLong(t));
  }
}
