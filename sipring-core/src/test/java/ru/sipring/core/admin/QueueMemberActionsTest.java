package ru.sipring.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.directory.OperatorLoginLog;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.core.pbx.OriginateResult;
import ru.sipring.core.pbx.PbxGateway;
import ru.sipring.core.pbx.QueueMember;

class QueueMemberActionsTest {
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  /** Records what is asked; refuses members of queue "closed" as Asterisk refuses an unknown queue. */
  static final class RecordingPbx implements PbxGateway {
    final List<String> calls = new ArrayList<>();

    @Override
    public void addMember(QueueMember m) {
      refuse(m.queue());
      calls.add("add " + m.queue() + " " + m.memberInterface() + " " + m.memberName());
    }

    @Override
    public void removeMember(String queue, String memberInterface) {
      refuse(queue);
      calls.add("remove " + queue + " " + memberInterface);
    }

    @Override
    public void setPaused(String memberInterface, @Nullable String queue, boolean paused, @Nullable String reason) {
      refuse(String.valueOf(queue));
      calls.add((paused ? "pause " : "unpause ") + queue + " " + memberInterface + " " + reason);
    }

    @Override
    public CompletionStage<OriginateResult> originate(OriginateRequest request) {
      throw new UnsupportedOperationException("not used here");
    }

    @Override
    public void close() {
    }

    private static void refuse(String queue) {
      if (queue.equals("closed")) {
        throw new RejectedException("Unable to add interface: No such queue");
      }
    }
  }

  private final RecordingPbx pbx = new RecordingPbx();
  private final AuditLog audit = AuditLog.inMemory();
  private final List<OperatorLoginLog.Entry> logins = new ArrayList<>();
  private final Operator ivanova = new Operator("501", "Ivanova <b>A.</b>");
  private final QueueMemberActions actions = new QueueMemberActions(pbx,
      AgentDirectory.of(Map.of("501", ivanova, "PJSIP/501", ivanova)), logins::add, audit,
      Clock.fixed(T, ZoneOffset.UTC));

  @Test
  void addUsesTheRegistrysNameAndIsAuditedAndLogged() {
    QueueMember m = actions.add("sv", "6000", "501", null);
    assertThat(m.memberInterface()).isEqualTo("PJSIP/501");
    assertThat(pbx.calls).containsExactly("add 6000 PJSIP/501 Ivanova <b>A.</b>");
    assertThat(audit.recent(1)).containsExactly(
        new AuditEntry(T, "sv", "agent.add", "6000/PJSIP/501", "501 Ivanova <b>A.</b>"));
    assertThat(logins).containsExactly(new OperatorLoginLog.Entry(ivanova, "6000", "PJSIP/501",
        OperatorLoginLog.Action.LOGIN, T, "sv"));
  }

  @Test
  void pauseNeedsAReasonAndUnpauseRemoveAreAudited() {
    assertThatThrownBy(() -> actions.pause("sv", "6000", "PJSIP/501", " ")).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("reason:");
    actions.pause("sv", "6000", "PJSIP/501", "lunch");
    actions.unpause("sv", "6000", "PJSIP/501");
    actions.remove("sv", "6000", "PJSIP/501");
    assertThat(pbx.calls).containsExactly("pause 6000 PJSIP/501 lunch", "unpause 6000 PJSIP/501 null",
        "remove 6000 PJSIP/501");
    assertThat(audit.recent(10)).extracting(e -> e.action() + " " + e.target() + " " + e.detail())
        .containsExactly("agent.remove 6000/PJSIP/501 ", "agent.unpause 6000/PJSIP/501 ",
            "agent.pause 6000/PJSIP/501 lunch");
    assertThat(logins).extracting(OperatorLoginLog.Entry::action).containsExactly(OperatorLoginLog.Action.LOGOUT);
  }

  @Test
  void aRefusalIsAuditedAndRethrown() {
    assertThatThrownBy(() -> actions.pause("sv", "closed", "PJSIP/501", "lunch"))
        .isInstanceOf(RejectedException.class);
    assertThat(audit.recent(1).get(0).detail()).isEqualTo("lunch; failed: Unable to add interface: No such queue");
  }

  @Test
  void unknownOperatorsAndLineBreaksNeverReachThePbx() {
    assertThatThrownBy(() -> actions.add("sv", "6000", "777", null)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> actions.pause("sv", "6000", "PJSIP/501", "lunch\r\nAction: Originate"))
        .isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> actions.add("sv", "6000", "501", "PJSIP/501\nAction: Logoff"))
        .isInstanceOf(BadInputException.class);
    assertThat(pbx.calls).isEmpty();
    assertThat(audit.recent(10)).isEmpty();
  }
}
