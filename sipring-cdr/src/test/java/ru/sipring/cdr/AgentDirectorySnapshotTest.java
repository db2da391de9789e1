package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.directory.AgentDirectory;

/** A directory snapshot resolves exactly like the live registry, and does not see later edits. */
class AgentDirectorySnapshotTest {
  private static final List<String> AGENTS = List.of("501", "502", "503", "504", "Петрова ЛВ", "Иванов ИИ",
      "Общий", "PJSIP/501", "SIP/502-0000001a", "Local/503@from-queue/n", "Agent/7001", "Agent/7002", "NONE", "",
      "PJSIP/", "JASON SMITH");

  private static void fill(OperatorRegistry r) {
    String pw = OperatorRegistryFixture.SERVICE_PASSWORD;
    if (!r.hasServicePassword()) {
      r.setServicePassword(null, pw);
    }
    r.add("501", "Петрова ЛВ", "7391", pw);
    r.add("502", "Иванов ИИ", "8264", pw);
    r.add("503", "Общий", null, pw);
    r.add("504", "Общий", null, pw);    // same name twice: the active one wins, then the lowest number
    r.setActive("503", false, pw);
    r.add("505", "JASON SMITH", null, pw);
    r.addAlias("502", "Agent/7002", pw);
  }

  private static void assertSameAsLive(OperatorRegistry r) {
    AgentDirectory snapshot = r.directorySnapshot();
    for (String agent : AGENTS) {
      assertThat(snapshot.operatorOf(agent)).as(agent).isEqualTo(r.operatorOf(agent));
    }
    assertThat(snapshot.operatorOf("Общий").orElseThrow().number()).isEqualTo("504");
    r.rename("501", "Петрова Людмила", OperatorRegistryFixture.SERVICE_PASSWORD);
    assertThat(snapshot.operatorOf("501").orElseThrow().name()).isEqualTo("Петрова ЛВ");
  }

  @Test
  void inMemory() {
    InMemoryOperatorRegistry r = InMemoryOperatorRegistry.of(OperatorRegistryFixture.PINS);
    fill(r);
    assertSameAsLive(r);
  }

  @Test
  void mariaDb() {
    try (TestDatabase db = TestDatabase.create("snapshot")) {
      SipRingSchema.migrate(db.dataSource());
      JdbiOperatorRegistry r = JdbiOperatorRegistry.of(db.dataSource(), OperatorRegistryFixture.PINS,
          Clock.systemUTC());
      fill(r);
      assertSameAsLive(r);
    }
  }
}
