package ru.sipring.campaign.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactLimits;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.core.BadInputException;

/** Encodings, field limits, huge cells and extensions: what a damaged client file can do to an import. */
class ImportLimitsTest {
  private InMemoryCampaignStore store;
  private ContactImporter importer;
  private Assignment a;

  @BeforeEach
  void setUp() {
    store = new InMemoryCampaignStore();
    importer = new ContactImporter(store.contacts());
    var t = store.campaigns().createTask(store.campaigns().createProject("P").id(), "T");
    a = store.campaigns().createAssignment(t.id(), "A", AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
  }

  @Test
  void aCp1251FileDeclaredUtf8IsRefusedNamingTheFirstBadLine() {
    byte[] bytes = ("phone;note\n79160000001;ok\n79160000002;ok\n79160000003;Москва\n")
        .getBytes(CsvText.WINDOWS_1251);
    assertThatThrownBy(() -> importer.importBytes(a.id(), "base.csv", bytes,
        ImportOptions.defaults().withEncoding(StandardCharsets.UTF_8)))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("base.csv:4: bytes that are not valid UTF-8");
    assertThat(store.contacts().byAssignment(a.id())).isEmpty();
  }

  @Test
  void onlyTheDocumentedEncodingsAreAccepted() {
    assertThat(CsvText.parseEncoding("cp1251")).isEqualTo(CsvText.WINDOWS_1251);
    assertThat(CsvText.parseEncoding("UTF-8")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(CsvText.parseEncoding("koi8-r")).isEqualTo(CsvText.KOI8_R);
    assertThat(CsvText.parseEncoding("auto")).isNull();
    assertThatThrownBy(() -> CsvText.parseEncoding("ISO-8859-1")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("--encoding");
    // Excel's "Unicode text": UTF-16LE with a byte-order mark, tab separated
    byte[] body = "phone\tcity\n79160000001\tМосква\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);
    ImportResult r = importer.importBytes(a.id(), "u16.txt", bytes, ImportOptions.defaults());
    assertThat(r.imported()).isEqualTo(1);
    assertThat(store.contacts().byAssignment(a.id()).get(0).get(ContactField.CITY)).isEqualTo("Москва");
  }

  @Test
  void aCellBeyondTheStoreLimitsIsRejectedWithLineAndFieldAndTheOtherRowsImported() {
    String longPhone = "79160000002 " + "(mobile) ".repeat(40);
    String text = "phone;note\n79160000001;a\n" + longPhone + ";b\n79160000003;c\n";
    ImportResult r = importer.importBytes(a.id(), "t.csv", text.getBytes(StandardCharsets.UTF_8),
        ImportOptions.defaults());
    assertThat(r.imported()).isEqualTo(2);
    assertThat(r.rejected()).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(3);
      assertThat(x.reason()).startsWith("phone: ").contains("at most " + ContactLimits.PHONE_CHARS);
    });
  }

  @Test
  void everyStoreRefusesACardThatDoesNotFitNamingTheField() {
    Contact tooLong = Contact.of(a.id(), "7916" + " ".repeat(300), Map.of(ContactField.NOTE, "x"), Map.of());
    assertThatThrownBy(() -> store.contacts().insertAll(a.id(), List.of(tooLong)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("phone: ");
    assertThat(ContactLimits.problem(Contact.of(a.id(), "79160000001", Map.of(), Map.of()))).isNull();
  }

  @Test
  void aFortyMegabyteCellIsRejectedWithItsLineAndTheRestImported(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("huge.csv");
    try (var out = Files.newOutputStream(f)) {
      out.write("phone;note\n79160000001;a\n79160000002;".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "z".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 40; i++) {
        out.write(chunk);
      }
      out.write("\n79160000003;c\n".getBytes(StandardCharsets.US_ASCII));
    }
    ImportResult r = importer.importFile(a.id(), f, ImportOptions.defaults());
    assertThat(r.imported()).isEqualTo(2);
    assertThat(r.rejected()).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(3);
      assertThat(x.reason()).isEqualTo("field 2 is longer than " + CsvRecords.MAX_FIELD_CHARS + " characters");
    });
  }

  @Test
  void theExtensionIsKeptApartFromTheNumber() {
    String text = "phone;name\n8916 000 11 22 доб. 5;A\n+7 916 000 11 23 ext 7;B\n89160001124#9;C\n";
    importer.importBytes(a.id(), "t.csv", text.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
    assertThat(store.contacts().byAssignment(a.id())).extracting(Contact::phoneNormalized)
        .containsExactly("79160001122", "79160001123", "79160001124");
    assertThat(store.contacts().byAssignment(a.id())).extracting(c -> c.custom().get("extension"))
        .containsExactly("5", "7", "9");
  }

  @Test
  void aDirectoryOrAMissingFileIsBadInputNotAnIoTrace(@TempDir Path dir) {
    assertThatThrownBy(() -> importer.importFile(a.id(), dir, ImportOptions.defaults()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("is a directory");
    assertThatThrownBy(() -> importer.importFile(a.id(), dir.resolve("none.csv"), ImportOptions.defaults()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("no such file");
  }
}
