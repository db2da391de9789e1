package ru.sipring.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.fax.DistributionList;
import ru.sipring.fax.FaxCenter;
import ru.sipring.fax.FaxContact;
import ru.sipring.fax.FaxDocument;
import ru.sipring.fax.FaxLine;
import ru.sipring.fax.FaxSessions;
import ru.sipring.fax.FaxUser;
import ru.sipring.fax.HylaFaxClient;

/** The parts of FaxDesk that need no hfaxd: users, uploads, recipients, modems. */
class FaxDeskTest {
  private static final FaxSessions NO_SERVER = new FaxSessions() {
    @Override
    public HylaFaxClient openAs(FaxUser user) {
      throw new AssertionError("no hfaxd session expected");
    }

    @Override
    public HylaFaxClient openService() {
      throw new AssertionError("no hfaxd session expected");
    }
  };

  private final FaxCenter center = FaxCenter.builder(NO_SERVER).build();
  private final FaxDesk desk = new FaxDesk(center, Map.of("admin", "boss"), 1024, ZoneId.of("Europe/Moscow"));

  @Test
  void aPanelUserIsTheFaxUserOfTheSameNameOrOfTheMappedLogin() {
    center.users().save(FaxUser.administrator("boss", ""));
    center.users().save(FaxUser.regular("anna", "", Set.of("ttyIAX0"), Set.of()));
    assertThat(desk.user("admin")).map(FaxUser::login).contains("boss");
    assertThat(desk.user("anna")).map(FaxUser::login).contains("anna");
    assertThat(desk.user("op")).isEmpty();
    assertThatThrownBy(() -> desk.requireUser("op\u001b]0;x")).isInstanceOf(NotFoundException.class)
        .hasMessage("user op\\x1b]0;x has no fax account (sipring.fax.accounts)");
  }

  @Test
  void uploadsAreCheckedByContentAndSizeAndTheirNamesCleaned() {
    FaxDocument pdf = desk.document("../../etc/Счёт <7>.pdf", "%PDF-1.4 tiny".getBytes(StandardCharsets.US_ASCII));
    assertThat(pdf.format()).isEqualTo(FaxDocument.Format.PDF);
    assertThat(pdf.name()).isEqualTo("______7_.pdf");
    assertThatThrownBy(() -> desk.document("x.pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
        .isInstanceOf(BadInputException.class).hasMessageContaining("file x.pdf")
        .hasMessageContaining("unsupported file type");
    assertThatThrownBy(() -> desk.document("big.pdf", new byte[1025])).isInstanceOf(BadInputException.class)
        .hasMessageContaining("file big.pdf").hasMessageContaining("is 1025 bytes; the limit is 1024 bytes");
    assertThatThrownBy(() -> desk.checkUploadSize("huge.pdf", 5L << 30)).isInstanceOf(BadInputException.class);
    assertThat(FaxDesk.safeFileName(null)).isEqualTo("document");
    assertThat(FaxDesk.safeFileName("..\\..\\a\r\nb.txt")).isEqualTo("a__b.txt");
    assertThat(FaxDesk.safeFileName("....")).isEqualTo("document");
    assertThat(desk.maxUploadText()).isEqualTo("1 KB");
    assertThat(new FaxDesk(center, Map.of(), 20L << 20, ZoneId.of("UTC")).maxUploadText()).isEqualTo("20 MB");
  }

  @Test
  void recipientsComeFromTypedNumbersContactsAndListsEachOnce() {
    center.contacts().save(new FaxContact("Иван", "ООО Ромашка", "5550101", ""));
    center.contacts().save(new DistributionList("бухгалтерии", List.of("5550102", "5550101")));
    assertThat(desk.recipients("5550100, 5550100;\n+7 499 555-01-03", List.of("Иван"), List.of("бухгалтерии")))
        .containsExactly("5550100", "+7 499 555-01-03", "5550101", "5550102");
    assertThatThrownBy(() -> desk.recipients(" ", List.of(), List.of())).isInstanceOf(BadInputException.class)
        .hasMessageContaining("no fax number given");
    assertThatThrownBy(() -> desk.recipients("", List.of("Пётр"), List.of())).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no fax contact 'Пётр'");
    assertThatThrownBy(() -> desk.recipients("", List.of(), List.of("нет"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void modemsOfferedAreThoseTheUserMaySendOn() {
    center.lines().save(new FaxLine("ttyIAX0", "Управление 1", null));
    center.lines().save(new FaxLine("ttyIAX2", "Управление 3", null));
    assertThat(desk.sendModems(FaxUser.administrator("boss", ""))).containsExactly("any", "ttyIAX0", "ttyIAX2");
    assertThat(desk.sendModems(FaxUser.regular("anna", "", Set.of("ttyIAX2"), Set.of()))).containsExactly("ttyIAX2");
  }

  @Test
  void aCoverPageOnlyWhenSomethingIsWrittenOnIt() {
    assertThat(FaxDesk.cover(" ", null, "", null, "Анна", null, null)).isNull();
    assertThat(FaxDesk.cover("Иван", null, "Счёт", null, "Анна", null, null)).satisfies(c -> {
      assertThat(c.recipient()).isEqualTo("Иван");
      assertThat(c.subject()).isEqualTo("Счёт");
      assertThat(c.fromName()).isEqualTo("Анна");
    });
  }
}
