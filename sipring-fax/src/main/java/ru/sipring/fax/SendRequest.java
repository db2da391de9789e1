package ru.sipring.fax;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * One send: the same documents to one or more numbers (one hfaxd job per number, all tagged with the same
 * {@link #tag()}), an optional cover page rendered by SipRing as the first page, and the job parameters.
 * Immutable, thread-safe; build with {@link #builder()}.
 */
public final class SendRequest {

  /** Vertical resolution: normal (98 lpi) or fine (196 lpi). Immutable (thread-safe). */
  public enum Resolution {
    /** Standard resolution, 98 lines per inch. */
    NORMAL(98),
    /** Fine resolution, 196 lines per inch. */
    FINE(196);

    private final int lpi;

    Resolution(int lpi) {
      this.lpi = lpi;
    }

    /**
     * The vertical resolution.
     *
     * @return lines per inch
     */
    public int linesPerInch() {
      return lpi;
    }
  }

  /** When hfaxd mails the owner about the job ({@code NOTIFY}). Immutable (thread-safe). */
  public enum Notify {
    /** No notification. */
    NONE("none"),
    /** Mail when the job is done. */
    DONE("done"),
    /** Mail when the job is requeued. */
    REQUEUE("requeue"),
    /** Mail when the job is done or requeued. */
    DONE_AND_REQUEUE("done+requeue");

    private final String wire;

    Notify(String wire) {
      this.wire = wire;
    }

    String wire() {
      return wire;
    }
  }

  private final List<String> numbers;
  private final List<FaxDocument> documents;
  private final @Nullable CoverPage cover;
  private final Resolution resolution;
  private final int maxTries;
  private final int maxDials;
  private final Duration killTime;
  private final Notify notify;
  private final @Nullable String notifyAddress;
  private final String modem;
  private final @Nullable String fromUser;
  private final @Nullable Instant sendAt;
  private final @Nullable String tag;

  private SendRequest(Builder b) {
    if (b.numbers.isEmpty()) {
      throw new BadInputException("to", "no fax number given");
    }
    List<String> checked = new ArrayList<>();
    for (int i = 0; i < b.numbers.size(); i++) {
      checked.add(FaxNumbers.check(b.numbers.get(i), "to[" + (i + 1) + "]"));
    }
    if (b.documents.isEmpty() && b.cover == null) {
      throw new BadInputException("file", "nothing to send: no document and no cover page");
    }
    if (b.maxTries < 1 || b.maxDials < 1) {
      throw new BadInputException(b.maxTries < 1 ? "maxTries" : "maxDials", "must be at least 1");
    }
    if (b.killTime.isNegative() || b.killTime.isZero() || b.killTime.toDays() > 99) {
      throw new BadInputException("killTime", b.killTime + " is not between 1 minute and 99 days");
    }
    if (b.modem.isBlank() || !b.modem.matches("[A-Za-z0-9_./-]+")) {
      throw new BadInputException("modem", "'" + b.modem + "' is not a modem name or class");
    }
    this.numbers = List.copyOf(checked);
    this.documents = List.copyOf(b.documents);
    this.cover = b.cover;
    this.resolution = b.resolution;
    this.maxTries = b.maxTries;
    this.maxDials = b.maxDials;
    this.killTime = b.killTime;
    this.notify = b.notify;
    this.notifyAddress = b.notifyAddress;
    this.modem = b.modem;
    this.fromUser = b.fromUser;
    this.sendAt = b.sendAt;
    this.tag = b.tag;
  }

  /**
   * A builder with hfaxd's defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The fax numbers.
   *
   * @return the fax numbers
   */
  public List<String> numbers() { return numbers; }
  /**
   * The documents.
   *
   * @return the documents
   */
  public List<FaxDocument> documents() { return documents; }
  /**
   * The cover.
   *
   * @return the cover
   */
  public @Nullable CoverPage cover() { return cover; }
  /**
   * The resolution the fax is sent in.
   *
   * @return the resolution
   */
  public Resolution resolution() { return resolution; }
  /**
   * How many times hfaxd tries to send each job.
   *
   * @return the max tries
   */
  public int maxTries() { return maxTries; }
  /**
   * How many times hfaxd dials for each job.
   *
   * @return the max dials
   */
  public int maxDials() { return maxDials; }
  /**
   * How long hfaxd keeps trying before it gives up ("kill time").
   *
   * @return how long hfaxd keeps trying before it gives up
   */
  public Duration killTime() { return killTime; }
  /**
   * When hfaxd mails the sender about a job.
   *
   * @return the notify mode
   */
  public Notify notifyMode() { return notify; }
  /**
   * Where hfaxd mails; {@code null} for its default.
   *
   * @return the notify address
   */
  public @Nullable String notifyAddress() { return notifyAddress; }
  /**
   * The modem (device) or modem class to send on; {@code any} by default.
   *
   * @return the modem
   */
  public String modem() { return modem; }
  /**
   * The sender (hfaxd's {@code FROMUSER}); {@code null} means the logged-in user.
   *
   * @return the sender, or {@code null}
   */
  public @Nullable String fromUser() { return fromUser; }
  /**
   * When to send; {@code null} = now.
   *
   * @return when to send
   */
  public @Nullable Instant sendAt() { return sendAt; }
  /**
   * The tag that groups the jobs of this send; generated by the client when {@code null}.
   *
   * @return the tag that groups the jobs of this send
   */
  public @Nullable String tag() { return tag; }

  /** Builder; not thread-safe. Defaults follow sendfax: 3 tries, 12 dials, kill time 2 h 59 min, notify none. */
  public static final class Builder {
    private final List<String> numbers = new ArrayList<>();
    private final List<FaxDocument> documents = new ArrayList<>();
    private @Nullable CoverPage cover;
    private Resolution resolution = Resolution.FINE;
    private int maxTries = 3;
    private int maxDials = 12;
    private Duration killTime = Duration.ofHours(2).plusMinutes(59);
    private Notify notify = Notify.NONE;
    private @Nullable String notifyAddress;
    private String modem = "any";
    private @Nullable String fromUser;
    private @Nullable Instant sendAt;
    private @Nullable String tag;

    private Builder() {}

    /**
     * Adds a number to send to (one job per number).
     *
     * @param number the fax number, checked when the request is built
     * @return this builder
     */
    public Builder to(String number) { numbers.add(number); return this; }
    /**
     * Adds numbers to send to (one job per number).
     *
     * @param many the fax numbers
     * @return this builder
     */
    public Builder to(List<String> many) { numbers.addAll(many); return this; }
    /**
     * Adds a document, sent after the cover page in the order added.
     *
     * @param d the document
     * @return this builder
     */
    public Builder document(FaxDocument d) { documents.add(d); return this; }
    /**
     * Sets the cover page, rendered per number and sent first.
     *
     * @param c the cover page, or {@code null} for none
     * @return this builder
     */
    public Builder cover(@Nullable CoverPage c) { cover = c; return this; }
    /**
     * Sets the resolution (default fine).
     *
     * @param r the resolution
     * @return this builder
     */
    public Builder resolution(Resolution r) { resolution = r; return this; }
    /**
     * Sets how many times hfaxd tries to send a job (default 3).
     *
     * @param n at least 1
     * @return this builder
     */
    public Builder maxTries(int n) { maxTries = n; return this; }
    /**
     * Sets how many times hfaxd dials for a job (default 12).
     *
     * @param n at least 1
     * @return this builder
     */
    public Builder maxDials(int n) { maxDials = n; return this; }
    /**
     * Sets how long hfaxd keeps trying before it gives a job up (default 2 h 59 min).
     *
     * @param d between 1 minute and 99 days
     * @return this builder
     */
    public Builder killTime(Duration d) { killTime = d; return this; }
    /**
     * Sets when hfaxd mails the sender about the job (default never).
     *
     * @param n when to mail
     * @param address where to mail, or {@code null} for hfaxd's default
     * @return this builder
     */
    public Builder notify(Notify n, @Nullable String address) { notify = n; notifyAddress = address; return this; }
    /**
     * Sets the modem (device) or modem class to send on (default {@code any}).
     *
     * @param m the modem or class
     * @return this builder
     */
    public Builder modem(String m) { modem = m; return this; }
    /**
     * Sets the sender (hfaxd's {@code FROMUSER}), shown in the page header and notices.
     *
     * @param u the sender, or {@code null} for the logged-in user
     * @return this builder
     */
    public Builder fromUser(@Nullable String u) { fromUser = u; return this; }
    /**
     * Sets when to send.
     *
     * @param t the instant, or {@code null} for now
     * @return this builder
     */
    public Builder sendAt(@Nullable Instant t) { sendAt = t; return this; }
    /**
     * Sets the tag that groups the jobs of this send.
     *
     * @param t the tag, or {@code null} to let the client make one
     * @return this builder
     */
    public Builder tag(@Nullable String t) { tag = t; return this; }

    /**
     * The request.
     *
     * @return a new request
     * @throws IllegalArgumentException when it has no number or no document and no cover page
     */
    public SendRequest build() {
      return new SendRequest(this);
    }
  }
}
