package ru.sipring.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.DncRepository;
import ru.sipring.campaign.call.ClickToCall;
import ru.sipring.campaign.call.ClickToCallSettings;
import ru.sipring.campaign.dialer.Dialer;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;
import ru.sipring.testkit.time.SimulatedClock;

/**
 * What {@link ClickToCall} does on every campaign store: the attempt opened before the originate, closed by the PBX's
 * report or by the operator's choice, the card counting each call once. The PBX is the testkit's
 * {@link InMemoryPbxGateway} with held calls, completed by the test. The in-memory store and the database one
 * (embedded H2 and MariaDB) extend this class.
 */
public abstract class ClickToCallContract {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /**
   * A new, empty store.
   *
   * @return the store
   */
  protected abstract CampaignStore newStore();

  private CampaignStore store;
  private final SimulatedClock clock = SimulatedClock.at(T0);
  private InMemoryPbxGateway pbx;
  private ClickToCall calls;
  private Assignment assignment;
  private Contact client;
  private long projectId;

  @BeforeEach
  void setUp() {
    store = newStore();
    projectId = store.campaigns().createProject("Проект").id();
    long task = store.campaigns().createTask(projectId, "Задача").id();
    assignment = store.campaigns().createAssignment(task, "Задание",
        AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
    store.contacts().insertAll(assignment.id(), List.of(Contact.of(assignment.id(), "8 (916) 000-00-01", Map.of(),
        Map.of()), Contact.of(assignment.id(), "", Map.of(), Map.of("Имя", "без номера"))));
    client = store.contacts().byAssignment(assignment.id()).get(0);
    pbx = InMemoryPbxGateway.of(clock).script(r -> InMemoryPbxGateway.Script.hold());
    calls = new ClickToCall(store, pbx, clock, ClickToCallSettings.of("from-internal", "\"Продажи\" <4951234567>"));
  }

  private Contact card() {
    return store.contacts().byId(client.id()).orElseThrow();
  }

  private CallAttempt stored(CallAttempt a) {
    return store.attempts().byId(a.id()).orElseThrow();
  }

  @Test
  void answeredCallIsOpenUntilTheOperatorChooses() {
    CallAttempt open = calls.call("Иванов ВВ", "101", client.id());

    assertThat(open.inProgress()).isTrue();
    assertThat(open.operator()).isEqualTo("Иванов ВВ");
    assertThat(open.dialer()).isFalse();
    OriginateRequest r = pbx.originated().get(0);
    assertThat(r.channel()).isEqualTo("Local/79160000001@from-internal");
    assertThat(r.extension()).isEqualTo("101");
    assertThat(r.context()).isEqualTo("from-internal");
    assertThat(r.variables()).containsEntry(ClickToCall.ATTEMPT_VARIABLE, String.valueOf(open.id()));

    clock.advance(Duration.ofSeconds(8));
    pbx.complete(r.tag(), OriginateOutcome.ANSWERED);
    CallAttempt talking = stored(open);
    assertThat(talking.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(talking.uniqueId()).isNotNull();
    assertThat(talking.endedAt()).isNull();
    assertThat(card().status()).isEqualTo(ContactStatus.ANSWERED);
    assertThat(card().attempts()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(100));
    CallAttempt done = calls.finish(open.id(), ContactStatus.DONE, "договорились; перезвонить в пятницу");
    assertThat(stored(open)).isEqualTo(done);
    assertThat(done.note()).isEqualTo("договорились; перезвонить в пятницу");
    assertThat(done.endedAt()).isEqualTo(T0.plusSeconds(108));
    assertThat(done.durationSeconds()).isEqualTo(108);
    assertThat(card().status()).isEqualTo(ContactStatus.DONE);
    assertThat(card().attempts()).isEqualTo(1);
    assertThat(card().lastOutcome()).isEqualTo(CallOutcome.ANSWERED);
  }

  @Test
  void thePbxClosesAnUnansweredCallAndTheOperatorMayStillChooseTheStatus() {
    CallAttempt open = calls.call("Иванов ВВ", "101", client.id());
    clock.advance(Duration.ofSeconds(30));
    pbx.complete(pbx.pendingTags().get(0), OriginateOutcome.BUSY);

    CallAttempt busy = stored(open);
    assertThat(busy.outcome()).isEqualTo(CallOutcome.BUSY);
    assertThat(busy.endedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(busy.billsec()).isZero();
    assertThat(card().status()).isEqualTo(ContactStatus.BUSY);
    assertThat(card().attempts()).isEqualTo(1);

    calls.finish(open.id(), ContactStatus.NO_ANSWER, "автоответчик");
    assertThat(stored(open).outcome()).isEqualTo(CallOutcome.BUSY);
    assertThat(stored(open).note()).isEqualTo("автоответчик");
    assertThat(card().status()).isEqualTo(ContactStatus.NO_ANSWER);
    assertThat(card().attempts()).isEqualTo(1);
  }

  @Test
  void theOperatorFinishingFirstCountsTheCallOnceAndTheLateReportAddsTheUniqueId() {
    CallAttempt open = calls.call("Иванов ВВ", "101", client.id());
    clock.advance(Duration.ofSeconds(12));
    calls.finish(open.id(), ContactStatus.NO_ANSWER, "");
    assertThat(stored(open).outcome()).isEqualTo(CallOutcome.NO_ANSWER);
    assertThat(card().attempts()).isEqualTo(1);

    pbx.complete(pbx.pendingTags().get(0), OriginateOutcome.NO_ANSWER);

    assertThat(card().attempts()).isEqualTo(1);
    assertThat(card().status()).isEqualTo(ContactStatus.NO_ANSWER);
    assertThat(stored(open).uniqueId()).isNotNull();
    assertThat(stored(open).endedAt()).isEqualTo(T0.plusSeconds(12));
  }

  @Test
  void aDialerRestartLeavesAnOperatorsRingingCallAlone() {
    CallAttempt open = calls.call("Иванов ВВ", "101", client.id());
    try (Dialer d = Dialer.builder(store, pbx, assignment.id()).clock(clock)
        .settings(DialerSettings.guide("520", "from-internal", "1", 0, Duration.ofSeconds(30), Duration.ofSeconds(1)))
        .freeOperators(() -> 0).build()) {
      assertThat(stored(open).inProgress()).isTrue();
      assertThat(card().status()).isEqualTo(ContactStatus.NEW);
    }
  }

  @Test
  void refusedBeforeAnythingIsStoredOrDialled() {
    store.dnc().add(DncRepository.projectKey(projectId), client.phoneNormalized());
    assertThatThrownBy(() -> calls.call("Иванов ВВ", "101", client.id())).isInstanceOf(RejectedException.class)
        .hasMessageContaining("do-not-call");
    long noPhone = store.contacts().byAssignment(assignment.id()).get(1).id();
    assertThatThrownBy(() -> calls.call("Иванов ВВ", "101", noPhone)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("phone:");
    assertThatThrownBy(() -> calls.call("Иванов ВВ", "101\r\nAction: Command", client.id()))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("extension:");
    assertThatThrownBy(() -> calls.call(" ", "101", client.id())).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("operator:");
    assertThatThrownBy(() -> calls.call("Иванов ВВ", "101", client.id() + 1000))
        .isInstanceOf(NotFoundException.class);

    assertThat(pbx.originated()).isEmpty();
    assertThat(store.attempts().byContact(client.id())).isEmpty();
    assertThat(card().attempts()).isZero();
  }

  @Test
  void badChoicesNameTheirField() {
    CallAttempt open = calls.call("Иванов ВВ", "101", client.id());
    assertThatThrownBy(() -> calls.finish(open.id(), ContactStatus.NEW, "")).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("status:");
    assertThatThrownBy(() -> calls.finish(open.id(), ContactStatus.DONE, "x".repeat(ClickToCall.MAX_NOTE + 1)))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("note:");
    assertThatThrownBy(() -> calls.finish(open.id() + 1000, ContactStatus.DONE, ""))
        .isInstanceOf(NotFoundException.class);
    assertThat(stored(open).inProgress()).isTrue();
    assertThatThrownBy(() -> ClickToCallSettings.of("from-internal\nAction: Command", "1"))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("context:");
    assertThatThrownBy(() -> new ClickToCallSettings("from-internal", "1", Duration.ofSeconds(1), "Local/{number}@x"))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("ringTimeout:");
  }

  @Test
  void aPbxThatCannotBeReachedClosesTheAttemptAsFailed() {
    pbx.setReachable(false);

    CallAttempt a = calls.call("Иванов ВВ", "101", client.id());

    assertThat(a.outcome()).isEqualTo(CallOutcome.FAILED);
    assertThat(a.note()).startsWith("the PBX did not place the call");
    assertThat(card().status()).isEqualTo(ContactStatus.FAILED);
  }
}
