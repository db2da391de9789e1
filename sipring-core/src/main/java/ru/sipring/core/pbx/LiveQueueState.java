package ru.sipring.core.pbx;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a wallboard shows for one queue at one instant: the callers waiting (in queue order) with their wait,
 * the longest wait, the members and what each is doing, and the calls answered (completed) and abandoned
 * since the PBX started counting. Immutable.
 *
 * @param queue the queue number, as the PBX names it
 * @param callers callers waiting, position 1 first
 * @param members members, in the order the PBX lists them
 * @param answered calls answered and completed since the PBX's queue statistics started
 * @param abandoned calls abandoned since the PBX's queue statistics started
 * @param at when this state was taken (wait times are relative to it)
 */
public record LiveQueueState(String queue, List<Caller> callers, List<Member> members, int answered,
    int abandoned, Instant at) {

  /**
   * Checks the required fields and copies the lists.
   *
   * @param queue the queue number, as the PBX names it
   * @param callers callers waiting, position 1 first
   * @param members members, in the order the PBX lists them
   * @param answered calls answered and completed since the PBX's queue statistics started
   * @param abandoned calls abandoned since the PBX's queue statistics started
   * @param at when this state was taken (wait times are relative to it)
   */
  public LiveQueueState {
    Objects.requireNonNull(queue, "queue");
    callers = List.copyOf(callers);
    members = List.copyOf(members);
    Objects.requireNonNull(at, "at");
  }

  /**
   * The longest wait among the callers, zero when nobody waits.
   *
   * @return the longest current wait
   */
  public Duration longestWait() {
    return callers.stream().map(Caller::waiting).max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /**
   * The members free to take a call now: logged in and reachable ({@link MemberStatus#IDLE}), not paused, not on
   * a call, not ringing. This is the "free operators" a dialer paces by. A member whose device state the PBX does
   * not report ({@link MemberStatus#UNKNOWN}) does not count: dialing for an operator who may not be there
   * makes an abandoned call.
   *
   * @return the free members, in the order the PBX lists them
   */
  public List<Member> freeMembers() {
    return members.stream().filter(Member::free).toList();
  }

  /**
   * How many members are {@link #freeMembers() free}, without building the list.
   *
   * @return the number of free members
   */
  public int freeMemberCount() {
    int n = 0;
    for (Member m : members) {
      if (m.free()) {
        n++;
      }
    }
    return n;
  }

  /** A caller waiting in the queue. */
  public record Caller(int position, String callerIdNum, String callerIdName, String uniqueId, Instant joinedAt,
      Duration waiting) {
    /**
     * Checks the required fields.
     *
     * @param position the position in the queue, 1 = next to be answered
     * @param callerIdNum the caller id number, "" when withheld
     * @param callerIdName the caller id name, "" when none
     * @param uniqueId the caller channel's uniqueid (= queue_log callid)
     * @param joinedAt when the caller joined the queue
     * @param waiting how long the caller has waited, as of the state's time
     */
    public Caller {
      Objects.requireNonNull(callerIdNum, "callerIdNum");
      Objects.requireNonNull(callerIdName, "callerIdName");
      Objects.requireNonNull(uniqueId, "uniqueId");
      Objects.requireNonNull(joinedAt, "joinedAt");
      Objects.requireNonNull(waiting, "waiting");
    }
  }

  /** What a member is doing. A paused member that is still on a call is {@link #IN_CALL} (and paused). */
  public enum MemberStatus {
    /** Logged in, reachable and not on a call: free unless paused. */
    IDLE,
    /** The member's phone is ringing. */
    RINGING,
    /** On a call (from this queue or not). */
    IN_CALL,
    /** Paused and not on a call. */
    PAUSED,
    /** The device is not registered or not reachable. */
    UNAVAILABLE,
    /** The PBX did not report the device state. */
    UNKNOWN
  }

  /** A queue member. */
  public record Member(String memberInterface, String name, MemberStatus status, boolean paused,
      @Nullable String pausedReason, int callsTaken) {
    /**
     * Checks the required fields.
     *
     * @param memberInterface the member's interface, such as {@code PJSIP/501}
     * @param name the member's name as the queue knows it
     * @param status what the member is doing
     * @param paused whether the member is paused
     * @param pausedReason the pause reason, or null when not paused or none given
     * @param callsTaken calls the member took since joining the queue
     */
    public Member {
      Objects.requireNonNull(memberInterface, "memberInterface");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
    }

    /**
     * Whether this member can take a call now: idle (logged in, reachable, not on a call, not ringing) and not
     * paused. The paused flag is checked too because a PBX may report a paused member's device as idle.
     *
     * @return true when the member is free
     */
    public boolean free() {
      return status == MemberStatus.IDLE && !paused;
    }
  }
}
