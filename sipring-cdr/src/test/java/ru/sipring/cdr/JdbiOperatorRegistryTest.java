package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.testkit.contract.OperatorDirectoryContract;

/** The operator contract on MariaDB, plus what only a database shows (hashes at rest, transactions). */
class JdbiOperatorRegistryTest extends OperatorDirectoryContract {
  static TestDatabase db; // EmbeddedXxxTest puts the embedded database here
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T06:00:00Z"), ZoneOffset.UTC);

  @BeforeAll
  static void database() {
    db = TestDatabase.create("operators");
    SipRingSchema.migrate(db.dataSource());
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected Subject newSubject() {
    db.execute("DELETE FROM sipring_operator_login", "DELETE FROM sipring_operator_alias",
        "DELETE FROM sipring_operator", "DELETE FROM sipring_setting");
    return OperatorRegistryFixture.subject(registry());
  }

  private static JdbiOperatorRegistry registry() {
    return JdbiOperatorRegistry.of(db.dataSource(), OperatorRegistryFixture.PINS, CLOCK);
  }

  @Test
  void databaseHoldsNoPinOnlyItsKeyedHash() throws Exception {
    newSubject().addOperator("501", "Петрова ЛВ", "246813");

    try (var c = db.dataSource().getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT * FROM sipring_operator")) {
      assertThat(rs.next()).isTrue();
      int columns = rs.getMetaData().getColumnCount();
      for (int i = 1; i <= columns; i++) {
        String text = rs.getString(i);
        assertThat(text == null ? "" : text).doesNotContain("246813");
      }
      assertThat(rs.getBytes("pin_hmac")).hasSize(32).isEqualTo(OperatorRegistryFixture.PINS.hash("246813"));
    }
    // another secret cannot find the operator: the hash alone is useless
    var otherKey = JdbiOperatorRegistry.of(db.dataSource(),
        PinHasher.ofSecret("another-secret-of-16-bytes".getBytes()), CLOCK);
    assertThat(otherKey.authenticate("246813")).isEmpty();
  }

  @Test
  void everyEditAsksForTheServicePassword() {
    newSubject().addOperator("501", "Петрова ЛВ", "7391");
    JdbiOperatorRegistry registry = registry();

    assertThatThrownBy(() -> registry.add("502", "Иванов ИИ", "8264", "wrong"))
        .isInstanceOf(RejectedException.class).hasMessageContaining("wrong service password");
    assertThatThrownBy(() -> registry.rename("501", "X", null)).isInstanceOf(RejectedException.class);
    assertThatThrownBy(() -> registry.setPin("501", "60417", "wrong")).isInstanceOf(RejectedException.class);
    assertThatThrownBy(() -> registry.setActive("501", false, "")).isInstanceOf(RejectedException.class);
    assertThatThrownBy(() -> registry.setServicePassword("wrong", "new")).isInstanceOf(RejectedException.class);
    assertThat(registry.list()).extracting(OperatorInfo::number).containsExactly("501");
    assertThat(registry.authenticate("7391")).isPresent();

    registry.setServicePassword(OperatorRegistryFixture.SERVICE_PASSWORD, "новый");
    registry.rename("501", "Петрова Людмила", "новый");
    assertThat(registry.find("501")).get().extracting(OperatorInfo::name).isEqualTo("Петрова Людмила");
  }

  @Test
  void editsBeforeAnyServicePasswordAreRefused() {
    db.execute("DELETE FROM sipring_operator_login", "DELETE FROM sipring_operator_alias",
        "DELETE FROM sipring_operator", "DELETE FROM sipring_setting");
    JdbiOperatorRegistry registry = registry();

    assertThat(registry.hasServicePassword()).isFalse();
    assertThatThrownBy(() -> registry.add("501", "Петрова ЛВ", "7391", "anything"))
        .isInstanceOf(RejectedException.class).hasMessageContaining("no service password");
  }

  @Test
  void listShowsStateButNeverThePin() {
    Subject s = newSubject();
    s.addOperator("502", "Иванов ИИ", "8264");
    s.addOperator("501", "Петрова ЛВ", "7391");
    s.addAlias("501", "Agent/7001");
    s.setActive("502", false);
    JdbiOperatorRegistry registry = registry();
    registry.resetPin("501", OperatorRegistryFixture.SERVICE_PASSWORD);

    assertThat(registry.list()).containsExactly(
        new OperatorInfo("501", "Петрова ЛВ", true, false, List.of("Agent/7001")),
        new OperatorInfo("502", "Иванов ИИ", false, true, List.of()));
    assertThat(registry.authenticate("7391")).isEmpty();
  }

  @Test
  void badValuesNameTheField() {
    newSubject();
    JdbiOperatorRegistry registry = registry();
    String pw = OperatorRegistryFixture.SERVICE_PASSWORD;

    assertThatThrownBy(() -> registry.add("501", "Петрова ЛВ", "12-34", pw))
        .isInstanceOf(BadInputException.class).extracting(e -> ((BadInputException) e).location())
        .isEqualTo("pin");
    assertThatThrownBy(() -> registry.add(" ", "Петрова ЛВ", "7391", pw)).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> registry.setPin("999", "7391", pw)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void rejectedEditLeavesNothingHalfWritten() {
    Subject s = newSubject();
    s.addOperator("501", "Петрова ЛВ", "7391");
    JdbiOperatorRegistry registry = registry();

    // the alias insert fails on the foreign key after the password check and lookups ran in the transaction
    assertThatThrownBy(() -> registry.addAlias("501", "x".repeat(129), "sipring"))
        .isInstanceOf(BadInputException.class);
    s.addAlias("501", "Agent/7001");
    assertThatThrownBy(() -> s.addAlias("501", "Agent/7001")).isInstanceOf(RejectedException.class)
        .hasMessageContaining("already an alias");
    assertThat(registry.find("501").orElseThrow().aliases()).containsExactly("Agent/7001");
  }
}
