package ru.sipring.campaign.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.Corpus;
import ru.sipring.campaign.DuplicateScope;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.core.BadInputException;

class ContactImporterTest {
  private InMemoryCampaignStore store;
  private ContactImporter importer;
  private Assignment a1;
  private Assignment a2;
  private Assignment other;

  @BeforeEach
  void setUp() {
    store = new InMemoryCampaignStore();
    importer = new ContactImporter(store.contacts());
    AssignmentSettings s = AssignmentSettings.defaults(ZoneId.of("Europe/Moscow"));
    Project p = store.campaigns().createProject("P");
    Task t = store.campaigns().createTask(p.id(), "T");
    a1 = store.campaigns().createAssignment(t.id(), "A1", s);
    a2 = store.campaigns().createAssignment(t.id(), "A2", s);
    Project q = store.campaigns().createProject("Q");
    Task u = store.campaigns().createTask(q.id(), "U");
    other = store.campaigns().createAssignment(u.id(), "X", s);
  }

  private ImportResult imp(Assignment a, String text, ImportOptions o) {
    return importer.importBytes(a.id(), "t.csv", text.getBytes(StandardCharsets.UTF_8), o);
  }

  static Stream<Path> corpusFiles() throws IOException {
    try (Stream<Path> s = Files.list(Corpus.dir("leads"))) {
      return s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("corpusFiles")
  void everyCorpusFileImports(Path file) {
    ImportResult r = importer.importFile(a1.id(), file, ImportOptions.defaults().withDuplicates(DuplicateScope.NONE));
    assertThat(r.imported()).as("%s rejected %s", file, r.rejected()).isPositive();
    assertThat(r.rejected()).as(file.toString()).isEmpty();
  }

  @Test
  void vicidialStandardPipeFileWithMultiAltPhones() {
    ImportResult r = importer.importFile(a1.id(), Corpus.dir("leads").resolve("vicidial_test_VICIDIAL_lead_file.txt"),
        ImportOptions.defaults().withDuplicates(DuplicateScope.NONE));
    assertThat(r.delimiter()).isEqualTo('|');
    assertThat(r.header()).isFalse();
    assertThat(r.imported()).isEqualTo(14);
    Contact second = store.contacts().byAssignment(a1.id()).get(1);
    assertThat(second.phoneNormalized()).isEqualTo("7275551213");
    assertThat(second.get(ContactField.EXTERNAL_ID)).isEqualTo("100002");
    assertThat(second.get(ContactField.LAST_NAME)).isEqualTo("SMITH02");
    assertThat(second.custom()).containsEntry("alt_phones",
        "7275551212_1_work!7275551213_61_sister house!7275551214_44_neighbor");
  }

  @Test
  void duplicatesWithinTheFileAreCounted() {
    ImportResult r = importer.importFile(a1.id(), Corpus.dir("leads").resolve("vicidial_test_VICIDIAL_lead_file.txt"),
        ImportOptions.defaults());
    assertThat(r.imported() + r.duplicates()).isEqualTo(14);
    assertThat(r.duplicates()).isPositive();
    assertThat(store.contacts().byAssignment(a1.id())).extracting(Contact::phoneNormalized).doesNotHaveDuplicates();
  }

  @Test
  void utf8BomPipeFileKeepsEveryScript() {
    ImportResult r = importer.importFile(a1.id(), Corpus.dir("leads").resolve("vicidial_UTF8_lead_file.txt"),
        ImportOptions.defaults().withDuplicates(DuplicateScope.NONE));
    assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_8);
    List<Contact> cs = store.contacts().byAssignment(a1.id());
    assertThat(cs.get(0).get(ContactField.EXTERNAL_ID)).isEqualTo("100001"); // BOM stripped
    assertThat(cs).extracting(c -> c.get(ContactField.LAST_NAME)).contains("Ενεργές", "языки");
    assertThat(cs).extracting(c -> c.get(ContactField.NOTE)).contains("добро пожаловать");
  }

  @Test
  void bitrixRussianSemicolonFileInUtf8AndWindows1251GiveTheSameCards() {
    Path dir = Corpus.dir("leads");
    ImportResult utf = importer.importFile(a1.id(), dir.resolve("bitrix24_crm_company_import_sample.ru.csv"),
        ImportOptions.defaults());
    ImportResult cp = importer.importFile(a2.id(), dir.resolve("bitrix24_crm_company_import_sample.ru.cp1251.DERIVED.csv"),
        ImportOptions.defaults());
    assertThat(utf.delimiter()).isEqualTo(';');
    assertThat(cp.charset().name()).isEqualTo("windows-1251");
    Contact u = store.contacts().byAssignment(a1.id()).get(0);
    Contact c = store.contacts().byAssignment(a2.id()).get(0);
    assertThat(u.fields()).isEqualTo(c.fields());
    assertThat(u.custom()).isEqualTo(c.custom());
    assertThat(u.get(ContactField.CLIENT_NAME)).isNotBlank();
    assertThat(u.get(ContactField.EMPLOYEES)).isEqualTo("250-500");
    assertThat(u.phoneNormalized()).isEqualTo("74954556677"); // the first phone column: "Рабочий телефон"
    assertThat(u.custom()).containsEntry("Мобильный телефон", "+7 (911) 4445566")
        .containsEntry("Домашний телефон", "+7 (911) 4445566; +7 (000) 344222"); // ';' inside quotes kept
    assertThat(u.get(ContactField.ADDRESS)).isEqualTo("Россия, Калининград");
  }

  @Test
  void severalPhonesInThePhoneCellGiveAMainAndExtraPhones() {
    imp(a1, "phone;full_name\n\"+7 (911) 4445566; +7 (000) 344222\";X\n", ImportOptions.defaults());
    Contact c = store.contacts().byAssignment(a1.id()).get(0);
    assertThat(c.phoneNormalized()).isEqualTo("79114445566");
    assertThat(c.custom()).containsEntry("extra_phones", "+7 (000) 344222");
  }

  @Test
  void explicitWrongEncodingStillImportsButExplicitRightOneMatches() {
    Path f = Corpus.dir("leads").resolve("bitrix24_crm_company_import_sample.ru.cp1251.DERIVED.csv");
    ImportResult r = importer.importFile(a1.id(), f, ImportOptions.defaults().withEncoding(CsvText.WINDOWS_1251));
    assertThat(r.imported()).isEqualTo(1);
    assertThat(store.contacts().byAssignment(a1.id()).get(0).get(ContactField.EMPLOYEES)).isEqualTo("250-500");
  }

  @Test
  void astppCommaFileWithQuotedCommas() {
    ImportResult r = importer.importFile(a1.id(), Corpus.dir("leads").resolve("astpp_customers_sample.csv"),
        ImportOptions.defaults().withDuplicates(DuplicateScope.NONE));
    assertThat(r.delimiter()).isEqualTo(',');
    assertThat(r.header()).isTrue();
    Contact first = store.contacts().byAssignment(a1.id()).get(0);
    assertThat(first.get(ContactField.ADDRESS)).startsWith("508-509,Lilamani Corporate Heights");
    assertThat(first.get(ContactField.COMPANY)).isEqualTo("Inextrix Technologies PVt LTD.");
    assertThat(first.custom()).containsKey("Mobile").containsKey("Password");
  }

  @Test
  void ruPhoneNormalisationKeepsTheOriginal() {
    imp(a1, "ФИО;Номер телефона\nИванов;8 (916) 000-23-23\n", ImportOptions.defaults());
    Contact c = store.contacts().byAssignment(a1.id()).get(0);
    assertThat(c.phone()).isEqualTo("8 (916) 000-23-23");
    assertThat(c.phoneNormalized()).isEqualTo("79160002323");
    assertThat(c.get(ContactField.FULL_NAME)).isEqualTo("Иванов");
  }

  @Test
  void badRowsAreRejectedWithLineNumbersAndTheRestImported() {
    String text = "full_name,phone,note\n"
        + "Ok One,79160000001,fine\n"
        + "No Phone,,x\n"
        + "Ragged,79160000002,a,b,c\n"
        + "\"Multi\nLine\",79160000003,\"quoted, with comma\"\n"
        + "Letters,abc,x\n"
        + "Short,79160000004\n";
    ImportResult r = imp(a1, text, ImportOptions.defaults());
    assertThat(r.imported()).isEqualTo(3);
    assertThat(r.rejected()).extracting(ImportResult.Rejection::line).containsExactly(3L, 4L, 7L);
    assertThat(r.rejected().get(0).reason()).isEqualTo("phone: missing");
    assertThat(r.rejected().get(1).reason()).isEqualTo("the row has 5 fields, the header has 3");
    assertThat(r.rejected().get(2).reason()).contains("'abc'");
    assertThat(store.contacts().byAssignment(a1.id())).extracting(c -> c.get(ContactField.FULL_NAME))
        .containsExactly("Ok One", "Multi\nLine", "Short");
  }

  @Test
  void unterminatedQuoteRejectsItsLineAndKeepsTheRowsAroundIt() {
    ImportResult r = imp(a1, "full_name;phone\nA;79160000001\n\"Broken;79160000002\nC;79160000003\n",
        ImportOptions.defaults());
    assertThat(r.imported()).isEqualTo(2);
    assertThat(r.rejected()).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(3);
      assertThat(x.reason()).contains("opened on line 3 is never closed");
    });
    assertThat(store.contacts().byAssignment(a1.id())).extracting(c -> c.get(ContactField.FULL_NAME))
        .containsExactly("A", "C");
  }

  @Test
  void strictImportIsAllOrNothing() {
    ImportResult r = imp(a1, "full_name;phone\nA;79160000001\nB;\n", ImportOptions.defaults().withStrict(true));
    assertThat(r.imported()).isZero();
    assertThat(r.rejected()).hasSize(1);
    assertThat(store.contacts().byAssignment(a1.id())).isEmpty();
  }

  @Test
  void fileWithoutAPhoneColumnIsRejectedAsAWhole() {
    assertThatThrownBy(() -> imp(a1, "name;city\nIvan;Moscow\n", ImportOptions.defaults()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("t.csv:1").hasMessageContaining("no phone column");
  }

  @Test
  void duplicateScopes() {
    imp(a1, "phone\n79160000001\n", ImportOptions.defaults());
    String again = "phone\n8 916 000 00 01\n79160000002\n";
    assertThat(imp(a2, again, ImportOptions.defaults().withDuplicates(DuplicateScope.ASSIGNMENT)).duplicates()).isZero();
    assertThat(imp(a1, again, ImportOptions.defaults().withDuplicates(DuplicateScope.ASSIGNMENT)).duplicates()).isEqualTo(1);
    assertThat(imp(a2, again, ImportOptions.defaults().withDuplicates(DuplicateScope.PROJECT)).duplicates()).isEqualTo(2);
    assertThat(imp(other, again, ImportOptions.defaults().withDuplicates(DuplicateScope.PROJECT)).duplicates()).isZero();
    assertThat(imp(other, again, ImportOptions.defaults().withDuplicates(DuplicateScope.EVERYWHERE)).duplicates())
        .isEqualTo(2);
  }

  @Test
  void savedMappingByHeaderAndPosition() {
    ColumnMapping m = new ColumnMapping(true, java.util.Map.of("Tel", "phone", "Who", "full_name", "#3", "custom:segment",
        "junk", "skip"));
    store.mappings().save("crm", m);
    ImportResult r = imp(a1, "Who,Tel,Seg,junk\nIvan,79160000001,VIP,zzz\n",
        ImportOptions.defaults().withMapping(store.mappings().find("crm").orElseThrow()));
    assertThat(r.imported()).isEqualTo(1);
    Contact c = store.contacts().byAssignment(a1.id()).get(0);
    assertThat(c.get(ContactField.FULL_NAME)).isEqualTo("Ivan");
    assertThat(c.custom()).containsExactly(java.util.Map.entry("segment", "VIP"));
  }

  @Test
  void unknownMappingTargetIsAnError() {
    assertThatThrownBy(() -> new ColumnMapping(true, java.util.Map.of("a", "nonsense")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("mapping:a");
  }

  @Test
  void tabDelimitedWindows1251WithoutBom() {
    byte[] bytes = "ФИО\tТелефон\tГород\nПетров Пётр\t+7 495 777-52-25\tМосква\n"
        .getBytes(CsvText.WINDOWS_1251);
    ImportResult r = importer.importBytes(a1.id(), "t.tsv", bytes, ImportOptions.defaults());
    assertThat(r.delimiter()).isEqualTo('\t');
    assertThat(r.charset()).isEqualTo(CsvText.WINDOWS_1251);
    Contact c = store.contacts().byAssignment(a1.id()).get(0);
    assertThat(c.get(ContactField.CITY)).isEqualTo("Москва");
    assertThat(c.phoneNormalized()).isEqualTo("74957775225");
  }

  @Test
  void hundredThousandRows() {
    StringBuilder sb = new StringBuilder("ФИО;Номер телефона;Город;Примечание\n");
    for (int i = 0; i < 100_000; i++) {
      sb.append("Клиент ").append(i).append(";8916").append(String.format("%07d", i)).append(";Москва;\"note; ")
          .append(i).append("\"\n");
    }
    ImportResult r = imp(a1, sb.toString(), ImportOptions.defaults());
    assertThat(r.imported()).isEqualTo(100_000);
    assertThat(r.rejected()).isEmpty();
    assertThat(store.contacts().byAssignment(a1.id()).get(99_999).get(ContactField.NOTE)).isEqualTo("note; 99999");
  }

  @Test
  void exportReimportsToTheSameCardsAndNeutralisesFormulas() {
    imp(a1, "full_name;phone;note;Сегмент\n=HYPERLINK(\"http://x\");+7 916 000-00-01;@SUM(A1);-1\nИванов;79160000002;ok;\n",
        ImportOptions.defaults());
    List<Contact> before = store.contacts().byAssignment(a1.id());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ContactExporter.excel().write(before, out);
    String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF").contains("\"'=HYPERLINK(\"\"http://x\"\")\"").contains("\"'@SUM(A1)\"")
        .contains("\"'-1\"").contains("\"'+7 916 000-00-01\"");
    ImportResult r = importer.importBytes(a2.id(), "export.csv", out.toByteArray(), ImportOptions.defaults());
    assertThat(r.rejected()).isEmpty();
    List<Contact> after = store.contacts().byAssignment(a2.id());
    assertThat(after).hasSize(2);
    assertThat(after.get(1).fields()).isEqualTo(before.get(1).fields());
    assertThat(after.get(0).phoneNormalized()).isEqualTo(before.get(0).phoneNormalized());
    assertThat(after.get(0).custom()).containsEntry("Сегмент", "'-1");
  }

  @Test
  void wrongExplicitEncodingIsRefusedWithTheLineAndAutoDetectionGetsItRight() {
    byte[] utf8 = "ФИО;Номер телефона;Город\nПетров;79160000001;Москва\n".getBytes(StandardCharsets.UTF_8);
    byte[] cp1251 = "ФИО;Номер телефона;Город\nПетров;79160000001;Москва\n".getBytes(CsvText.WINDOWS_1251);
    // UTF-8 bytes read as Windows-1251: the header no longer names the phone column, so the file is refused
    // as a whole with its location, instead of importing garbage
    assertThatThrownBy(() -> importer.importBytes(a1.id(), "u.csv", utf8,
        ImportOptions.defaults().withEncoding(CsvText.WINDOWS_1251)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("u.csv:1");
    // Windows-1251 read as UTF-8: the same
    assertThatThrownBy(() -> importer.importBytes(a1.id(), "c.csv", cp1251,
        ImportOptions.defaults().withEncoding(StandardCharsets.UTF_8)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("c.csv:1");
    // a mapping by position does not depend on the header text, but the bytes are still not UTF-8: refused with
    // the first bad line, nothing stored as U+FFFD
    ColumnMapping byPosition = new ColumnMapping(true, java.util.Map.of("#1", "full_name", "#2", "phone", "#3", "city"));
    byte[] asciiHeader = "name;phone;city\nПетров;79160000001;Москва\n".getBytes(CsvText.WINDOWS_1251);
    assertThatThrownBy(() -> importer.importBytes(a1.id(), "c.csv", asciiHeader,
        ImportOptions.defaults().withEncoding(StandardCharsets.UTF_8).withMapping(byPosition)))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("c.csv:2: bytes that are not valid UTF-8");
    assertThat(store.contacts().byAssignment(a1.id())).isEmpty();
    ImportResult auto = importer.importBytes(a2.id(), "c.csv", cp1251, ImportOptions.defaults());
    assertThat(auto.charset()).isEqualTo(CsvText.WINDOWS_1251);
    assertThat(store.contacts().byAssignment(a2.id()).get(0).get(ContactField.CITY)).isEqualTo("Москва");
  }

  @Test
  void emptyFileAndHeaderOnlyFile() {
    ImportResult empty = imp(a1, "", ImportOptions.defaults());
    assertThat(empty.imported()).isZero();
    assertThat(empty.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("no rows"));
    ImportResult headerOnly = imp(a1, "phone;full_name\n", ImportOptions.defaults());
    assertThat(headerOnly.imported()).isZero();
    assertThat(headerOnly.rejected()).isEmpty();
  }
}
