package ru.sipring.campaign.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.DncRepository;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.core.BadInputException;

class ImportPreviewTest {
  private static final String FILE = "ФИО;Телефон;Город;Примечание\n"
      + "Иванов Иван;8 (916) 000-00-01;Москва;=HYPERLINK(\"http://x\")\n"
      + ";;;\n"
      + "Петров Петр;abc;Тверь;\n"
      + "Сидоров;8 916 000 00 03;Клин;ok\n";

  @Test
  void showsWhatTheImportWouldDetect() {
    ImportPreview p = ContactImporter.preview("base.csv", FILE.getBytes(java.nio.charset.Charset.forName(
        "windows-1251")), ImportOptions.defaults(), 2);
    assertThat(p.charset().name()).isEqualTo("windows-1251");
    assertThat(p.delimiter()).isEqualTo(';');
    assertThat(p.header()).isTrue();
    assertThat(p.columns()).extracting(ImportPreview.Column::name, ImportPreview.Column::target).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ФИО", "full_name"), org.assertj.core.groups.Tuple.tuple("Телефон", "phone"),
        org.assertj.core.groups.Tuple.tuple("Город", "city"), org.assertj.core.groups.Tuple.tuple("Примечание", "note"));
    assertThat(p.rows()).extracting(ImportPreview.Row::line).containsExactly(2L, 4L); // the blank line is skipped
    assertThat(p.rows().get(0).cells()).containsExactly("Иванов Иван", "8 (916) 000-00-01", "Москва",
        "=HYPERLINK(\"http://x\")");
  }

  @Test
  void theImportReadsThePreviewedMappingAsChanged() {
    byte[] bytes = FILE.getBytes(StandardCharsets.UTF_8);
    ImportPreview p = ContactImporter.preview("base.csv", bytes, ImportOptions.defaults(), 10);
    java.util.Map<String, String> changed = new java.util.LinkedHashMap<>(p.mapping().columns());
    changed.put("#3", ColumnMapping.SKIP);
    changed.put("#4", "custom:заметка");
    InMemoryCampaignStore store = new InMemoryCampaignStore();
    long a = store.campaigns().createAssignment(store.campaigns().createTask(
        store.campaigns().createProject("P").id(), "T").id(), "A",
        ru.sipring.campaign.AssignmentSettings.defaults(java.time.ZoneId.of("Europe/Moscow"))).id();
    ImportResult r = new ContactImporter(store.contacts()).importBytes(a, "base.csv", bytes,
        ImportOptions.defaults().withMapping(new ColumnMapping(p.header(), changed)));
    assertThat(r.imported()).isEqualTo(2);
    assertThat(r.rejected()).extracting(ImportResult.Rejection::line).containsExactly(4L);
    var first = store.contacts().byAssignment(a).get(0);
    assertThat(first.fields()).doesNotContainKey(ru.sipring.campaign.ContactField.CITY);
    assertThat(first.custom()).containsEntry("заметка", "=HYPERLINK(\"http://x\")");
  }

  @Test
  void aHeaderlessFileShowsPositionsAndAFileWithoutPhonesIsRefused() {
    ImportPreview p = ContactImporter.preview("x.csv", "89160000001,Иванов\n89160000002,Петров\n"
        .getBytes(StandardCharsets.UTF_8), ImportOptions.defaults(), 5);
    assertThat(p.header()).isFalse();
    assertThat(p.columns()).extracting(ImportPreview.Column::name).containsExactly("#1", "#2");
    assertThat(p.columns().get(0).target()).isEqualTo("phone");
    assertThat(p.rows()).hasSize(2);
    assertThatThrownBy(() -> ContactImporter.preview("y.csv", "Имя;Город\nа;б\n".getBytes(StandardCharsets.UTF_8),
        ImportOptions.defaults(), 5)).isInstanceOf(BadInputException.class).hasMessageContaining("no phone column");
  }

  @Test
  void dncNumbersAndFiles() {
    assertThat(DncImporter.number("8 (916) 000-11-22")).isEqualTo("79160001122");
    assertThatThrownBy(() -> DncImporter.number("abc")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("number");
    assertThatThrownBy(() -> DncImporter.number("")).isInstanceOf(BadInputException.class);
    InMemoryCampaignStore store = new InMemoryCampaignStore();
    DncImporter.Result r = DncImporter.importBytes(store.dnc(), DncRepository.GLOBAL, "dnc.csv",
        "number;name\n89160000005;Иванов\nnobody;here\n\n+7 916 000-00-04\n".getBytes(StandardCharsets.UTF_8));
    assertThat(r.added()).isEqualTo(2);
    assertThat(r.rejected()).containsExactly(new ImportResult.Rejection(3, "no phone number on the line"));
    assertThat(store.dnc().numbers(DncRepository.GLOBAL, 10)).isEqualTo(List.of("79160000004", "79160000005"));
  }
}
