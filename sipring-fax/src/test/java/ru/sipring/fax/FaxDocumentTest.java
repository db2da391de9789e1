package ru.sipring.fax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.BadInputException;

class FaxDocumentTest {
  @TempDir Path tmp;

  @Test
  void recognisesFormatsByContent() throws Exception {
    assertThat(FaxDocument.fromBytes("a", "%PDF-1.4\n".getBytes(), "a").format()).isEqualTo(FaxDocument.Format.PDF);
    assertThat(FaxDocument.fromBytes("a", "%!PS-Adobe-3.0\n".getBytes(), "a").format()).isEqualTo(FaxDocument.Format.POSTSCRIPT);
    assertThat(FaxDocument.fromBytes("a", new byte[] {'I', 'I', 42, 0, 8, 0}, "a").format()).isEqualTo(FaxDocument.Format.TIFF);
    assertThat(FaxDocument.fromBytes("a", new byte[] {'M', 'M', 0, 42, 0, 8}, "a").format()).isEqualTo(FaxDocument.Format.TIFF);
  }

  @Test
  void textBecomesPdfWithCyrillicKept() throws Exception {
    Path f = tmp.resolve("письмо.txt");
    Files.writeString(f, "Уважаемый клиент!\n\nСчёт во вложении.\f Вторая страница", StandardCharsets.UTF_8);
    FaxDocument d = FaxDocument.load(f);
    assertThat(d.format()).isEqualTo(FaxDocument.Format.PDF);
    try (PDDocument doc = Loader.loadPDF(d.bytes())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
      assertThat(new PDFTextStripper().getText(doc)).contains("Уважаемый клиент!", "Счёт во вложении.", "Вторая страница");
    }
  }

  @Test
  void emptyFileIsBadInputNamingTheFile() throws Exception {
    Path f = tmp.resolve("empty.pdf");
    Files.write(f, new byte[0]);
    assertThatThrownBy(() -> FaxDocument.load(f)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("empty.pdf").hasMessageContaining("empty");
  }

  @Test
  void unsupportedTypeIsBadInputNamingTheFile() throws Exception {
    Path f = tmp.resolve("photo.png");
    Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
    assertThatThrownBy(() -> FaxDocument.load(f)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("photo.png").hasMessageContaining("unsupported file type").hasMessageContaining("89504e47");
  }

  @Test
  void missingFileIsBadInput() {
    assertThatThrownBy(() -> FaxDocument.load(tmp.resolve("nope.pdf"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void numbersWithLettersOrTooFewDigitsAreRefused() {
    assertThat(FaxNumbers.check(" +7 (499) 555-01-00 ", "to")).isEqualTo("+7 (499) 555-01-00");
    assertThatThrownBy(() -> FaxNumbers.check("555-CALL", "to[1]")).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("to[1]: ").hasMessageContaining("555-CALL");
    assertThatThrownBy(() -> FaxNumbers.check("12", "to")).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> FaxNumbers.check("", "to")).isInstanceOf(BadInputException.class);
  }

  @Test
  void coverPageHasTheGuidesFieldsInCyrillic() throws Exception {
    CoverPage cover = CoverPage.builder().recipient("Иван Петров").company("ООО Ромашка").subject("Договор")
        .comments("Просьба подписать и вернуть.").fromName("Мария").fromCompany("SipRing-центр")
        .fromAddress("Москва").fromPhone("+7 499 555-01-01").fromFax("+7 499 555-01-02")
        .fromEmail("fax@example.invalid").build();
    byte[] pdf = CoverPageRenderer.withDefaultFont().render(cover, "+7 499 555-01-00",
        ZonedDateTime.of(2026, 11, 25, 17, 3, 0, 0, ZoneId.of("Europe/Moscow")));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      assertThat(new PDFTextStripper().getText(doc)).contains("ФАКС", "Иван Петров", "ООО Ромашка", "Договор",
          "Просьба подписать", "Мария", "SipRing-центр", "Москва", "+7 499 555-01-01", "+7 499 555-01-02",
          "fax@example.invalid", "+7 499 555-01-00", "25.11.2026 17:03");
    }
  }

  @Test
  void missingFontGivesAClearError() {
    System.setProperty("sipring.fax.font", tmp.resolve("none.ttf").toString());
    try {
      assertThatThrownBy(FaxFonts::regular).hasMessageContaining("none.ttf").hasMessageContaining("not readable");
    } finally {
      System.clearProperty("sipring.fax.font");
    }
  }

  @Test
  void killTimeIsHfaxdsRelativeDdhhmm() {
    assertThat(HylaFaxClient.lastTime(Duration.ofHours(2).plusMinutes(59))).isEqualTo("000259");
    assertThat(HylaFaxClient.lastTime(Duration.ofDays(3).plusHours(4).plusMinutes(5))).isEqualTo("030405");
    assertThatThrownBy(() -> SendRequest.builder().to("5550100").cover(CoverPage.withSubject("x"))
        .killTime(Duration.ofDays(100)).build()).isInstanceOf(BadInputException.class);
  }

  @Test
  void parsesTheJobAndReceiveLinesOfSipRingsFormats() {
    FaxJob j = HfaxdFormats.parseJob("4|4|sipring|F|+1 555 0100| 1:3 | 2:12| 1:3 |any|1795644589|sipring-42|Jane|ACME|Job aborted | by request");
    assertThat(j.state()).isEqualTo(FaxJobState.FAILED);
    assertThat(j.pagesSent()).isEqualTo(1);
    assertThat(j.pagesTotal()).isEqualTo(3);
    assertThat(j.dials()).isEqualTo(2);
    assertThat(j.maxDials()).isEqualTo(12);
    assertThat(j.sendAt()).isEqualTo(java.time.Instant.ofEpochSecond(1795644589));
    assertThat(j.failureReason()).isEqualTo("Job aborted | by request");
    ReceivedFax r = HfaxdFormats.parseReceived("fax000000002.tif|1795644726|+49 30 1234|1| |10|98|14400|1-D MH|11628|0301234|ACME GmbH||");
    assertThat(r.sender()).isEqualTo("+49 30 1234");
    assertThat(r.cidName()).isEqualTo("ACME GmbH");
    assertThat(r.sizeBytes()).isEqualTo(11628);
    assertThat(r.stillReceiving()).isFalse();
  }
}
