package ru.sipring.fax;

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

  /** A builder with every field empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A cover page with only a subject. */
  public static CoverPage withSubject(String subject) {
    return builder().subject(subject).build();
  }

  private static String nz(String s) {
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

    public Builder recipient(String v) { recipient = v; return this; }
    public Builder company(String v) { company = v; return this; }
    public Builder subject(String v) { subject = v; return this; }
    public Builder comments(String v) { comments = v; return this; }
    public Builder fromName(String v) { fromName = v; return this; }
    public Builder fromCompany(String v) { fromCompany = v; return this; }
    public Builder fromAddress(String v) { fromAddress = v; return this; }
    public Builder fromPhone(String v) { fromPhone = v; return this; }
    public Builder fromFax(String v) { fromFax = v; return this; }
    public Builder fromEmail(String v) { fromEmail = v; return this; }

    public CoverPage build() {
      return new CoverPage(recipient, company, subject, comments, fromName, fromCompany, fromAddress,
          fromPhone, fromFax, fromEmail);
    }
  }
}
