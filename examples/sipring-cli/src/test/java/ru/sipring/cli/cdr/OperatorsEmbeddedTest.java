package ru.sipring.cli.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.cli.cdr.CdrCommandsTest.Run;

/** {@code sipring operators} without {@code --db}: the embedded database in SIPRING_HOME, shared with campaigns. */
class OperatorsEmbeddedTest {
  @TempDir Path home;
  private String before;

  @BeforeEach
  void home() {
    before = System.getProperty("sipring.home");
    System.setProperty("sipring.home", home.toString());
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty("sipring.home");
    } else {
      System.setProperty("sipring.home", before);
    }
  }

  @Test
  void operatorsLiveInTheEmbeddedDatabaseNextToTheCampaigns() throws Exception {
    String secret = Files.writeString(home.resolve("pin.key"), "cli-test-secret-0123456789\n").toString();
    assertThat(CdrCommandsTest.run("operators", "service-password", "--new=sipring").exit()).isZero();
    Run add = CdrCommandsTest.run("operators", "add", "501", "Петрова ЛВ", "--pin=7351", "--service-password=sipring",
        "--pin-secret-file", secret);
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(CdrCommandsTest.run("operators", "add", "502", "Иванов ИИ", "--pin=7351",
        "--service-password=sipring", "--pin-secret-file", secret).exit()).isEqualTo(Failures.REJECTED);
    assertThat(CdrCommandsTest.run("campaign", "create", "P/T/A").exit()).isZero();

    Run list = CdrCommandsTest.run("operators", "list");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out().lines().toList()).hasSize(1);
    assertThat(list.out()).contains("501").contains("Петрова ЛВ").doesNotContain("7351");
    assertThat(CdrCommandsTest.run("campaign", "list").out()).contains("A");
    assertThat(home.resolve("sipring.mv.db")).isRegularFile();
  }
}
