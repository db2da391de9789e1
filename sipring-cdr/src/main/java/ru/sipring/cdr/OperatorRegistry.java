package ru.sipring.cdr;

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
 * a new PIN is 1–16 digits, passes the registry's {@link PinPolicy}, and is unique among <em>active</em> operators (a disabled
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

  /** Sets the service password: the first time {@code current} is ignored, later it must match. */
  void setServicePassword(String current, String next);

  /** Whether a service password has been set (edits are refused until one is). */
  boolean hasServicePassword();

  /** Adds an active operator; {@code pin} may be null (set it later). */
  OperatorInfo add(String number, String name, String pin, String servicePassword);

  OperatorInfo rename(String number, String name, String servicePassword);

  /** Sets or changes the PIN. */
  OperatorInfo setPin(String number, String pin, String servicePassword);

  /** Removes the PIN: the operator can no longer log in until a new one is set. */
  OperatorInfo resetPin(String number, String servicePassword);

  OperatorInfo setActive(String number, boolean active, String servicePassword);

  /** Another queue_log agent value (an interface, an agent id) that means this operator. */
  OperatorInfo addAlias(String number, String agent, String servicePassword);

  /** Every operator, active or not, ordered by number. */
  List<OperatorInfo> list();

  Optional<OperatorInfo> find(String number);

  /**
   * The directory as it is now, in memory: immutable, thread-safe, no database round trip per lookup, same
   * resolution as {@link #operatorOf}. Reports that resolve every queue_log row take one per report.
   */
  AgentDirectory directorySnapshot();

  /** Login log entries with {@code from <= at < to}, oldest first (same instant: in recording order). */
  List<Entry> loginEntries(Instant from, Instant to);
}
