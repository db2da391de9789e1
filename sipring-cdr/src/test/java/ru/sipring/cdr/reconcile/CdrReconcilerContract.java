package ru.sipring.cdr.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.cdr.CdrRecord;
import ru.sipring.cdr.CdrRepository;
import ru.sipring.core.BadInputException;

/**
 * What the CDR reconciliation does on every store: the campaign store in memory, on the embedded H2 and on MariaDB,
 * each with a CDR table of its kind. Lives in this module's tests (the testkit cannot see {@code CdrRecord}).
 */
abstract class CdrReconcilerContract {
  static final ZoneId PBX = ZoneId.of("Europe/Moscow");
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** The stores one test runs on. */
  interface Fixture extends AutoCloseable {
    CampaignStore campaign();

    CdrRepository cdr();

    /** Adds rows to the CDR table, as Asterisk does when calls end. */
    void addCdr(List<CdrRecord> rows);

    @Override
    void close();
  }

  /** New, empty stores. */
  protected abstract Fixture newFixture();

  private Fixture f;
  private CampaignStore store;
  private Contact c1;
  private Contact c2;
  private final MutableClock clock = new MutableClock(T0);

  @BeforeEach
  void setUp() {
    f = newFixture();
    store = f.campaign();
    long task = store.campaigns().createTask(store.campaigns().createProject("П").id(), "З").id();
    Assignment a = store.campaigns().createAssignment(task, "А", AssignmentSettings.defaults(PBX));
    store.contacts().insertAll(a.id(), List.of(Contact.of(a.id(), "8 (916) 000-00-01", Map.of(), Map.of()),
        Contact.of(a.id(), "89160000002", Map.of(), Map.of())));
    c1 = store.contacts().byAssignment(a.id()).get(0);
    c2 = store.contacts().byAssignment(a.id()).get(1);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  static CdrRecord cdr(Instant start, String dst, String disposition, int duration, int billsec, String uid,
      String linkedid, String recording) {
    return new CdrRecord(LocalDateTime.ofInstant(start, PBX), "\"SipRing\" <12345678>", "12345678", dst,
        "from-internal", "Local/" + dst + "@from-internal-00000001;2", "SIP/trunk-00000002", "Dial", "SIP/trunk/" + dst,
        Duration.ofSeconds(duration), Duration.ofSeconds(billsec), disposition, 3, "", uid, "", "", recording, "", "",
        "", "", "", linkedid, "", 1);
  }

  private CallAttempt dialerAttempt(Contact c, Instant at, CallOutcome outcome, String uid) {
    CallAttempt a = new CallAttempt(0, c.id(), c.assignmentId(), null, c.phone(), at, at.plusSeconds(20), outcome, 20,
        0, "", uid, null, true, "t" + at.getEpochSecond());
    return store.attempts().insert(a);
  }

  private CallAttempt operatorAttempt(Contact c, Instant at, CallOutcome outcome) {
    return store.attempts().insert(CallAttempt.operatorCall(c.id(), c.assignmentId(), "Иванов ВВ", c.phone(), at,
        outcome, 15, 0, "заметка"));
  }

  private CdrReconciler reconciler() {
    return new CdrReconciler(store, f.cdr(), PBX, clock, Duration.ofSeconds(60), Duration.ofHours(2), T0);
  }

  private CallAttempt reread(CallAttempt a) {
    return store.attempts().byId(a.id()).orElseThrow();
  }

  @Test
  void uniqueIdFindsTheClientLegAndTheRecordingAmongTheCallsRows() {
    CallAttempt a = dialerAttempt(c1, T0, CallOutcome.ANSWERED, "1772442000.11");
    f.addCdr(List.of(
        cdr(T0.plusSeconds(1), "520", "ANSWERED", 70, 64, "1772442000.11", "1772442000.11", ""),
        cdr(T0.plusSeconds(1), "79160000001", "ANSWERED", 69, 61, "1772442000.12", "1772442000.11",
            "out-79160000001-20260302-120001.wav"),
        cdr(T0.plusSeconds(2), "79160000099", "ANSWERED", 30, 25, "1772442002.13", "1772442002.13", "other.wav")));

    ReconcileResult r = reconciler().reconcile(T0.minusSeconds(60), T0.plusSeconds(60));

    CallAttempt got = reread(a);
    assertThat(got.billsec()).isEqualTo(61);
    assertThat(got.durationSeconds()).isEqualTo(69);
    assertThat(got.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(got.recording()).isEqualTo("out-79160000001-20260302-120001.wav");
    assertThat(got.uniqueId()).isEqualTo("1772442000.11");
    assertThat(r).isEqualTo(new ReconcileResult(3, 1, 1, 0, 1, 0));
  }

  @Test
  void whatTheOperatorWritesWhileTheCdrIsReadStays() {
    CallAttempt a = operatorAttempt(c1, T0, CallOutcome.NO_ANSWER);
    f.addCdr(List.of(cdr(T0.plusSeconds(2), "79160000001", "ANSWERED", 70, 61, "1772442000.21", "1772442000.21",
        "out-79160000001.wav")));
    // the operator finishes the call (note, end) after the reconciliation has read the attempts, while it reads
    // the CDR table: the reconciliation's write must not put back the attempt as it was read
    CdrRepository cdr = f.cdr();
    CdrRepository operatorMeanwhile = new CdrRepository() {
      @Override
      public String name() {
        return cdr.name();
      }

      @Override
      public long read(ru.sipring.cdr.CdrQuery query, Sink sink) {
        CallAttempt now = reread(a);
        store.attempts().update(new CallAttempt(now.id(), now.contactId(), now.assignmentId(), now.operator(),
            now.number(), now.startedAt(), T0.plusSeconds(75), now.outcome(), now.durationSeconds(), now.billsec(),
            "перезвонить в пятницу", now.uniqueId(), now.recording(), now.dialer(), "done-by-operator"));
        return cdr.read(query, sink);
      }
    };
    ReconcileResult r = new CdrReconciler(store, operatorMeanwhile, PBX, clock, Duration.ofSeconds(60),
        Duration.ofHours(2), T0).reconcile(T0.minusSeconds(60), T0.plusSeconds(60));

    CallAttempt got = reread(a);
    assertThat(r.updated()).isEqualTo(1);
    assertThat(got.note()).isEqualTo("перезвонить в пятницу");
    assertThat(got.endedAt()).isEqualTo(T0.plusSeconds(75));
    assertThat(got.tag()).isEqualTo("done-by-operator");
    assertThat(got.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(got.billsec()).isEqualTo(61);
    assertThat(got.durationSeconds()).isEqualTo(70);
    assertThat(got.recording()).isEqualTo("out-79160000001.wav");
  }

  @Test
  void thousandsOfCallsAreWrittenInBatchesAndAllOfThemLand() {
    List<CallAttempt> attempts = new java.util.ArrayList<>();
    List<CdrRecord> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 2_345; i++) {
      Instant at = T0.plusSeconds(i * 3L);
      String uid = "1772442000." + (1000 + i);
      attempts.add(dialerAttempt(i % 2 == 0 ? c1 : c2, at, CallOutcome.NO_ANSWER, uid));
      rows.add(cdr(at.plusSeconds(1), i % 2 == 0 ? "79160000001" : "79160000002", i % 7 == 0 ? "BUSY" : "ANSWERED",
          30 + i % 50, i % 7 == 0 ? 0 : 20 + i % 40, uid, uid, i % 3 == 0 ? "rec-" + i + ".wav" : ""));
    }
    f.addCdr(rows);
    ReconcileResult r = reconciler().reconcile(T0.minusSeconds(60), T0.plusSeconds(3L * 2_345 + 60));
    assertThat(r.updated()).isEqualTo(2_345);
    for (int i = 0; i < attempts.size(); i += 97) {
      CallAttempt got = reread(attempts.get(i));
      assertThat(got.outcome()).as("attempt %d", i).isEqualTo(i % 7 == 0 ? CallOutcome.BUSY : CallOutcome.ANSWERED);
      assertThat(got.durationSeconds()).as("attempt %d", i).isEqualTo(30 + i % 50);
      assertThat(got.billsec()).as("attempt %d", i).isEqualTo(i % 7 == 0 ? 0 : 20 + i % 40);
      assertThat(got.recording()).as("attempt %d", i).isEqualTo(i % 3 == 0 ? "rec-" + i + ".wav" : null);
    }
    assertThat(reconciler().reconcile(T0.minusSeconds(60), T0.plusSeconds(3L * 2_345 + 60)).updated())
        .as("the re-run is idempotent").isZero();
  }

  @Test
  void withoutUniqueIdTheNumberAndTheNearestTimeMatchEachRowOnce() {
    CallAttempt first = operatorAttempt(c2, T0, CallOutcome.NO_ANSWER);
    CallAttempt second = operatorAttempt(c2, T0.plusSeconds(40), CallOutcome.NO_ANSWER);
    CallAttempt far = operatorAttempt(c1, T0.plusSeconds(600), CallOutcome.NO_ANSWER);
    f.addCdr(List.of(
        cdr(T0.plusSeconds(42), "89160000002", "ANSWERED", 50, 44, "1772442042.2", "1772442042.2", "b.wav"),
        cdr(T0.plusSeconds(3), "89160000002", "BUSY", 2, 0, "1772442003.1", "1772442003.1", ""),
        cdr(T0.plusSeconds(900), "79160000001", "ANSWERED", 50, 44, "1772442900.3", "1772442900.3", "")));

    ReconcileResult r = reconciler().reconcile(T0.minusSeconds(60), T0.plusSeconds(3600));

    assertThat(reread(first).outcome()).isEqualTo(CallOutcome.BUSY);
    assertThat(reread(first).billsec()).isZero();
    assertThat(reread(second).outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(reread(second).billsec()).isEqualTo(44);
    assertThat(reread(second).recording()).isEqualTo("b.wav");
    assertThat(reread(far)).isEqualTo(far); // 300 s away: beyond the tolerance
    assertThat(r.byNumber()).isEqualTo(2);
    assertThat(r.unmatched()).isEqualTo(1);
  }

  @Test
  void runningAgainChangesNothing() {
    CallAttempt a = dialerAttempt(c1, T0, CallOutcome.ANSWERED, "1772442000.11");
    operatorAttempt(c2, T0.plusSeconds(5), CallOutcome.ANSWERED);
    f.addCdr(List.of(cdr(T0, "79160000001", "ANSWERED", 70, 64, "1772442000.11", "1772442000.11", "a.wav"),
        cdr(T0.plusSeconds(6), "89160000002", "ANSWERED", 20, 12, "1772442006.1", "1772442006.1", "")));
    CdrReconciler rec = reconciler();
    ReconcileResult once = rec.reconcile(T0.minusSeconds(60), T0.plusSeconds(60));
    List<CallAttempt> after = store.attempts().between(T0.minusSeconds(60), T0.plusSeconds(60));

    ReconcileResult twice = rec.reconcile(T0.minusSeconds(60), T0.plusSeconds(60));

    assertThat(once.updated()).isEqualTo(2);
    assertThat(twice.updated()).isZero();
    assertThat(twice.byUniqueId() + twice.byNumber()).isEqualTo(2);
    assertThat(store.attempts().between(T0.minusSeconds(60), T0.plusSeconds(60))).isEqualTo(after);
    assertThat(reread(a).billsec()).isEqualTo(64);
  }

  @Test
  void callsInProgressAreLeftToTheDialer() {
    CallAttempt open = store.attempts().insert(new CallAttempt(0, c1.id(), c1.assignmentId(), null, c1.phone(), T0,
        null, null, 0, 0, "", "1772442000.11", null, true, "x"));
    f.addCdr(List.of(cdr(T0, "79160000001", "ANSWERED", 70, 64, "1772442000.11", "1772442000.11", "")));

    ReconcileResult r = reconciler().reconcile(T0.minusSeconds(60), T0.plusSeconds(60));

    assertThat(reread(open)).isEqualTo(open);
    assertThat(r.attempts()).isZero();
  }

  @Test
  void pollingFollowsTheWatermarkAndFindsALongCallsLateRow() {
    CdrReconciler rec = reconciler();
    CallAttempt a = dialerAttempt(c1, T0.plusSeconds(10), CallOutcome.ANSWERED, "1772442010.5");
    clock.set(T0.plusSeconds(60));
    assertThat(rec.poll().updated()).isZero(); // the call goes on: no row yet
    assertThat(rec.watermark()).isEqualTo(T0.plusSeconds(60));

    // the row appears when the 40-minute call ends, with the call's start as its calldate
    f.addCdr(List.of(cdr(T0.plusSeconds(11), "79160000001", "ANSWERED", 2400, 2395, "1772442010.5",
        "1772442010.5", "long.wav")));
    clock.set(T0.plusSeconds(2420));
    ReconcileResult r = rec.poll();

    assertThat(r.updated()).isEqualTo(1);
    assertThat(reread(a).billsec()).isEqualTo(2395);
    assertThat(rec.watermark()).isEqualTo(T0.plusSeconds(2420));
  }

  @Test
  void catchUpCoversAPeriodLongerThanASlice() {
    CallAttempt early = dialerAttempt(c1, T0, CallOutcome.ANSWERED, "1772442000.1");
    Instant later = T0.plus(Duration.ofHours(20));
    CallAttempt late = dialerAttempt(c2, later, CallOutcome.NO_ANSWER, "1772514000.2");
    f.addCdr(List.of(cdr(T0, "79160000001", "ANSWERED", 10, 8, "1772442000.1", "1772442000.1", ""),
        cdr(later, "89160000002", "BUSY", 3, 0, "1772514000.2", "1772514000.2", "")));

    ReconcileResult r = reconciler().reconcile(T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofDays(1)));

    assertThat(reread(early).billsec()).isEqualTo(8);
    assertThat(reread(late).outcome()).isEqualTo(CallOutcome.BUSY);
    assertThat(r.updated()).isEqualTo(2);
  }

  @Test
  void badSettingsNameTheirField() {
    assertThatThrownBy(() -> new CdrReconciler(store, f.cdr(), PBX, clock, Duration.ZERO, Duration.ofHours(1), T0))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("tolerance:");
    assertThatThrownBy(() -> new CdrReconciler(store, f.cdr(), PBX, clock, Duration.ofSeconds(5),
        Duration.ofDays(8), T0)).isInstanceOf(BadInputException.class).hasMessageStartingWith("lookback:");
    assertThatThrownBy(() -> reconciler().reconcile(T0, T0)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("period:");
  }

  /** A clock the test moves. */
  static final class MutableClock extends java.time.Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant i) {
      now = i;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public java.time.Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
