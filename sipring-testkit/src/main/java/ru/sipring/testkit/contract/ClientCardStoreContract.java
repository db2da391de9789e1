package ru.sipring.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.cards.CardPage;
import ru.sipring.campaign.cards.CardQuery;
import ru.sipring.campaign.cards.ClientCardStore;
import ru.sipring.campaign.cards.Unanswered;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;

/**
 * What every {@link ClientCardStore} must do: paged search by any field in a stable order, bulk status changes
 * (all or nothing), deletion that keeps the call history, and the list of clients not reached. The in-memory
 * store and the database one (embedded H2 and MariaDB) extend this class.
 */
public abstract class ClientCardStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-14T07:00:00Z");

  /**
   * A campaign store and the card store over the same data. Immutable.
   *
   * @param campaign the campaign store
   * @param cards the card store over the same cards
   */
  public record Stores(CampaignStore campaign, ClientCardStore cards) {}

  /**
   * New, empty stores.
   *
   * @return the campaign store and the card store over it
   */
  protected abstract Stores newStores();

  private CampaignStore store;
  private ClientCardStore cards;
  private Assignment a1;
  private Assignment a2;
  private List<Contact> base;

  @BeforeEach
  void fill() {
    Stores s = newStores();
    store = s.campaign();
    cards = s.cards();
    long task = store.campaigns().createTask(store.campaigns().createProject("Проект").id(), "Задача").id();
    a1 = store.campaigns().createAssignment(task, "Первое", AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
    a2 = store.campaigns().createAssignment(task, "Второе", AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
    List<Contact> in = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      in.add(Contact.of(a1.id(), "8 916 000-00-" + String.format("%02d", i),
          Map.of(ContactField.FULL_NAME, (i % 2 == 0 ? "Иванов " : "Петрова ") + i,
              ContactField.CITY, i % 3 == 0 ? "Москва" : "Тверь"),
          i % 5 == 0 ? Map.of("Сегмент", "VIP \"золото\" 100%") : Map.of("Сегмент", "обычный")));
    }
    store.contacts().insertAll(a1.id(), in);
    store.contacts().insertAll(a2.id(), List.of(Contact.of(a2.id(), "89160000000",
        Map.of(ContactField.FULL_NAME, "Иванов в другом"), Map.of())));
    base = store.contacts().byAssignment(a1.id());
  }

  private static List<Long> ids(CardPage p) {
    return p.items().stream().map(Contact::id).toList();
  }

  private List<Long> baseIds(java.util.function.IntPredicate which) {
    return IntStream.range(0, base.size()).filter(which).mapToObj(i -> base.get(i).id()).toList();
  }

  @Test
  void pagesCoverTheBaseOnceInIdOrder() {
    List<Long> seen = new ArrayList<>();
    CardPage first = cards.search(CardQuery.of(a1.id()).withPage(0, 10));
    assertThat(first.total()).isEqualTo(23);
    assertThat(first.pages()).isEqualTo(3);
    for (int p = 0; p < 3; p++) {
      CardPage page = cards.search(CardQuery.of(a1.id()).withPage(p, 10));
      assertThat(page.items()).hasSize(p < 2 ? 10 : 3);
      seen.addAll(ids(page));
    }
    assertThat(seen).isEqualTo(baseIds(i -> true)).isSorted();
    assertThat(cards.search(CardQuery.of(a1.id()).withPage(3, 10)).items()).isEmpty();
    assertThat(cards.search(CardQuery.of(a1.id()).withPage(0, 10))).isEqualTo(first);
    assertThat(cards.search(CardQuery.of(a2.id())).total()).isEqualTo(1);
  }

  @Test
  void keysetPagesCoverTheBaseOnceLikeOffsetPages() {
    List<Long> seen = new ArrayList<>();
    CardQuery q = CardQuery.of(a1.id()).withPage(0, 10);
    for (int p = 0; p < 3; p++) {
      CardPage page = cards.search(q);
      assertThat(page.total()).isEqualTo(23);
      assertThat(page.items()).isEqualTo(cards.search(CardQuery.of(a1.id()).withPage(p, 10)).items());
      seen.addAll(ids(page));
      q = q.withAfter(page.items().get(page.items().size() - 1).id());
    }
    assertThat(seen).isEqualTo(baseIds(i -> true));
    CardPage end = cards.search(q);
    assertThat(end.items()).isEmpty();
    assertThat(end.total()).isEqualTo(23);
    // page counts from the key; a key that is no card of the query (another assignment's, a deleted one) works too
    assertThat(ids(cards.search(CardQuery.of(a1.id()).withAfter(base.get(4).id()).withPage(1, 5))))
        .isEqualTo(baseIds(i -> i >= 10 && i < 15));
    cards.delete(base.get(7).id());
    assertThat(ids(cards.search(CardQuery.of(a1.id()).withAfter(base.get(7).id()).withPage(0, 2))))
        .containsExactly(base.get(8).id(), base.get(9).id());
    assertThat(ids(cards.search(CardQuery.of(a1.id()).withAfter(0).withPage(0, 1)))).containsExactly(base.get(0).id());
  }

  @Test
  void keysetPagesWithFiltersSkipWhatDoesNotMatch() {
    // Иванов: the even cards; Тверь: i % 3 != 0; a field filter and a status filter take different paths in a store
    CardQuery q = CardQuery.of(a1.id()).withField("full_name", "иванов").withField("city", "тверь").withPage(0, 2);
    List<Long> expected = baseIds(i -> i % 2 == 0 && i % 3 != 0);
    List<Long> seen = new ArrayList<>();
    for (CardPage page = cards.search(q); !page.items().isEmpty();
        page = cards.search(q.withAfter(page.items().get(page.items().size() - 1).id()))) {
      assertThat(page.total()).isEqualTo(expected.size());
      seen.addAll(ids(page));
    }
    assertThat(seen).isEqualTo(expected);
    cards.setStatus(baseIds(i -> i % 4 == 1), ContactStatus.DONE);
    CardQuery done = CardQuery.of(a1.id()).withStatuses(Set.of(ContactStatus.DONE)).withPage(0, 2);
    CardPage second = cards.search(done.withAfter(base.get(5).id()));
    assertThat(ids(second)).containsExactly(base.get(9).id(), base.get(13).id());
    assertThat(second.total()).isEqualTo(6);
  }

  @Test
  void searchesEveryKindOfFieldIgnoringCase() {
    assertThat(ids(cards.search(CardQuery.of(a1.id()).withField("full_name", "иванов").withPage(0, 500))))
        .isEqualTo(baseIds(i -> i % 2 == 0));
    assertThat(ids(cards.search(CardQuery.of(a1.id()).withField("Город", "МОСК").withPage(0, 500))))
        .isEqualTo(baseIds(i -> i % 3 == 0));
    // custom field, with a quote and a LIKE wildcard in the value
    assertThat(ids(cards.search(CardQuery.of(a1.id()).withField("Сегмент", "\"золото\" 100%").withPage(0, 500))))
        .isEqualTo(baseIds(i -> i % 5 == 0));
    assertThat(cards.search(CardQuery.of(a1.id()).withField("Сегмент", "_").withPage(0, 500)).total()).isZero();
    // a field name is not a value: "full" is in the JSON key full_name of every card
    assertThat(cards.search(CardQuery.of(a1.id()).withText("full_name")).total()).isZero();
    // the phone as written and in its normal form
    assertThat(ids(cards.search(CardQuery.of(a1.id()).withField("phone", "+7 916 000 00 07"))))
        .containsExactly(base.get(7).id());
    assertThat(ids(cards.search(CardQuery.of(a1.id()).withText("00-07")))).containsExactly(base.get(7).id());
    CardPage both = cards.search(CardQuery.of(a1.id()).withField("full_name", "иванов").withField("city", "москва")
        .withPage(0, 500));
    assertThat(ids(both)).isEqualTo(baseIds(i -> i % 6 == 0));
    assertThat(cards.search(CardQuery.of(a1.id()).withField("no such field", "x")).total()).isZero();
  }

  @Test
  void filtersPageAndCountTogether() {
    CardPage p = cards.search(CardQuery.of(a1.id()).withText("тверь").withPage(1, 5));
    List<Long> all = baseIds(i -> i % 3 != 0);
    assertThat(p.total()).isEqualTo(all.size());
    assertThat(ids(p)).isEqualTo(all.subList(5, 10));
  }

  @Test
  void pageSizeAndPageAreChecked() {
    assertThatThrownBy(() -> CardQuery.of(a1.id()).withPage(0, 0)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("size:");
    assertThatThrownBy(() -> CardQuery.of(a1.id()).withPage(0, CardQuery.MAX_PAGE_SIZE + 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("500");
    assertThatThrownBy(() -> CardQuery.of(a1.id()).withPage(-1, 10)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("page:");
    assertThatThrownBy(() -> CardQuery.of(a1.id()).withField("city", "")).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("fields.city:");
    assertThatThrownBy(() -> CardQuery.of(a1.id()).withAfter(-1)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("after:");
  }

  @Test
  void bulkStatusIsAllOrNothing() {
    List<Long> some = List.of(base.get(1).id(), base.get(2).id(), base.get(1).id());
    assertThat(cards.setStatus(some, ContactStatus.DONE)).isEqualTo(2);
    assertThat(store.contacts().byId(base.get(1).id()).orElseThrow().status()).isEqualTo(ContactStatus.DONE);
    assertThat(cards.search(CardQuery.of(a1.id()).withStatuses(Set.of(ContactStatus.DONE))).total()).isEqualTo(2);

    long missing = base.get(22).id() + 1000;
    assertThatThrownBy(() -> cards.setStatus(List.of(base.get(3).id(), missing), ContactStatus.DONE))
        .isInstanceOf(NotFoundException.class).hasMessageContaining(String.valueOf(missing));
    assertThat(store.contacts().byId(base.get(3).id()).orElseThrow().status()).isEqualTo(ContactStatus.NEW);
    assertThat(cards.setStatus(List.of(), ContactStatus.DONE)).isZero();
    List<Long> tooMany = java.util.stream.LongStream.range(0, ClientCardStore.MAX_BULK + 1).boxed().toList();
    assertThatThrownBy(() -> cards.setStatus(tooMany, ContactStatus.DONE)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("contactIds:");
  }

  @Test
  void deletingACardKeepsItsCalls() {
    Contact c = base.get(4);
    CallAttempt call = store.attempts().insert(CallAttempt.operatorCall(c.id(), a1.id(), "Иванов ВВ", c.phone(), T0,
        CallOutcome.ANSWERED, 60, 50, "перезвонить"));
    cards.delete(c.id());

    assertThat(store.contacts().byId(c.id())).isEmpty();
    assertThat(cards.search(CardQuery.of(a1.id())).total()).isEqualTo(22);
    assertThat(store.attempts().byId(call.id())).contains(call);
    assertThat(store.attempts().between(T0, T0.plusSeconds(1))).containsExactly(call);
    assertThatThrownBy(() -> cards.delete(c.id())).isInstanceOf(NotFoundException.class)
        .hasMessageContaining(String.valueOf(c.id()));
  }

  @Test
  void unansweredListsClientsNotReachedWhateverTheRetryRules() {
    // 3 busy calls: beyond any retry rule, still on the list
    store.contacts().update(base.get(0).afterAttempt(CallOutcome.BUSY, T0).afterAttempt(CallOutcome.BUSY, T0)
        .afterAttempt(CallOutcome.BUSY, T0));
    store.contacts().update(base.get(1).afterAttempt(CallOutcome.NO_ANSWER, T0));
    store.contacts().update(base.get(2).afterAttempt(CallOutcome.ANSWERED, T0));
    store.contacts().update(base.get(3).afterAttempt(CallOutcome.FAILED, T0));
    store.contacts().update(base.get(5).inDoubt(T0));
    store.contacts().update(base.get(6).afterAttempt(CallOutcome.NO_ANSWER, T0).withStatus(ContactStatus.DONE));
    Unanswered list = new Unanswered(cards);

    assertThat(ids(list.list(a1.id(), Set.of(), 0, 50)))
        .containsExactly(base.get(0).id(), base.get(1).id(), base.get(3).id());
    assertThat(ids(list.list(a1.id(), Set.of(CallOutcome.NO_ANSWER), 0, 50))).containsExactly(base.get(1).id());
    assertThat(ids(cards.search(Unanswered.query(a1.id(), Set.of()).withField("full_name", "петрова"))))
        .containsExactly(base.get(1).id(), base.get(3).id());
    assertThatThrownBy(() -> list.list(a1.id(), Set.of(CallOutcome.ANSWERED), 0, 50))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("outcomes:");
  }
}
