package ru.sipring.fax;

import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import ru.sipring.core.BadInputException;
import ru.sipring.core.ConnectionException;

/**
 * Sends a fax as a PDF attachment by SMTP (Eclipse Angus Mail, the Jakarta Mail implementation).
 * Thread-safe: every call uses its own transport.
 *
 * <p>Header values are guarded twice: a CR, LF or NUL in the subject, the attachment's file name or a recipient
 * is refused ({@link BadInputException}) before any connection, so nothing a caller passes can add a header;
 * Jakarta Mail then encodes the subject (RFC 2047). The body is plain text: put outside text in it escaped
 * (the {@link FaxDispatcher} does).
 */
public final class FaxMailer {
  private final SmtpSettings smtp;
  private final Session session;

  /**
   * A mailer through this SMTP server.
   *
   * @param smtp the server and sender
   */
  public FaxMailer(SmtpSettings smtp) {
    this.smtp = smtp;
    Properties p = new Properties();
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", Integer.toString(smtp.port()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "30000");
    p.put("mail.smtp.auth", Boolean.toString(smtp.user() != null));
    p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
    p.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
    Authenticator auth = smtp.user() == null ? null : new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(smtp.user(), smtp.password());
      }
    };
    this.session = Session.getInstance(p, auth);
  }

  /**
   * One mail to all {@code recipients} with a UTF-8 plain-text body and the PDF attached.
   *
   * @param recipients e-mail addresses (no CR, LF or NUL)
   * @param subject the subject (no CR, LF or NUL)
   * @param body plain text
   * @param pdf the attachment's bytes
   * @param fileName the attachment's name (no CR, LF or NUL)
   */
  public void send(List<String> recipients, String subject, String body, byte[] pdf, String fileName) {
    oneLine("subject", subject);
    oneLine("attachment name", fileName);
    recipients.forEach(r -> oneLine("recipient", r));
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(smtp.from()));
      for (String r : recipients) {
        m.addRecipient(Message.RecipientType.TO, new InternetAddress(r, true));
      }
      m.setSubject(subject, "UTF-8");
      m.setSentDate(new Date());
      MimeBodyPart text = new MimeBodyPart();
      text.setText(body, "UTF-8");
      MimeBodyPart attachment = new MimeBodyPart();
      attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
      attachment.setFileName(fileName);
      MimeMultipart mp = new MimeMultipart();
      mp.addBodyPart(text);
      mp.addBodyPart(attachment);
      m.setContent(mp);
      Transport.send(m);
    } catch (MessagingException e) {
      throw new ConnectionException("cannot mail fax " + fileName + " to " + recipients + " through " + smtp.host()
          + ":" + smtp.port() + ": " + e.getMessage(), e);
    }
  }

  private static void oneLine(String what, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
      throw new BadInputException("mail " + what, "holds a CR, LF or NUL, which could add a mail header; not sent");
    }
  }
}
