package ru.sipring.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.fax.DistributionList;
import ru.sipring.fax.FaxContact;
import ru.sipring.fax.FaxContactStore;
import ru.sipring.fax.FaxLine;
import ru.sipring.fax.FaxLineStore;
import ru.sipring.fax.FaxUser;
import ru.sipring.fax.FaxUserStore;
import ru.sipring.fax.InboxFax;
import ru.sipring.fax.ReceivedFaxStore;

/**
 * Contract of the sipring-fax persistence SPIs ({@link FaxUserStore}, {@link FaxLineStore},
 * {@link ReceivedFaxStore}, {@link FaxContactStore}). Extend it in a test class named {@code ...Test} and
 * return fresh, empty stores from the factory methods; the in-memory stores and the MariaDB ones both run it.
 *
 * <p>Rules checked: save is insert-or-replace by key and reads back equal (rights sets, Cyrillic names,
 * nullable category, microsecond-free instants); listings are ordered (users/lines/contacts/lists by key,
 * received faxes newest first); delete says whether something was there; distribution lists keep order.
 */
public abstract class FaxStoresContract {
  private FaxUserStore users;
  private FaxLineStore lines;
  private ReceivedFaxStore received;
  private FaxContactStore contacts;

  /**
   * A new, empty user store; called before each test.
   *
   * @return the store under test
   */
  protected abstract FaxUserStore newUserStore();

  /**
   * A new, empty fax line store; called before each test.
   *
   * @return the store under test
   */
  protected abstract FaxLineStore newLineStore();

  /**
   * A new, empty received-fax store; called before each test.
   *
   * @return the store under test
   */
  protected abstract ReceivedFaxStore newReceivedFaxStore();

  /**
   * A new, empty contact store; called before each test.
   *
   * @return the store under test
   */
  protected abstract FaxContactStore newContactStore();

  @BeforeEach
  void fresh() {
    users = newUserStore();
    lines = newLineStore();
    received = newReceivedFaxStore();
    contacts = newContactStore();
  }

  @Test
  void usersReadBackEqualAndAreReplacedByLogin() {
    FaxUser anna = new FaxUser("anna", "Анна Иванова", "anna@example.invalid", false, false, true, false,
        Set.of("ttyIAX0", "ttyIAX1"), Set.of("FAX", "FAX1"));
    FaxUser boss = FaxUser.administrator("boss", "boss@example.invalid");
    users.save(anna);
    users.save(boss);
    assertThat(users.find("anna")).contains(anna);
    assertThat(users.list()).containsExactly(anna, boss);

    FaxUser changed = anna.withCanDelete(false).withPrivileged(true);
    users.save(changed);
    assertThat(users.find("anna")).contains(changed);
    assertThat(users.list()).hasSize(2);

    FaxUser noRights = FaxUser.regular("vera", "", Set.of(), Set.of());
    users.save(noRights);
    assertThat(users.find("vera")).contains(noRights);

    assertThat(users.delete("anna")).isTrue();
    assertThat(users.delete("anna")).isFalse();
    assertThat(users.find("anna")).isEmpty();
  }

  @Test
  void linesAndCategories() {
    FaxLine l1 = new FaxLine("ttyIAX0", "Управление 1", "FAX");
    FaxLine l2 = new FaxLine("ttyIAX1", "Управление 2", null);
    lines.save(l2);
    lines.save(l1);
    assertThat(lines.list()).containsExactly(l1, l2);
    assertThat(lines.find("ttyIAX1")).contains(l2);
    assertThat(lines.find("ttyIAX9")).isEmpty();
    FaxLine renamed = new FaxLine("ttyIAX1", "Бухгалтерия", "FAX2");
    lines.save(renamed);
    assertThat(lines.find("ttyIAX1")).contains(renamed);

    lines.addCategory("FAX2");
    lines.addCategory("FAX");
    lines.addCategory("FAX");
    assertThat(lines.categories()).containsExactly("FAX", "FAX2");
  }

  @Test
  void receivedFaxesNewestFirstWithFolderAndCategory() {
    InboxFax older = fax("fax000000001.tif", Instant.parse("2026-05-21T11:54:00Z"), "FAX");
    InboxFax newer = fax("fax000000002.tif", Instant.parse("2026-05-21T14:03:00Z"), null);
    received.save(older);
    received.save(newer);
    assertThat(received.list()).containsExactly(newer, older);
    assertThat(received.find("fax000000001.tif")).contains(older);

    InboxFax archived = older.inFolder(InboxFax.Folder.ARCHIVE).withCategory(null);
    received.save(archived);
    assertThat(received.find("fax000000001.tif")).contains(archived);
    assertThat(received.list()).hasSize(2);

    assertThat(received.delete("fax000000002.tif")).isTrue();
    assertThat(received.delete("fax000000002.tif")).isFalse();
    assertThat(received.list()).containsExactly(archived);
  }

  @Test
  void contactsAndDistributionListsKeepOrder() {
    FaxContact a = new FaxContact("ООО Ромашка", "Ромашка", "+7 (499) 555-01-00", "info@example.invalid");
    FaxContact b = new FaxContact("ACME", "", "5550100", "");
    contacts.save(a);
    contacts.save(b);
    assertThat(contacts.contacts()).containsExactly(b, a);
    FaxContact moved = new FaxContact("ACME", "ACME GmbH", "5550199", "");
    contacts.save(moved);
    assertThat(contacts.contacts()).containsExactly(moved, a);
    assertThat(contacts.deleteContact("ACME")).isTrue();
    assertThat(contacts.deleteContact("ACME")).isFalse();

    DistributionList partners = new DistributionList("Партнёры", List.of("5550103", "5550101", "5550102"));
    contacts.save(partners);
    contacts.save(new DistributionList("A", List.of("5550200")));
    assertThat(contacts.list("Партнёры")).contains(partners);
    assertThat(contacts.lists()).extracting(DistributionList::name).containsExactly("A", "Партнёры");
    DistributionList shorter = new DistributionList("Партнёры", List.of("5550102"));
    contacts.save(shorter);
    assertThat(contacts.list("Партнёры")).contains(shorter);
    assertThat(contacts.deleteList("Партнёры")).isTrue();
    assertThat(contacts.list("Партнёры")).isEmpty();
  }

  @Test
  void invalidValuesNeverReachAStore() {
    assertThatThrownBy(() -> new FaxContact("x", "", "555-CALL", "")).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> new DistributionList("x", List.of("12"))).isInstanceOf(BadInputException.class);
  }

  private static InboxFax fax(String file, Instant at, @Nullable String category) {
    return new InboxFax(file, "+7 499 555-00-00", "0301234", "ООО Ромашка", at, 5, "ttyIAX2", "Управление 3",
        category, InboxFax.Folder.INBOX, "000000029");
  }
}
