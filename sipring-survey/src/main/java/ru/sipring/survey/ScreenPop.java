package ru.sipring.survey;

import java.util.Optional;

/**
 * What to show the operator the moment a call is connected: the client card, if the number is known, and
 * the queue's survey scenario, if one is assigned. Immutable.
 *
 * @param call call id, queue, operator, and the client (the normalised caller number)
 * @param callerNumber the caller id as the PBX gave it
 * @param client the client card found by the normalised number
 * @param scenario the scenario version assigned to the queue
 */
public record ScreenPop(CallContext call, String callerNumber, Optional<ClientCard> client,
                        Optional<PublishedScenario> scenario) {}
