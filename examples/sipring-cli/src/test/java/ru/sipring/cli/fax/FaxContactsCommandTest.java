package ru.sipring.cli.fax;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.cdr.fax.JdbiFaxStores;
import ru.sipring.cli.SipRingCli;
import ru.sipring.fax.FaxCenter;
import ru.sipring.fax.FaxContact;

/** {@code fax contacts ...} and {@code fax lists ...} on MariaDB (schema migrated by the first command). */
class FaxContactsCommandTest {
  private TestDatabase db;

  @BeforeEach
  void database() {
    db = TestDatabase.create("faxcontacts");
  }

  @AfterEach
  void drop() {
    if (db != null) { // null when create() skipped the test for want of a database
      db.close();
    }
  }

  private record Result(int exit, String out, String err) {}

  private Result fax(String... args) {
    List<String> all = new ArrayList<>(List.of("fax"));
    all.addAll(List.of(args));
    all.addAll(List.of("--db", db.jdbcUrl(), "--db-user", TestDatabase.user(),
        "--db-password", TestDatabase.password()));
    CommandLine cli = SipRingCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(all.toArray(String[]::new));
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void addsListsReplacesAndDeletesContacts() throws Exception {
    assertThat(fax("contacts", "add", "Бухгалтерия", "--number", "+7 (495) 555-01-01", "--company", "ООО Ромашка")
        .exit()).isZero();
    assertThat(fax("contacts", "add", "Склад", "--number", "555-02-02", "--email", "sklad@example.invalid")
        .exit()).isZero();
    // same name: replaced
    assertThat(fax("contacts", "add", "Склад", "--number", "555-03-03").exit()).isZero();

    Result json = fax("contacts", "list", "--format", "json");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode contacts = new ObjectMapper().readTree(json.out());
    assertThat(contacts).hasSize(2);
    assertThat(contacts.get(0).get("name").asText()).isEqualTo("Бухгалтерия");
    assertThat(contacts.get(0).get("company").asText()).isEqualTo("ООО Ромашка");
    assertThat(contacts.get(1).get("number").asText()).isEqualTo("555-03-03");
    assertThat(contacts.get(1).get("email").asText()).isEmpty();
    assertThat(fax("contacts", "list").out()).contains("Бухгалтерия\t+7 (495) 555-01-01\tООО Ромашка");

    assertThat(fax("contacts", "delete", "Склад").out()).contains("contact Склад deleted");
    Result again = fax("contacts", "delete", "Склад");
    assertThat(again.exit()).isEqualTo(5);
    assertThat(again.err()).contains("sipring fax contacts delete: no contact 'Склад'");
    assertThat(JdbiFaxStores.of(db.dataSource()).contacts().contacts())
        .containsExactly(new FaxContact("Бухгалтерия", "ООО Ромашка", "+7 (495) 555-01-01", ""));
  }

  @Test
  void badNumberIsBadInputNamingTheContact() {
    Result r = fax("contacts", "add", "Склад", "--number", "FAX-ME");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("contact 'Склад' number").contains("FAX-ME");
  }

  @Test
  void distributionListsAreWhatFaxCenterSendsTo() throws Exception {
    Result add = fax("lists", "add", "Филиалы", "555-10-10", "555-20-20", "+7 812 555-30-30");
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(add.out()).contains("list Филиалы saved: 3 numbers");
    assertThat(fax("lists", "show", "Филиалы").out().lines().toList())
        .containsExactly("555-10-10", "555-20-20", "+7 812 555-30-30");
    JsonNode lists = new ObjectMapper().readTree(fax("lists", "list", "--format", "json").out());
    assertThat(lists.get(0).get("numbers")).hasSize(3);

    FaxCenter center = FaxCenter.builder(FaxDispatchCommand.noServer())
        .contacts(JdbiFaxStores.of(db.dataSource()).contacts()).build();
    assertThat(center.numbersOf("Филиалы")).containsExactly("555-10-10", "555-20-20", "+7 812 555-30-30");

    Result badNumber = fax("lists", "add", "Филиалы", "555-10-10", "abc");
    assertThat(badNumber.exit()).isEqualTo(2);
    assertThat(badNumber.err()).contains("list 'Филиалы' number 2");
    assertThat(fax("lists", "delete", "Филиалы").exit()).isZero();
    assertThat(fax("lists", "show", "Филиалы").exit()).isEqualTo(5);
    assertThat(JdbiFaxStores.of(db.dataSource()).contacts().lists()).isEmpty();
  }
}
