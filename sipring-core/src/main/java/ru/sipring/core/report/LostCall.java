package ru.sipring.core.report;

import java.time.Duration;
import java.time.Instant;

/**
 * Section 2: one lost stint: the queue, ENTERQUEUE time, caller, the wait the terminal event reports, the
 * original position and the cause. {@code agent} is the member named on an ABANDON after a member answered
 * but before the bridge, else empty.
 */
public record LostCall(String queue, String queueName, Instant enteredAt, String caller, Duration waitTime,
    int position, LostCause cause, String agent, String callId) {}
