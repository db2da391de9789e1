package ru.sipring.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which card a number finds when the client base has it more than once, and how numbers are matched. */
class ClientCardsTest {
  private final InMemoryCampaignStore store = new InMemoryCampaignStore();
  private final long task = store.campaigns().createTask(store.campaigns().createProject("P").id(), "T").id();

  private Assignment assignment(String name, Contact... contacts) {
    Assignment a = store.campaigns().createAssignment(task, name, AssignmentSettings.defaults(ZoneId.of("UTC")));
    store.contacts().insertAll(a.id(), List.of(contacts).stream()
        .map(c -> Contact.of(a.id(), c.phone(), c.fields(), c.custom())).toList());
    return a;
  }

  private static Contact card(String phone, String fullName) {
    return Contact.of(0, phone, Map.of(ContactField.FULL_NAME, fullName), Map.of());
  }

  @Test
  void liveAssignmentsWinThenTheLatestCallThenTheNewestCard() {
    Assignment old = assignment("old", card("+7 916 000-00-01", "Archived"));
    store.campaigns().archiveAssignment(old.id(), true);
    Assignment a = assignment("a", card("8 916 000 00 01", "Called earlier"), card("+7 926 000-00-02", "First"));
    Assignment b = assignment("b", card("79160000001", "Called later"), card("7 926 000 00 02", "Second"));
    Contact earlier = store.contacts().byAssignment(a.id()).get(0);
    Contact later = store.contacts().byAssignment(b.id()).get(0);
    store.contacts().update(earlier.afterAttempt(CallOutcome.ANSWERED, Instant.parse("2026-03-02T09:00:00Z")));
    store.contacts().update(later.afterAttempt(CallOutcome.BUSY, Instant.parse("2026-03-03T09:00:00Z")));

    ClientCards cards = ClientCards.load(store);

    ClientCards.Card c = cards.findByNumber("79160000001").orElseThrow();
    assertThat(c.name()).isEqualTo("Called later");
    assertThat(c.details()).containsEntry("Задание", "b").containsEntry("Попыток", "1")
        .containsEntry("Последний результат", "BUSY");
    assertThat(cards.findByNumber("79260000002")).map(ClientCards.Card::name).hasValue("Second");
    assertThat(cards.size()).isEqualTo(2);
  }

  @Test
  void numbersMatchInEitherForm() {
    assignment("a", card("9030000003", "Ten digits"), card("+7 (495) 000-00-04", "Eleven digits"),
        card("101", "Extension"));
    ClientCards cards = ClientCards.load(store);

    assertThat(cards.findByNumber("79030000003")).map(ClientCards.Card::name).hasValue("Ten digits");
    assertThat(cards.findByNumber("4950000004")).map(ClientCards.Card::name).hasValue("Eleven digits");
    assertThat(cards.findByNumber("101")).map(ClientCards.Card::name).hasValue("Extension");
    assertThat(cards.findByNumber("8 (903) 000-00-03")).map(ClientCards.Card::name).hasValue("Ten digits");
    assertThat(cards.findByNumber(null)).isEmpty();
    assertThat(cards.findByNumber("79030000009")).isEmpty();
    assertThat(cards.findByNumber("")).isEmpty();
  }

  @Test
  void displayNameFallsBackFromClientNameToNamePartsToCompanyToPhone() {
    assertThat(ClientCards.name(Contact.of(1, "1", Map.of(ContactField.CLIENT_NAME, "ООО Вектор",
        ContactField.FULL_NAME, "Иванов"), Map.of()))).isEqualTo("ООО Вектор");
    assertThat(ClientCards.name(Contact.of(1, "1", Map.of(ContactField.LAST_NAME, "Иванов",
        ContactField.FIRST_NAME, "Иван", ContactField.PATRONYMIC, "Иванович"), Map.of()))).isEqualTo("Иванов Иван Иванович");
    assertThat(ClientCards.name(Contact.of(1, "1", Map.of(ContactField.COMPANY, "Ромашка"), Map.of())))
        .isEqualTo("Ромашка");
    assertThat(ClientCards.name(Contact.of(1, "+7 916", Map.of(), Map.of()))).isEqualTo("+7 916");
  }
}
