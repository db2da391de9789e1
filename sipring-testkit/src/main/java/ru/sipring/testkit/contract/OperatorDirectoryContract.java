package ru.sipring.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.RejectedException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.directory.OperatorAuthenticator;
import ru.sipring.core.directory.OperatorLoginLog;
import ru.sipring.core.directory.OperatorLoginLog.Action;
import ru.sipring.core.directory.OperatorLoginLog.Entry;

/**
 * Contract of an operator directory: the core SPIs {@link OperatorAuthenticator}, {@link AgentDirectory} and
 * {@link OperatorLoginLog} as one registry implements them (the guide's Сервис → Пользователи). Extend it
 * in a test class named {@code ...Test} and return a fresh, empty registry from {@link #newSubject()}; the
 * registry's own edit operations are reached through the {@link Subject} hooks, so the suite does not depend
 * on the module that implements it.
 *
 * <p>Rules checked: PINs identify active operators only and are unique among them; a mistyped PIN is "not
 * found", never an exception; the agent column resolves by alias, number, full name and the extension of
 * an interface; login log entries read back equal, oldest first, in a half-open window.
 */
public abstract class OperatorDirectoryContract {

  /** The registry under test and its edit hooks. Edits that break a rule throw {@link RejectedException}. */
  public interface Subject {
    /**
     * The agent directory view of the registry.
     *
     * @return the directory under test
     */
    AgentDirectory directory();

    /**
     * The PIN lookup of the registry.
     *
     * @return the authenticator under test
     */
    OperatorAuthenticator authenticator();

    /**
     * The login log of the registry.
     *
     * @return the log under test
     */
    OperatorLoginLog loginLog();

    /**
     * Adds an active operator.
     *
     * @param number the operator's number
     * @param name the full name
     * @param pin the keypad PIN
     */
    void addOperator(String number, String name, String pin);

    /**
     * Makes an agent value (an interface, a member name) resolve to an operator.
     *
     * @param number the operator's number
     * @param agent the agent column value
     */
    void addAlias(String number, String agent);

    /**
     * Changes an operator's PIN.
     *
     * @param number the operator's number
     * @param pin the new PIN
     */
    void setPin(String number, String pin);

    /**
     * Activates or deactivates an operator; an inactive operator's PIN no longer logs in.
     *
     * @param number the operator's number
     * @param active whether the operator may log in
     */
    void setActive(String number, boolean active);

    /**
     * The login log's entries in a time range.
     *
     * @param from the first instant included
     * @param to the first instant excluded
     * @return the entries, oldest first
     */
    List<Entry> loginEntries(Instant from, Instant to);
  }

  /**
   * A new registry with no operators, ready for edits.
   *
   * @return the subject under test, called before each test
   */
  protected abstract Subject newSubject();

  private Subject s;

  @BeforeEach
  void freshSubject() {
    s = newSubject();
  }

  @Test
  void pinFindsItsActiveOperator() {
    s.addOperator("501", "Петрова ЛВ", "7391");
    s.addOperator("502", "Иванов ИИ", "50827");

    assertThat(s.authenticator().authenticate("7391")).contains(new Operator("501", "Петрова ЛВ"));
    assertThat(s.authenticator().authenticate("50827")).contains(new Operator("502", "Иванов ИИ"));
    assertThat(s.authenticator().authenticate("4321")).isEmpty();
  }

  @Test
  void mistypedPinIsNotFoundRatherThanAnError() {
    s.addOperator("501", "Петрова ЛВ", "7391");

    assertThat(s.authenticator().authenticate("12a4")).isEmpty();
    assertThat(s.authenticator().authenticate("")).isEmpty();
    assertThat(s.authenticator().authenticate("12345678901234567890")).isEmpty();
  }

  @Test
  void disabledOperatorCannotLogIn() {
    s.addOperator("501", "Петрова ЛВ", "7391");
    s.setActive("501", false);

    assertThat(s.authenticator().authenticate("7391")).isEmpty();

    s.setActive("501", true);
    assertThat(s.authenticator().authenticate("7391")).contains(new Operator("501", "Петрова ЛВ"));
  }

  @Test
  void pinIsUniqueAmongActiveOperators() {
    s.addOperator("501", "Петрова ЛВ", "7391");

    assertThatThrownBy(() -> s.addOperator("502", "Иванов ИИ", "7391")).isInstanceOf(RejectedException.class);
    s.addOperator("502", "Иванов ИИ", "8264");
    assertThatThrownBy(() -> s.setPin("502", "7391")).isInstanceOf(RejectedException.class);
    assertThat(s.authenticator().authenticate("7391")).contains(new Operator("501", "Петрова ЛВ"));
    assertThat(s.authenticator().authenticate("8264")).contains(new Operator("502", "Иванов ИИ"));
  }

  @Test
  void disabledOperatorsPinMayBeReusedAndThenBlocksReenabling() {
    s.addOperator("501", "Петрова ЛВ", "7391");
    s.setActive("501", false);
    s.addOperator("502", "Иванов ИИ", "7391");

    assertThat(s.authenticator().authenticate("7391")).contains(new Operator("502", "Иванов ИИ"));
    assertThatThrownBy(() -> s.setActive("501", true)).isInstanceOf(RejectedException.class);
    assertThat(s.authenticator().authenticate("7391")).contains(new Operator("502", "Иванов ИИ"));
  }

  @Test
  void duplicateNumberIsRejected() {
    s.addOperator("501", "Петрова ЛВ", "7391");

    assertThatThrownBy(() -> s.addOperator("501", "Иванов ИИ", "8264")).isInstanceOf(RejectedException.class);
    assertThat(s.authenticator().authenticate("8264")).isEmpty();
  }

  @Test
  void agentColumnResolvesByAliasNumberNameAndInterface() {
    s.addOperator("501", "Петрова ЛВ", "7391");
    s.addOperator("502", "Иванов ИИ", "8264");
    s.addAlias("502", "Agent/7002");
    Operator petrova = new Operator("501", "Петрова ЛВ");
    Operator ivanov = new Operator("502", "Иванов ИИ");

    assertThat(s.directory().operatorOf("501")).contains(petrova);
    assertThat(s.directory().operatorOf("Петрова ЛВ")).contains(petrova);
    assertThat(s.directory().operatorOf("PJSIP/501")).contains(petrova);
    assertThat(s.directory().operatorOf("Local/501@from-queue/n")).contains(petrova);
    assertThat(s.directory().operatorOf("SIP/502-0000001a")).contains(ivanov);
    assertThat(s.directory().operatorOf("Agent/7002")).contains(ivanov);
    assertThat(s.directory().operatorOf("503")).isEmpty();
    assertThat(s.directory().operatorOf("PJSIP/503")).isEmpty();
    assertThat(s.directory().operatorOf("NONE")).isEmpty();
  }

  @Test
  void disabledOperatorsStillNameTheirHistory() {
    s.addOperator("501", "Петрова ЛВ", "7391");
    s.setActive("501", false);

    assertThat(s.directory().operatorOf("Петрова ЛВ")).contains(new Operator("501", "Петрова ЛВ"));
    assertThat(s.directory().operatorOf("501")).contains(new Operator("501", "Петрова ЛВ"));
  }

  @Test
  void aliasValueBelongsToOneOperator() {
    s.addOperator("501", "Петрова ЛВ", "7391");
    s.addOperator("502", "Иванов ИИ", "8264");
    s.addAlias("501", "Agent/7001");

    assertThatThrownBy(() -> s.addAlias("502", "Agent/7001")).isInstanceOf(RejectedException.class);
    assertThat(s.directory().operatorOf("Agent/7001")).contains(new Operator("501", "Петрова ЛВ"));
  }

  @Test
  void loginLogReadsBackInOrderWithinHalfOpenWindow() {
    s.addOperator("501", "Петрова ЛВ", "7391");
    Operator petrova = new Operator("501", "Петрова ЛВ");
    Instant t0 = Instant.parse("2026-03-02T06:00:00.125Z");
    Entry login = new Entry(petrova, "150", "PJSIP/501", Action.LOGIN, t0, "agi");
    Entry sameInstant = new Entry(petrova, "151", "PJSIP/501", Action.LOGIN, t0, "agi");
    Entry logout = new Entry(petrova, "150", "PJSIP/501", Action.LOGOUT, t0.plusSeconds(3600), "admin");
    Entry later = new Entry(petrova, "150", "PJSIP/501", Action.LOGIN, t0.plusSeconds(7200), "agi");
    s.loginLog().record(logout);
    s.loginLog().record(login);
    s.loginLog().record(sameInstant);
    s.loginLog().record(later);

    assertThat(s.loginEntries(t0, t0.plusSeconds(7200))).containsExactly(login, sameInstant, logout);
    assertThat(s.loginEntries(t0.plusMillis(1), t0.plusSeconds(7201))).containsExactly(logout, later);
    assertThat(s.loginEntries(t0.minusSeconds(10), t0)).isEmpty();
  }

  @Test
  void loginLogKeepsEntriesOfOperatorsTheRegistryDoesNotKnow() {
    Operator stranger = new Operator("777", "Unknown");
    Entry entry = new Entry(stranger, "150", "PJSIP/777", Action.LOGIN, Instant.parse("2026-03-02T06:00:00Z"),
        "agi");
    s.loginLog().record(entry);

    assertThat(s.loginEntries(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).containsExactly(entry);
  }
}
