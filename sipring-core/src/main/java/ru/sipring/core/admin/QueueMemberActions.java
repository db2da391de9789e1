package ru.sipring.core.admin;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.directory.OperatorLoginLog;
import ru.sipring.core.pbx.PbxGateway;
import ru.sipring.core.pbx.QueueMember;
import ru.sipring.core.text.ProtocolText;

/**
 * What a wallboard's supervisor does to queue members, through the PBX gateway (AMI {@code QueueAdd},
 * {@code QueueRemove}, {@code QueuePause}): add an operator of the registry to a queue, remove a member, pause
 * with a reason, unpause. Each action is recorded in the {@link AuditLog} ({@code agent.add}, {@code agent.remove},
 * {@code agent.pause}, {@code agent.unpause}; target {@code queue/interface}), also when the PBX refuses it
 * (detail {@code failed: ...}, and the exception is rethrown). Adds and removes also go to the operator login log
 * (the same log as the {@code *45} logins, with the acting user as "by"), so the working-time accounting sees them.
 *
 * <p>Every value sent to the PBX is checked to hold no line break (an AMI header cannot carry one). Thread-safe
 * when the gateway, directory and logs are (as SipRing's are).
 */
public final class QueueMemberActions {
  private final PbxGateway pbx;
  private final AgentDirectory operators;
  private final @Nullable OperatorLoginLog logins;
  private final AuditLog audit;
  private final Clock clock;

  /**
   * The actions on one PBX.
   *
   * @param pbx the PBX gateway
   * @param operators the operator registry (names of members)
   * @param logins where adds and removes are logged beside the {@code *45} logins; null for none
   * @param audit where every action is recorded
   * @param clock the time of entries
   */
  public QueueMemberActions(PbxGateway pbx, AgentDirectory operators, @Nullable OperatorLoginLog logins,
      AuditLog audit, Clock clock) {
    this.pbx = Objects.requireNonNull(pbx, "pbx");
    this.operators = Objects.requireNonNull(operators, "operators");
    this.logins = logins;
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The interface an operator gets when none is given.
   *
   * @param operatorNumber the registry's operator number (their extension)
   * @return {@code PJSIP/<number>}
   */
  public static String defaultInterface(String operatorNumber) {
    return "PJSIP/" + operatorNumber;
  }

  /**
   * Adds an operator of the registry to a queue under their full name.
   *
   * @param actor who does it
   * @param queue the queue
   * @param operatorNumber the registry's operator number
   * @param memberInterface the device interface; null or blank: {@link #defaultInterface}
   * @return the member as added
   * @throws NotFoundException when the registry does not know the operator
   * @throws BadInputException for a blank or multi-line value
   * @throws ru.sipring.core.RejectedException when the PBX refuses
   */
  public QueueMember add(String actor, String queue, String operatorNumber, @Nullable String memberInterface) {
    String q = value("queue", queue);
    String number = value("operator", operatorNumber);
    Operator op = operators.operatorOf(number).filter(o -> o.number().equals(number))
        .orElseThrow(() -> new NotFoundException("no operator with number " + number + " in the operator registry"));
    String iface = memberInterface == null || memberInterface.isBlank() ? defaultInterface(number)
        : value("interface", memberInterface);
    ProtocolText.requireHeaderSafe("name", op.name());
    QueueMember member = new QueueMember(q, iface, op.name(), 0, false);
    String target = q + "/" + iface;
    run(actor, "agent.add", target, op.number() + " " + op.name(), () -> pbx.addMember(member));
    loginLog(op, q, iface, OperatorLoginLog.Action.LOGIN, actor);
    return member;
  }

  /**
   * Removes a member from a queue.
   *
   * @param actor who does it
   * @param queue the queue
   * @param memberInterface the member's interface
   * @throws BadInputException for a blank or multi-line value
   * @throws ru.sipring.core.RejectedException when the PBX refuses (not a member)
   */
  public void remove(String actor, String queue, String memberInterface) {
    String q = value("queue", queue);
    String iface = value("interface", memberInterface);
    run(actor, "agent.remove", q + "/" + iface, "", () -> pbx.removeMember(q, iface));
    Optional<Operator> op = operators.operatorOf(iface);
    op.ifPresent(o -> loginLog(o, q, iface, OperatorLoginLog.Action.LOGOUT, actor));
  }

  /**
   * Pauses a member in one queue.
   *
   * @param actor who does it
   * @param queue the queue
   * @param memberInterface the member's interface
   * @param reason why (required: the guide's pause reasons — lunch, training, a call-back — are reported)
   * @throws BadInputException for a blank or multi-line value or no reason
   * @throws ru.sipring.core.RejectedException when the PBX refuses
   */
  public void pause(String actor, String queue, String memberInterface, String reason) {
    String q = value("queue", queue);
    String iface = value("interface", memberInterface);
    String why = value("reason", reason);
    if (why.length() > 80) {
      throw new BadInputException("reason", "at most 80 characters");
    }
    run(actor, "agent.pause", q + "/" + iface, why, () -> pbx.setPaused(iface, q, true, why));
  }

  /**
   * Unpauses a member in one queue.
   *
   * @param actor who does it
   * @param queue the queue
   * @param memberInterface the member's interface
   * @throws BadInputException for a blank or multi-line value
   * @throws ru.sipring.core.RejectedException when the PBX refuses
   */
  public void unpause(String actor, String queue, String memberInterface) {
    String q = value("queue", queue);
    String iface = value("interface", memberInterface);
    run(actor, "agent.unpause", q + "/" + iface, "", () -> pbx.setPaused(iface, q, false, null));
  }

  private void run(String actor, String action, String target, String detail, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      audit.record(new AuditEntry(clock.instant(), actor, action, target,
          (detail.isEmpty() ? "" : detail + "; ") + "failed: " + e.getMessage()));
      throw e;
    }
    audit.record(new AuditEntry(clock.instant(), actor, action, target, detail));
  }

  private void loginLog(Operator op, String queue, String iface, OperatorLoginLog.Action action, String actor) {
    if (logins != null) {
      logins.record(new OperatorLoginLog.Entry(op, queue, iface, action, clock.instant(), actor));
    }
  }

  private static String value(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new BadInputException(field, "is required");
    }
    if (value.length() > 128) {
      throw new BadInputException(field, "at most 128 characters");
    }
    ProtocolText.requireHeaderSafe(field, value);
    return value.strip();
  }
}
