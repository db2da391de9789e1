package ru.sipring.fax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.sipring.core.NotFoundException;

/** The AvantFAX rule table, case by case, and distribution lists in FaxCenter. */
class FaxPermissionsTest {
  static InboxFax fax(String device, String category) {
    return new InboxFax("fax000000001.tif", "", "", "", Instant.EPOCH, 1, device, device, category,
        InboxFax.Folder.INBOX, "");
  }

  static FaxJob job(String owner) {
    return new FaxJob("1", "1", owner, "5550100", FaxJobState.WAITING, 0, 0, 0, 12, 0, 3, "any", null, "", "", "", "");
  }

  @Test
  void receivedFaxVisibility() {
    FaxUser line1 = FaxUser.regular("u", "", Set.of("ttyIAX0"), Set.of("FAX"));
    assertThat(FaxPermissions.canSee(line1, fax("ttyIAX0", null))).isTrue();
    assertThat(FaxPermissions.canSee(line1, fax("ttyIAX0", "FAX"))).isTrue();
    assertThat(FaxPermissions.canSee(line1, fax("ttyIAX0", "FAX2"))).as("category outside the user's").isFalse();
    assertThat(FaxPermissions.canSee(line1, fax("ttyIAX1", null))).as("other line").isFalse();
    assertThat(FaxPermissions.canSee(line1, fax("", null))).as("unknown line").isFalse();
    assertThat(FaxPermissions.canSee(line1.withAnyModem(true), fax("ttyIAX1", null))).isTrue();
    assertThat(FaxPermissions.canSee(line1.withAnyModem(true), fax("ttyIAX1", "FAX2"))).isFalse();
    assertThat(FaxPermissions.canSee(line1.withPrivileged(true), fax("ttyIAX1", "FAX2"))).isTrue();
    assertThat(FaxPermissions.canSee(FaxUser.administrator("a", ""), fax("", "X"))).isTrue();
  }

  @Test
  void deleting() {
    FaxUser u = FaxUser.regular("u", "", Set.of("ttyIAX0"), Set.of());
    assertThat(FaxPermissions.canDelete(u, fax("ttyIAX0", null))).isFalse();
    assertThat(FaxPermissions.canDelete(u.withCanDelete(true), fax("ttyIAX0", null))).isTrue();
    assertThat(FaxPermissions.canDelete(u.withCanDelete(true), fax("ttyIAX1", null))).as("not visible").isFalse();
    assertThat(FaxPermissions.canDelete(FaxUser.administrator("a", ""), fax("x", "y"))).isTrue();
  }

  @Test
  void jobsAndModems() {
    FaxUser u = FaxUser.regular("anna", "", Set.of("ttyIAX0"), Set.of());
    assertThat(FaxPermissions.canSeeJob(u, job("anna"))).isTrue();
    assertThat(FaxPermissions.canSeeJob(u, job("^anna@"))).as("owner printed from hosts.hfaxd pattern").isTrue();
    assertThat(FaxPermissions.canSeeJob(u, job("boris"))).isFalse();
    assertThat(FaxPermissions.canSeeJob(u.withPrivileged(true), job("boris"))).isTrue();
    assertThat(FaxPermissions.canControlJob(u.withPrivileged(true), job("boris"))).isFalse();
    assertThat(FaxPermissions.canControlJob(FaxUser.administrator("a", ""), job("boris"))).isTrue();
    assertThat(FaxPermissions.canSendOn(u, "ttyIAX0")).isTrue();
    assertThat(FaxPermissions.canSendOn(u, "ttyIAX1")).isFalse();
    assertThat(FaxPermissions.canSendOn(u.withAnyModem(true), "ttyIAX1")).isTrue();
  }

  @Test
  void distributionListsExpandToTheirNumbers() {
    FaxCenter center = FaxCenter.builder(FaxDispatcherTest.unusedSessions()).build();
    center.contacts().save(new DistributionList("Партнёры", List.of("5550101", "+7 499 555-01-02")));
    assertThat(center.numbersOf("Партнёры")).containsExactly("5550101", "+7 499 555-01-02");
    assertThatThrownBy(() -> center.numbersOf("nope")).isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
  }

  @Test
  void recipientsAreTheNumbersThenTheContactsThenTheListsEachOnce() {
    FaxContactStore book = InMemoryFaxStores.contacts();
    book.save(new FaxContact("Склад", "", "555-02-02", ""));
    book.save(new FaxContact("Бухгалтерия", "ООО", "5550101", ""));
    book.save(new DistributionList("Партнёры", List.of("5550101", "+7 499 555-01-02")));
    assertThat(book.recipients(List.of(" 5550303 ", "", "555-02-02"), List.of("Бухгалтерия", "Склад"),
        List.of("Партнёры"))).containsExactly("5550303", "555-02-02", "5550101", "+7 499 555-01-02");
    assertThat(book.recipients(List.of(), List.of(), List.of())).isEmpty();
    // a hostile name comes back escaped: the message goes to a terminal, a log or a page
    assertThatThrownBy(() -> book.recipients(List.of(), List.of("x\u001b[2J"), List.of()))
        .isInstanceOf(NotFoundException.class).hasMessageNotContaining("\u001b");
    assertThatThrownBy(() -> book.recipients(List.of("5550303"), List.of(), List.of("Нет такого")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("no distribution list 'Нет такого'");
  }
}
