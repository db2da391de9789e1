package ru.sipring.cdr;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.OperatorAuthenticator;
import ru.sipring.core.directory.OperatorLoginLog;

/**
 * The guide's operator registry (Сервис → Пользователи): operators with a full name and a numeric PIN typed
 * on a phone at {@code *45<queue>} login, an active flag, and the service password that every edit asks
 * for. It is also the directory reports use ({@link AgentDirectory}), the PIN check of the FastAGI login
 * ({@link OperatorAuthenticator}) and the login log ({@link OperatorLoginLog}).
 *
 * <p>Rules: the number is unique; a name holds no control character (it becomes an AMI header at every login);
 * a new PIN is 1–16 digits, passes the registry's {@link PinPolicy}, and is unique among <em>active</em> operators (a
 * disabled
 * operator's PIN may be handed to someone else); re-enabling an operator whose PIN was reused is rejected.
 * Edits throw {@link ru.sipring.core.RejectedException} for a wrong service password or a broken rule,
 * {@link ru.sipring.core.NotFoundException} for an unknown number, {@link ru.sipring.core.BadInputException}
 * for a malformed value. Each edit is atomic.
 *
 * <p>Agent resolution ({@link #operatorOf}) tries, in order: an alias, the operator number, the full name,
 * and the extension inside an interface ({@code PJSIP/501}, {@code Local/501@from-queue/n} → 501).
 *
 * <p>Implementations are thread-safe: {@link JdbiOperatorRegistry} (MariaDB/MySQL) and
 * {@link InMemoryOperatorRegistry} (tests, demos).
 */
public interface OperatorRegistry extends AgentDirectory, OperatorAuthenticator, OperatorLoginLog {

  /**
   * Sets the service password: the first time {@code current} is ignored, later it must match.
   *
   * @param current the password now; ignored while none is set (null then)
   * @param next the new password, not empty
   * @throws ru.sipring.core.RejectedException when {@code current} is wrong
   * @throws ru.sipring.core.BadInputException when {@code next} is empty
   */
  void setServicePassword(@Nullable String current, String next);

  /**
   * Whether a service password has been set (edits are refused until one is).
   *
   * @return true once set
   */
  boolean hasServicePassword();

  /**
   * Adds an active operator; {@code pin} may be null (set it later).
   *
   * @param number the operator number, unique
   * @param name the full name
   * @param pin the PIN typed at login, or null
   * @param servicePassword the service password
   * @return the operator as stored
   */
  OperatorInfo add(String number, String name, @Nullable String pin, String servicePassword);

  /**
   * Changes an operator's full name.
   *
   * @param number the operator number
   * @param name the new full name
   * @param servicePassword the service password
   * @return the operator as stored
   */
  OperatorInfo rename(String number, String name, String servicePassword);

  /**
   * Sets or changes the PIN.
   *
   * @param number the operator number
   * @param pin the new PIN
   * @param servicePassword the service password
   * @return the operator as stored
   */
  OperatorInfo setPin(String number, String pin, String servicePassword);

  /**
   * Removes the PIN: the operator can no longer log in until a new one is set.
   *
   * @param number the operator number
   * @param servicePassword the service password
   * @return the operator as stored
   */
  OperatorInfo resetPin(String number, String servicePassword);

  /**
   * Enables or disables an operator; a disabled one cannot log in and its PIN may be given to another.
   *
   * @param number the operator number
   * @param active true to enable
   * @param servicePassword the service password
   * @return the operator as stored
   */
  OperatorInfo setActive(String number, boolean active, String servicePassword);

  /**
   * Another queue_log agent value (an interface, an agent id) that means this operator.
   *
   * @param number the operator number
   * @param agent the agent value as queue_log writes it
   * @param servicePassword the service password
   * @return the operator as stored
   */
  OperatorInfo addAlias(String number, String agent, String servicePassword);

  /**
   * Every operator, active or not, ordered by number.
   *
   * @return the operators
   */
  List<OperatorInfo> list();

  /**
   * One operator.
   *
   * @param number the operator number
   * @return the operator, or empty
   */
  Optional<OperatorInfo> find(String number);

  /**
   * The directory as it is now, in memory: immutable, thread-safe, no database round trip per lookup, same
   * resolution as {@link #operatorOf}. Reports that resolve every queue_log row take one per report.
   *
   * @return the snapshot
   */
  AgentDirectory directorySnapshot();

  /**
   * Login log entries with {@code from <= at < to}, oldest first (same instant: in recording order).
   *
   * @param from the first instant included
   * @param to the first instant excluded
   * @return the entries
   */
  List<Entry> loginEntries(Instant from, Instant to);
}
