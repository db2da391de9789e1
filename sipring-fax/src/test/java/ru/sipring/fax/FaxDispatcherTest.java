package ru.sipring.fax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.ConnectionException;

/** Fax-to-email through a real SMTP conversation on loopback; the PDF comes from tiff2pdf. */
class FaxDispatcherTest {
  @TempDir Path tmp;

  @Test
  void mailsPdfOnlyToUsersAllowedToSeeTheLineAndCategory() throws Exception {
    FaxCenter center = FaxCenter.builder(unusedSessions()).build();
    center.lines().save(new FaxLine("ttyIAX0", "Управление 1", "FAX"));
    center.lines().save(new FaxLine("ttyIAX1", "Управление 2", "FAX2"));
    center.lines().addCategory("FAX");
    center.lines().addCategory("FAX2");
    center.users().save(FaxUser.regular("anna", "anna@example.invalid", Set.of("ttyIAX0"), Set.of("FAX")));
    center.users().save(FaxUser.regular("boris", "boris@example.invalid", Set.of("ttyIAX1"), Set.of("FAX2")));
    // sees line 1 but not the category FAX: AvantFAX hides categorised faxes outside the user's categories
    center.users().save(FaxUser.regular("vera", "vera@example.invalid", Set.of("ttyIAX0"), Set.of("FAX2")));
    center.users().save(FaxUser.administrator("admin", "admin@example.invalid"));
    center.users().save(FaxUser.administrator("nomail", ""));
    byte[] tiff = LiveHfaxd.g3Tiff(tmp, "Счёт 12");

    try (TestSmtpServer smtp = new TestSmtpServer()) {
      FaxDispatcher dispatcher = FaxDispatcher.of(center, FaxImages.withTiff2Pdf(),
          new FaxMailer(SmtpSettings.relay("127.0.0.1", smtp.port(), "fax@example.invalid")), ZoneId.of("Europe/Moscow"));
      ReceiveEvent event = new ReceiveEvent("recvq/fax000000042.tif", "ttyIAX0", "000000042", "0301234",
          "ACME GmbH", "+1 555 0200", 1, Instant.parse("2026-11-25T14:03:00Z"));

      FaxDispatcher.Result result = dispatcher.dispatch(event, tiff);

      assertThat(result.mailedTo()).containsExactlyInAnyOrder("anna@example.invalid", "admin@example.invalid");
      assertThat(result.fax().lineName()).isEqualTo("Управление 1");
      assertThat(result.fax().category()).isEqualTo("FAX");
      assertThat(center.receivedFaxes().find("fax000000042.tif")).contains(result.fax());
      assertThat(smtp.mails()).hasSize(1);
      TestSmtpServer.Mail mail = smtp.mails().get(0);
      assertThat(mail.from()).isEqualTo("fax@example.invalid");
      assertThat(mail.to()).containsExactlyInAnyOrder("anna@example.invalid", "admin@example.invalid");

      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(mail.data().getBytes(StandardCharsets.ISO_8859_1)));
      assertThat(m.getSubject()).isEqualTo("Факс от +1 555 0200 (Управление 1)");
      Multipart mp = (Multipart) m.getContent();
      assertThat((String) mp.getBodyPart(0).getContent()).contains("Дата: 25.11.2026 17:03", "Страниц: 1", "ACME GmbH");
      Part pdfPart = mp.getBodyPart(1);
      assertThat(pdfPart.getFileName()).isEqualTo("fax000000042.pdf");
      assertThat(pdfPart.getContentType()).startsWith("application/pdf");
      byte[] pdf = pdfPart.getInputStream().readAllBytes();
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        assertThat(doc.getNumberOfPages()).isEqualTo(1);
      }
    }
  }

  @Test
  void aHostileTsiCannotAddHeadersFakeBodyLinesOrRunScript() throws Exception {
    FaxCenter center = FaxCenter.builder(unusedSessions()).build();
    center.users().save(FaxUser.administrator("admin", "admin@example.invalid"));
    String tsi = "<script>alert(1)</script>\r\nBcc: victim@example.invalid\r\n\r\nФальшивая строка";
    try (TestSmtpServer smtp = new TestSmtpServer()) {
      FaxDispatcher dispatcher = FaxDispatcher.of(center, FaxImages.withTiff2Pdf(),
          new FaxMailer(SmtpSettings.relay("127.0.0.1", smtp.port(), "fax@example.invalid")), ZoneId.of("UTC"));
      dispatcher.dispatch(new ReceiveEvent("recvq/fax\r\nX-Evil: 1.tif", "ttyIAX0\nBcc: dev@example.invalid", "1",
          "+7\u001b[2J", "ACME\u202Egnp.exe\r\nTo: boss@example.invalid", tsi, 1, Instant.EPOCH),
          LiveHfaxd.g3Tiff(tmp, "x"));

      TestSmtpServer.Mail mail = smtp.mails().get(0);
      assertThat(mail.to()).containsExactly("admin@example.invalid");
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(mail.data().getBytes(StandardCharsets.ISO_8859_1)));
      assertThat(m.getHeader("Bcc")).isNull();
      assertThat(m.getHeader("X-Evil")).isNull();
      assertThat(m.getHeader("To")).containsExactly("admin@example.invalid");
      String headers = mail.data().substring(0, mail.data().indexOf("\r\n\r\n"));
      assertThat(headers).doesNotContain("\r\nBcc").doesNotContain("\r\nX-Evil").doesNotContain("\r\nTo: boss");
      assertThat(m.getSubject()).isEqualTo("Факс от <script>alert(1)</script>\\r\\nBcc: victim@example.invalid"
          + "\\r\\n\\r\\nФальшивая строка (ttyIAX0\\nBcc: dev@example.invalid)");
      Multipart mp = (Multipart) m.getContent();
      Part text = mp.getBodyPart(0);
      // plain text: a mail reader shows <script> as the characters it is
      assertThat(text.getContentType()).startsWith("text/plain");
      String body = (String) text.getContent();
      assertThat(body.lines()).noneMatch(l -> l.startsWith("Bcc") || l.startsWith("To:") || l.startsWith("Фальшивая"));
      assertThat(body).doesNotContain("\u001b").doesNotContain("\u202E")
          .contains("С номера: <script>alert(1)</script>\\r\\nBcc: victim@example.invalid\\r\\n\\r\\nФальшивая строка")
          .contains("Имя: ACME\\u202egnp.exe\\r\\nTo: boss@example.invalid")
          .contains("Файл: fax\\r\\nX-Evil: 1.tif");
      assertThat(mp.getBodyPart(1).getFileName()).isEqualTo("fax__X-Evil__1.pdf");
    }
  }

  @Test
  void faxNobodyMaySeeIsRecordedButNotMailed() throws Exception {
    FaxCenter center = FaxCenter.builder(unusedSessions()).build();
    center.users().save(FaxUser.regular("anna", "anna@example.invalid", Set.of("ttyIAX0"), Set.of()));
    try (TestSmtpServer smtp = new TestSmtpServer()) {
      FaxDispatcher dispatcher = FaxDispatcher.of(center, FaxImages.withTiff2Pdf(),
          new FaxMailer(SmtpSettings.relay("127.0.0.1", smtp.port(), "fax@example.invalid")), ZoneId.of("UTC"));
      FaxDispatcher.Result r = dispatcher.dispatch(new ReceiveEvent("fax000000043.tif", "ttyIAX9", "", "", "", "", 1,
          Instant.EPOCH), LiveHfaxd.g3Tiff(tmp, "x"));
      assertThat(r.mailedTo()).isEmpty();
      assertThat(r.fax().lineName()).isEqualTo("ttyIAX9");
      assertThat(smtp.mails()).isEmpty();
    }
  }

  @Test
  void theMailerRefusesLineBreaksInHeaderValuesBeforeConnecting() throws Exception {
    try (TestSmtpServer smtp = new TestSmtpServer()) {
      FaxMailer mailer = new FaxMailer(SmtpSettings.relay("127.0.0.1", smtp.port(), "fax@example.invalid"));
      java.util.List<String> to = java.util.List.of("a@example.invalid");
      assertThatThrownBy(() -> mailer.send(to, "Fax\r\nBcc: victim@example.invalid", "b", new byte[] {1}, "f.pdf"))
          .isInstanceOf(ru.sipring.core.BadInputException.class).hasMessageContaining("mail subject");
      assertThatThrownBy(() -> mailer.send(to, "Fax", "b", new byte[] {1}, "f.pdf\nX-Evil: 1"))
          .isInstanceOf(ru.sipring.core.BadInputException.class).hasMessageContaining("attachment name");
      assertThatThrownBy(() -> mailer.send(java.util.List.of("a@example.invalid\r\nBcc: v@example.invalid"), "Fax",
          "b", new byte[] {1}, "f.pdf")).isInstanceOf(ru.sipring.core.BadInputException.class);
      assertThat(smtp.mails()).isEmpty();
    }
  }

  @Test
  void unreachableSmtpServerIsConnectionException() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    FaxMailer mailer = new FaxMailer(SmtpSettings.relay("127.0.0.1", port, "fax@example.invalid"));
    assertThatThrownBy(() -> mailer.send(java.util.List.of("a@example.invalid"), "s", "b", new byte[] {1}, "f.pdf"))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("127.0.0.1:" + port);
  }

  static FaxSessions unusedSessions() {
    return new FaxSessions() {
      @Override public HylaFaxClient openAs(FaxUser user) { throw new AssertionError("no hfaxd in this test"); }
      @Override public HylaFaxClient openService() { throw new AssertionError("no hfaxd in this test"); }
    };
  }
}
