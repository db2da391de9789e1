package ru.sipring.cli.screenpop;

import java.util.Objects;
import java.util.Optional;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.survey.ScreenPop;
import ru.sipring.survey.ScreenPops;

/**
 * Host-level wiring of the survey screen pop to the PBX: each {@link AgentConnected} becomes one {@link
 * ScreenPops#agentConnected} call with the call id, the queue, the caller number and the operator number.
 *
 * <p>It lives in the host (the CLI), not in an adapter, because it joins three modules that must stay
 * independent of each other: sipring-ami (the events), sipring-survey (the pop) and sipring-campaign (the
 * client base behind {@link CampaignClientCards}). DESIGN.md §1 lets adapters depend on core only, and neither
 * survey nor campaign depends on the other.
 *
 * <p>The operator is the number an {@link AgentDirectory} gives for the member's interface, else for its member
 * name; without either the member name (or the interface) is passed as it is. Thread-safe; {@link #accept}
 * runs the pop's listeners on the calling thread.
 */
public final class ScreenPopWiring implements java.util.function.Consumer<AgentConnected> {
  private final ScreenPops pops;
  private final AgentDirectory operators;

  private ScreenPopWiring(ScreenPops pops, AgentDirectory operators) {
    this.pops = Objects.requireNonNull(pops, "pops");
    this.operators = Objects.requireNonNull(operators, "operators");
  }

  /** Pops through {@code pops}; {@code operators} turns interfaces and member names into operator numbers. */
  public static ScreenPopWiring create(ScreenPops pops, AgentDirectory operators) {
    return new ScreenPopWiring(pops, operators);
  }

  /** One connected call: builds the pop, hands it to the listeners, and returns it. */
  public ScreenPop connected(AgentConnected call) {
    return pops.agentConnected(call.callId(), call.queue(), call.callerNumber(), operatorOf(call));
  }

  @Override
  public void accept(AgentConnected call) {
    connected(call);
  }

  String operatorOf(AgentConnected call) {
    Optional<Operator> op = call.memberInterface().isEmpty() ? Optional.empty()
        : operators.operatorOf(call.memberInterface());
    if (op.isEmpty() && !call.memberName().isEmpty()) {
      op = operators.operatorOf(call.memberName());
    }
    return op.map(Operator::number)
        .orElse(call.memberName().isEmpty() ? call.memberInterface() : call.memberName());
  }
}
