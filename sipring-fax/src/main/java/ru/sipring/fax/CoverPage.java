package ru.sipring.fax;

import org.jspecify.annotations.Nullable;

/**
 * The cover page fields of the send form (guide §10): recipient, company, subject, comments, and the
 * sender's name, company, address, phone, fax and e-mail. Empty strings mean "not filled". SipRing renders
 * the page itself ({@link CoverPageRenderer}) and sends it as the first document; hfaxd also keeps the
 * recipient, company, subject and comments as job metadata. Immutable, thread-safe.
 */
public record CoverPage(
    String recipient,
    String company,
    String subject,
    String comments,
    String fromName,
    String fromCompany,
    String fromAddress,
    String fromPhone,
    String fromFax,
    String fromEmail) {

  /**
   * Strips every field; a {@code null} field becomes empty.
   *
   * @param recipient the recipient
   * @param company the recipient's company
   * @param subject the subject
   * @param comments the comments
   * @param fromName the sender's name
   * @param fromCompany the sender's company
   * @param fromAddress the sender's postal address
   * @param fromPhone the sender's phone
   * @param fromFax the sender's fax number
   * @param fromEmail the sender's e-mail
   */
  /**
   * Checks the components.
   *
   * @param recipient the recipient
   * @param company the company
   * @param subject the subject
   * @param comments the comments
   * @param fromName the from name
   * @param fromCompany the from company
   * @param fromAddress the from address
   * @param fromPhone the from phone
   * @param fromFax the from fax
   * @param fromEmail the from email
   */
  public CoverPage {
    recipient = nz(recipient);
    company = nz(company);
    subject = nz(subject);
    comments = nz(comments);
    fromName = nz(fromName);
    fromCompany = nz(fromCompany);
    fromAddress = nz(fromAddress);
    fromPhone = nz(fromPhone);
    fromFax = nz(fromFax);
    fromEmail = nz(fromEmail);
  }

  /**
   * A builder with every field empty.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A cover page with only a subject.
   *
   * @param subject the subject
   * @return the cover page
   */
  public static CoverPage withSubject(String subject) {
    return builder().subject(subject).build();
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s.strip();
  }

  /** Builder for {@link CoverPage}; not thread-safe. */
  public static final class Builder {
    private String recipient = "";
    private String company = "";
    private String subject = "";
    private String comments = "";
    private String fromName = "";
    private String fromCompany = "";
    private String fromAddress = "";
    private String fromPhone = "";
    private String fromFax = "";
    private String fromEmail = "";

    private Builder() {}

    /**
     * Sets the recipient.
     *
     * @param v the recipient; {@code null} or blank leaves it empty
     * @return this builder
     */
    public Builder recipient(@Nullable String v) { recipient = nz(v); return this; }

    /**
     * Sets the recipient's company.
     *
     * @param v the recipient's company; {@code null} or blank leaves it empty
     * @return this builder
     */
    public Builder company(@Nullable String v) { company = nz(v); return this; }

    /**
     * Sets the subject.
     *
     * @param v the subject; {@code null} or blank leaves it empty
     * @return this builder
     */
    public Builder subject(@Nullable String v) { subject = nz(v); return this; }

    /**
     * Sets the comments.
     *
     * @param v the comments; {@code null} or blank leaves it empty
     * @return this builder
     */
    public Builder comments(@Nullable String v) { comments = nz(v); return this; }

    /**
     * Sets the sender's name.
     *
     * @param v the sender's name; {@code null} or blank leaves it empty
     * @return this builder
     */
    public Builder fromName(@Nullable String v) { fromName = nz(v); return this; }

    /**
     * Sets the sender's company.
     *
     * @param v the sender's company; {@code null} or blank leaves it empty
     * @return this builder
     */
    public Builder fromCompany(@Nullable String v) { fromCompany = nz(v); return this; }

    /**
     * Sets the sender's postal address.
     *
     * @param v the sender's postal address; {@code null} or blank leaves it empty
     * @return this builder
     */
    public Builder fromAddress(@Nullable String v) { fromAddress = nz(v); return this; }

    /**
     * Sets the sender's phone.
     *
     * @param v the sender's phone; {@code null} or blank leaves it empty
     * @return this builder
     */
    public Builder fromPhone(@Nullable String v) { fromPhone = nz(v); return this; }

    /**
     * Sets the sender's fax number.
     *
     * @param v the sender's fax number; {@code null} or blank leaves it empty
     * @return this builder
     */
    public Builder fromFax(@Nullable String v) { fromFax = nz(v); return this; }

    /**
     * Sets the sender's e-mail.
     *
     * @param v the sender's e-mail; {@code null} or blank leaves it empty
     * @return this builder
     */
    public Builder fromEmail(@Nullable String v) { fromEmail = nz(v); return this; }

    /**
     * The cover page.
     *
     * @return a new cover page with the fields set so far
     */
    public CoverPage build() {
      return new CoverPage(recipient, company, subject, comments, fromName, fromCompany, fromAddress,
          fromPhone, fromFax, fromEmail);
    }
  }
}
