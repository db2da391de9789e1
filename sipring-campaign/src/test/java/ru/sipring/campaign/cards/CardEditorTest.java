package ru.sipring.campaign.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

class CardEditorTest {
  private final InMemoryCampaignStore store = new InMemoryCampaignStore();
  private final CardEditor editor = new CardEditor(store, new InMemoryClientCards(store));
  private final AssignmentSettings settings = AssignmentSettings.defaults(ZoneId.of("Europe/Moscow"));

  private long assignment(String project, String task, String name) {
    Project p = store.campaigns().projects().stream().filter(x -> x.name().equals(project)).findFirst()
        .orElseGet(() -> store.campaigns().createProject(project));
    Task t = store.campaigns().tasks(p.id()).stream().filter(x -> x.name().equals(task)).findFirst()
        .orElseGet(() -> store.campaigns().createTask(p.id(), task));
    Assignment a = store.campaigns().createAssignment(t.id(), name, settings);
    return a.id();
  }

  @Test
  void addsACardWithGuideAndCustomFieldsAndReadsItsIdBack() {
    long a = assignment("P", "T", "A");
    editor.add(a, "8 916 000-00-01", Map.of("ФИО", "Первый"));
    Map<String, String> f = new LinkedHashMap<>();
    f.put("full_name", "Иванов Иван");
    f.put("Город", "Москва");
    f.put("Любимый цвет", "синий");
    f.put("position", "  ");
    Contact c = editor.add(a, "8 916 000-00-01 доб. 5", f);
    assertThat(c.id()).isPositive();
    assertThat(c.phoneNormalized()).isEqualTo("79160000001");
    assertThat(c.fields()).containsEntry(ContactField.FULL_NAME, "Иванов Иван")
        .containsEntry(ContactField.CITY, "Москва").doesNotContainKey(ContactField.POSITION);
    assertThat(c.custom()).containsEntry("Любимый цвет", "синий").containsEntry("extension", "5");
    assertThat(c.status()).isEqualTo(ContactStatus.NEW);
    assertThat(editor.card(c.id())).isEqualTo(c);
    assertThat(store.contacts().byAssignment(a)).hasSize(2);
  }

  @Test
  void editReplacesTheFieldsAndKeepsTheCallingState() {
    long a = assignment("P", "T", "A");
    Contact c = editor.add(a, "89160000002", Map.of("full_name", "Old", "note", "x"));
    store.contacts().update(c.afterAttempt(CallOutcome.BUSY, java.time.Instant.parse("2026-01-01T10:00:00Z")));
    Contact e = editor.edit(c.id(), "+7 916 000-00-03", Map.of("full_name", "New", "custom", "v"));
    assertThat(e.fields()).containsOnlyKeys(ContactField.FULL_NAME).containsEntry(ContactField.FULL_NAME, "New");
    assertThat(e.custom()).containsOnly(Map.entry("custom", "v"));
    assertThat(e.phoneNormalized()).isEqualTo("79160000003");
    assertThat(e.status()).isEqualTo(ContactStatus.BUSY);
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void badInputNamesTheField() {
    long a = assignment("P", "T", "A");
    assertThatThrownBy(() -> editor.add(a, " ", Map.of())).isInstanceOf(BadInputException.class)
        .hasMessageContaining("phone");
    assertThatThrownBy(() -> editor.add(a, "abc", Map.of())).isInstanceOf(BadInputException.class)
        .hasMessageContaining("phone").hasMessageContaining("not a phone number");
    assertThatThrownBy(() -> editor.add(a, "89160000001", Map.of("Номер телефона", "1")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("fields.Номер телефона");
    assertThatThrownBy(() -> editor.add(a, "89160000001", Map.of("x".repeat(101), "1")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("fields");
    assertThatThrownBy(() -> editor.add(999, "89160000001", Map.of())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> editor.edit(999, "89160000001", Map.of())).isInstanceOf(NotFoundException.class);
    assertThat(store.contacts().byAssignment(a)).isEmpty();
  }

  @Test
  void liveAssignmentsLeaveArchivedOnesOutAndAreOrderedByName() {
    long b = assignment("Б-проект", "Задача", "Второе");
    long a = assignment("А-проект", "Задача", "Первое");
    long gone = assignment("А-проект", "Задача", "Архив");
    store.campaigns().archiveAssignment(gone, true);
    long hiddenTask = assignment("А-проект", "Старая", "Любое");
    store.campaigns().archiveTask(store.campaigns().assignment(hiddenTask).orElseThrow().taskId(), true);
    assertThat(editor.liveAssignments()).extracting(CardEditor.LiveAssignment::id).containsExactly(a, b);
    assertThat(editor.liveAssignments().get(0).path().toString()).contains("А-проект", "Задача", "Первое");
    assertThatThrownBy(() -> editor.add(gone, "89160000001", Map.of())).isInstanceOf(RejectedException.class);
  }
}
